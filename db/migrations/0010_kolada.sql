CREATE TYPE "public"."value_source" AS ENUM('manual', 'import', 'kolada');--> statement-breakpoint
CREATE TABLE "indicator_kolada_links" (
	"organization_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"kpi_id" text NOT NULL,
	"gender" text DEFAULT 'T' NOT NULL,
	"municipality_code" text,
	"year_offset" integer DEFAULT 0 NOT NULL,
	"measure" text DEFAULT 'value' NOT NULL,
	"rank_order" text DEFAULT 'lowest_first' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_kolada_links_organization_id_indicator_id_pk" PRIMARY KEY("organization_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "kolada_fetches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"scope_id" uuid,
	"ok" boolean NOT NULL,
	"message" text NOT NULL,
	"changed" integer DEFAULT 0 NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	"actor_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kolada_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"municipality_code" text NOT NULL,
	"comparison_group_id" text,
	"comparison_group_title" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_values" ADD COLUMN "source" "value_source" DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD COLUMN "kpi_id" text;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD COLUMN "fetched_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD COLUMN "kolada_context" jsonb;--> statement-breakpoint
ALTER TABLE "indicator_kolada_links" ADD CONSTRAINT "indicator_kolada_links_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_kolada_links" ADD CONSTRAINT "indicator_kolada_links_organization_id_indicator_id_indicators_organization_id_id_fk" FOREIGN KEY ("organization_id","indicator_id") REFERENCES "public"."indicators"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kolada_fetches" ADD CONSTRAINT "kolada_fetches_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kolada_fetches" ADD CONSTRAINT "kolada_fetches_organization_id_actor_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","actor_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kolada_settings" ADD CONSTRAINT "kolada_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kolada_fetches_org_created" ON "kolada_fetches" USING btree ("organization_id","created_at");