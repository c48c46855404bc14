ALTER TABLE "notifications" ALTER COLUMN "person_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "recipient_key" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "sealed" text;--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_key","id") WHERE "notifications"."recipient_key" is not null;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_one_recipient" CHECK (("notifications"."person_id" is null) <> ("notifications"."recipient_key" is null));--> statement-breakpoint
-- Notices sent so far to confidential reporters named them (person id, item link, code): they
-- go. The migration has no key to seal them again; the items themselves are still listed under
-- "my items".
DELETE FROM "notifications" n USING "hotline_items" i
  WHERE i."visibility" <> 'named' AND n."link" = '/m/hotline/mine/' || i."id";--> statement-breakpoint
-- A phone number shared by people on the roster logged nobody in: it is cleared on each of them
-- (the trail keeps the number) so that the administrators enter it again for its holder.
WITH "shared" AS (
  SELECT p."id", p."unit_id", p."phone" FROM "people" p
  WHERE p."phone" IS NOT NULL AND p."employment_status" IN ('active', 'retired')
    AND EXISTS (
      SELECT 1 FROM "people" q
      WHERE q."phone" = p."phone" AND q."id" <> p."id" AND q."employment_status" IN ('active', 'retired')
    )
), "trail" AS (
  INSERT INTO "audit_events" ("actor_role", "action", "record_type", "record_id", "unit_id", "changes", "details")
  SELECT 'system', 'person.update', 'person', s."id"::text, s."unit_id",
         jsonb_build_object('phone', jsonb_build_object('before', s."phone", 'after', null)),
         '{"reason":"phone_shared"}'::jsonb
  FROM "shared" s
)
UPDATE "people" SET "phone" = NULL, "version" = "version" + 1, "updated_at" = now()
  WHERE "id" IN (SELECT "id" FROM "shared");--> statement-breakpoint
CREATE UNIQUE INDEX "people_phone_holder_idx" ON "people" USING btree ("phone") WHERE "people"."employment_status" in ('active', 'retired');
