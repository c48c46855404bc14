ALTER TABLE "person_imports" ADD COLUMN "file_unit_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "person_imports" ADD COLUMN "missing_people" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_imports" ADD COLUMN "missing_as" text;--> statement-breakpoint
ALTER TABLE "person_imports" ADD COLUMN "marked" integer DEFAULT 0 NOT NULL;