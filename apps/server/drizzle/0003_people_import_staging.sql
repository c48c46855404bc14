CREATE TABLE "person_import_rows" (
	"import_id" bigint NOT NULL,
	"row_no" integer NOT NULL,
	"kind" text NOT NULL,
	"person_id" bigint,
	"expected_version" integer,
	"values" jsonb NOT NULL,
	"changes" jsonb,
	CONSTRAINT "person_import_rows_import_id_row_no_pk" PRIMARY KEY("import_id","row_no")
);
--> statement-breakpoint
ALTER TABLE "person_import_rows" ADD CONSTRAINT "person_import_rows_import_id_person_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."person_imports"("id") ON DELETE cascade ON UPDATE no action;