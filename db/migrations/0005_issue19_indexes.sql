CREATE INDEX "indicators_org_goal" ON "indicators" USING btree ("organization_id","goal_id");--> statement-breakpoint
CREATE INDEX "plans_org_year" ON "plans" USING btree ("organization_id","year");--> statement-breakpoint
CREATE INDEX "readiness_events_org_period" ON "readiness_events" USING btree ("organization_id","period_id");--> statement-breakpoint
CREATE INDEX "text_blocks_org_period" ON "text_blocks" USING btree ("organization_id","period_id");