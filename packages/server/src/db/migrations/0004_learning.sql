CREATE TABLE "cost_entries" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"trajectory_id" uuid,
	"intervention_id" uuid,
	"on" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"description" text NOT NULL,
	"funding" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cost_entries_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "goal_progress" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"status" text NOT NULL,
	"on" date NOT NULL,
	"by_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_progress_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "interventions" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"summary" text,
	"target_group" text,
	"target_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"goal" text,
	"theory" text,
	"method" text,
	"provider" text,
	"provider_partner_id" uuid,
	"geographic_reach" text,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"evidence_level" smallint,
	"recognition" text,
	"cost_cents" bigint,
	"cost_unit" text,
	"cost_includes" text,
	"contact" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (
  setweight(to_tsvector('dutch'::regconfig, coalesce(name, '')), 'A') ||
  setweight(to_tsvector('dutch'::regconfig, coalesce(summary, '') || ' ' || coalesce(target_group, '')), 'B') ||
  setweight(to_tsvector('dutch'::regconfig, coalesce(goal, '') || ' ' || coalesce(method, '') || ' ' || coalesce(provider, '')), 'C') ||
  setweight(to_tsvector('dutch'::regconfig, coalesce(theory, '') || ' ' || coalesce(geographic_reach, '') || ' ' || coalesce(cost_includes, '')), 'D')) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interventions_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "interventions_key_key" UNIQUE("organisation_id","key")
);
--> statement-breakpoint
CREATE TABLE "outcome_narratives" (
	"organisation_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"text" text NOT NULL,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcome_narratives_organisation_id_family_id_pk" PRIMARY KEY("organisation_id","family_id")
);
--> statement-breakpoint
CREATE TABLE "quick_referrals" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"referrer_user_id" uuid,
	"referrer_name" text NOT NULL,
	"referrer_organisation" text,
	"referrer_contact" text,
	"target_kind" text NOT NULL,
	"intervention_id" uuid,
	"team_id" uuid,
	"resident_name" text NOT NULL,
	"resident_contact" text,
	"family_id" uuid,
	"reason" text NOT NULL,
	"resident_consent" boolean NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"picked_up_by_id" uuid,
	"picked_up_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"outcome_note" text,
	"feedback_sent_at" timestamp with time zone,
	"feedback_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quick_referrals_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "time_entries" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"trajectory_id" uuid,
	"user_id" uuid NOT NULL,
	"on" date NOT NULL,
	"minutes" integer NOT NULL,
	"activity" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_entries_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "wat_telt_views" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"instrument_key" text NOT NULL,
	"markers" jsonb NOT NULL,
	"goes_well" text,
	"priorities" text[] DEFAULT '{}'::text[] NOT NULL,
	"own_goals" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"satisfaction" smallint,
	"recorded_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wat_telt_views_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "district_code" text;--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "neighbourhood_code" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "family_mode_family_id" uuid;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "family_mode_pin_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "family_mode_pin_hash" text;--> statement-breakpoint
ALTER TABLE "cost_entries" ADD CONSTRAINT "cost_entries_organisation_id_family_id_families_organisation_id_id_fk" FOREIGN KEY ("organisation_id","family_id") REFERENCES "public"."families"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_entries" ADD CONSTRAINT "cost_entries_organisation_id_trajectory_id_trajectories_organisation_id_id_fk" FOREIGN KEY ("organisation_id","trajectory_id") REFERENCES "public"."trajectories"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_entries" ADD CONSTRAINT "cost_entries_organisation_id_intervention_id_interventions_organisation_id_id_fk" FOREIGN KEY ("organisation_id","intervention_id") REFERENCES "public"."interventions"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_entries" ADD CONSTRAINT "cost_entries_organisation_id_created_by_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","created_by_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_progress" ADD CONSTRAINT "goal_progress_organisation_id_trajectory_id_trajectories_organisation_id_id_fk" FOREIGN KEY ("organisation_id","trajectory_id") REFERENCES "public"."trajectories"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_progress" ADD CONSTRAINT "goal_progress_organisation_id_by_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","by_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_organisation_id_organisations_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_organisation_id_provider_partner_id_partner_organisations_organisation_id_id_fk" FOREIGN KEY ("organisation_id","provider_partner_id") REFERENCES "public"."partner_organisations"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_narratives" ADD CONSTRAINT "outcome_narratives_organisation_id_family_id_families_organisation_id_id_fk" FOREIGN KEY ("organisation_id","family_id") REFERENCES "public"."families"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_narratives" ADD CONSTRAINT "outcome_narratives_organisation_id_updated_by_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","updated_by_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quick_referrals" ADD CONSTRAINT "quick_referrals_organisation_id_organisations_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quick_referrals" ADD CONSTRAINT "quick_referrals_organisation_id_referrer_user_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","referrer_user_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quick_referrals" ADD CONSTRAINT "quick_referrals_organisation_id_intervention_id_interventions_organisation_id_id_fk" FOREIGN KEY ("organisation_id","intervention_id") REFERENCES "public"."interventions"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quick_referrals" ADD CONSTRAINT "quick_referrals_organisation_id_team_id_teams_organisation_id_id_fk" FOREIGN KEY ("organisation_id","team_id") REFERENCES "public"."teams"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quick_referrals" ADD CONSTRAINT "quick_referrals_organisation_id_family_id_families_organisation_id_id_fk" FOREIGN KEY ("organisation_id","family_id") REFERENCES "public"."families"("organisation_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quick_referrals" ADD CONSTRAINT "quick_referrals_organisation_id_picked_up_by_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","picked_up_by_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_organisation_id_family_id_families_organisation_id_id_fk" FOREIGN KEY ("organisation_id","family_id") REFERENCES "public"."families"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_organisation_id_trajectory_id_trajectories_organisation_id_id_fk" FOREIGN KEY ("organisation_id","trajectory_id") REFERENCES "public"."trajectories"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_organisation_id_user_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wat_telt_views" ADD CONSTRAINT "wat_telt_views_organisation_id_family_id_families_organisation_id_id_fk" FOREIGN KEY ("organisation_id","family_id") REFERENCES "public"."families"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wat_telt_views" ADD CONSTRAINT "wat_telt_views_organisation_id_member_id_members_organisation_id_id_fk" FOREIGN KEY ("organisation_id","member_id") REFERENCES "public"."members"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wat_telt_views" ADD CONSTRAINT "wat_telt_views_organisation_id_recorded_by_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","recorded_by_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cost_entries_family_idx" ON "cost_entries" USING btree ("organisation_id","family_id","on");--> statement-breakpoint
CREATE INDEX "goal_progress_goal_idx" ON "goal_progress" USING btree ("organisation_id","trajectory_id","goal_id","created_at");--> statement-breakpoint
CREATE INDEX "interventions_search_idx" ON "interventions" USING gin ("search");--> statement-breakpoint
CREATE INDEX "quick_referrals_status_idx" ON "quick_referrals" USING btree ("organisation_id","status","created_at");--> statement-breakpoint
CREATE INDEX "time_entries_family_idx" ON "time_entries" USING btree ("organisation_id","family_id","on");--> statement-breakpoint
CREATE INDEX "wat_telt_views_family_idx" ON "wat_telt_views" USING btree ("organisation_id","family_id","held_on");