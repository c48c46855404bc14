CREATE TABLE "people_headcounts" (
	"unit_id" bigint NOT NULL,
	"employment_status" text NOT NULL,
	"political_status" text NOT NULL,
	"people" integer NOT NULL,
	CONSTRAINT "people_headcounts_unit_id_employment_status_political_status_pk" PRIMARY KEY("unit_id","employment_status","political_status")
);

--> statement-breakpoint
CREATE FUNCTION "people_headcounts_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Units in a fixed order, so that two transactions lock their counts in the same order.
  INSERT INTO "people_headcounts" AS h ("unit_id", "employment_status", "political_status", "people")
    SELECT "unit_id", "employment_status", "political_status", count(*) FROM "new_rows"
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("unit_id", "employment_status", "political_status")
    DO UPDATE SET "people" = h."people" + excluded."people";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "people_headcounts_remove"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "people_headcounts" AS h ("unit_id", "employment_status", "political_status", "people")
    SELECT "unit_id", "employment_status", "political_status", -count(*) FROM "old_rows"
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("unit_id", "employment_status", "political_status")
    DO UPDATE SET "people" = h."people" + excluded."people";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "people_headcounts_move"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only rows whose unit or statuses changed move a count; one upsert of the differences.
  INSERT INTO "people_headcounts" AS h ("unit_id", "employment_status", "political_status", "people")
    SELECT "unit_id", "employment_status", "political_status", sum("n") FROM (
      SELECT o."unit_id", o."employment_status", o."political_status", -1 AS "n"
        FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id"
        WHERE (o."unit_id", o."employment_status", o."political_status")
          IS DISTINCT FROM (n."unit_id", n."employment_status", n."political_status")
      UNION ALL
      SELECT n."unit_id", n."employment_status", n."political_status", 1
        FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id"
        WHERE (o."unit_id", o."employment_status", o."political_status")
          IS DISTINCT FROM (n."unit_id", n."employment_status", n."political_status")
    ) d
    GROUP BY 1, 2, 3 HAVING sum("n") <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("unit_id", "employment_status", "political_status")
    DO UPDATE SET "people" = h."people" + excluded."people";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "people_headcounts_on_insert" AFTER INSERT ON "people"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT
  EXECUTE FUNCTION "people_headcounts_add"();
--> statement-breakpoint
CREATE TRIGGER "people_headcounts_on_delete" AFTER DELETE ON "people"
  REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT
  EXECUTE FUNCTION "people_headcounts_remove"();
--> statement-breakpoint
CREATE TRIGGER "people_headcounts_on_update" AFTER UPDATE ON "people"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT
  EXECUTE FUNCTION "people_headcounts_move"();
--> statement-breakpoint
INSERT INTO "people_headcounts" ("unit_id", "employment_status", "political_status", "people")
  SELECT "unit_id", "employment_status", "political_status", count(*) FROM "people" GROUP BY 1, 2, 3;
--> statement-breakpoint
COMMENT ON TABLE "people_headcounts" IS 'lifeline:derived';
--> statement-breakpoint
-- A search of the roster by the start of an employee number or a phone number reads an index
-- (the plain indexes cannot serve LIKE 'x%' under a non-C collation).
CREATE INDEX "people_employee_no_prefix_idx" ON "people" USING btree (lower("employee_no") text_pattern_ops);
--> statement-breakpoint
CREATE INDEX "people_phone_prefix_idx" ON "people" USING btree ("phone" text_pattern_ops);
--> statement-breakpoint
ANALYZE "people_headcounts";
