CREATE TABLE "action_progress" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"status" text NOT NULL,
	"cancel_reason" text,
	"on" date NOT NULL,
	"by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_progress_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "aftercare_checkins" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"by_name" text NOT NULL,
	"note" text,
	"relapse" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aftercare_checkins_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "closing_records" (
	"organisation_id" uuid NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"stability_check" jsonb,
	"aftercare_plan" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "closing_records_organisation_id_trajectory_id_pk" PRIMARY KEY("organisation_id","trajectory_id")
);
--> statement-breakpoint
CREATE TABLE "covenant_signatories" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"partner_organisation" text NOT NULL,
	"signed_on" date NOT NULL,
	"contact" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "covenant_signatories_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "covenant_signatories_partner_key" UNIQUE("organisation_id","partner_organisation")
);
--> statement-breakpoint
CREATE TABLE "escalations" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"partner_organisation" text NOT NULL,
	"advice" text NOT NULL,
	"refusal" text NOT NULL,
	"raised_on" date NOT NULL,
	"raised_by_id" uuid,
	"status" text NOT NULL,
	"outcome" text,
	"resolved_on" date,
	"resolved_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalations_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "family_group_conferences" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"coordinator" text,
	"held_on" date,
	"agreements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"follow_up_4w_on" date,
	"follow_up_4w_note" text,
	"follow_up_3m_on" date,
	"follow_up_3m_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "family_group_conferences_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "leverages" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"lever" text NOT NULL,
	"party" text NOT NULL,
	"condition" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"outcome" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leverages_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"kind" text DEFAULT 'mdo' NOT NULL,
	"status" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"location" text,
	"chair_id" uuid,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"family_present" boolean,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decisions" text,
	"agreements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agreements_plan_version" integer,
	"minutes" text,
	"cancel_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "phase_transitions" (
	"organisation_id" uuid NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"from_phase" text,
	"to_phase" text NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by_id" uuid,
	"by_name" text NOT NULL,
	"reason" text,
	CONSTRAINT "phase_transitions_organisation_id_trajectory_id_seq_pk" PRIMARY KEY("organisation_id","trajectory_id","seq")
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"organisation_id" uuid NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"deviations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signature" jsonb,
	"created_on" date NOT NULL,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_versions_organisation_id_trajectory_id_number_pk" PRIMARY KEY("organisation_id","trajectory_id","number")
);
--> statement-breakpoint
CREATE TABLE "referral_checks" (
	"organisation_id" uuid NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"result" text NOT NULL,
	"note" text,
	"checked_on" date NOT NULL,
	"checked_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_checks_organisation_id_trajectory_id_kind_pk" PRIMARY KEY("organisation_id","trajectory_id","kind")
);
--> statement-breakpoint
CREATE TABLE "referrer_feedback" (
	"organisation_id" uuid NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"sent_on" date NOT NULL,
	"channel" text NOT NULL,
	"note" text,
	"sent_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrer_feedback_organisation_id_trajectory_id_subject_pk" PRIMARY KEY("organisation_id","trajectory_id","subject")
);
--> statement-breakpoint
CREATE TABLE "trajectories" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"phase_since" date NOT NULL,
	"received_on" date NOT NULL,
	"referrer_kind" text NOT NULL,
	"referrer_organisation" text NOT NULL,
	"referrer_name" text NOT NULL,
	"referrer_contact" text,
	"reason" text NOT NULL,
	"instrument_key" text NOT NULL,
	"problems" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"urgency" text NOT NULL,
	"safety_concerns" text,
	"agencies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"coercion" text DEFAULT 'none' NOT NULL,
	"coercion_note" text,
	"decision" text,
	"decision_on" date,
	"decision_reason" text,
	"decided_by_id" uuid,
	"consent_signed_on" date,
	"eropaf" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"extensions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"introduction_at" timestamp with time zone,
	"introduction_place" text,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trajectories_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "weekly_reports" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"week" smallint NOT NULL,
	"activities" text NOT NULL,
	"choices" text,
	"bottlenecks" text,
	"child_safety" text,
	"written_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "weekly_reports_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "weekly_reports_week_key" UNIQUE("organisation_id","trajectory_id","year","week")
);
--> statement-breakpoint
ALTER TABLE "action_progress" ADD CONSTRAINT "action_progress_organisation_id_trajectory_id_trajectories_organisation_id_id_fk" FOREIGN KEY ("organisation_id","trajectory_id") REFERENCES "public"."trajectories"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_progress" ADD CONSTRAINT "action_progress_organisation_id_by_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","by_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aftercare_checkins" ADD CONSTRAINT "aftercare_checkins_organisation_id_trajectory_id_trajectories_organisation_id_id_fk" FOREIGN KEY ("organisation_id","trajectory_id") REFERENCES "public"."trajectories"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closing_records" ADD CONSTRAINT "closing_records_organisation_id_trajectory_id_trajectories_organisation_id_id_fk" FOREIGN KEY ("organisation_id","trajectory_id") REFERENCES "public"."trajectories"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "covenant_signatories" ADD CONSTRAINT "covenant_signatories_organisation_id_organisations_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_organisation_id_trajectory_id_trajectories_organisation_id_id_fk" FOREIGN KEY ("organisation_id","trajectory_id") REFERENCES "public"."trajectories"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_organisation_id_raised_by_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","raised_by_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_organisation_id_resolved_by_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","resolved_by_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_group_conferences" ADD CONSTRAINT "family_group_conferences_organisation_id_trajectory_id_trajectories_organisation_id_id_fk" FOREIGN KEY ("organisation_id","trajectory_id") REFERENCES "public"."trajectories"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leverages" ADD CONSTRAINT "leverages_organisation_id_trajectory_id_trajectories_organisation_id_id_fk" FOREIGN KEY ("organisation_id","trajectory_id") REFERENCES "public"."trajectories"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_organisation_id_trajectory_id_trajectories_organisation_id_id_fk" FOREIGN KEY ("organisation_id","trajectory_id") REFERENCES "public"."trajectories"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_organisation_id_chair_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","chair_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_transitions" ADD CONSTRAINT "phase_transitions_organisation_id_trajectory_id_trajectories_organisation_id_id_fk" FOREIGN KEY ("organisation_id","trajectory_id") REFERENCES "public"."trajectories"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_transitions" ADD CONSTRAINT "phase_transitions_organisation_id_by_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","by_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_organisation_id_trajectory_id_trajectories_organisation_id_id_fk" FOREIGN KEY ("organisation_id","trajectory_id") REFERENCES "public"."trajectories"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_organisation_id_created_by_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","created_by_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_checks" ADD CONSTRAINT "referral_checks_organisation_id_trajectory_id_trajectories_organisation_id_id_fk" FOREIGN KEY ("organisation_id","trajectory_id") REFERENCES "public"."trajectories"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_checks" ADD CONSTRAINT "referral_checks_organisation_id_checked_by_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","checked_by_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrer_feedback" ADD CONSTRAINT "referrer_feedback_organisation_id_trajectory_id_trajectories_organisation_id_id_fk" FOREIGN KEY ("organisation_id","trajectory_id") REFERENCES "public"."trajectories"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrer_feedback" ADD CONSTRAINT "referrer_feedback_organisation_id_sent_by_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","sent_by_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectories" ADD CONSTRAINT "trajectories_organisation_id_family_id_families_organisation_id_id_fk" FOREIGN KEY ("organisation_id","family_id") REFERENCES "public"."families"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectories" ADD CONSTRAINT "trajectories_organisation_id_decided_by_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","decided_by_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectories" ADD CONSTRAINT "trajectories_organisation_id_created_by_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","created_by_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_reports" ADD CONSTRAINT "weekly_reports_organisation_id_trajectory_id_trajectories_organisation_id_id_fk" FOREIGN KEY ("organisation_id","trajectory_id") REFERENCES "public"."trajectories"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_reports" ADD CONSTRAINT "weekly_reports_organisation_id_written_by_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","written_by_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_progress_trajectory_idx" ON "action_progress" USING btree ("organisation_id","trajectory_id","action_id");--> statement-breakpoint
CREATE INDEX "meetings_trajectory_idx" ON "meetings" USING btree ("organisation_id","trajectory_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "trajectories_family_idx" ON "trajectories" USING btree ("organisation_id","family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trajectories_one_open_key" ON "trajectories" USING btree ("organisation_id","family_id") WHERE phase <> 'closed';--> statement-breakpoint
CREATE INDEX "trajectories_phase_idx" ON "trajectories" USING btree ("organisation_id","phase");