CREATE TYPE "public"."approval_action" AS ENUM('approved', 'reopened');--> statement-breakpoint
CREATE TYPE "public"."colour" AS ENUM('green', 'yellow', 'red', 'grey');--> statement-breakpoint
CREATE TYPE "public"."comparator" AS ENUM('lt', 'lte', 'gt', 'gte', 'eq', 'between', 'not_worse');--> statement-breakpoint
CREATE TYPE "public"."direction" AS ENUM('higher', 'lower');--> statement-breakpoint
CREATE TYPE "public"."frequency" AS ENUM('every_period', 'yearly');--> statement-breakpoint
CREATE TYPE "public"."goal_rule" AS ENUM('all', 'majority', 'manual');--> statement-breakpoint
CREATE TYPE "public"."indicator_source" AS ENUM('manual', 'kolada', 'other');--> statement-breakpoint
CREATE TYPE "public"."issuer_kind" AS ENUM('council', 'board');--> statement-breakpoint
CREATE TYPE "public"."period_kind" AS ENUM('T1', 'delar', 'helar');--> statement-breakpoint
CREATE TYPE "public"."period_state" AS ENUM('draft', 'open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('not_started', 'in_progress', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."revision_item_kind" AS ENUM('indicator', 'goal', 'assignment');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'director', 'viewer', 'editor');--> statement-breakpoint
CREATE TYPE "public"."text_slot" AS ENUM('goals_intro', 'focus_area_note', 'overall_perspective', 'assignments_intro');--> statement-breakpoint
CREATE TYPE "public"."trend" AS ENUM('better', 'same', 'worse');--> statement-breakpoint
CREATE TYPE "public"."unit_kind" AS ENUM('board', 'department', 'unit', 'external');--> statement-breakpoint
CREATE TABLE "approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"action" "approval_action" NOT NULL,
	"snapshot" jsonb,
	"reason" text,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approvals_org_item_seq" UNIQUE("organization_id","board_id","period_id","seq")
);
--> statement-breakpoint
CREATE TABLE "assignment_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"status" "report_status",
	"cancel_reason" text,
	"heading" text,
	"body" text,
	"author_id" uuid NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignment_reports_org_item_seq" UNIQUE("organization_id","assignment_id","unit_id","period_id","seq")
);
--> statement-breakpoint
CREATE TABLE "assignment_units" (
	"organization_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "assignment_units_organization_id_assignment_id_unit_id_pk" PRIMARY KEY("organization_id","assignment_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"issuer" "issuer_kind" NOT NULL,
	"issuer_board_id" uuid,
	"decision_date" date,
	"diary_number" text,
	"title" text NOT NULL,
	"description" text,
	"focus_area_id" uuid,
	"due_date" date,
	"group_label" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_org_id" UNIQUE("organization_id","id"),
	CONSTRAINT "assignments_org_code" UNIQUE("organization_id","code")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"changes" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "board_goal_council_goals" (
	"organization_id" uuid NOT NULL,
	"board_goal_id" uuid NOT NULL,
	"council_goal_id" uuid NOT NULL,
	CONSTRAINT "board_goal_council_goals_organization_id_board_goal_id_council_goal_id_pk" PRIMARY KEY("organization_id","board_goal_id","council_goal_id")
);
--> statement-breakpoint
CREATE TABLE "board_goal_units" (
	"organization_id" uuid NOT NULL,
	"board_goal_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "board_goal_units_organization_id_board_goal_id_unit_id_pk" PRIMARY KEY("organization_id","board_goal_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "board_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"focus_area_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"method_text" text,
	"rule" "goal_rule" NOT NULL,
	"continues_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_goals_org_id" UNIQUE("organization_id","id"),
	CONSTRAINT "board_goals_org_code" UNIQUE("organization_id","code"),
	CONSTRAINT "board_goals_org_plan_number" UNIQUE("organization_id","plan_id","number")
);
--> statement-breakpoint
CREATE TABLE "council_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"focus_area_id" uuid NOT NULL,
	"text" text NOT NULL,
	"phrase" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"valid_from" integer NOT NULL,
	"valid_to" integer,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_goals_org_id" UNIQUE("organization_id","id"),
	CONSTRAINT "council_goals_org_code" UNIQUE("organization_id","code")
);
--> statement-breakpoint
CREATE TABLE "focus_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"number" integer,
	"name" text NOT NULL,
	"parent_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"valid_from" integer NOT NULL,
	"valid_to" integer,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "focus_areas_org_id" UNIQUE("organization_id","id"),
	CONSTRAINT "focus_areas_org_code" UNIQUE("organization_id","code")
);
--> statement-breakpoint
CREATE TABLE "goal_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"computed_colour" "colour",
	"chosen_colour" "colour",
	"justification" text,
	"analysis" text,
	"forecast_colour" "colour",
	"author_id" uuid NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_assessments_org_item_seq" UNIQUE("organization_id","goal_id","period_id","seq")
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"outcome" numeric,
	"reference_note" text,
	"analysis" text,
	"computed_colour" "colour" NOT NULL,
	"chosen_colour" "colour",
	"colour_justification" text,
	"computed_trend" "trend",
	"chosen_trend" "trend",
	"trend_justification" text,
	"judged_against" jsonb NOT NULL,
	"author_id" uuid NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_org_item_seq" UNIQUE("organization_id","indicator_id","period_id","seq")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"goal_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit_of_measure" text,
	"decimals" integer DEFAULT 0 NOT NULL,
	"comparator" "comparator" NOT NULL,
	"target_value" numeric,
	"target_low" numeric,
	"target_high" numeric,
	"direction" "direction",
	"target_label" text NOT NULL,
	"tolerance" numeric,
	"trend_tolerance" numeric,
	"frequency" "frequency" DEFAULT 'every_period' NOT NULL,
	"yearly_period_kind" "period_kind",
	"baseline_value" numeric,
	"baseline_year" integer,
	"source" "indicator_source" DEFAULT 'manual' NOT NULL,
	"source_ref" text,
	"responsible_unit_id" uuid NOT NULL,
	"continues_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_org_id" UNIQUE("organization_id","id"),
	CONSTRAINT "indicators_org_code" UNIQUE("organization_id","code")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" "period_kind" NOT NULL,
	"end_date" date NOT NULL,
	"deadline" date,
	"state" "period_state" DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "periods_org_id" UNIQUE("organization_id","id"),
	CONSTRAINT "periods_org_year_kind" UNIQUE("organization_id","year","kind")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"board_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_org_id" UNIQUE("organization_id","id"),
	CONSTRAINT "plans_org_code" UNIQUE("organization_id","code"),
	CONSTRAINT "plans_org_board_year" UNIQUE("organization_id","board_id","year")
);
--> statement-breakpoint
CREATE TABLE "readiness_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"ready" boolean NOT NULL,
	"comment" text,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "readiness_events_org_item_seq" UNIQUE("organization_id","unit_id","period_id","seq")
);
--> statement-breakpoint
CREATE TABLE "revision_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"item_kind" "revision_item_kind" NOT NULL,
	"item_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"comment" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"unit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_grants_org_user_role_unit" UNIQUE NULLS NOT DISTINCT("organization_id","user_id","role","unit_id")
);
--> statement-breakpoint
CREATE TABLE "text_block_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"text_block_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"heading" text,
	"body" text NOT NULL,
	"author_id" uuid NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "text_block_versions_org_item_seq" UNIQUE("organization_id","text_block_id","seq")
);
--> statement-breakpoint
CREATE TABLE "text_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"slot" text_slot NOT NULL,
	"focus_area_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "text_blocks_org_id" UNIQUE("organization_id","id"),
	CONSTRAINT "text_blocks_org_slot" UNIQUE NULLS NOT DISTINCT("organization_id","plan_id","period_id","slot","focus_area_id")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" "unit_kind" NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_org_id" UNIQUE("organization_id","id"),
	CONSTRAINT "units_org_code" UNIQUE("organization_id","code")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"password_hash" text,
	"external_issuer" text,
	"external_subject" text,
	"disabled_at" timestamp with time zone,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_org_id" UNIQUE("organization_id","id"),
	CONSTRAINT "users_org_email" UNIQUE("organization_id","email"),
	CONSTRAINT "users_org_external" UNIQUE("organization_id","external_issuer","external_subject")
);
--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_organization_id_board_id_units_organization_id_id_fk" FOREIGN KEY ("organization_id","board_id") REFERENCES "public"."units"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_organization_id_period_id_periods_organization_id_id_fk" FOREIGN KEY ("organization_id","period_id") REFERENCES "public"."periods"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_organization_id_author_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","author_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_reports" ADD CONSTRAINT "assignment_reports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_reports" ADD CONSTRAINT "assignment_reports_organization_id_assignment_id_assignments_organization_id_id_fk" FOREIGN KEY ("organization_id","assignment_id") REFERENCES "public"."assignments"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_reports" ADD CONSTRAINT "assignment_reports_organization_id_unit_id_units_organization_id_id_fk" FOREIGN KEY ("organization_id","unit_id") REFERENCES "public"."units"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_reports" ADD CONSTRAINT "assignment_reports_organization_id_period_id_periods_organization_id_id_fk" FOREIGN KEY ("organization_id","period_id") REFERENCES "public"."periods"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_reports" ADD CONSTRAINT "assignment_reports_organization_id_author_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","author_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_units" ADD CONSTRAINT "assignment_units_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_units" ADD CONSTRAINT "assignment_units_organization_id_assignment_id_assignments_organization_id_id_fk" FOREIGN KEY ("organization_id","assignment_id") REFERENCES "public"."assignments"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_units" ADD CONSTRAINT "assignment_units_organization_id_unit_id_units_organization_id_id_fk" FOREIGN KEY ("organization_id","unit_id") REFERENCES "public"."units"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_organization_id_issuer_board_id_units_organization_id_id_fk" FOREIGN KEY ("organization_id","issuer_board_id") REFERENCES "public"."units"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_organization_id_focus_area_id_focus_areas_organization_id_id_fk" FOREIGN KEY ("organization_id","focus_area_id") REFERENCES "public"."focus_areas"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_organization_id_actor_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","actor_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_goal_council_goals" ADD CONSTRAINT "board_goal_council_goals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_goal_council_goals" ADD CONSTRAINT "board_goal_council_goals_organization_id_board_goal_id_board_goals_organization_id_id_fk" FOREIGN KEY ("organization_id","board_goal_id") REFERENCES "public"."board_goals"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_goal_council_goals" ADD CONSTRAINT "board_goal_council_goals_organization_id_council_goal_id_council_goals_organization_id_id_fk" FOREIGN KEY ("organization_id","council_goal_id") REFERENCES "public"."council_goals"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_goal_units" ADD CONSTRAINT "board_goal_units_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_goal_units" ADD CONSTRAINT "board_goal_units_organization_id_board_goal_id_board_goals_organization_id_id_fk" FOREIGN KEY ("organization_id","board_goal_id") REFERENCES "public"."board_goals"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_goal_units" ADD CONSTRAINT "board_goal_units_organization_id_unit_id_units_organization_id_id_fk" FOREIGN KEY ("organization_id","unit_id") REFERENCES "public"."units"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_goals" ADD CONSTRAINT "board_goals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_goals" ADD CONSTRAINT "board_goals_organization_id_plan_id_plans_organization_id_id_fk" FOREIGN KEY ("organization_id","plan_id") REFERENCES "public"."plans"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_goals" ADD CONSTRAINT "board_goals_organization_id_focus_area_id_focus_areas_organization_id_id_fk" FOREIGN KEY ("organization_id","focus_area_id") REFERENCES "public"."focus_areas"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_goals" ADD CONSTRAINT "board_goals_organization_id_continues_id_board_goals_organization_id_id_fk" FOREIGN KEY ("organization_id","continues_id") REFERENCES "public"."board_goals"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_goals" ADD CONSTRAINT "council_goals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_goals" ADD CONSTRAINT "council_goals_organization_id_focus_area_id_focus_areas_organization_id_id_fk" FOREIGN KEY ("organization_id","focus_area_id") REFERENCES "public"."focus_areas"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focus_areas" ADD CONSTRAINT "focus_areas_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focus_areas" ADD CONSTRAINT "focus_areas_organization_id_parent_id_focus_areas_organization_id_id_fk" FOREIGN KEY ("organization_id","parent_id") REFERENCES "public"."focus_areas"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_assessments" ADD CONSTRAINT "goal_assessments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_assessments" ADD CONSTRAINT "goal_assessments_organization_id_goal_id_board_goals_organization_id_id_fk" FOREIGN KEY ("organization_id","goal_id") REFERENCES "public"."board_goals"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_assessments" ADD CONSTRAINT "goal_assessments_organization_id_period_id_periods_organization_id_id_fk" FOREIGN KEY ("organization_id","period_id") REFERENCES "public"."periods"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_assessments" ADD CONSTRAINT "goal_assessments_organization_id_author_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","author_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_organization_id_indicator_id_indicators_organization_id_id_fk" FOREIGN KEY ("organization_id","indicator_id") REFERENCES "public"."indicators"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_organization_id_period_id_periods_organization_id_id_fk" FOREIGN KEY ("organization_id","period_id") REFERENCES "public"."periods"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_organization_id_author_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","author_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_organization_id_goal_id_board_goals_organization_id_id_fk" FOREIGN KEY ("organization_id","goal_id") REFERENCES "public"."board_goals"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_organization_id_responsible_unit_id_units_organization_id_id_fk" FOREIGN KEY ("organization_id","responsible_unit_id") REFERENCES "public"."units"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_organization_id_continues_id_indicators_organization_id_id_fk" FOREIGN KEY ("organization_id","continues_id") REFERENCES "public"."indicators"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periods" ADD CONSTRAINT "periods_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_organization_id_board_id_units_organization_id_id_fk" FOREIGN KEY ("organization_id","board_id") REFERENCES "public"."units"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_events" ADD CONSTRAINT "readiness_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_events" ADD CONSTRAINT "readiness_events_organization_id_unit_id_units_organization_id_id_fk" FOREIGN KEY ("organization_id","unit_id") REFERENCES "public"."units"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_events" ADD CONSTRAINT "readiness_events_organization_id_period_id_periods_organization_id_id_fk" FOREIGN KEY ("organization_id","period_id") REFERENCES "public"."periods"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_events" ADD CONSTRAINT "readiness_events_organization_id_author_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","author_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revision_requests" ADD CONSTRAINT "revision_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revision_requests" ADD CONSTRAINT "revision_requests_organization_id_unit_id_units_organization_id_id_fk" FOREIGN KEY ("organization_id","unit_id") REFERENCES "public"."units"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revision_requests" ADD CONSTRAINT "revision_requests_organization_id_period_id_periods_organization_id_id_fk" FOREIGN KEY ("organization_id","period_id") REFERENCES "public"."periods"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revision_requests" ADD CONSTRAINT "revision_requests_organization_id_author_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","author_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_organization_id_user_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_organization_id_unit_id_units_organization_id_id_fk" FOREIGN KEY ("organization_id","unit_id") REFERENCES "public"."units"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_block_versions" ADD CONSTRAINT "text_block_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_block_versions" ADD CONSTRAINT "text_block_versions_organization_id_text_block_id_text_blocks_organization_id_id_fk" FOREIGN KEY ("organization_id","text_block_id") REFERENCES "public"."text_blocks"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_block_versions" ADD CONSTRAINT "text_block_versions_organization_id_author_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","author_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_blocks" ADD CONSTRAINT "text_blocks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_blocks" ADD CONSTRAINT "text_blocks_organization_id_plan_id_plans_organization_id_id_fk" FOREIGN KEY ("organization_id","plan_id") REFERENCES "public"."plans"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_blocks" ADD CONSTRAINT "text_blocks_organization_id_period_id_periods_organization_id_id_fk" FOREIGN KEY ("organization_id","period_id") REFERENCES "public"."periods"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_blocks" ADD CONSTRAINT "text_blocks_organization_id_focus_area_id_focus_areas_organization_id_id_fk" FOREIGN KEY ("organization_id","focus_area_id") REFERENCES "public"."focus_areas"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_organization_id_parent_id_units_organization_id_id_fk" FOREIGN KEY ("organization_id","parent_id") REFERENCES "public"."units"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignment_reports_org_period" ON "assignment_reports" USING btree ("organization_id","period_id");--> statement-breakpoint
CREATE INDEX "audit_events_org_created" ON "audit_events" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "goal_assessments_org_period" ON "goal_assessments" USING btree ("organization_id","period_id");--> statement-breakpoint
CREATE INDEX "indicator_values_org_period" ON "indicator_values" USING btree ("organization_id","period_id");--> statement-breakpoint
CREATE INDEX "revision_requests_org_period" ON "revision_requests" USING btree ("organization_id","period_id");