CREATE TABLE "audit_events" (
	"organisation_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"family_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "audit_events_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "families" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_number" text NOT NULL,
	"street" text,
	"house_number" text,
	"postcode" text,
	"city" text,
	"district" text,
	"neighbourhood" text,
	"team_id" uuid NOT NULL,
	"coach_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "families_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "families_case_number_key" UNIQUE("organisation_id","case_number")
);
--> statement-breakpoint
CREATE TABLE "instruments" (
	"organisation_id" uuid NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instruments_organisation_id_key_version_pk" PRIMARY KEY("organisation_id","key","version")
);
--> statement-breakpoint
CREATE TABLE "measurement_scores" (
	"organisation_id" uuid NOT NULL,
	"measurement_id" uuid NOT NULL,
	"domain_key" text NOT NULL,
	"score" smallint NOT NULL,
	"justification" text,
	CONSTRAINT "measurement_scores_organisation_id_measurement_id_domain_key_pk" PRIMARY KEY("organisation_id","measurement_id","domain_key")
);
--> statement-breakpoint
CREATE TABLE "measurements" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"member_id" uuid,
	"instrument_key" text NOT NULL,
	"instrument_version" integer NOT NULL,
	"round" smallint NOT NULL,
	"measured_on" date,
	"measured_by_id" uuid,
	"measured_by_name" text,
	"source" text DEFAULT 'interview' NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measurements_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "measurements_round_key" UNIQUE NULLS NOT DISTINCT("organisation_id","family_id","instrument_key","member_id","round")
);
--> statement-breakpoint
CREATE TABLE "members" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"given_name" text NOT NULL,
	"surname" text NOT NULL,
	"role" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"bsn" text,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "network_persons" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"contact" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_persons_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"organisation_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_organisation_id_pk" PRIMARY KEY("organisation_id"),
	CONSTRAINT "organisations_slug_key" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"organisation_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_agent" text,
	CONSTRAINT "sessions_organisation_id_token_hash_pk" PRIMARY KEY("organisation_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"district" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "teams_name_key" UNIQUE("organisation_id","name")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"team_id" uuid,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "users_email_key" UNIQUE("organisation_id","email")
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_organisation_id_organisations_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_organisation_id_team_id_teams_organisation_id_id_fk" FOREIGN KEY ("organisation_id","team_id") REFERENCES "public"."teams"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_organisation_id_coach_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","coach_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruments" ADD CONSTRAINT "instruments_organisation_id_organisations_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_scores" ADD CONSTRAINT "measurement_scores_organisation_id_measurement_id_measurements_organisation_id_id_fk" FOREIGN KEY ("organisation_id","measurement_id") REFERENCES "public"."measurements"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_organisation_id_family_id_families_organisation_id_id_fk" FOREIGN KEY ("organisation_id","family_id") REFERENCES "public"."families"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_organisation_id_member_id_members_organisation_id_id_fk" FOREIGN KEY ("organisation_id","member_id") REFERENCES "public"."members"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_organisation_id_instrument_key_instrument_version_instruments_organisation_id_key_version_fk" FOREIGN KEY ("organisation_id","instrument_key","instrument_version") REFERENCES "public"."instruments"("organisation_id","key","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_organisation_id_measured_by_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","measured_by_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_organisation_id_family_id_families_organisation_id_id_fk" FOREIGN KEY ("organisation_id","family_id") REFERENCES "public"."families"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_persons" ADD CONSTRAINT "network_persons_organisation_id_family_id_families_organisation_id_id_fk" FOREIGN KEY ("organisation_id","family_id") REFERENCES "public"."families"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_organisation_id_user_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_organisation_id_organisations_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_team_id_teams_organisation_id_id_fk" FOREIGN KEY ("organisation_id","team_id") REFERENCES "public"."teams"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_family_idx" ON "audit_events" USING btree ("organisation_id","family_id","occurred_at");--> statement-breakpoint
CREATE INDEX "families_team_idx" ON "families" USING btree ("organisation_id","team_id");--> statement-breakpoint
CREATE INDEX "measurements_instrument_idx" ON "measurements" USING btree ("organisation_id","instrument_key","round");--> statement-breakpoint
CREATE INDEX "members_family_idx" ON "members" USING btree ("organisation_id","family_id");--> statement-breakpoint
CREATE INDEX "members_match_idx" ON "members" USING btree ("organisation_id","date_of_birth");--> statement-breakpoint
CREATE INDEX "network_persons_family_idx" ON "network_persons" USING btree ("organisation_id","family_id");--> statement-breakpoint
CREATE INDEX "users_email_idx" ON "users" USING btree ("email");