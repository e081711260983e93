CREATE TYPE "public"."finance_table" AS ENUM('result', 'operations', 'investments');--> statement-breakpoint
CREATE TABLE "finance_explanations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"warning_key" text NOT NULL,
	"seq" integer NOT NULL,
	"figures" text NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finance_explanations_org_item_seq" UNIQUE("organization_id","board_id","period_id","warning_key","seq")
);
--> statement-breakpoint
CREATE TABLE "finance_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"table" "finance_table" NOT NULL,
	"seq" integer NOT NULL,
	"data" jsonb NOT NULL,
	"author_id" uuid NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finance_versions_org_item_seq" UNIQUE("organization_id","board_id","period_id","table","seq")
);
--> statement-breakpoint
ALTER TABLE "finance_explanations" ADD CONSTRAINT "finance_explanations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_explanations" ADD CONSTRAINT "finance_explanations_organization_id_board_id_units_organization_id_id_fk" FOREIGN KEY ("organization_id","board_id") REFERENCES "public"."units"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_explanations" ADD CONSTRAINT "finance_explanations_organization_id_period_id_periods_organization_id_id_fk" FOREIGN KEY ("organization_id","period_id") REFERENCES "public"."periods"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_explanations" ADD CONSTRAINT "finance_explanations_organization_id_author_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","author_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_versions" ADD CONSTRAINT "finance_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_versions" ADD CONSTRAINT "finance_versions_organization_id_board_id_units_organization_id_id_fk" FOREIGN KEY ("organization_id","board_id") REFERENCES "public"."units"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_versions" ADD CONSTRAINT "finance_versions_organization_id_period_id_periods_organization_id_id_fk" FOREIGN KEY ("organization_id","period_id") REFERENCES "public"."periods"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_versions" ADD CONSTRAINT "finance_versions_organization_id_author_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","author_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Issue 16: the finance history is append-only like every history table (migration 0001).
CREATE TRIGGER finance_versions_append_only BEFORE UPDATE OR DELETE ON finance_versions FOR EACH ROW EXECUTE FUNCTION malbild_refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER finance_versions_no_truncate BEFORE TRUNCATE ON finance_versions FOR EACH STATEMENT EXECUTE FUNCTION malbild_refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER finance_explanations_append_only BEFORE UPDATE OR DELETE ON finance_explanations FOR EACH ROW EXECUTE FUNCTION malbild_refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER finance_explanations_no_truncate BEFORE TRUNCATE ON finance_explanations FOR EACH STATEMENT EXECUTE FUNCTION malbild_refuse_history_change();
--> statement-breakpoint
ALTER TABLE finance_versions ADD CONSTRAINT finance_versions_seq_positive CHECK (seq >= 1);
--> statement-breakpoint
ALTER TABLE finance_explanations ADD CONSTRAINT finance_explanations_seq_positive CHECK (seq >= 1);
