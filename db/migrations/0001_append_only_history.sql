-- History is never overwritten or deleted (allmänna handlingar): the database itself
-- refuses UPDATE, DELETE and TRUNCATE on every history table.
CREATE OR REPLACE FUNCTION malbild_refuse_history_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'history table % is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'P0001', HINT = 'insert a new row with the next sequence number instead';
END;
$$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'indicator_values', 'goal_assessments', 'assignment_reports', 'text_block_versions',
    'readiness_events', 'revision_requests', 'approvals', 'audit_events'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION malbild_refuse_history_change()',
      t || '_append_only', t);
    EXECUTE format(
      'CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION malbild_refuse_history_change()',
      t || '_no_truncate', t);
  END LOOP;
END;
$$;
--> statement-breakpoint
-- Sequence numbers start at 1.
ALTER TABLE indicator_values ADD CONSTRAINT indicator_values_seq_positive CHECK (seq >= 1);
--> statement-breakpoint
ALTER TABLE goal_assessments ADD CONSTRAINT goal_assessments_seq_positive CHECK (seq >= 1);
--> statement-breakpoint
ALTER TABLE assignment_reports ADD CONSTRAINT assignment_reports_seq_positive CHECK (seq >= 1);
--> statement-breakpoint
ALTER TABLE text_block_versions ADD CONSTRAINT text_block_versions_seq_positive CHECK (seq >= 1);
--> statement-breakpoint
ALTER TABLE readiness_events ADD CONSTRAINT readiness_events_seq_positive CHECK (seq >= 1);
--> statement-breakpoint
ALTER TABLE approvals ADD CONSTRAINT approvals_seq_positive CHECK (seq >= 1);
