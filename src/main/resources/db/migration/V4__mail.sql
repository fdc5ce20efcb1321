-- Mail intake (issue 4). Portable SQL: H2 2.x and PostgreSQL.
--
-- message.raw_sha256: SHA-256 of the raw source of an inbound e-mail. The Message-ID is the dedupe key; the
-- digest tells a re-fetch of the same message (a duplicate) from a different message that reuses a
-- Message-ID (stored under an id made from the digest instead, so it is never dropped).
ALTER TABLE message ADD COLUMN raw_sha256 VARCHAR(64);

-- The quarantine also keeps the automated-mail log: auto-replies, list and bulk mail, mail loops and
-- bounces for no known ticket. They open no ticket, but their raw source is kept, so an admin can still
-- "make ticket anyway" if a person's mail was taken for a machine's.
--   category     UNREADABLE (could not be parsed) or AUTOMATED (no ticket by rule)
--   message_key  the Message-ID (or the digest id) that dedupes re-fetches, as for message.message_id
--   sender, subject  what could be read, for the admin's list (hidden from uncleared admins when sensitive)
--   sensitive    the message carried the OFFICIAL-SENSITIVE marking
ALTER TABLE quarantine ADD COLUMN category VARCHAR(16) DEFAULT 'UNREADABLE' NOT NULL;
ALTER TABLE quarantine ADD COLUMN message_key VARCHAR(998);
ALTER TABLE quarantine ADD COLUMN raw_sha256 VARCHAR(64);
ALTER TABLE quarantine ADD COLUMN sender VARCHAR(1000);
ALTER TABLE quarantine ADD COLUMN subject VARCHAR(1000);
ALTER TABLE quarantine ADD COLUMN sensitive BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE quarantine ADD CONSTRAINT ck_quarantine_category CHECK (category IN ('UNREADABLE', 'AUTOMATED'));
CREATE INDEX ix_quarantine_key ON quarantine (message_key);
CREATE INDEX ix_quarantine_list ON quarantine (category, resolved_at);
