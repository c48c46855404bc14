-- The audit trail is append-only: no code path updates or deletes it, and the database refuses to.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
-- Default unit types (a setting; administrators may add more).
INSERT INTO org_unit_types (code, name_zh, name_en, sort_order) VALUES
  ('group_party_committee', '集团党委', 'Group Party committee', 10),
  ('party_committee', '党委', 'Party committee', 20),
  ('general_branch', '党总支', 'General Party branch', 30),
  ('party_branch', '党支部', 'Party branch', 40),
  ('party_group', '党小组', 'Party group', 50),
  ('union', '工会', 'Trade union', 60),
  ('youth_league', '团委', 'Youth League committee', 70),
  ('research_association', '政研会', 'Political-work research association', 80),
  ('department', '行政部门', 'Administrative department', 90);
