CREATE TABLE "hotline_handling_units" (
	"unit_id" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hotline_handling_units" ADD CONSTRAINT "hotline_handling_units_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hotline_items_newest_idx" ON "hotline_items" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST,"handling_unit_id");--> statement-breakpoint
CREATE INDEX "hotline_items_state_newest_idx" ON "hotline_items" USING btree ("state","created_at" DESC NULLS LAST,"id" DESC NULLS LAST,"handling_unit_id");
--> statement-breakpoint
CREATE FUNCTION "hotline_note_new_handling_units"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "hotline_handling_units" ("unit_id")
    SELECT DISTINCT "handling_unit_id" FROM "new_items"
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "hotline_note_changed_handling_unit"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "hotline_handling_units" ("unit_id") VALUES (NEW."handling_unit_id")
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "hotline_items_new_handling_units" AFTER INSERT ON "hotline_items"
  REFERENCING NEW TABLE AS "new_items" FOR EACH STATEMENT
  EXECUTE FUNCTION "hotline_note_new_handling_units"();
--> statement-breakpoint
CREATE TRIGGER "hotline_items_changed_handling_unit" AFTER UPDATE OF "handling_unit_id" ON "hotline_items"
  FOR EACH ROW WHEN (OLD."handling_unit_id" IS DISTINCT FROM NEW."handling_unit_id")
  EXECUTE FUNCTION "hotline_note_changed_handling_unit"();
--> statement-breakpoint
INSERT INTO "hotline_handling_units" ("unit_id")
  SELECT DISTINCT "handling_unit_id" FROM "hotline_items"
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
ANALYZE "hotline_handling_units";
