package com.supportdesk.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.CallDirection;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.Direction;
import com.supportdesk.domain.MessageKind;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.CallRepository.CallDraft;
import com.supportdesk.store.CallRepository.CallEntry;
import com.supportdesk.store.Conversation.NewMessage;
import com.supportdesk.store.MailboxRepository.NewQuarantine;
import com.supportdesk.store.MailboxRepository.QuarantineCategory;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestDesk;
import com.supportdesk.testing.TestPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An attacker with an uncleared agent's own password and plain JDBC (what psql can do): every relation and
 * function the login can see is read, and no planted Official Sensitive marker comes back; every forbidden
 * write is refused and changes nothing. The same reads as the cleared agent do find the markers (so the check
 * can fail), and only after the database has recorded the read in the audit.
 */
class TeamSecurityTest {

    /** In every piece of sensitive content planted below, and nowhere else. */
    static final String MARKER = "ZQX7MARK";

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    TestDesk desk;
    Agent admin;
    Agent clara;
    Agent una;
    Ticket secret;
    Ticket ordinary;
    long quarantined;

    @BeforeEach
    void plant() throws Exception {
        desk = TestDesk.open(TestDesk.Engine.POSTGRES, dir, clock);
        admin = desk.admin();
        clara = desk.agent("clara", Clearance.CLEARED);
        una = desk.agent("una", Clearance.NONE);
        Store asClara = desk.as(clara);
        Customer gov = desk.store().customers().create(admin, "Ministry of Tests", true, 0);
        var connie = desk.store().contacts().create(admin, gov.id(), "Connie", "connie@gov.example", null,
                ContactRole.ADMINISTRATOR);
        secret = asClara.changes().create(clara, NewTicket.of(MARKER + " subject", Severity.S1, Channel.EMAIL,
                clock.instant()).withCustomer(gov.id(), connie.id()).withBody(MARKER + " body")
                .withClassification(Classification.OFFICIAL_SENSITIVE));
        ordinary = desk.as(una).changes().create(una, NewTicket.of("Printer jam", Severity.S3, Channel.AGENT,
                clock.instant()).withCustomer(gov.id(), connie.id()));
        // the mail gateway threads an e-mail with its raw source and an attachment onto the sensitive ticket
        Store intake = desk.intake();
        intake.database().runInTx(tx -> {
            long m = intake.conversation().addMessage(tx, secret.id(), new NewMessage(MessageKind.EMAIL, Direction.IN,
                    "<m1@gov.example>", null, null, MARKER + "@gov.example", "desk@example.com", "Re: " + MARKER,
                    clock.instant(), MARKER + " mail body", null));
            byte[] raw = ("Subject: " + MARKER + "\r\n\r\n" + MARKER + " raw").getBytes(StandardCharsets.US_ASCII);
            intake.conversation().setRawSource(tx, m, new ByteArrayInputStream(raw), raw.length);
            byte[] file = (MARKER + " attachment bytes").getBytes(StandardCharsets.US_ASCII);
            intake.conversation().addAttachment(tx, m, MARKER + ".txt", "text/plain", file.length, false,
                    new ByteArrayInputStream(file));
            byte[] q = ("From: " + MARKER + "@gov.example\r\nSubject: " + MARKER + "\r\n\r\nOFFICIAL-SENSITIVE " + MARKER)
                    .getBytes(StandardCharsets.US_ASCII);
            quarantined = intake.mailbox().quarantine(tx, new NewQuarantine(QuarantineCategory.UNREADABLE, "desk", "INBOX",
                    7L, clock.instant(), "could not be parsed", "<q1@gov.example>", null, MARKER + "@gov.example",
                    MARKER + " quarantined", true), new ByteArrayInputStream(q), q.length);
        });
        // a call, a chat line and an escalation reason on it, by the cleared agent
        long draft = asClara.calls().saveDraft(clara, null, new CallDraft(CallDirection.INBOUND, clock.instant(),
                secret.id(), connie.id(), MARKER + " notes", "state"));
        asClara.database().runInTx(tx -> {
            asClara.calls().log(tx, clara, draft, new CallEntry(secret.id(), connie.id(), CallDirection.INBOUND,
                    clock.instant(), clock.instant().plusSeconds(90), MARKER + " call notes"));
            asClara.conversation().addMessage(tx, secret.id(), new NewMessage(MessageKind.CHAT, Direction.IN, null, null, null,
                    "Connie", null, null, clock.instant(), MARKER + " chat line", null));
        });
        Ticket now = asClara.tickets().get(clara, secret.id());
        asClara.changes().changeLevel(clara, secret.id(), now.version(), SupportLevel.L2, MARKER + " reason", null, null);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    private Connection psql(String user) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", TestDesk.PASSWORD);
        return DriverManager.getConnection(desk.url(), p);
    }

    @Test
    void anUnclearedAgentReadsNoSensitiveContentFromAnyRelationOrFunction() throws Exception {
        try (Connection c = psql("una")) {
            Reading r = readEverything(c);
            assertThat(r.relations).as("relations read").hasSizeGreaterThan(100)
                    .contains("sd.ticket", "sd.message", "sd.attachment", "sd.phone_call", "sd.ticket_event",
                            "pg_catalog.pg_stat_activity");
            assertThat(r.relations).as("no table of sd_data is readable").noneMatch(n -> n.startsWith("sd_data."));
            assertThat(r.functions).contains("sd.audit_read", "sd.search_sensitive", "sd.sensitive_for", "sd.whoami");
            assertThat(r.hits).as("places the marker was found").isEmpty();
            // the sensitive ticket is there, as a placeholder: ref, severity, status, countdown; no customer or contact
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT subject, customer_id, contact_id, severity, deadline FROM sd.ticket WHERE id = " + secret.id())) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isNull();
                assertThat(rs.getObject(2)).isNull();
                assertThat(rs.getObject(3)).isNull();
                assertThat(rs.getInt(4)).isEqualTo(1);
                assertThat(rs.getObject(5)).isNotNull();
            }
        }
    }

    @Test
    void theSameReadingAsTheClearedAgentFindsEveryMarkerAndAuditsIt() throws Exception {
        try (Connection c = psql("clara")) {
            c.setAutoCommit(false);
            Reading before = readEverything(c);
            assertThat(before.hits).as("without an audited read, even cleared staff see placeholders").isEmpty();
            c.rollback();
            try (PreparedStatement ps = c.prepareStatement("SELECT sd.audit_read(?, 'psql')")) {
                ps.setArray(1, c.createArrayOf("bigint", new Object[] {secret.id()}));
                ps.executeQuery().close();
            }
            Reading after = readEverything(c);
            c.commit();
            assertThat(after.hits).anyMatch(h -> h.startsWith("sd.ticket.subject"))
                    .anyMatch(h -> h.startsWith("sd.message.body")).anyMatch(h -> h.startsWith("sd.message.raw_source"))
                    .anyMatch(h -> h.startsWith("sd.attachment.filename")).anyMatch(h -> h.startsWith("sd.attachment.content"))
                    .anyMatch(h -> h.startsWith("sd.phone_call.notes")).anyMatch(h -> h.startsWith("sd.ticket_event.detail"));
        }
        try (Connection su = TestPostgres.superuser(dbName()); Statement st = su.createStatement();
             ResultSet rs = st.executeQuery("SELECT a.view_name FROM sd_data.access_audit a JOIN sd_data.agent g"
                     + " ON g.id = a.agent_id WHERE g.username = 'clara' AND a.ticket_id = " + secret.id())) {
            List<String> views = new ArrayList<>();
            while (rs.next()) {
                views.add(rs.getString(1));
            }
            assertThat(views).contains("psql");
        }
    }

    @Test
    void theMailGatewayReadsNoContentAtAll() throws Exception {
        try (Connection c = psql(TestDesk.INTAKE)) {
            Reading r = readEverything(c);
            assertThat(r.hits).isEmpty();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT subject FROM sd.ticket WHERE id = " + ordinary.id())) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("the gateway cannot read the board, even ordinary tickets").isNull();
            }
        }
    }

    @Test
    void everyForbiddenWriteIsRefusedAndChangesNothing() throws Exception {
        String before = snapshot();
        long s = secret.id();
        try (Connection c = psql("una")) {
            c.setAutoCommit(true);
            List<String> writes = List.of(
                    "UPDATE sd.ticket SET subject = 'x' WHERE id = " + s,
                    "UPDATE sd.ticket SET status = 'CLOSED' WHERE id = " + s,
                    "UPDATE sd.ticket SET severity = 3 WHERE id = " + s,
                    "UPDATE sd.ticket SET classification = 'OFFICIAL' WHERE id = " + s,
                    "UPDATE sd.ticket SET assignee_id = " + una.id() + " WHERE id = " + s,
                    "UPDATE sd.ticket SET first_contact_at = now(), first_contact_event = 'PHONE_CALL' WHERE id = " + s,
                    "DELETE FROM sd.ticket WHERE id = " + s,
                    "INSERT INTO sd.message (ticket_id, kind, direction, sent_at, body, created_at) VALUES (" + s
                            + ", 'NOTE', 'INTERNAL', now(), 'x', now())",
                    "INSERT INTO sd.ticket_event (ticket_id, at, kind, detail) VALUES (" + s + ", now(), 'NOTE_ADDED', 'x')",
                    "INSERT INTO sd.phone_call (ticket_id, operator_id, direction, started, ended, notes, draft, updated_at)"
                            + " VALUES (" + s + ", " + una.id() + ", 'INBOUND', now(), now(), 'x', false, now())",
                    "UPDATE sd.message SET raw_source = 'x' WHERE ticket_id = " + s,
                    "UPDATE sd.agent SET clearance = 'CLEARED' WHERE username = 'una'",
                    "UPDATE sd.agent SET is_admin = true WHERE username = 'una'",
                    "UPDATE sd.agent SET password_hash = 'SCRAM-SHA-256$4096:AAAA$BBBB:CCCC' WHERE username = 'clara'",
                    "INSERT INTO sd.agent (username, display_name, password_hash, clearance, support_level, is_lead,"
                            + " is_admin, active, created_at) VALUES ('mole', 'Mole', 'SCRAM-SHA-256$4096:AAAA$BBBB:CCCC',"
                            + " 'CLEARED', 1, false, true, true, now())",
                    "GRANT sdt_cleared TO una",
                    "SET ROLE sdt_cleared",
                    "SELECT sd.set_group('una', 'cleared', true)",
                    "INSERT INTO sd.access_audit (at, agent_id, ticket_id, view_name) VALUES (now(), 1, " + s + ", 'x')",
                    "DELETE FROM sd.access_audit",
                    "UPDATE sd.quarantine SET resolution = 'x' WHERE id = " + quarantined,
                    "INSERT INTO sd.customer (name, created_at) VALUES ('Intruder', now())",
                    "INSERT INTO sd.policy_version (effective_from, s1_seconds, s2_seconds, s3_seconds, zone_id, opens,"
                            + " closes, region, created_at) VALUES (now(), 1, 1, 1, 'GMT', '09:00', '18:00', 'ENGLAND_AND_WALES', now())",
                    "INSERT INTO sd.app_setting (setting_key, setting_value) VALUES ('mail.imap.host', 'evil.example')",
                    "DELETE FROM sd.outage",
                    "SELECT * FROM sd_data.ticket",
                    "UPDATE sd_data.ticket SET subject = 'x'",
                    "CREATE TABLE sd.trap (x int)",
                    "CREATE FUNCTION sd.session_agent2() RETURNS int LANGUAGE sql AS 'SELECT 1'");
            for (String sql : writes) {
                try (Statement st = c.createStatement()) {
                    boolean rows = st.execute(sql);
                    if (!rows && st.getUpdateCount() > 0) {
                        fail("una changed " + st.getUpdateCount() + " row(s) with: " + sql);
                    }
                    if (rows) {
                        fail("una was allowed: " + sql);
                    }
                } catch (SQLException refused) {
                    assertThat(refused.getSQLState()).as(sql).isIn("42501", "0LP01", "42P01", "3F000", "42883", "44000", "55000");
                }
            }
        }
        assertThat(snapshot()).isEqualTo(before);
        assertThat(desk.store().agents().findByUsername("una").orElseThrow().cleared()).isFalse();
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** What one login could read: relations and functions visited, and where the marker turned up. */
    record Reading(Set<String> relations, Set<String> functions, List<String> hits) {
    }

    /** Selects every row of every relation the login may read, and calls every function it may execute. */
    private Reading readEverything(Connection c) throws SQLException {
        Set<String> relations = new TreeSet<>();
        Set<String> functions = new TreeSet<>();
        List<String> hits = new ArrayList<>();
        List<String[]> rels = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT c.oid, n.nspname, c.relname"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p') AND has_schema_privilege(n.oid, 'USAGE')"
                + " AND has_any_column_privilege(c.oid, 'SELECT') ORDER BY 2, 3")) {
            while (rs.next()) {
                rels.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        for (String[] rel : rels) {
            String name = rel[1] + "." + rel[2];
            List<String> cols = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT attname FROM pg_attribute"
                    + " WHERE attrelid = " + rel[0] + " AND attnum > 0 AND NOT attisdropped"
                    + " AND has_column_privilege(attrelid, attnum, 'SELECT') ORDER BY attnum")) {
                while (rs.next()) {
                    cols.add("\"" + rs.getString(1).replace("\"", "\"\"") + "\"");
                }
            }
            if (cols.isEmpty()) {
                continue;
            }
            relations.add(name);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + String.join(", ", cols)
                    + " FROM \"" + rel[1] + "\".\"" + rel[2] + "\"")) {
                scan(name, rs, hits);
            } catch (SQLException e) {
                // a relation that refuses to be read is fine (e.g. a view over something this login may not see)
                rollbackIfNeeded(c);
            }
        }
        List<String[]> procs = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT p.oid, n.nspname, p.proname,"
                + " oidvectortypes(p.proargtypes) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"
                + " AND has_schema_privilege(n.oid, 'USAGE') AND has_function_privilege(p.oid, 'EXECUTE')"
                + " AND p.prokind = 'f' AND p.prorettype <> 'trigger'::regtype")) {
            while (rs.next()) {
                procs.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        for (String[] p : procs) {
            String name = p[1] + "." + p[2];
            functions.add(name);
            String[] types = p[3].isBlank() ? new String[0] : p[3].split(", ");
            String call = "SELECT * FROM " + p[1] + "." + p[2] + "(" + String.join(", ", Collections.nCopies(
                    types.length, "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement(call)) {
                for (int i = 0; i < types.length; i++) {
                    bind(c, ps, i + 1, types[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    scan(name + "()", rs, hits);
                }
            } catch (SQLException e) {
                rollbackIfNeeded(c);
            }
        }
        return new Reading(relations, functions, hits);
    }

    private void bind(Connection c, PreparedStatement ps, int i, String type) throws SQLException {
        switch (type) {
            case "bigint" -> ps.setLong(i, secret.id());
            case "integer" -> ps.setInt(i, 100);
            case "bigint[]" -> ps.setArray(i, c.createArrayOf("bigint", new Object[] {secret.id(), quarantined}));
            case "text", "character varying" -> ps.setString(i, "%" + MARKER.toLowerCase(Locale.ROOT) + "%");
            case "boolean" -> ps.setBoolean(i, true);
            default -> ps.setNull(i, Types.OTHER);
        }
    }

    private static void scan(String relation, ResultSet rs, List<String> hits) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
            for (int i = 1; i <= md.getColumnCount(); i++) {
                Object v = rs.getObject(i);
                String text;
                if (v == null) {
                    continue;
                } else if (v instanceof byte[] b) {
                    text = new String(b, StandardCharsets.ISO_8859_1);
                } else if (v instanceof Array a) {
                    text = Arrays.deepToString((Object[]) a.getArray());
                } else {
                    text = v.toString();
                }
                if (text.toUpperCase(Locale.ROOT).contains(MARKER)) {
                    hits.add(relation + "." + md.getColumnName(i));
                }
            }
        }
    }

    private static void rollbackIfNeeded(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
        }
    }

    private String dbName() {
        return desk.url().substring(desk.url().lastIndexOf('/') + 1);
    }

    /** Everything stored about the sensitive ticket and the people, as the server's superuser reads it. */
    private String snapshot() throws SQLException {
        StringBuilder b = new StringBuilder();
        try (Connection su = TestPostgres.superuser(dbName()); Statement st = su.createStatement()) {
            for (String q : List.of("SELECT * FROM sd_data.ticket ORDER BY id", "SELECT * FROM sd_data.message ORDER BY id",
                    "SELECT * FROM sd_data.ticket_event ORDER BY id", "SELECT * FROM sd_data.phone_call ORDER BY id",
                    "SELECT * FROM sd_data.agent ORDER BY id", "SELECT * FROM sd_data.customer ORDER BY id",
                    "SELECT * FROM sd_data.policy_version ORDER BY id", "SELECT * FROM sd_data.app_setting ORDER BY 1",
                    "SELECT id, resolution, resolved_at FROM sd_data.quarantine ORDER BY id",
                    "SELECT count(*) FROM sd_data.access_audit",
                    "SELECT r.rolname, m.rolname FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid"
                            + " JOIN pg_roles m ON m.oid = a.member ORDER BY 1, 2",
                    "SELECT rolname, rolpassword IS NOT NULL FROM pg_authid ORDER BY 1")) {
                try (ResultSet rs = st.executeQuery(q)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            b.append(v instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(v)).append('|');
                        }
                        b.append('\n');
                    }
                }
            }
        }
        return b.toString();
    }
}
