CREATE TYPE "public"."report_chapter_kind" AS ENUM('narrative', 'goals', 'overall_perspective', 'board_assignments', 'finance_result', 'investments');--> statement-breakpoint
ALTER TYPE "public"."revision_item_kind" ADD VALUE 'narrative';--> statement-breakpoint
CREATE TABLE "narrative_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"part_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "narrative_versions_org_item_seq" UNIQUE("organization_id","part_id","period_id","seq")
);
--> statement-breakpoint
CREATE TABLE "report_chapter_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"chapter_id" uuid NOT NULL,
	"heading" text,
	"unit_id" uuid NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_chapter_parts_org_id" UNIQUE("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "report_chapters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"period_kind" "period_kind" NOT NULL,
	"kind" "report_chapter_kind" NOT NULL,
	"title" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_chapters_org_id" UNIQUE("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "narrative_versions" ADD CONSTRAINT "narrative_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "narrative_versions" ADD CONSTRAINT "narrative_versions_organization_id_part_id_report_chapter_parts_organization_id_id_fk" FOREIGN KEY ("organization_id","part_id") REFERENCES "public"."report_chapter_parts"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "narrative_versions" ADD CONSTRAINT "narrative_versions_organization_id_period_id_periods_organization_id_id_fk" FOREIGN KEY ("organization_id","period_id") REFERENCES "public"."periods"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "narrative_versions" ADD CONSTRAINT "narrative_versions_organization_id_author_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","author_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_chapter_parts" ADD CONSTRAINT "report_chapter_parts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_chapter_parts" ADD CONSTRAINT "report_chapter_parts_organization_id_chapter_id_report_chapters_organization_id_id_fk" FOREIGN KEY ("organization_id","chapter_id") REFERENCES "public"."report_chapters"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_chapter_parts" ADD CONSTRAINT "report_chapter_parts_organization_id_unit_id_units_organization_id_id_fk" FOREIGN KEY ("organization_id","unit_id") REFERENCES "public"."units"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_chapters" ADD CONSTRAINT "report_chapters_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "narrative_versions_org_period" ON "narrative_versions" USING btree ("organization_id","period_id");--> statement-breakpoint
CREATE INDEX "report_chapter_parts_org_chapter" ON "report_chapter_parts" USING btree ("organization_id","chapter_id");--> statement-breakpoint
CREATE INDEX "report_chapters_org_kind" ON "report_chapters" USING btree ("organization_id","period_kind");--> statement-breakpoint
-- Issue 15: narrative texts are history, as every other (0001_append_only_history.sql).
CREATE TRIGGER narrative_versions_append_only BEFORE UPDATE OR DELETE ON narrative_versions FOR EACH ROW EXECUTE FUNCTION malbild_refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER narrative_versions_no_truncate BEFORE TRUNCATE ON narrative_versions FOR EACH STATEMENT EXECUTE FUNCTION malbild_refuse_history_change();
--> statement-breakpoint
ALTER TABLE narrative_versions ADD CONSTRAINT narrative_versions_seq_positive CHECK (seq >= 1);
