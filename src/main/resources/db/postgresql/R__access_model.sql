-- =====================================================================================================
-- Support Desk team database: THE WHOLE ACCESS MODEL, in this one file.
--
-- Threat: an agent with a database login and any client (psql, a script, a modified desk). Whatever the
-- agent's roles allow is what they can read and write, so every rule lives here, in the database:
--
--   * Tables live in schema sd_data, owned by the non-login role ${owner}. No agent has USAGE on it.
--   * Agents, leads, admins and the mail gateway reach data only through schema sd: one view per table
--     (same name, same columns) and a few functions. Group roles, granted to each agent's own login:
--         ${prefix}agent    every active agent (deactivating an agent revokes this one)
--         ${prefix}cleared  security clearance: may read and change OFFICIAL-SENSITIVE tickets
--         ${prefix}lead     team lead: training sessions, outages, the access audit (with clearance)
--         ${prefix}admin    agents, customers, settings, policy, quarantine
--         ${prefix}intake   the mail gateway's login: creates tickets and threads mail, reads no board
--     Every check reads role membership when the statement runs (sd.session_agent), so a REVOKE takes
--     effect on the next statement of sessions already open.
--   * OFFICIAL-SENSITIVE content (ticket subject, customer and contact; message addresses, subjects,
--     bodies and raw source; attachment names and bytes; call notes; history details; quarantined
--     mail's sender, subject and source) is shown only to a cleared agent, and only inside a
--     transaction that first recorded the read in the access audit with sd.audit_read (or
--     sd.audit_quarantine_read). Everyone else gets the placeholder fields (NULL) or no row.
--   * Writes go through INSTEAD OF triggers (SECURITY DEFINER, owned by ${owner}, fixed search_path):
--     a change to a sensitive ticket needs clearance, except the narrow steps that finish creating or
--     raising a ticket to OFFICIAL-SENSITIVE in the same transaction, routing it to a cleared agent, the
--     mail gateway's threading, and an admin's policy change moving deadlines.
--   * The audit is append-only: nobody (not even an admin) may change or delete a row; reading it
--     needs a cleared team lead.
--   * Live refresh: triggers NOTIFY channel supportdesk_changes on commit with ids, versions and
--     status only (a channel is readable by every listener, so never content).
--
-- This is a Flyway repeatable migration: it is re-applied whenever it changes, and rebuilds schema sd
-- from scratch (views and functions hold no data). Placeholders: ${prefix} (group role prefix, chosen
-- at team init) and ${owner} (the owning role). docs/access-model.md explains the design.
-- =====================================================================================================

DROP SCHEMA IF EXISTS sd CASCADE;
CREATE SCHEMA sd;
REVOKE ALL ON SCHEMA sd FROM PUBLIC;
REVOKE ALL ON SCHEMA sd_data FROM PUBLIC;
-- functions are executable by PUBLIC unless revoked: none of ours is; the grants at the end say who may
ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
GRANT USAGE ON SCHEMA sd TO ${prefix}agent, ${prefix}intake;

-- ----------------------------------------------------------------------------------------- who is asking

-- Is this login (by name) a member of one of our groups? False for a role that does not exist.
-- PL/pgSQL, as session_agent below: a SQL function that cannot be inlined (SECURITY DEFINER) is planned again on
-- every call, and these run in every statement of every desk (issue 17: most of the gateway's time per message).
CREATE FUNCTION sd.role_in(p_login text, p_group text) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN coalesce((SELECT pg_has_role(r.oid, '${prefix}' || p_group, 'MEMBER') FROM pg_roles r WHERE r.rolname = p_login),
                    false);
END $$;

-- The session's login as the policy sees it, read afresh by every statement. An agent is a login with
-- a row in sd_data.agent, member of ${prefix}agent, and not waiting to replace a one-time password.
CREATE TYPE sd.session_t AS (agent_id bigint, is_agent boolean, cleared boolean, lead boolean, admin boolean,
                             intake boolean);

-- (PL/pgSQL keeps its plans for the session; membership is still read on every call.)
CREATE FUNCTION sd.session_agent() RETURNS sd.session_t
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    a_id bigint;
    a_must boolean;
    ok boolean;
BEGIN
    SELECT a.id, a.must_change_password INTO a_id, a_must FROM sd_data.agent a WHERE a.username = session_user::text;
    ok := coalesce(a_id IS NOT NULL AND NOT a_must AND sd.role_in(session_user, 'agent'), false);
    RETURN ROW(a_id,
               ok,
               ok AND sd.role_in(session_user, 'cleared'),
               ok AND sd.role_in(session_user, 'lead'),
               ok AND sd.role_in(session_user, 'admin'),
               a_id IS NULL AND sd.role_in(session_user, 'intake'))::sd.session_t;
END $$;

-- Refuses the statement with SQLSTATE 42501 and a plain sentence.
CREATE FUNCTION sd.deny(p_message text) RETURNS void
    LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = p_message;
END $$;

-- ------------------------------------------------------------------------------------------ the audit

-- Records that the session's (cleared) agent reads these sensitive tickets in this transaction, and
-- returns the ids now readable. Content of a sensitive ticket (and its conversation, calls, history,
-- attachments) shows only in a transaction holding such a row. Also written to the server log (LOG
-- level, kept at default settings) so that a rolled-back transaction still leaves a trace.
CREATE FUNCTION sd.audit_read(p_ids bigint[], p_view text) RETURNS bigint[]
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    me sd.session_t;
    v text := left(coalesce(nullif(btrim(p_view), ''), 'sql'), 64);
    readable bigint[];
BEGIN
    SELECT * INTO me FROM sd.session_agent();
    IF NOT coalesce(me.cleared, false) THEN
        RETURN '{}';
    END IF;
    SELECT coalesce(array_agg(t.id ORDER BY t.id), '{}') INTO readable
    FROM sd_data.ticket t WHERE t.id = ANY (p_ids) AND t.classification = 'OFFICIAL_SENSITIVE';
    INSERT INTO sd_data.access_audit (at, agent_id, ticket_id, view_name, xact)
    SELECT clock_timestamp(), me.agent_id, r, v, txid_current()
    FROM unnest(readable) r
    WHERE NOT EXISTS (SELECT 1 FROM sd_data.access_audit a
                      WHERE a.xact = txid_current() AND a.agent_id = me.agent_id AND a.ticket_id = r);
    IF cardinality(readable) > 0 THEN
        RAISE LOG 'supportdesk audit: % read % via %', session_user, readable, v;
    END IF;
    RETURN readable;
END $$;

CREATE FUNCTION sd.read_audited(p_ticket bigint, p_agent bigint) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM sd_data.access_audit a
                   WHERE a.xact = txid_current_if_assigned() AND a.agent_id = p_agent AND a.ticket_id = p_ticket)
$$;

CREATE FUNCTION sd.audit_quarantine_read(p_entry bigint, p_view text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    me sd.session_t;
BEGIN
    SELECT * INTO me FROM sd.session_agent();
    IF NOT (coalesce(me.cleared, false) AND me.admin) THEN
        RETURN false;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM sd_data.quarantine q WHERE q.id = p_entry AND q.sensitive) THEN
        RETURN true;
    END IF;
    INSERT INTO sd_data.access_audit (at, agent_id, quarantine_id, view_name, xact)
    SELECT clock_timestamp(), me.agent_id, p_entry, left(coalesce(nullif(btrim(p_view), ''), 'sql'), 64), txid_current()
    WHERE NOT EXISTS (SELECT 1 FROM sd_data.access_audit a
                      WHERE a.xact = txid_current() AND a.agent_id = me.agent_id AND a.quarantine_id = p_entry);
    RAISE LOG 'supportdesk audit: % read quarantined message % via %', session_user, p_entry, p_view;
    RETURN true;
END $$;

CREATE FUNCTION sd.quarantine_read_audited(p_entry bigint, p_agent bigint) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM sd_data.access_audit a
                   WHERE a.xact = txid_current_if_assigned() AND a.agent_id = p_agent AND a.quarantine_id = p_entry)
$$;

-- Cleared staff's search among sensitive tickets by subject or customer name (LIKE pattern, lower case):
-- the matches are audited under the view given and returned (at most lim).
CREATE FUNCTION sd.search_sensitive(p_pattern text, p_limit integer, p_view text) RETURNS bigint[]
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    found bigint[];
BEGIN
    IF NOT coalesce((SELECT cleared FROM sd.session_agent()), false) THEN
        RETURN '{}';
    END IF;
    SELECT coalesce(array_agg(id), '{}') INTO found FROM (
        SELECT t.id FROM sd_data.ticket t LEFT JOIN sd_data.customer cu ON cu.id = t.customer_id
        WHERE t.classification = 'OFFICIAL_SENSITIVE'
          AND (lower(t.subject) LIKE p_pattern ESCAPE '\' OR lower(cu.name) LIKE p_pattern ESCAPE '\')
        ORDER BY t.received DESC LIMIT greatest(p_limit, 0)) m;
    RETURN sd.audit_read(found, p_view);
END $$;

-- Cleared staff's sensitive tickets of a customer and/or contact (reports, caller lookup), audited.
CREATE FUNCTION sd.sensitive_for(p_customer bigint, p_contact bigint, p_from timestamptz,
                                 p_to timestamptz, p_view text) RETURNS bigint[]
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    found bigint[];
BEGIN
    IF NOT coalesce((SELECT cleared FROM sd.session_agent()), false) THEN
        RETURN '{}';
    END IF;
    SELECT coalesce(array_agg(t.id), '{}') INTO found FROM sd_data.ticket t
    WHERE t.classification = 'OFFICIAL_SENSITIVE'
      AND (p_customer IS NULL OR t.customer_id = p_customer)
      AND (p_contact IS NULL OR t.contact_id = p_contact)
      AND (p_from IS NULL OR t.received >= p_from)
      AND (p_to IS NULL OR t.received < p_to);
    RETURN sd.audit_read(found, p_view);
END $$;

-- Is this address (lower case) the ticket's contact's, or a contact's of its customer? For the mail gateway,
-- which files mail from strangers as "unknown sender" but may not read whose a ticket is; for agents who may
-- read the ticket. Anyone else gets false (it would tell them whose a sensitive ticket is).
CREATE FUNCTION sd.sender_known(p_ticket bigint, p_address text) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    me sd.session_t := sd.session_agent();
    t sd_data.ticket;
BEGIN
    SELECT * INTO t FROM sd_data.ticket WHERE id = p_ticket;
    IF NOT FOUND OR NOT (me.intake OR (me.is_agent AND (t.classification <> 'OFFICIAL_SENSITIVE' OR me.cleared))) THEN
        RETURN false;
    END IF;
    RETURN EXISTS (SELECT 1 FROM sd_data.contact ct
                   WHERE lower(ct.email) = lower(p_address)
                     AND (ct.id = t.contact_id OR (t.customer_id IS NOT NULL AND ct.customer_id = t.customer_id)));
END $$;

-- ---------------------------------------------------------------------------------- the policy's rules

-- May the session change this ticket (its row, history, conversation, calls)? Cleared agents may; on
-- an OFFICIAL ticket every agent may; the mail gateway may thread mail onto any ticket; and whoever
-- created a ticket or raised it to OFFICIAL-SENSITIVE may finish that change in the same transaction.
-- (Never NULL: a NULL here would read as "not refused".)
CREATE FUNCTION sd.may_write(t sd_data.ticket, me sd.session_t) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT coalesce((me.is_agent OR me.intake)
       AND (t.classification <> 'OFFICIAL_SENSITIVE' OR me.cleared OR me.intake
            OR t.created_xact IS NOT DISTINCT FROM txid_current()
            OR t.classified_xact IS NOT DISTINCT FROM txid_current()), false)
$$;

CREATE FUNCTION sd.ticket_for_write(p_ticket bigint, me sd.session_t) RETURNS sd_data.ticket
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    t sd_data.ticket;
BEGIN
    SELECT * INTO t FROM sd_data.ticket WHERE id = p_ticket;
    IF NOT FOUND THEN
        PERFORM sd.deny('There is no ticket SD-' || p_ticket || '.');
    END IF;
    IF sd.may_write(t, me) IS NOT TRUE THEN
        PERFORM sd.deny('SD-' || p_ticket || ' is Official Sensitive — cleared staff only.');
    END IF;
    RETURN t;
END $$;

CREATE FUNCTION sd.require_staff() RETURNS sd.session_t
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    me sd.session_t;
BEGIN
    SELECT * INTO me FROM sd.session_agent();
    IF NOT (me.is_agent OR me.intake) THEN
        PERFORM sd.deny('Support Desk: ' || session_user || ' is not an active agent of this desk.');
    END IF;
    RETURN me;
END $$;

-- ============================================================================================ tickets

CREATE VIEW sd.ticket WITH (security_barrier) AS
SELECT t.id,
       CASE WHEN v.ok THEN t.subject END      AS subject,
       CASE WHEN v.ok THEN t.customer_id END  AS customer_id,
       CASE WHEN v.ok THEN t.contact_id END   AS contact_id,
       t.severity, t.support_level, t.status, t.classification, t.channel, t.received, t.deadline,
       t.first_contact_at, t.first_contact_event, t.assignee_id, t.needs_triage, t.needs_cleared_agent,
       t.resolved_at, t.created_at, t.updated_at, t.updated_by, t.version,
       v.ok                                   AS content_visible
FROM sd_data.ticket t
CROSS JOIN sd.session_agent() f
CROSS JOIN LATERAL (SELECT f.is_agent AND (t.classification <> 'OFFICIAL_SENSITIVE'
                           OR (f.cleared AND sd.read_audited(t.id, f.agent_id))) AS ok) v
WHERE f.is_agent OR f.intake;

CREATE FUNCTION sd.ticket_insert() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    me sd.session_t := sd.require_staff();
BEGIN
    IF NEW.assignee_id IS NOT NULL AND NEW.classification = 'OFFICIAL_SENSITIVE'
            AND NOT EXISTS (SELECT 1 FROM sd_data.agent a WHERE a.id = NEW.assignee_id
                            AND sd.role_in(a.username, 'cleared') AND sd.role_in(a.username, 'agent')) THEN
        PERFORM sd.deny('An Official Sensitive ticket can only be assigned to a cleared agent.');
    END IF;
    INSERT INTO sd_data.ticket (subject, customer_id, contact_id, severity, support_level, status, classification,
                                channel, received, deadline, first_contact_at, first_contact_event, assignee_id,
                                needs_triage, needs_cleared_agent, resolved_at, created_at, updated_at, updated_by,
                                version, created_xact, classified_xact)
    VALUES (NEW.subject, NEW.customer_id, NEW.contact_id, NEW.severity, NEW.support_level, NEW.status,
            NEW.classification, NEW.channel, NEW.received, NEW.deadline, NEW.first_contact_at,
            NEW.first_contact_event, NEW.assignee_id, coalesce(NEW.needs_triage, false),
            coalesce(NEW.needs_cleared_agent, false), NEW.resolved_at, NEW.created_at, NEW.updated_at,
            CASE WHEN me.is_agent THEN me.agent_id END, 0, txid_current(), NULL)
    RETURNING id, version, updated_by INTO NEW.id, NEW.version, NEW.updated_by;
    NEW.content_visible := me.is_agent;
    RETURN NEW;
END $$;
CREATE TRIGGER ticket_insert INSTEAD OF INSERT ON sd.ticket FOR EACH ROW EXECUTE FUNCTION sd.ticket_insert();

-- Only the columns the statement changed are written (the view shows NULL for content the session may
-- not read, which must never overwrite the stored value). The version the statement saw must still be
-- the stored one (optimistic locking): otherwise no row is changed.
CREATE FUNCTION sd.ticket_update() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    me sd.session_t := sd.require_staff();
    b sd_data.ticket;
    sensitive_after boolean;
    deadline_only boolean;
BEGIN
    SELECT * INTO b FROM sd_data.ticket WHERE id = OLD.id FOR UPDATE;
    IF NOT FOUND OR b.version <> OLD.version THEN
        RETURN NULL;
    END IF;
    sensitive_after := NEW.classification = 'OFFICIAL_SENSITIVE';
    deadline_only := NEW.subject IS NOT DISTINCT FROM OLD.subject AND NEW.customer_id IS NOT DISTINCT FROM OLD.customer_id
        AND NEW.contact_id IS NOT DISTINCT FROM OLD.contact_id AND NEW.severity = OLD.severity
        AND NEW.support_level = OLD.support_level AND NEW.status = OLD.status
        AND NEW.classification = OLD.classification AND NEW.assignee_id IS NOT DISTINCT FROM OLD.assignee_id
        AND NEW.first_contact_at IS NOT DISTINCT FROM OLD.first_contact_at AND NEW.version = OLD.version
        AND NEW.needs_triage = OLD.needs_triage;
    IF b.classification = 'OFFICIAL_SENSITIVE' AND sd.may_write(b, me) IS NOT TRUE
            AND (deadline_only AND me.admin) IS NOT TRUE THEN
        PERFORM sd.deny('SD-' || b.id || ' is Official Sensitive — cleared staff only.');
    END IF;
    IF NEW.classification <> OLD.classification THEN
        IF NEW.classification = 'OFFICIAL' AND me.cleared IS NOT TRUE THEN
            PERFORM sd.deny('Only cleared staff may lower SD-' || b.id || ' to OFFICIAL.');
        END IF;
    END IF;
    IF sensitive_after AND NEW.assignee_id IS NOT NULL AND NEW.assignee_id IS DISTINCT FROM b.assignee_id
            AND NOT EXISTS (SELECT 1 FROM sd_data.agent a WHERE a.id = NEW.assignee_id
                            AND sd.role_in(a.username, 'cleared') AND sd.role_in(a.username, 'agent')) THEN
        PERFORM sd.deny('SD-' || b.id || ' is Official Sensitive; only a cleared agent can be assigned it.');
    END IF;
    IF me.intake AND (NEW.subject IS DISTINCT FROM OLD.subject OR NEW.customer_id IS DISTINCT FROM OLD.customer_id
            OR NEW.contact_id IS DISTINCT FROM OLD.contact_id OR NEW.severity <> OLD.severity
            OR NEW.first_contact_at IS DISTINCT FROM OLD.first_contact_at)
            AND b.created_xact IS DISTINCT FROM txid_current() THEN
        PERFORM sd.deny('The mail gateway may only thread mail onto SD-' || b.id || '.');
    END IF;
    UPDATE sd_data.ticket SET
        subject             = CASE WHEN NEW.subject IS DISTINCT FROM OLD.subject THEN NEW.subject ELSE subject END,
        customer_id         = CASE WHEN NEW.customer_id IS DISTINCT FROM OLD.customer_id THEN NEW.customer_id ELSE customer_id END,
        contact_id          = CASE WHEN NEW.contact_id IS DISTINCT FROM OLD.contact_id THEN NEW.contact_id ELSE contact_id END,
        severity            = NEW.severity,
        support_level       = NEW.support_level,
        status              = NEW.status,
        classification      = NEW.classification,
        deadline            = NEW.deadline,
        first_contact_at    = NEW.first_contact_at,
        first_contact_event = NEW.first_contact_event,
        assignee_id         = NEW.assignee_id,
        needs_triage        = NEW.needs_triage,
        needs_cleared_agent = NEW.needs_cleared_agent,
        resolved_at         = NEW.resolved_at,
        updated_at          = NEW.updated_at,
        updated_by          = CASE WHEN NEW.updated_by IS DISTINCT FROM OLD.updated_by
                                   THEN CASE WHEN me.is_agent THEN me.agent_id END ELSE updated_by END,
        version             = NEW.version,
        classified_xact     = CASE WHEN NEW.classification = 'OFFICIAL_SENSITIVE' AND OLD.classification <> NEW.classification
                                   THEN txid_current() ELSE classified_xact END
    WHERE id = OLD.id
    RETURNING updated_by INTO NEW.updated_by;
    RETURN NEW;
END $$;
CREATE TRIGGER ticket_update INSTEAD OF UPDATE ON sd.ticket FOR EACH ROW EXECUTE FUNCTION sd.ticket_update();

-- ----------------------------------------------------------------------------------------- history

CREATE VIEW sd.ticket_event WITH (security_barrier) AS
SELECT e.id, e.ticket_id, e.at, e.agent_id, e.kind, CASE WHEN v.ok THEN e.detail END AS detail
FROM sd_data.ticket_event e
JOIN sd_data.ticket t ON t.id = e.ticket_id
CROSS JOIN sd.session_agent() f
CROSS JOIN LATERAL (SELECT t.classification <> 'OFFICIAL_SENSITIVE'
                           OR (f.cleared AND sd.read_audited(t.id, f.agent_id)) AS ok) v
WHERE f.is_agent;

CREATE FUNCTION sd.ticket_event_insert() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    me sd.session_t := sd.require_staff();
    t sd_data.ticket;
BEGIN
    SELECT * INTO t FROM sd_data.ticket WHERE id = NEW.ticket_id;
    IF NOT FOUND THEN
        PERFORM sd.deny('There is no ticket SD-' || NEW.ticket_id || '.');
    END IF;
    IF sd.may_write(t, me) IS NOT TRUE AND (NEW.kind = 'DEADLINE_RECOMPUTED' AND me.admin) IS NOT TRUE THEN
        PERFORM sd.deny('SD-' || t.id || ' is Official Sensitive — cleared staff only.');
    END IF;
    INSERT INTO sd_data.ticket_event (ticket_id, at, agent_id, kind, detail)
    VALUES (NEW.ticket_id, NEW.at, CASE WHEN me.is_agent THEN me.agent_id END, NEW.kind, NEW.detail)
    RETURNING id, agent_id INTO NEW.id, NEW.agent_id;
    RETURN NEW;
END $$;
CREATE TRIGGER ticket_event_insert INSTEAD OF INSERT ON sd.ticket_event FOR EACH ROW EXECUTE FUNCTION sd.ticket_event_insert();

-- ------------------------------------------------------------------------------------- conversation

-- The mail gateway sees threading keys (Message-IDs, digests) of every message but no content; an
-- uncleared agent sees no message of a sensitive ticket at all; a cleared agent sees its row, and its
-- content once the read is audited.
CREATE VIEW sd.message WITH (security_barrier) AS
SELECT m.id, m.ticket_id, m.kind, m.direction, m.message_id, m.in_reply_to, m.references_ids,
       CASE WHEN v.ok THEN m.from_addr END  AS from_addr,
       CASE WHEN v.ok THEN m.to_addr END    AS to_addr,
       CASE WHEN v.ok THEN m.subject END    AS subject,
       m.sent_at,
       CASE WHEN v.ok THEN m.body END       AS body,
       CASE WHEN v.ok THEN m.raw_source END AS raw_source,
       m.author_agent_id, m.created_at, m.raw_sha256, m.unknown_sender
FROM sd_data.message m
LEFT JOIN sd_data.ticket t ON t.id = m.ticket_id
CROSS JOIN sd.session_agent() f
CROSS JOIN LATERAL (SELECT f.is_agent AND (t.classification IS DISTINCT FROM 'OFFICIAL_SENSITIVE'
                           OR (f.cleared AND sd.read_audited(t.id, f.agent_id))) AS ok) v
WHERE v.ok OR f.intake OR f.cleared;

CREATE FUNCTION sd.message_insert() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    me sd.session_t := sd.require_staff();
BEGIN
    IF NEW.ticket_id IS NOT NULL THEN
        PERFORM sd.ticket_for_write(NEW.ticket_id, me);
    END IF;
    INSERT INTO sd_data.message (ticket_id, kind, direction, message_id, in_reply_to, references_ids, from_addr,
                                 to_addr, subject, sent_at, body, raw_source, author_agent_id, created_at, raw_sha256,
                                 unknown_sender)
    VALUES (NEW.ticket_id, NEW.kind, NEW.direction, NEW.message_id, NEW.in_reply_to, NEW.references_ids,
            NEW.from_addr, NEW.to_addr, NEW.subject, NEW.sent_at, NEW.body, NEW.raw_source,
            CASE WHEN me.is_agent AND NEW.author_agent_id IS NOT NULL THEN me.agent_id END, NEW.created_at,
            NEW.raw_sha256, coalesce(NEW.unknown_sender, false))
    RETURNING id, author_agent_id INTO NEW.id, NEW.author_agent_id;
    RETURN NEW;
END $$;
CREATE TRIGGER message_insert INSTEAD OF INSERT ON sd.message FOR EACH ROW EXECUTE FUNCTION sd.message_insert();

-- The mail intake inserts an e-mail with its raw source, digest and unknown-sender mark in one statement
-- (issue 17); these may also be set afterwards (the same columns, by whoever may write the ticket).
CREATE FUNCTION sd.message_update() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    me sd.session_t := sd.require_staff();
    m sd_data.message;
BEGIN
    SELECT * INTO m FROM sd_data.message WHERE id = OLD.id;
    IF m.ticket_id IS NOT NULL THEN
        PERFORM sd.ticket_for_write(m.ticket_id, me);
    END IF;
    UPDATE sd_data.message SET
        raw_source = CASE WHEN NEW.raw_source IS DISTINCT FROM OLD.raw_source THEN NEW.raw_source ELSE raw_source END,
        raw_sha256 = NEW.raw_sha256,
        unknown_sender = NEW.unknown_sender
    WHERE id = OLD.id;
    RETURN NEW;
END $$;
CREATE TRIGGER message_update INSTEAD OF UPDATE ON sd.message FOR EACH ROW EXECUTE FUNCTION sd.message_update();

-- Attachments of a sensitive ticket: no row for an uncleared agent; for a cleared one the row, and its name
-- and bytes once the read is audited.
CREATE VIEW sd.attachment WITH (security_barrier) AS
SELECT at.id, at.message_id,
       CASE WHEN v.ok THEN at.filename END AS filename,
       at.content_type, at.size_bytes, at.too_large,
       CASE WHEN v.ok THEN at.content END  AS content
FROM sd_data.attachment at
JOIN sd_data.message m ON m.id = at.message_id
LEFT JOIN sd_data.ticket t ON t.id = m.ticket_id
CROSS JOIN sd.session_agent() f
CROSS JOIN LATERAL (SELECT f.is_agent AND (t.classification IS DISTINCT FROM 'OFFICIAL_SENSITIVE'
                           OR (f.cleared AND sd.read_audited(t.id, f.agent_id))) AS ok) v
WHERE v.ok OR f.cleared;

CREATE FUNCTION sd.attachment_insert() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    me sd.session_t := sd.require_staff();
    tid bigint;
BEGIN
    SELECT ticket_id INTO tid FROM sd_data.message WHERE id = NEW.message_id;
    IF tid IS NOT NULL THEN
        PERFORM sd.ticket_for_write(tid, me);
    END IF;
    INSERT INTO sd_data.attachment (message_id, filename, content_type, size_bytes, too_large, content)
    VALUES (NEW.message_id, NEW.filename, NEW.content_type, NEW.size_bytes, coalesce(NEW.too_large, false), NEW.content)
    RETURNING id INTO NEW.id;
    RETURN NEW;
END $$;
CREATE TRIGGER attachment_insert INSTEAD OF INSERT ON sd.attachment FOR EACH ROW EXECUTE FUNCTION sd.attachment_insert();

-- ---------------------------------------------------------------------------------------------- calls

-- A call in progress (draft) belongs to its operator alone; a logged call shows with its ticket.
CREATE VIEW sd.phone_call WITH (security_barrier) AS
SELECT pc.id, pc.ticket_id, pc.operator_id, pc.contact_id, pc.direction, pc.started, pc.ended, pc.notes, pc.draft,
       pc.draft_state, pc.updated_at
FROM sd_data.phone_call pc
LEFT JOIN sd_data.ticket t ON t.id = pc.ticket_id
CROSS JOIN sd.session_agent() f
WHERE f.is_agent
  AND ((pc.draft AND pc.operator_id = f.agent_id)
       OR (NOT pc.draft AND (t.classification IS DISTINCT FROM 'OFFICIAL_SENSITIVE'
                             OR (f.cleared AND sd.read_audited(t.id, f.agent_id)))));

CREATE FUNCTION sd.phone_call_write() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    me sd.session_t := sd.require_staff();
BEGIN
    IF NOT me.is_agent THEN
        PERFORM sd.deny('Only agents log calls.');
    END IF;
    IF TG_OP = 'DELETE' THEN
        DELETE FROM sd_data.phone_call WHERE id = OLD.id AND draft AND operator_id = me.agent_id;
        IF FOUND THEN
            RETURN OLD;
        END IF;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND NOT EXISTS (SELECT 1 FROM sd_data.phone_call WHERE id = OLD.id AND draft
                                        AND operator_id = me.agent_id) THEN
        RETURN NULL;
    END IF;
    IF NEW.ticket_id IS NOT NULL AND NOT NEW.draft THEN
        PERFORM sd.ticket_for_write(NEW.ticket_id, me);
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO sd_data.phone_call (ticket_id, operator_id, contact_id, direction, started, ended, notes, draft,
                                        draft_state, updated_at)
        VALUES (NEW.ticket_id, me.agent_id, NEW.contact_id, NEW.direction, NEW.started, NEW.ended, NEW.notes,
                NEW.draft, NEW.draft_state, NEW.updated_at)
        RETURNING id, operator_id INTO NEW.id, NEW.operator_id;
    ELSE
        UPDATE sd_data.phone_call SET ticket_id = NEW.ticket_id, contact_id = NEW.contact_id, direction = NEW.direction,
            started = NEW.started, ended = NEW.ended, notes = NEW.notes, draft = NEW.draft,
            draft_state = NEW.draft_state, updated_at = NEW.updated_at
        WHERE id = OLD.id;
        NEW.operator_id := me.agent_id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER phone_call_write INSTEAD OF INSERT OR UPDATE OR DELETE ON sd.phone_call
    FOR EACH ROW EXECUTE FUNCTION sd.phone_call_write();

-- ========================================================================================= the audit

-- Cleared team leads browse it; nobody changes it.
CREATE VIEW sd.access_audit WITH (security_barrier) AS
SELECT au.id, au.at, au.agent_id, au.ticket_id, au.quarantine_id, au.view_name
FROM sd_data.access_audit au
CROSS JOIN sd.session_agent() f
WHERE f.cleared AND f.lead;

-- ================================================================================== people and setup

CREATE VIEW sd.agent WITH (security_barrier) AS
SELECT a.id, a.username, a.display_name, NULL::varchar(200) AS password_hash,
       CASE WHEN sd.role_in(a.username, 'cleared') THEN 'CLEARED' ELSE 'NONE' END AS clearance,
       a.support_level,
       sd.role_in(a.username, 'lead')  AS is_lead,
       sd.role_in(a.username, 'admin') AS is_admin,
       sd.role_in(a.username, 'agent') AS active,
       a.created_at, a.must_change_password
FROM sd_data.agent a
CROSS JOIN sd.session_agent() f
WHERE f.is_agent OR f.intake OR a.username = session_user;

-- Grants or revokes one group for a login (the caller has checked the rights).
CREATE FUNCTION sd.set_group(p_login text, p_group text, p_member boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF p_member AND NOT sd.role_in(p_login, p_group) THEN
        EXECUTE format('GRANT %I TO %I', '${prefix}' || p_group, p_login);
    ELSIF NOT p_member AND sd.role_in(p_login, p_group) THEN
        EXECUTE format('REVOKE %I FROM %I', '${prefix}' || p_group, p_login);
    END IF;
END $$;
REVOKE ALL ON FUNCTION sd.set_group(text, text, boolean) FROM PUBLIC;

CREATE FUNCTION sd.check_verifier(p_verifier text) RETURNS void
    LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    -- never a password in clear text: the client sends a SCRAM-SHA-256 verifier it computed itself
    IF p_verifier IS NULL OR p_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
        PERFORM sd.deny('A password must be sent as a SCRAM-SHA-256 verifier.');
    END IF;
END $$;

CREATE FUNCTION sd.roles_text(cleared boolean, lead boolean, admin boolean, active boolean) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT concat_ws(', ', CASE WHEN cleared THEN 'cleared' ELSE 'not cleared' END,
                     CASE WHEN lead THEN 'lead' END, CASE WHEN admin THEN 'admin' END,
                     CASE WHEN active THEN 'active' ELSE 'inactive' END)
$$;

-- Who changed whose roles: admins and leads read it; nobody writes it but the triggers above.
CREATE VIEW sd.agent_audit WITH (security_barrier) AS
SELECT x.* FROM sd_data.agent_audit x
WHERE (SELECT admin OR lead FROM sd.session_agent());

-- Creating an agent (admins): a new login with the verifier as its password, the groups it is given,
-- and the one-time password flag (the agent chooses their own at first sign-in).
CREATE FUNCTION sd.agent_insert() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    me sd.session_t := sd.require_staff();
BEGIN
    IF NOT me.admin THEN
        PERFORM sd.deny('Only an admin may create agents.');
    END IF;
    NEW.clearance := coalesce(NEW.clearance, 'NONE');
    NEW.is_lead := coalesce(NEW.is_lead, false);
    NEW.is_admin := coalesce(NEW.is_admin, false);
    NEW.active := coalesce(NEW.active, true);
    IF NEW.username IS NULL OR NEW.username !~ '^[A-Za-z0-9._@-]{1,63}$' THEN
        PERFORM sd.deny('A user name is 1 to 63 letters, digits, ''.'', ''_'', ''@'' or ''-''.');
    END IF;
    IF NEW.clearance = 'CLEARED' AND NOT me.cleared THEN
        PERFORM sd.deny('Only a cleared admin may give an agent security clearance.');
    END IF;
    PERFORM sd.check_verifier(NEW.password_hash);
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = NEW.username) THEN
        PERFORM sd.deny('A database login called ' || NEW.username || ' already exists on this server; choose another user name.');
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', NEW.username, NEW.password_hash);
    PERFORM sd.set_group(NEW.username, 'agent', coalesce(NEW.active, true));
    PERFORM sd.set_group(NEW.username, 'cleared', NEW.clearance = 'CLEARED');
    PERFORM sd.set_group(NEW.username, 'lead', coalesce(NEW.is_lead, false));
    PERFORM sd.set_group(NEW.username, 'admin', coalesce(NEW.is_admin, false));
    INSERT INTO sd_data.agent (username, display_name, support_level, must_change_password, created_at)
    VALUES (NEW.username, NEW.display_name, NEW.support_level, coalesce(NEW.must_change_password, true), NEW.created_at)
    RETURNING id, must_change_password INTO NEW.id, NEW.must_change_password;
    INSERT INTO sd_data.agent_audit (at, agent_id, changed_by, change)
    VALUES (clock_timestamp(), NEW.id, me.agent_id, 'created: ' || sd.roles_text(NEW.clearance = 'CLEARED', NEW.is_lead,
            NEW.is_admin, NEW.active));
    NEW.password_hash := NULL;
    PERFORM pg_notify('supportdesk_changes', 'agent:' || NEW.id);
    RETURN NEW;
END $$;
CREATE TRIGGER agent_insert INSTEAD OF INSERT ON sd.agent FOR EACH ROW EXECUTE FUNCTION sd.agent_insert();

-- Changing an agent. Anyone: their own password (and with it the one-time flag). Admins: names,
-- levels, roles and other agents' passwords, with these limits: nobody gives themselves a role; only a
-- cleared admin gives clearance or resets a cleared agent's password; deactivating also refuses new
-- sessions and ends the ones open (where the server lets the owner signal them).
CREATE FUNCTION sd.agent_update() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    me sd.session_t;
    self boolean := OLD.username = session_user;
    roles_changed boolean;
BEGIN
    NEW.clearance := coalesce(NEW.clearance, OLD.clearance);
    NEW.is_lead := coalesce(NEW.is_lead, OLD.is_lead);
    NEW.is_admin := coalesce(NEW.is_admin, OLD.is_admin);
    NEW.active := coalesce(NEW.active, OLD.active);
    roles_changed := NEW.clearance IS DISTINCT FROM OLD.clearance OR NEW.is_lead IS DISTINCT FROM OLD.is_lead
        OR NEW.is_admin IS DISTINCT FROM OLD.is_admin OR NEW.active IS DISTINCT FROM OLD.active;
    SELECT * INTO me FROM sd.session_agent();
    IF NEW.username IS DISTINCT FROM OLD.username THEN
        PERFORM sd.deny('A user name cannot be changed.');
    END IF;
    IF self AND NOT roles_changed AND NEW.display_name IS NOT DISTINCT FROM OLD.display_name
            AND NEW.support_level IS NOT DISTINCT FROM OLD.support_level AND NEW.password_hash IS NOT NULL THEN
        -- an agent choosing their own password (also with a one-time password still to replace)
        PERFORM sd.check_verifier(NEW.password_hash);
        EXECUTE format('ALTER ROLE %I PASSWORD %L VALID UNTIL ''infinity''', OLD.username, NEW.password_hash);
        UPDATE sd_data.agent SET must_change_password = false WHERE id = OLD.id;
        NEW.password_hash := NULL;
        NEW.must_change_password := false;
        RETURN NEW;
    END IF;
    IF NOT me.admin THEN
        PERFORM sd.deny('Only an admin may edit agents.');
    END IF;
    IF self AND ((NEW.clearance = 'CLEARED' AND OLD.clearance <> 'CLEARED') OR (NEW.is_lead AND NOT OLD.is_lead)
                 OR NOT NEW.is_admin OR NOT NEW.active) THEN
        -- one may give up clearance or the lead role, never gain a role or drop one's own admin right
        PERFORM sd.deny('Nobody can give themselves a role, remove their own admin right or deactivate themselves:'
                        || ' ask another admin.');
    END IF;
    IF NEW.clearance = 'CLEARED' AND OLD.clearance <> 'CLEARED' AND NOT me.cleared THEN
        PERFORM sd.deny('Only a cleared admin may give an agent security clearance.');
    END IF;
    IF NEW.password_hash IS NOT NULL THEN
        PERFORM sd.check_verifier(NEW.password_hash);
        IF OLD.clearance = 'CLEARED' AND NOT me.cleared THEN
            PERFORM sd.deny('Only a cleared admin may reset the password of a cleared agent.');
        END IF;
        EXECUTE format('ALTER ROLE %I PASSWORD %L', OLD.username, NEW.password_hash);
        UPDATE sd_data.agent SET must_change_password = NOT self WHERE id = OLD.id;
        INSERT INTO sd_data.agent_audit (at, agent_id, changed_by, change)
        VALUES (clock_timestamp(), OLD.id, me.agent_id, 'password reset (one-time)');
    END IF;
    UPDATE sd_data.agent SET display_name = NEW.display_name, support_level = NEW.support_level WHERE id = OLD.id;
    IF roles_changed THEN
        INSERT INTO sd_data.agent_audit (at, agent_id, changed_by, change)
        VALUES (clock_timestamp(), OLD.id, me.agent_id, sd.roles_text(OLD.clearance = 'CLEARED', OLD.is_lead,
                OLD.is_admin, OLD.active) || ' -> ' || sd.roles_text(NEW.clearance = 'CLEARED', NEW.is_lead,
                NEW.is_admin, NEW.active));
        PERFORM sd.set_group(OLD.username, 'cleared', NEW.clearance = 'CLEARED');
        PERFORM sd.set_group(OLD.username, 'lead', NEW.is_lead);
        PERFORM sd.set_group(OLD.username, 'admin', NEW.is_admin);
        PERFORM sd.set_group(OLD.username, 'agent', NEW.active);
        EXECUTE format('ALTER ROLE %I %s', OLD.username, CASE WHEN NEW.active THEN 'LOGIN' ELSE 'NOLOGIN' END);
        IF NOT NEW.active THEN
            BEGIN
                PERFORM pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = OLD.username;
            EXCEPTION WHEN insufficient_privilege THEN
                RAISE LOG 'supportdesk: could not end the sessions of %', OLD.username;
            END;
        END IF;
    END IF;
    NEW.password_hash := NULL;
    PERFORM pg_notify('supportdesk_changes', 'agent:' || OLD.id);
    RETURN NEW;
END $$;
CREATE TRIGGER agent_update INSTEAD OF UPDATE ON sd.agent FOR EACH ROW EXECUTE FUNCTION sd.agent_update();

-- Simple tables: a view that needs an active agent (or the gateway) to see rows, and whose CHECK OPTION
-- needs one to write; the grants below say which group may write what.
CREATE VIEW sd.customer WITH (security_barrier) AS
SELECT * FROM sd_data.customer
WHERE (SELECT is_agent OR intake FROM sd.session_agent())
WITH CASCADED CHECK OPTION;

CREATE VIEW sd.contact WITH (security_barrier) AS
SELECT * FROM sd_data.contact
WHERE (SELECT is_agent OR intake FROM sd.session_agent())
WITH CASCADED CHECK OPTION;

CREATE VIEW sd.policy_version WITH (security_barrier) AS
SELECT * FROM sd_data.policy_version
WHERE (SELECT is_agent OR intake FROM sd.session_agent())
WITH CASCADED CHECK OPTION;

CREATE VIEW sd.training_session WITH (security_barrier) AS
SELECT * FROM sd_data.training_session
WHERE (SELECT is_agent FROM sd.session_agent())
WITH CASCADED CHECK OPTION;

CREATE VIEW sd.outage WITH (security_barrier) AS
SELECT * FROM sd_data.outage
WHERE (SELECT is_agent FROM sd.session_agent())
WITH CASCADED CHECK OPTION;

-- Linking an outage (and so its customer) to an Official Sensitive ticket tells which customer the ticket
-- belongs to: such a link shows (and can be made) only by cleared staff, in a transaction that audited the read.
CREATE VIEW sd.outage_ticket WITH (security_barrier) AS
SELECT ot.* FROM sd_data.outage_ticket ot
WHERE (SELECT is_agent FROM sd.session_agent())
  AND (SELECT t.classification <> 'OFFICIAL_SENSITIVE'
              OR ((SELECT cleared FROM sd.session_agent()) AND sd.read_audited(t.id, (SELECT agent_id FROM sd.session_agent())))
       FROM sd_data.ticket t WHERE t.id = ot.ticket_id)
WITH CASCADED CHECK OPTION;

-- Settings: admins change them; the mail gateway may only replace the refresh token its mail server rotated
-- (an encrypted value only the gateway's own key file opens) and keep its crash marks.
CREATE VIEW sd.app_setting WITH (security_barrier) AS
SELECT * FROM sd_data.app_setting
WHERE (SELECT is_agent OR intake FROM sd.session_agent());

CREATE FUNCTION sd.app_setting_write() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    me sd.session_t := sd.require_staff();
    k text := CASE WHEN TG_OP = 'DELETE' THEN OLD.setting_key ELSE NEW.setting_key END;
BEGIN
    -- the gateway: its rotated refresh token, and its crash marks (a message being read, see mail.MailIntake)
    IF NOT (me.admin OR (me.intake AND (k = 'mail.oauth.refreshToken' OR k LIKE 'intake.reading.%'))) THEN
        PERFORM sd.deny('Only an admin may change settings.');
    END IF;
    IF TG_OP = 'DELETE' THEN
        DELETE FROM sd_data.app_setting WHERE setting_key = OLD.setting_key;
        RETURN OLD;
    ELSIF TG_OP = 'UPDATE' THEN
        UPDATE sd_data.app_setting SET setting_value = NEW.setting_value WHERE setting_key = OLD.setting_key;
        RETURN NEW;
    END IF;
    INSERT INTO sd_data.app_setting (setting_key, setting_value) VALUES (NEW.setting_key, NEW.setting_value);
    RETURN NEW;
END $$;
CREATE TRIGGER app_setting_write INSTEAD OF INSERT OR UPDATE OR DELETE ON sd.app_setting
    FOR EACH ROW EXECUTE FUNCTION sd.app_setting_write();

CREATE VIEW sd.mail_checkpoint WITH (security_barrier) AS
SELECT * FROM sd_data.mail_checkpoint
WHERE (SELECT intake OR admin FROM sd.session_agent())
WITH CASCADED CHECK OPTION;

-- Quarantined and automated mail: the gateway files it (and sees no content); admins deal with it,
-- and only a cleared admin, audited, sees a sensitive entry's sender, subject and raw source.
CREATE VIEW sd.quarantine WITH (security_barrier) AS
SELECT q.id, q.account, q.folder, q.uid, q.received, q.reason,
       CASE WHEN v.ok THEN q.raw_source END AS raw_source,
       q.created_at, q.resolved_at, q.resolution, q.category, q.message_key, q.raw_sha256,
       CASE WHEN v.ok THEN q.sender END     AS sender,
       CASE WHEN v.ok THEN q.subject END    AS subject,
       q.sensitive,
       octet_length(q.raw_source)           AS raw_size
FROM sd_data.quarantine q
CROSS JOIN sd.session_agent() f
CROSS JOIN LATERAL (SELECT f.admin AND (NOT q.sensitive
                           OR (f.cleared AND sd.quarantine_read_audited(q.id, f.agent_id))) AS ok) v
WHERE f.admin OR f.intake;

CREATE FUNCTION sd.quarantine_write() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    me sd.session_t := sd.require_staff();
BEGIN
    IF NOT (me.intake OR me.admin) THEN
        PERFORM sd.deny('Only admins and the mail gateway handle quarantined mail.');
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO sd_data.quarantine (account, folder, uid, received, reason, raw_source, created_at, resolved_at,
                                        resolution, category, message_key, raw_sha256, sender, subject, sensitive)
        VALUES (NEW.account, NEW.folder, NEW.uid, NEW.received, NEW.reason, NEW.raw_source, NEW.created_at,
                NEW.resolved_at, NEW.resolution, NEW.category, NEW.message_key, NEW.raw_sha256, NEW.sender,
                NEW.subject, coalesce(NEW.sensitive, false))
        RETURNING id INTO NEW.id;
        RETURN NEW;
    END IF;
    -- dealing with an entry: only its outcome changes
    UPDATE sd_data.quarantine SET resolved_at = NEW.resolved_at, resolution = NEW.resolution WHERE id = OLD.id;
    RETURN NEW;
END $$;
CREATE TRIGGER quarantine_write INSTEAD OF INSERT OR UPDATE ON sd.quarantine
    FOR EACH ROW EXECUTE FUNCTION sd.quarantine_write();

-- The schema version the desks check at sign-in (the history table itself stays in sd_data).
CREATE VIEW sd.schema_version AS
SELECT max(installed_rank) AS installed_rank,
       max(CASE WHEN version ~ '^[0-9]+$' THEN version::integer END) AS version
FROM sd_data.flyway_schema_history WHERE success;

-- What a desk asks at sign-in and on every resync: who the database says it is, and its clock.
CREATE FUNCTION sd.whoami()
    RETURNS TABLE (login text, agent_id bigint, is_agent boolean, cleared boolean, lead boolean, admin boolean,
                   intake boolean, must_change_password boolean, server_time timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
    SELECT session_user::text, f.agent_id, f.is_agent, f.cleared, f.lead, f.admin, f.intake,
           coalesce((SELECT must_change_password FROM sd_data.agent WHERE username = session_user), false),
           clock_timestamp()
    FROM sd.session_agent() f
$$;

-- ================================================================================= live refresh

CREATE FUNCTION sd.notify_ticket() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('supportdesk_changes', 'ticket:' || NEW.id || ':' || NEW.version || ':' || NEW.status || ':'
                      || NEW.severity || ':' || NEW.classification || ':'
                      || (extract(epoch FROM NEW.updated_at) * 1000)::bigint);
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS notify_ticket ON sd_data.ticket;
CREATE TRIGGER notify_ticket AFTER INSERT OR UPDATE ON sd_data.ticket
    FOR EACH ROW EXECUTE FUNCTION sd.notify_ticket();

CREATE FUNCTION sd.notify_event() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('supportdesk_changes', 'event:' || NEW.id || ':' || NEW.ticket_id);
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS notify_event ON sd_data.ticket_event;
CREATE TRIGGER notify_event AFTER INSERT ON sd_data.ticket_event
    FOR EACH ROW EXECUTE FUNCTION sd.notify_event();

-- ========================================================================================= grants

GRANT SELECT, INSERT, UPDATE ON sd.ticket TO ${prefix}agent, ${prefix}intake;
GRANT SELECT, INSERT ON sd.ticket_event TO ${prefix}agent;
GRANT INSERT ON sd.ticket_event TO ${prefix}intake;
GRANT SELECT, INSERT, UPDATE ON sd.message TO ${prefix}agent, ${prefix}intake;
GRANT SELECT, INSERT ON sd.attachment TO ${prefix}agent, ${prefix}intake;
GRANT SELECT, INSERT, UPDATE, DELETE ON sd.phone_call TO ${prefix}agent;
GRANT SELECT ON sd.access_audit, sd.agent_audit TO ${prefix}agent;
GRANT SELECT, INSERT, UPDATE ON sd.agent TO ${prefix}agent;
GRANT SELECT ON sd.agent TO ${prefix}intake;
GRANT SELECT ON sd.customer, sd.contact, sd.policy_version, sd.app_setting TO ${prefix}agent, ${prefix}intake;
GRANT INSERT, UPDATE ON sd.customer TO ${prefix}admin;
GRANT INSERT, UPDATE ON sd.contact TO ${prefix}agent;
GRANT INSERT ON sd.contact TO ${prefix}intake;
GRANT INSERT ON sd.policy_version TO ${prefix}admin;
GRANT SELECT ON sd.training_session, sd.outage, sd.outage_ticket TO ${prefix}agent;
GRANT INSERT, DELETE ON sd.training_session, sd.outage, sd.outage_ticket TO ${prefix}lead, ${prefix}admin;
GRANT INSERT, UPDATE, DELETE ON sd.app_setting TO ${prefix}admin, ${prefix}intake;
GRANT SELECT, INSERT, UPDATE ON sd.mail_checkpoint TO ${prefix}intake;
GRANT SELECT ON sd.mail_checkpoint TO ${prefix}admin;
GRANT SELECT, INSERT, UPDATE ON sd.quarantine TO ${prefix}intake, ${prefix}admin;
GRANT SELECT ON sd.schema_version TO ${prefix}agent, ${prefix}intake;

GRANT EXECUTE ON FUNCTION sd.session_agent(), sd.whoami(), sd.role_in(text, text),
    sd.audit_read(bigint[], text), sd.read_audited(bigint, bigint),
    sd.search_sensitive(text, integer, text),
    sd.sensitive_for(bigint, bigint, timestamptz, timestamptz, text)
    TO ${prefix}agent, ${prefix}intake;
GRANT EXECUTE ON FUNCTION sd.audit_quarantine_read(bigint, text) TO ${prefix}admin;
GRANT EXECUTE ON FUNCTION sd.sender_known(bigint, text) TO ${prefix}agent, ${prefix}intake;
GRANT EXECUTE ON FUNCTION sd.quarantine_read_audited(bigint, bigint) TO ${prefix}admin, ${prefix}intake;

-- =====================================================================================================
-- saved replies and signatures (issue 18; tables in V3__saved_replies.sql)
--
--   * sd.saved_reply: a TEAM reply (owner_id NULL) is read by every active agent and written (added, changed,
--     deleted) only by team leads. A PERSONAL reply (owner_id = its agent) is seen and written by its owner
--     alone: no other login, leads and admins included, gets its row or can touch it. The acting agent recorded
--     (updated_by) is the session's login whatever the client claims; a reply never changes owner (a personal
--     reply cannot become the team's or another agent's); a change must name the version it read, else no row
--     changes (optimistic locking, as for tickets). The mail gateway sees none.
--   * sd.agent_signature: each agent reads and writes their own signature only (CHECK OPTION).
--   Replies and signatures are no Official Sensitive content; what a reply may be used on is the desk's business
--   (a reply marked sensitive_ok may be used on an Official Sensitive ticket, which only cleared staff may answer).
-- =====================================================================================================

CREATE VIEW sd.saved_reply WITH (security_barrier) AS
SELECT r.id, r.owner_id, r.name, r.shortcut, r.body, r.sensitive_ok, r.first_response, r.created_at, r.updated_at,
       r.updated_by, r.version
FROM sd_data.saved_reply r
CROSS JOIN sd.session_agent() f
WHERE f.is_agent AND (r.owner_id IS NULL OR r.owner_id = f.agent_id);

CREATE FUNCTION sd.saved_reply_write() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    me sd.session_t := sd.session_agent();
    r sd_data.saved_reply;
BEGIN
    IF NOT coalesce(me.is_agent, false) THEN
        PERFORM sd.deny('Only active agents keep saved replies.');
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.owner_id IS NULL AND NOT me.lead THEN
            PERFORM sd.deny('Only team leads add the team''s saved replies.');
        END IF;
        IF NEW.owner_id IS NOT NULL AND NEW.owner_id <> me.agent_id THEN
            PERFORM sd.deny('A personal saved reply belongs to the agent who saves it.');
        END IF;
        INSERT INTO sd_data.saved_reply (owner_id, name, shortcut, body, sensitive_ok, first_response, created_at,
                                         updated_at, updated_by, version)
        VALUES (NEW.owner_id, NEW.name, NEW.shortcut, NEW.body, coalesce(NEW.sensitive_ok, false),
                coalesce(NEW.first_response, false), NEW.created_at, NEW.updated_at, me.agent_id, 0)
        RETURNING * INTO r;
        NEW.id := r.id;
        NEW.updated_by := r.updated_by;
        NEW.version := r.version;
        RETURN NEW;
    END IF;
    SELECT * INTO r FROM sd_data.saved_reply WHERE id = OLD.id FOR UPDATE;
    IF NOT FOUND OR NOT (r.owner_id IS NULL OR r.owner_id = me.agent_id) OR r.version <> OLD.version THEN
        RETURN NULL; -- gone, someone else's (as if there were no such row), or changed since it was read
    END IF;
    IF r.owner_id IS NULL AND NOT me.lead THEN
        PERFORM sd.deny('Only team leads change the team''s saved replies.');
    END IF;
    IF TG_OP = 'DELETE' THEN
        DELETE FROM sd_data.saved_reply WHERE id = OLD.id;
        RETURN OLD;
    END IF;
    IF NEW.owner_id IS DISTINCT FROM r.owner_id OR NEW.id IS DISTINCT FROM r.id THEN
        PERFORM sd.deny('A saved reply keeps its owner: save a copy instead.');
    END IF;
    UPDATE sd_data.saved_reply SET name = NEW.name, shortcut = NEW.shortcut, body = NEW.body,
        sensitive_ok = coalesce(NEW.sensitive_ok, false), first_response = coalesce(NEW.first_response, false),
        updated_at = NEW.updated_at, updated_by = me.agent_id, version = r.version + 1
    WHERE id = OLD.id
    RETURNING * INTO r;
    NEW.updated_by := r.updated_by;
    NEW.version := r.version;
    NEW.created_at := r.created_at;
    RETURN NEW;
END $$;
CREATE TRIGGER saved_reply_write INSTEAD OF INSERT OR UPDATE OR DELETE ON sd.saved_reply
    FOR EACH ROW EXECUTE FUNCTION sd.saved_reply_write();

CREATE VIEW sd.agent_signature WITH (security_barrier) AS
SELECT s.agent_id, s.body, s.updated_at FROM sd_data.agent_signature s
WHERE s.agent_id = (SELECT agent_id FROM sd.session_agent() WHERE is_agent)
WITH CASCADED CHECK OPTION;

GRANT SELECT, INSERT, UPDATE, DELETE ON sd.saved_reply, sd.agent_signature TO ${prefix}agent;

-- =====================================================================================================
-- team migrate: moving an embedded desk into a freshly initialised team database
--
-- `support-desk team migrate` (store/TeamMigration.java; docs/decisions/007-moving-a-desk-up.md) copies every
-- row of an embedded desk, ids kept, into this database, signed in as an admin. That necessarily writes past
-- the per-row rules above (sensitive tickets, cleared agents, audit rows, explicit ids), so it goes through the
-- functions of this section only, granted to ${prefix}admin, which:
--   * work only inside an IMPORT STATE: opened by sd.import_begin on a database holding nothing but what team
--     init made (the caller's own agent row, the standard policy, the mail gateway's login), usable only by
--     the login that opened it and only in the transaction that opened it, and closed by sd.import_end before
--     that transaction commits (a deferred constraint trigger refuses the commit otherwise). The row it leaves
--     in sd_data.team_import means a database is imported into once: afterwards every function here refuses;
--   * lock every table against other writers until the import commits or rolls back (all or nothing);
--   * need an active admin; Official Sensitive tickets, sensitive quarantined mail and cleared agents need a
--     cleared admin (an uncleared admin must not mint a cleared account or plant sensitive content);
--   * give the importing admin's own login no role (they keep what team init gave them); every other agent
--     gets a NEW login (one that already exists on the server is refused) whose password is a SCRAM verifier
--     the client computed from a one-time password, flagged must_change_password; an inactive agent's login
--     cannot sign in and has no password;
--   * store imported audit rows with xact 0, a transaction id that never exists, and imported tickets with no
--     created/classified transaction, so nothing imported ever makes content readable to anyone;
--   * read nothing back but row counts and digests (sd.import_checksums), and only inside the open import,
--     when every row there is one the caller has just written.
-- =====================================================================================================

-- The session, if it is an active admin; else refused.
CREATE FUNCTION sd.import_admin() RETURNS sd.session_t
    LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    me sd.session_t;
BEGIN
    SELECT * INTO me FROM sd.session_agent();
    IF NOT coalesce(me.admin, false) THEN
        PERFORM sd.deny('Only an active admin may move a desk into the team database.');
    END IF;
    RETURN me;
END $$;

-- The session, if it is an active admin holding the import opened in this very transaction; else refused.
CREATE FUNCTION sd.import_open() RETURNS sd.session_t
    LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    me sd.session_t := sd.import_admin();
BEGIN
    IF NOT EXISTS (SELECT 1 FROM sd_data.team_import i WHERE i.finished_at IS NULL AND i.login = session_user
                   AND i.xact = txid_current_if_assigned()) THEN
        PERFORM sd.deny('No import is open in this transaction (sd.import_begin opens one, on an empty team database).');
    END IF;
    RETURN me;
END $$;

-- What the database holds beyond what team init made, in words; NULL when it is empty.
CREATE FUNCTION sd.import_what_is_there() RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT string_agg(w, ', ') FROM (
        SELECT count(*) || ' other agent(s)' AS w FROM sd_data.agent WHERE username <> session_user HAVING count(*) > 0
        UNION ALL SELECT count(*) || ' customer(s)' FROM sd_data.customer HAVING count(*) > 0
        UNION ALL SELECT count(*) || ' contact(s)' FROM sd_data.contact HAVING count(*) > 0
        UNION ALL SELECT count(*) || ' role change record(s)' FROM sd_data.agent_audit HAVING count(*) > 0
        UNION ALL SELECT 'a changed response policy' FROM sd_data.policy_version
                  HAVING count(*) <> 1 OR coalesce(bool_or(created_by IS NOT NULL), false)
        UNION ALL SELECT count(*) || ' ticket(s)' FROM sd_data.ticket HAVING count(*) > 0
        UNION ALL SELECT count(*) || ' history entries' FROM sd_data.ticket_event HAVING count(*) > 0
        UNION ALL SELECT count(*) || ' message(s)' FROM sd_data.message HAVING count(*) > 0
        UNION ALL SELECT count(*) || ' attachment(s)' FROM sd_data.attachment HAVING count(*) > 0
        UNION ALL SELECT count(*) || ' call(s)' FROM sd_data.phone_call HAVING count(*) > 0
        UNION ALL SELECT count(*) || ' mail checkpoint(s)' FROM sd_data.mail_checkpoint HAVING count(*) > 0
        UNION ALL SELECT count(*) || ' quarantined message(s)' FROM sd_data.quarantine HAVING count(*) > 0
        UNION ALL SELECT count(*) || ' training session(s)' FROM sd_data.training_session HAVING count(*) > 0
        UNION ALL SELECT count(*) || ' outage(s)' FROM sd_data.outage HAVING count(*) > 0
        UNION ALL SELECT count(*) || ' outage link(s)' FROM sd_data.outage_ticket HAVING count(*) > 0
        UNION ALL SELECT count(*) || ' access audit row(s)' FROM sd_data.access_audit HAVING count(*) > 0
        UNION ALL SELECT count(*) || ' setting(s)' FROM sd_data.app_setting HAVING count(*) > 0
        UNION ALL SELECT count(*) || ' saved replies' FROM sd_data.saved_reply HAVING count(*) > 0
        UNION ALL SELECT count(*) || ' signature(s)' FROM sd_data.agent_signature HAVING count(*) > 0
        UNION ALL SELECT count(DISTINCT m.member) || ' other login(s) holding a desk role'
                  FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles l ON l.oid = m.member
                  WHERE g.rolname IN ('${prefix}agent', '${prefix}cleared', '${prefix}lead', '${prefix}admin')
                    AND l.rolcanlogin AND l.rolname <> session_user
                  HAVING count(*) > 0
    ) x
$$;

-- Opens the import (see the head of this section). p_source says what is moved in, for the record.
CREATE FUNCTION sd.import_begin(p_source text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    done sd_data.team_import;
    extra text;
BEGIN
    PERFORM sd.import_admin();
    -- refused at once on a desk in use; then nobody else writes (or sees half an import) until this transaction
    -- ends, and the check is made again under the locks
    FOR pass IN 1..2 LOOP
        IF pass = 2 THEN
            PERFORM set_config('lock_timeout', '10s', true);
            LOCK TABLE sd_data.team_import, sd_data.agent, sd_data.agent_audit, sd_data.customer, sd_data.contact,
                sd_data.policy_version, sd_data.ticket, sd_data.ticket_event, sd_data.message, sd_data.attachment, sd_data.phone_call,
                sd_data.mail_checkpoint, sd_data.quarantine, sd_data.training_session, sd_data.outage,
                sd_data.outage_ticket, sd_data.access_audit, sd_data.app_setting, sd_data.saved_reply,
                sd_data.agent_signature IN EXCLUSIVE MODE;
        END IF;
        SELECT * INTO done FROM sd_data.team_import;
        IF FOUND THEN
            PERFORM sd.deny('A desk was already moved into this team database (by ' || done.login || ', '
                            || to_char(done.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC); a desk can'
                            || ' only be moved into a new, empty one. Nothing was changed.');
        END IF;
        extra := sd.import_what_is_there();
        IF extra IS NOT NULL THEN
            PERFORM sd.deny('The team database is not empty (it holds ' || extra || '): a desk can only be moved into'
                            || ' a freshly initialised one. Nothing was changed.');
        END IF;
    END LOOP;
    DELETE FROM sd_data.policy_version; -- the standard policy team init wrote: the desk brings its own history
    INSERT INTO sd_data.team_import (id, login, xact, source, started_at)
    VALUES (1, session_user, txid_current(), left(p_source, 1000), clock_timestamp());
    RAISE LOG 'supportdesk import: % opened an import of %', session_user, p_source;
END $$;

-- One agent. The importing admin's own row takes the desk's id, name, level and date, and no role (p_verifier
-- and the role flags must be NULL). Anyone else becomes a new login: active ones with the verifier as their
-- one-time password, inactive ones unable to sign in.
CREATE FUNCTION sd.import_agent(p_id bigint, p_username text, p_display_name text, p_support_level integer,
                                p_created_at timestamptz, p_verifier text, p_cleared boolean, p_lead boolean,
                                p_admin boolean, p_active boolean) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    me sd.session_t := sd.import_open();
BEGIN
    IF p_username = session_user THEN
        IF p_verifier IS NOT NULL OR p_cleared IS NOT NULL OR p_lead IS NOT NULL OR p_admin IS NOT NULL
                OR p_active IS NOT NULL THEN
            PERFORM sd.deny('An import gives your own login no role and no password: you keep the ones you have.');
        END IF;
        UPDATE sd_data.agent SET id = p_id, display_name = p_display_name, support_level = p_support_level,
                                 created_at = p_created_at
        WHERE username = session_user;
        RETURN;
    END IF;
    IF p_username IS NULL OR p_username !~ '^[A-Za-z0-9._@-]{1,63}$' THEN
        PERFORM sd.deny('The agent ''' || coalesce(p_username, '') || ''' cannot become a database login: a user name'
                        || ' is 1 to 63 letters, digits, ''.'', ''_'', ''@'' or ''-''.');
    END IF;
    IF p_cleared IS NULL OR p_lead IS NULL OR p_admin IS NULL OR p_active IS NULL THEN
        PERFORM sd.deny('Say for ' || p_username || ' whether they are cleared, lead, admin and active.');
    END IF;
    IF p_cleared AND NOT me.cleared THEN
        PERFORM sd.deny('The desk has cleared agents (' || p_username || '): only a cleared admin may move it.');
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_username) THEN
        PERFORM sd.deny('A database login called ' || p_username || ' already exists on this server, so the agent '
                        || p_username || ' cannot be given one. Nothing was changed.');
    END IF;
    IF p_active THEN
        PERFORM sd.check_verifier(p_verifier);
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_username, p_verifier);
    ELSE
        IF p_verifier IS NOT NULL THEN
            PERFORM sd.deny('An inactive agent (' || p_username || ') gets no password.');
        END IF;
        EXECUTE format('CREATE ROLE %I NOLOGIN', p_username);
    END IF;
    PERFORM sd.set_group(p_username, 'agent', p_active);
    PERFORM sd.set_group(p_username, 'cleared', p_cleared);
    PERFORM sd.set_group(p_username, 'lead', p_lead);
    PERFORM sd.set_group(p_username, 'admin', p_admin);
    INSERT INTO sd_data.agent (id, username, display_name, support_level, must_change_password, created_at)
    VALUES (p_id, p_username, p_display_name, p_support_level, true, p_created_at);
END $$;

-- Rows of one table (not agents), a JSON array of objects keyed by column name, ids included.
CREATE FUNCTION sd.import_rows(p_table text, p_rows jsonb) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    me sd.session_t := sd.import_open();
    dropped text[] := '{}';
    forced jsonb := '{}';
    n integer;
BEGIN
    IF p_table IS NULL OR p_table NOT IN ('customer', 'contact', 'agent_audit', 'policy_version', 'ticket', 'ticket_event', 'message',
            'attachment', 'phone_call', 'mail_checkpoint', 'quarantine', 'training_session', 'outage', 'outage_ticket',
            'access_audit', 'app_setting', 'saved_reply', 'agent_signature') THEN
        PERFORM sd.deny('An import does not write ' || coalesce(p_table, 'that') || '.');
    END IF;
    IF jsonb_typeof(p_rows) IS DISTINCT FROM 'array'
            OR EXISTS (SELECT 1 FROM jsonb_array_elements(p_rows) e WHERE jsonb_typeof(e) <> 'object') THEN
        PERFORM sd.deny('The rows to import are a JSON array of objects.');
    END IF;
    IF p_table = 'ticket' THEN
        IF NOT me.cleared AND EXISTS (SELECT 1 FROM jsonb_array_elements(p_rows) e
                                      WHERE (e ->> 'classification') IS DISTINCT FROM 'OFFICIAL') THEN
            PERFORM sd.deny('The desk holds Official Sensitive tickets: only a cleared admin may move it.');
        END IF;
        dropped := ARRAY['created_xact', 'classified_xact'];
    ELSIF p_table = 'quarantine' THEN
        IF NOT me.cleared AND EXISTS (SELECT 1 FROM jsonb_array_elements(p_rows) e
                                      WHERE (e -> 'sensitive') IS DISTINCT FROM 'false'::jsonb) THEN
            PERFORM sd.deny('The desk holds quarantined Official Sensitive mail: only a cleared admin may move it.');
        END IF;
    ELSIF p_table = 'access_audit' THEN
        forced := '{"xact": 0}';
    END IF;
    EXECUTE format('INSERT INTO sd_data.%I SELECT r.* FROM jsonb_array_elements($1) e,'
                   || ' LATERAL jsonb_populate_record(NULL::sd_data.%I, (e - $2) || $3) r', p_table, p_table)
        USING p_rows, dropped, forced;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $$;

-- The canonical form both sides of an import agree on (TeamMigration.java computes the same over the embedded
-- desk): a value is its text (instants as microseconds since 1970, booleans true/false, dates YYYY-MM-DD,
-- bytes as their SHA-256 in hex); a row is the SHA-256 of its fields, each 'N|' when NULL or 'V' LENGTH ':'
-- TEXT '|' (LENGTH in UTF-8 bytes); a table is the SHA-256 of its rows' digests, sorted, one per line.
CREATE FUNCTION sd.import_row(p_fields text[]) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(coalesce(string_agg(CASE WHEN f IS NULL THEN 'N|'
               ELSE 'V' || octet_length(convert_to(f, 'UTF8')) || ':' || f || '|' END, '' ORDER BY i), ''), 'UTF8')), 'hex')
    FROM unnest(p_fields) WITH ORDINALITY AS u(f, i)
$$;

CREATE FUNCTION sd.import_ts(p timestamptz) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT ((extract(epoch FROM p) * 1000000)::bigint)::text
$$;

CREATE FUNCTION sd.import_bool(p boolean) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN p THEN 'true' WHEN NOT p THEN 'false' END
$$;

CREATE FUNCTION sd.import_hash(p bytea) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(p), 'hex')
$$;

-- Per table, the rows now stored and their digest, for the importer to compare with the desk it read. Agents
-- are compared without their roles; 'agent roles' compares the roles of every agent but the importing admin.
CREATE FUNCTION sd.import_checksums() RETURNS TABLE (table_name text, row_count bigint, checksum text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
BEGIN
    PERFORM sd.import_open();
    RETURN QUERY
    WITH d (tbl, digest) AS (
        SELECT 'customer', sd.import_row(ARRAY[x.id::text, x.name::text, sd.import_bool(x.government),
               x.training_sessions_contracted::text, sd.import_ts(x.created_at)]) FROM sd_data.customer x
        UNION ALL
        SELECT 'contact', sd.import_row(ARRAY[x.id::text, x.customer_id::text, x.name::text, x.email::text, x.phone::text,
               x.phone_digits::text, x.role::text, sd.import_bool(x.verified), sd.import_ts(x.created_at),
               x.phone_e164::text, x.phone_ext::text, x.region::text]) FROM sd_data.contact x
        UNION ALL
        SELECT 'agent', sd.import_row(ARRAY[x.id::text, x.username::text, x.display_name::text, x.support_level::text,
               sd.import_ts(x.created_at)]) FROM sd_data.agent x
        UNION ALL
        SELECT 'agent roles', sd.import_row(ARRAY[x.username::text, sd.import_bool(sd.role_in(x.username, 'cleared')),
               sd.import_bool(sd.role_in(x.username, 'lead')), sd.import_bool(sd.role_in(x.username, 'admin')),
               sd.import_bool(sd.role_in(x.username, 'agent'))]) FROM sd_data.agent x WHERE x.username <> session_user
        UNION ALL
        SELECT 'agent_audit', sd.import_row(ARRAY[x.id::text, sd.import_ts(x.at), x.agent_id::text, x.changed_by::text,
               x.change::text]) FROM sd_data.agent_audit x
        UNION ALL
        SELECT 'policy_version', sd.import_row(ARRAY[x.id::text, sd.import_ts(x.effective_from), x.s1_seconds::text,
               x.s2_seconds::text, x.s3_seconds::text, x.zone_id::text, x.opens::text, x.closes::text, x.region::text,
               x.extra_closures::text, x.removed_holidays::text, x.note::text, sd.import_ts(x.created_at),
               x.created_by::text]) FROM sd_data.policy_version x
        UNION ALL
        SELECT 'ticket', sd.import_row(ARRAY[x.id::text, x.subject::text, x.customer_id::text, x.contact_id::text,
               x.severity::text, x.support_level::text, x.status::text, x.classification::text, x.channel::text,
               sd.import_ts(x.received), sd.import_ts(x.deadline), sd.import_ts(x.first_contact_at),
               x.first_contact_event::text, x.assignee_id::text, sd.import_bool(x.needs_triage),
               sd.import_bool(x.needs_cleared_agent), sd.import_ts(x.resolved_at), sd.import_ts(x.created_at),
               sd.import_ts(x.updated_at), x.updated_by::text, x.version::text]) FROM sd_data.ticket x
        UNION ALL
        SELECT 'ticket_event', sd.import_row(ARRAY[x.id::text, x.ticket_id::text, sd.import_ts(x.at), x.agent_id::text,
               x.kind::text, x.detail::text]) FROM sd_data.ticket_event x
        UNION ALL
        SELECT 'message', sd.import_row(ARRAY[x.id::text, x.ticket_id::text, x.kind::text, x.direction::text,
               x.message_id::text, x.in_reply_to::text, x.references_ids::text, x.from_addr::text, x.to_addr::text,
               x.subject::text, sd.import_ts(x.sent_at), x.body, sd.import_hash(x.raw_source), x.author_agent_id::text,
               sd.import_ts(x.created_at), x.raw_sha256::text, sd.import_bool(x.unknown_sender)]) FROM sd_data.message x
        UNION ALL
        SELECT 'attachment', sd.import_row(ARRAY[x.id::text, x.message_id::text, x.filename::text, x.content_type::text,
               x.size_bytes::text, sd.import_bool(x.too_large), sd.import_hash(x.content)]) FROM sd_data.attachment x
        UNION ALL
        SELECT 'phone_call', sd.import_row(ARRAY[x.id::text, x.ticket_id::text, x.operator_id::text, x.contact_id::text,
               x.direction::text, sd.import_ts(x.started), sd.import_ts(x.ended), x.notes, sd.import_bool(x.draft),
               x.draft_state::text, sd.import_ts(x.updated_at)]) FROM sd_data.phone_call x
        UNION ALL
        SELECT 'mail_checkpoint', sd.import_row(ARRAY[x.account::text, x.folder::text, x.uid_validity::text,
               x.last_uid::text, sd.import_ts(x.updated_at)]) FROM sd_data.mail_checkpoint x
        UNION ALL
        SELECT 'quarantine', sd.import_row(ARRAY[x.id::text, x.account::text, x.folder::text, x.uid::text,
               sd.import_ts(x.received), x.reason::text, sd.import_hash(x.raw_source), sd.import_ts(x.created_at),
               sd.import_ts(x.resolved_at), x.resolution::text, x.category::text, x.message_key::text,
               x.raw_sha256::text, x.sender::text, x.subject::text, sd.import_bool(x.sensitive)]) FROM sd_data.quarantine x
        UNION ALL
        SELECT 'training_session', sd.import_row(ARRAY[x.id::text, x.customer_id::text, to_char(x.held_on, 'YYYY-MM-DD'),
               x.topic::text, x.attendees::text, x.delivered_by::text, sd.import_ts(x.created_at)])
        FROM sd_data.training_session x
        UNION ALL
        SELECT 'outage', sd.import_row(ARRAY[x.id::text, x.customer_id::text, sd.import_ts(x.started),
               sd.import_ts(x.ended), x.description::text, sd.import_bool(x.scheduled), sd.import_ts(x.created_at)])
        FROM sd_data.outage x
        UNION ALL
        SELECT 'outage_ticket', sd.import_row(ARRAY[x.outage_id::text, x.ticket_id::text]) FROM sd_data.outage_ticket x
        UNION ALL
        SELECT 'access_audit', sd.import_row(ARRAY[x.id::text, sd.import_ts(x.at), x.agent_id::text, x.ticket_id::text,
               x.quarantine_id::text, x.view_name::text]) FROM sd_data.access_audit x
        UNION ALL
        SELECT 'app_setting', sd.import_row(ARRAY[x.setting_key::text, x.setting_value::text]) FROM sd_data.app_setting x
        UNION ALL
        SELECT 'saved_reply', sd.import_row(ARRAY[x.id::text, x.owner_id::text, x.name::text, x.shortcut::text,
               x.body::text, sd.import_bool(x.sensitive_ok), sd.import_bool(x.first_response), sd.import_ts(x.created_at),
               sd.import_ts(x.updated_at), x.updated_by::text, x.version::text]) FROM sd_data.saved_reply x
        UNION ALL
        SELECT 'agent_signature', sd.import_row(ARRAY[x.agent_id::text, x.body::text, sd.import_ts(x.updated_at)])
        FROM sd_data.agent_signature x
    )
    SELECT n.tbl, count(d.digest),
           encode(sha256(convert_to(coalesce(string_agg(d.digest, E'\n' ORDER BY d.digest COLLATE "C"), ''), 'UTF8')), 'hex')
    FROM unnest(ARRAY['customer', 'contact', 'agent', 'agent roles', 'agent_audit', 'policy_version', 'ticket', 'ticket_event',
                      'message', 'attachment', 'phone_call', 'mail_checkpoint', 'quarantine', 'training_session',
                      'outage', 'outage_ticket', 'access_audit', 'app_setting', 'saved_reply',
                      'agent_signature']) WITH ORDINALITY AS n (tbl, ord)
    LEFT JOIN d ON d.tbl = n.tbl
    GROUP BY n.tbl, n.ord
    ORDER BY n.ord;
END $$;

-- Closes the import: identities continue after the highest id moved in, and the record is finished.
CREATE FUNCTION sd.import_end() RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
DECLARE
    t text;
BEGIN
    PERFORM sd.import_open();
    FOREACH t IN ARRAY ARRAY['customer', 'contact', 'agent', 'agent_audit', 'policy_version', 'ticket', 'ticket_event', 'message',
                             'attachment', 'phone_call', 'quarantine', 'training_session', 'outage', 'access_audit',
                             'saved_reply'] LOOP
        EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''), m) FROM (SELECT max(id) AS m FROM sd_data.%I) x'
                       || ' WHERE m IS NOT NULL', 'sd_data.' || t, t);
    END LOOP;
    UPDATE sd_data.team_import SET finished_at = clock_timestamp() WHERE id = 1;
    RAISE LOG 'supportdesk import: % finished the import', session_user;
END $$;

-- An import is closed before its transaction commits, or the commit fails (so an import state never outlives it).
CREATE FUNCTION sd.import_must_end() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, sd_data, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM sd_data.team_import WHERE id = NEW.id AND finished_at IS NULL) THEN
        PERFORM sd.deny('An import must be closed with sd.import_end() before its transaction commits.');
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS import_must_end ON sd_data.team_import;
CREATE CONSTRAINT TRIGGER import_must_end AFTER INSERT OR UPDATE ON sd_data.team_import
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sd.import_must_end();

GRANT EXECUTE ON FUNCTION sd.import_begin(text),
    sd.import_agent(bigint, text, text, integer, timestamptz, text, boolean, boolean, boolean, boolean),
    sd.import_rows(text, jsonb), sd.import_checksums(), sd.import_end()
    TO ${prefix}admin;
