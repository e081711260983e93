CREATE TABLE "kommun_intro_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kommun_intro_versions_org_item_seq" UNIQUE("organization_id","period_id","seq")
);
--> statement-breakpoint
CREATE TABLE "kommun_report_layouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"boards" jsonb NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kommun_report_layouts_org_item_seq" UNIQUE("organization_id","period_id","seq")
);
--> statement-breakpoint
ALTER TABLE "kommun_intro_versions" ADD CONSTRAINT "kommun_intro_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kommun_intro_versions" ADD CONSTRAINT "kommun_intro_versions_organization_id_period_id_periods_organization_id_id_fk" FOREIGN KEY ("organization_id","period_id") REFERENCES "public"."periods"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kommun_intro_versions" ADD CONSTRAINT "kommun_intro_versions_organization_id_author_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","author_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kommun_report_layouts" ADD CONSTRAINT "kommun_report_layouts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kommun_report_layouts" ADD CONSTRAINT "kommun_report_layouts_organization_id_period_id_periods_organization_id_id_fk" FOREIGN KEY ("organization_id","period_id") REFERENCES "public"."periods"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kommun_report_layouts" ADD CONSTRAINT "kommun_report_layouts_organization_id_author_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","author_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Issue 15 item 4: the kommun report's introduction and layout are history, append-only like every history table (migration 0001).
CREATE TRIGGER kommun_intro_versions_append_only BEFORE UPDATE OR DELETE ON kommun_intro_versions FOR EACH ROW EXECUTE FUNCTION malbild_refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER kommun_intro_versions_no_truncate BEFORE TRUNCATE ON kommun_intro_versions FOR EACH STATEMENT EXECUTE FUNCTION malbild_refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER kommun_report_layouts_append_only BEFORE UPDATE OR DELETE ON kommun_report_layouts FOR EACH ROW EXECUTE FUNCTION malbild_refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER kommun_report_layouts_no_truncate BEFORE TRUNCATE ON kommun_report_layouts FOR EACH STATEMENT EXECUTE FUNCTION malbild_refuse_history_change();
--> statement-breakpoint
ALTER TABLE kommun_intro_versions ADD CONSTRAINT kommun_intro_versions_seq_positive CHECK (seq >= 1);
--> statement-breakpoint
ALTER TABLE kommun_report_layouts ADD CONSTRAINT kommun_report_layouts_seq_positive CHECK (seq >= 1);
