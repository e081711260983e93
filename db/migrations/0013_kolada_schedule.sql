CREATE TABLE "kolada_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"enabled" boolean NOT NULL,
	"time_of_day" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kolada_fetches" ADD COLUMN "trigger" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "kolada_schedules" ADD CONSTRAINT "kolada_schedules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kolada_schedules" ADD CONSTRAINT "kolada_schedules_organization_id_actor_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","actor_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kolada_schedules_org_created" ON "kolada_schedules" USING btree ("organization_id","created_at");--> statement-breakpoint
-- Issue 18: the schedule's history is append-only like every history table (migration 0001).
CREATE TRIGGER kolada_schedules_append_only BEFORE UPDATE OR DELETE ON kolada_schedules FOR EACH ROW EXECUTE FUNCTION malbild_refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER kolada_schedules_no_truncate BEFORE TRUNCATE ON kolada_schedules FOR EACH STATEMENT EXECUTE FUNCTION malbild_refuse_history_change();
