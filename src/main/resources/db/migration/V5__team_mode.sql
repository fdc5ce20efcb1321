-- Team mode (issue 12), portable parts shared with the PostgreSQL schema (src/main/resources/db/postgresql).
--
-- access_audit.quarantine_id: a read of a quarantined message marked OFFICIAL-SENSITIVE is audited too; an
-- audit row names a ticket or a quarantined message.
-- agent.must_change_password: the agent signs in with a one-time password (an admin reset it, or the desk was
-- moved to a team database) and must choose their own before doing anything else.
ALTER TABLE access_audit ADD COLUMN quarantine_id BIGINT REFERENCES quarantine (id);
ALTER TABLE access_audit ALTER COLUMN ticket_id SET NULL;
ALTER TABLE agent ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
