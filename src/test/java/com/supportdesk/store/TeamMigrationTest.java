package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.SavedReply;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketDetail;
import com.supportdesk.testing.ChildJvm;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestPostgres;
import com.supportdesk.testing.TestSourceDesk;
import com.supportdesk.testing.TestStores;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code team migrate} end to end: a realistic embedded desk (a real H2 file) moved into a real PostgreSQL team
 * database, checked independently of the migration's own checksums, then used by the moved agents.
 */
class TeamMigrationTest {

    static final String PASSWORD = "correct horse battery staple";
    static final List<String> TABLES = List.of("customer", "contact", "agent", "agent roles", "agent_audit", "policy_version", "ticket",
            "ticket_event", "message", "attachment", "phone_call", "mail_checkpoint", "quarantine", "training_session",
            "outage", "outage_ticket", "access_audit", "app_setting", "saved_reply", "agent_signature");

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    Path source;
    TestSourceDesk desk;
    String url;

    @BeforeEach
    void setUp() {
        source = dir.resolve("desk");
        desk = new TestSourceDesk(source, clock);
        url = TestPostgres.freshDatabase();
    }

    private void init(boolean adminCleared) {
        new TeamSetup(url, TestPostgres.OWNER, TestPostgres.OWNER_PASSWORD, clock).init(null,
                new TeamSetup.NewLogin("admin", "Ada Admin", PASSWORD.toCharArray()), adminCleared,
                new TeamSetup.NewLogin("gateway", null, PASSWORD.toCharArray()));
    }

    private Database signIn(String user, String password) {
        return Database.openTeam(DataLocation.resolve(dir, url), user, password.toCharArray(), clock, false);
    }

    private Store store(String user, String password) {
        return new Store(signIn(user, password), new Passwords(1_000), ZoneOffset.UTC);
    }

    private TeamMigration.Result migrate(Path passwords) {
        return migrate(new TeamMigration(source, clock), passwords);
    }

    private TeamMigration.Result migrate(TeamMigration migration, Path passwords) {
        try (Database db = signIn("admin", PASSWORD)) {
            return migration.run(db, passwords);
        }
    }

    @Test
    void everyTableAgreesRowForRowAndKeepsItsIds() throws Exception {
        init(true);
        TeamMigration.Result r = migrate(dir.resolve("passwords.txt"));

        assertThat(r.matched()).isTrue();
        assertThat(r.tables()).extracting(TeamMigration.TableCheck::table).containsExactlyElementsOf(TABLES);
        Map<String, Long> h2Counts = h2Counts();
        for (TeamMigration.TableCheck t : r.tables()) {
            assertThat(t.matches()).as(t.table()).isTrue();
            assertThat(t.sourceRows()).as(t.table() + " has rows to move").isPositive();
            assertThat(t.sourceChecksum()).matches("[0-9a-f]{64}");
            if (!t.table().equals("agent roles")) {
                assertThat(t.sourceRows()).as(t.table()).isEqualTo(h2Counts.get(t.table()));
            }
        }
        // independently of the checksums: every row, as the server's superuser reads it, against the H2 file
        Map<String, List<String>> h2 = h2Dump();
        Map<String, List<String>> pg = pgDump();
        for (String table : h2.keySet()) {
            assertThat(pg.get(table)).as(table).containsExactlyElementsOf(h2.get(table));
        }
        try (Connection su = TestPostgres.superuser(dbName()); Statement st = su.createStatement()) {
            assertThat(longs(st, "SELECT DISTINCT xact FROM sd_data.access_audit")).as("imported audit rows make nothing"
                    + " readable").containsExactly(0L);
            assertThat(longs(st, "SELECT count(*) FROM sd_data.ticket WHERE created_xact IS NOT NULL"
                    + " OR classified_xact IS NOT NULL")).containsExactly(0L);
            assertThat(longs(st, "SELECT count(*) FROM sd_data.team_import WHERE login = 'admin'"
                    + " AND finished_at IS NOT NULL")).containsExactly(1L);
            assertThat(longs(st, "SELECT count(*) FROM sd_data.agent WHERE must_change_password")).containsExactly(5L);
        }
        // refs unchanged, and new rows continue after the highest ids
        try (Store admin = store("admin", PASSWORD)) {
            Agent a = admin.agents().findByUsername("admin").orElseThrow();
            assertThat(a.id()).isEqualTo(desk.admin.id());
            assertThat(admin.tickets().get(a, desk.ordinary.id()).ref()).isEqualTo(desk.ordinary.ref());
            assertThat(admin.tickets().get(a, desk.later.id()).subject()).isEqualTo("Invoice question");
            Ticket next = admin.changes().create(a, NewTicket.of("After the move", Severity.S3, Channel.AGENT,
                    clock.instant()));
            assertThat(next.id()).isEqualTo(desk.later.id() + 1);
            assertThat(admin.customers().create(a, "New Customer", false, 0).id()).isEqualTo(3);
        }
        assertThat(source.resolve("supportdesk.mv.db")).exists();
    }

    @Test
    void agentsKeepTheirRolesAndEachOneTimePasswordWorksUntilItsAgentChoosesTheirOwn() throws Exception {
        init(true);
        Path file = dir.resolve("passwords.txt");
        TeamMigration.Result r = migrate(file);
        assertThat(r.passwordFile()).isEqualTo(file);
        assertThat(r.oneTimePasswords()).containsExactlyInAnyOrder("clara", "una", "lena", "adam");
        assertThat(r.inactive()).containsExactly("old");
        assertThat(OwnerOnly.isRestricted(file)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Map<String, String> oneTime = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("#")) {
                String[] parts = line.split("\t");
                oneTime.put(parts[0], parts[1]);
            }
        }
        assertThat(oneTime).containsOnlyKeys("clara", "una", "lena", "adam");
        assertThat(new TreeSet<>(oneTime.values())).hasSize(4).allMatch(p -> p.length() == 20);

        try (Store admin = store("admin", PASSWORD)) {
            Map<String, Agent> agents = new TreeMap<>();
            admin.agents().all().forEach(a -> agents.put(a.username(), a));
            assertThat(agents).containsOnlyKeys("admin", "clara", "una", "lena", "adam", "old");
            assertThat(agents.get("clara").cleared()).isTrue();
            assertThat(agents.get("una").cleared()).isFalse();
            assertThat(agents.get("lena").lead()).isTrue();
            assertThat(agents.get("lena").cleared()).isFalse();
            assertThat(agents.get("adam").admin()).isTrue();
            assertThat(agents.get("adam").level().number()).isEqualTo(3);
            assertThat(agents.get("old").active()).isFalse();
            assertThat(agents.get("admin")).matches(a -> a.cleared() && a.lead() && a.admin() && a.active());
            for (Agent a : agents.values()) {
                if (!a.username().equals("admin")) {
                    assertThat(a.id()).isEqualTo(sourceAgentId(a.username()));
                }
            }
        }
        // the one-time password signs in, to choose a new one and nothing else
        String newUna = "una's own password 2026";
        try (Store first = store("una", oneTime.get("una"))) {
            assertThat(first.database().session().mustChangePassword()).isTrue();
            assertThat(first.database().session().agent()).isFalse();
            Agent una = first.agents().findByUsername("una").orElseThrow();
            assertThat(first.tickets().board(una, clock.instant().minusSeconds(86_400))).isEmpty();
            first.agents().resetPassword(una, una.id(), newUna.toCharArray());
        }
        assertThatThrownBy(() -> signIn("una", oneTime.get("una")))
                .isInstanceOf(StoreException.AccessDenied.class).hasMessageContaining("wrong password");
        try (Store una = store("una", newUna)) {
            assertThat(una.database().session().agent()).isTrue();
            assertThat(una.database().session().mustChangePassword()).isFalse();
            Agent me = una.agents().findByUsername("una").orElseThrow();
            Ticket seen = una.tickets().get(me, desk.secret.id());
            assertThat(seen.redacted()).isTrue();
            assertThat(seen.subject()).doesNotContain(TestSourceDesk.MARKER);
            assertThatThrownBy(() -> una.tickets().open(me, desk.secret.id(), "desk"))
                    .isInstanceOf(StoreException.AccessDenied.class);
            assertThat(una.tickets().get(me, desk.ordinary.id()).subject()).isEqualTo("Portal down for everyone");
            // saved replies and the signature came along, each still its owner's; new ones continue after the ids
            assertThat(una.savedReplies().list(me)).extracting(reply -> reply.name() + (reply.team() ? " (team)" : ""))
                    .containsExactly("First response (team)", "Log file");
            assertThat(una.savedReplies().signature(me)).contains("Una\n{{agent_name}}");
            long highest = una.savedReplies().list(me).stream().mapToLong(SavedReply::id).max()
                    .orElseThrow();
            assertThat(una.savedReplies().add(me, new SavedReply.Draft("After the move", null,
                    "Hello {{first_name}}", false, false, false)).id()).isGreaterThan(highest);
        }
        // the cleared agent reads the sensitive ticket, and the team database audits it
        String newClara = "clara's own password 2026";
        try (Store first = store("clara", oneTime.get("clara"))) {
            Agent clara = first.agents().findByUsername("clara").orElseThrow();
            first.agents().resetPassword(clara, clara.id(), newClara.toCharArray());
        }
        long auditedBefore = claraAuditRows();
        try (Store clara = store("clara", newClara)) {
            Agent me = clara.agents().findByUsername("clara").orElseThrow();
            TicketDetail d = clara.tickets().open(me, desk.secret.id(), "desk");
            assertThat(d.ticket().subject()).isEqualTo(TestSourceDesk.MARKER + " subject");
            assertThat(d.messages()).anyMatch(m -> m.body() != null && m.body().contains(TestSourceDesk.MARKER + " body – ünïcödé ✓"));
            long attachment = d.messages().stream().flatMap(m -> m.attachments().stream())
                    .filter(a -> a.filename().endsWith(".bin")).findFirst().orElseThrow().id();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            clara.conversation().saveAttachment(me, attachment, bytes, "desk");
            assertThat(bytes.toByteArray()).isEqualTo(TestSourceDesk.ATTACHMENT);
        }
        assertThat(claraAuditRows()).isGreaterThan(auditedBefore);
        // an inactive agent's login cannot sign in
        assertThatThrownBy(() -> signIn("old", "old")).isInstanceOf(StoreException.AccessDenied.class);
    }

    @Test
    void aSecondMigrationIsRefusedAndChangesNothing() throws Exception {
        init(true);
        assertThat(migrate(dir.resolve("first.txt")).matched()).isTrue();
        assertRefusedChangingNothing("already moved into this team database", "Nothing was changed");
    }

    /** A migration is refused as an AccessDenied with these words, and leaves no trace. */
    private void assertRefusedChangingNothing(String... words) throws SQLException {
        String before = TestPostgres.snapshot(url);
        Path file = dir.resolve("refused.txt");
        assertThatThrownBy(() -> migrate(file)).isInstanceOf(StoreException.AccessDenied.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(words));
        assertThat(TestPostgres.snapshot(url)).isEqualTo(before);
        assertThat(file).doesNotExist();
    }

    @Test
    void aTargetWithDataOfItsOwnIsRefused() throws Exception {
        init(true);
        try (Store admin = store("admin", PASSWORD)) {
            admin.customers().create(admin.agents().findByUsername("admin").orElseThrow(), "Already Here", false, 0);
        }
        assertRefusedChangingNothing("not empty (it holds 1 customer(s))", "freshly initialised");
    }

    @Test
    void anUnclearedAdminCannotMoveADeskWithSensitiveContentOrClearedAgents() throws Exception {
        init(false);
        assertRefusedChangingNothing("1 Official Sensitive ticket(s)", "1 quarantined Official Sensitive message(s)",
                "1 cleared agent(s)", "only a cleared admin may move it");
    }

    @Test
    void aDifferenceBetweenTheSidesIsReportedAndNothingIsKept() throws Exception {
        init(true);
        String before = TestPostgres.snapshot(url);
        Path file = dir.resolve("passwords.txt");
        TeamMigration tampered = new TeamMigration(source, clock, c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE sd.customer SET name = 'Acme Limited' WHERE name = 'Acme Ltd'");
            }
        });
        TeamMigration.Result r = migrate(tampered, file);
        assertThat(r.matched()).isFalse();
        assertThat(r.tables()).filteredOn(t -> !t.matches()).extracting(TeamMigration.TableCheck::table)
                .containsExactly("customer");
        TeamMigration.TableCheck customers = r.tables().get(0);
        assertThat(customers.targetRows()).isEqualTo(customers.sourceRows());
        assertThat(customers.targetChecksum()).isNotEqualTo(customers.sourceChecksum());
        assertThat(TestPostgres.snapshot(url)).isEqualTo(before);
        assertThat(file).doesNotExist();
    }

    @Test
    void sourceProblemsGetPlainMessagesAndChangeNothing() throws Exception {
        init(true);
        String before = TestPostgres.snapshot(url);
        try (Database db = signIn("admin", PASSWORD)) {
            Path passwords = dir.resolve("passwords.txt");
            assertThatThrownBy(() -> new TeamMigration(dir.resolve("nowhere"), clock).run(db, passwords))
                    .isInstanceOf(StoreException.NotFound.class).hasMessageContaining("There is no folder");
            Path empty = Files.createDirectories(dir.resolve("empty"));
            assertThatThrownBy(() -> new TeamMigration(empty, clock).run(db, passwords))
                    .isInstanceOf(StoreException.NotFound.class)
                    .hasMessageContaining("There is no Support Desk database in " + empty);
            assertThat(empty.resolve("supportdesk.mv.db")).doesNotExist();

            Path other = Files.createDirectories(dir.resolve("other"));
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + other.resolve("supportdesk"), "sa", "");
                 Statement st = c.createStatement()) {
                st.execute("CREATE TABLE recipes (id INT PRIMARY KEY, name VARCHAR(100))");
            }
            assertThatThrownBy(() -> new TeamMigration(other, clock).run(db, passwords))
                    .isInstanceOf(StoreException.Invalid.class).hasMessageContaining("is not a Support Desk database");

            Path garbage = Files.createDirectories(dir.resolve("garbage"));
            Files.writeString(garbage.resolve("supportdesk.mv.db"), "these are my holiday photos, honest\n".repeat(200));
            assertThatThrownBy(() -> new TeamMigration(garbage, clock).run(db, passwords))
                    .isInstanceOf(StoreException.Damaged.class)
                    .hasMessageContaining("is not a Support Desk database or is damaged");

            Path newer = dir.resolve("newer");
            TestStores.open(newer, clock).close();
            try (Connection c = DriverManager.getConnection(DataLocation.embeddedUrl(newer), "sa", "");
                 Statement st = c.createStatement()) {
                st.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                        + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES"
                        + " (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'sa', 1, TRUE)");
            }
            assertThatThrownBy(() -> new TeamMigration(newer, clock).run(db, passwords))
                    .isInstanceOf(StoreException.NewerVersion.class)
                    .hasMessageContaining("newer version of Support Desk (database schema version 99");

            Path older = dir.resolve("older");
            TestStores.open(older, clock).close();
            try (Connection c = DriverManager.getConnection(DataLocation.embeddedUrl(older), "sa", "");
                 Statement st = c.createStatement()) {
                st.execute("DELETE FROM \"flyway_schema_history\" WHERE \"installed_rank\" ="
                        + " (SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\")");
            }
            assertThatThrownBy(() -> new TeamMigration(older, clock).run(db, passwords))
                    .isInstanceOf(StoreException.NeedsUpgrade.class)
                    .hasMessageContaining("older version of Support Desk")
                    .hasMessageContaining("Open it once with this version");

            Process child = ChildJvm.start(StoreChild.class, "hold", source.toString());
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).isEqualTo("READY");
                assertThatThrownBy(() -> new TeamMigration(source, clock).run(db, passwords))
                        .isInstanceOf(StoreException.DatabaseInUse.class)
                        .hasMessageContaining("is open in another Support Desk process");
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(passwords).doesNotExist();
        }
        assertThat(TestPostgres.snapshot(url)).isEqualTo(before);
    }

    @Test
    void theAdminMustBeAnAgentOfTheDeskMoved() {
        new TeamSetup(url, TestPostgres.OWNER, TestPostgres.OWNER_PASSWORD, clock).init(null,
                new TeamSetup.NewLogin("root", "Root", PASSWORD.toCharArray()), true, null);
        try (Database db = signIn("root", PASSWORD)) {
            assertThatThrownBy(() -> new TeamMigration(source, clock).run(db, dir.resolve("p.txt")))
                    .isInstanceOf(StoreException.Invalid.class)
                    .hasMessageContaining("root is not an agent of the desk in " + source);
        }
    }

    /** Every table and column of the embedded desk is moved (or knowingly not): a new one fails here first. */
    @Test
    void theMigrationKnowsEveryTableAndColumnOfBothSchemas() throws Exception {
        try (TeamMigration.Source s = TeamMigration.Source.open(source)) {
            Map<String, Set<String>> h2 = s.columns();
            h2.remove("flyway_schema_history");
            for (Map.Entry<String, Set<String>> behind : TeamMigration.STAYS_BEHIND.entrySet()) {
                assertThat(h2.remove(behind.getKey())).isEqualTo(behind.getValue());
            }
            assertThat(h2).isEqualTo(TeamMigration.knownColumns());
        }
        Map<String, Set<String>> expected = new TreeMap<>(TeamMigration.knownColumns());
        expected.put("agent", new TreeSet<>(List.of("id", "username", "display_name", "support_level", "created_at",
                "must_change_password")));
        expected.get("ticket").addAll(List.of("created_xact", "classified_xact"));
        expected.get("access_audit").add("xact");
        Map<String, Set<String>> pg = new TreeMap<>();
        try (Connection su = TestPostgres.superuser(dbName()); Statement st = su.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                     + " WHERE table_schema = 'sd_data' AND table_name NOT IN ('flyway_schema_history', 'team_settings',"
                     + " 'team_import')")) {
            while (rs.next()) {
                pg.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
            }
        }
        assertThat(pg).isEqualTo(expected);
    }

    // --------------------------------------------------------------------------------------------- helpers

    private long sourceAgentId(String username) {
        return List.of(desk.admin, desk.clara, desk.una, desk.lena, desk.adam, desk.old).stream()
                .filter(a -> a.username().equals(username)).findFirst().orElseThrow().id();
    }

    private long claraAuditRows() throws SQLException {
        try (Connection su = TestPostgres.superuser(dbName()); Statement st = su.createStatement()) {
            return longs(st, "SELECT count(*) FROM sd_data.access_audit a JOIN sd_data.agent g ON g.id = a.agent_id"
                    + " WHERE g.username = 'clara' AND a.xact <> 0 AND a.ticket_id = " + desk.secret.id()).get(0);
        }
    }

    private String dbName() {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static List<Long> longs(Statement st, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private Connection h2() throws SQLException {
        return DriverManager.getConnection(DataLocation.embeddedUrl(source) + ";ACCESS_MODE_DATA=r", "sa", "");
    }

    private Map<String, Long> h2Counts() throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = h2(); Statement st = c.createStatement()) {
            for (String t : TABLES) {
                if (!t.equals("agent roles")) {
                    out.put(t, longs(st, "SELECT COUNT(*) FROM " + t).get(0));
                }
            }
        }
        return out;
    }

    /** The columns both sides share, every row as text, in key order. */
    private static final Map<String, String> SHARED = Map.ofEntries(
            Map.entry("customer", "id, name, government, training_sessions_contracted, created_at"),
            Map.entry("contact", "id, customer_id, name, email, phone, phone_digits, role, verified, created_at,"
                    + " phone_e164, phone_ext, region"),
            Map.entry("agent", "id, username, display_name, support_level, created_at"),
            Map.entry("agent_audit", "id, at, agent_id, changed_by, change"),
            Map.entry("policy_version", "id, effective_from, s1_seconds, s2_seconds, s3_seconds, zone_id, opens, closes,"
                    + " region, extra_closures, removed_holidays, note, created_at, created_by"),
            Map.entry("ticket", "id, subject, customer_id, contact_id, severity, support_level, status, classification,"
                    + " channel, received, deadline, first_contact_at, first_contact_event, assignee_id, needs_triage,"
                    + " needs_cleared_agent, resolved_at, created_at, updated_at, updated_by, version"),
            Map.entry("ticket_event", "id, ticket_id, at, agent_id, kind, detail"),
            Map.entry("message", "id, ticket_id, kind, direction, message_id, in_reply_to, references_ids, from_addr,"
                    + " to_addr, subject, sent_at, body, raw_source, author_agent_id, created_at, raw_sha256"),
            Map.entry("attachment", "id, message_id, filename, content_type, size_bytes, too_large, content"),
            Map.entry("phone_call", "id, ticket_id, operator_id, contact_id, direction, started, ended, notes, draft,"
                    + " draft_state, updated_at"),
            Map.entry("mail_checkpoint", "account, folder, uid_validity, last_uid, updated_at"),
            Map.entry("quarantine", "id, account, folder, uid, received, reason, raw_source, created_at, resolved_at,"
                    + " resolution, category, message_key, raw_sha256, sender, subject, sensitive"),
            Map.entry("training_session", "id, customer_id, held_on, topic, attendees, delivered_by, created_at"),
            Map.entry("outage", "id, customer_id, started, ended, description, scheduled, created_at"),
            Map.entry("outage_ticket", "outage_id, ticket_id"),
            Map.entry("access_audit", "id, at, agent_id, ticket_id, quarantine_id, view_name"),
            Map.entry("app_setting", "setting_key, setting_value"));

    private Map<String, List<String>> h2Dump() throws SQLException {
        try (Connection c = h2()) {
            return dump(c, "");
        }
    }

    private Map<String, List<String>> pgDump() throws SQLException {
        try (Connection c = TestPostgres.superuser(dbName())) {
            return dump(c, "sd_data.");
        }
    }

    private static Map<String, List<String>> dump(Connection c, String schema) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        for (Map.Entry<String, String> e : SHARED.entrySet()) {
            List<String> rows = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + e.getValue() + " FROM "
                    + schema + e.getKey() + " ORDER BY 1, 2")) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        if (v instanceof byte[] bytes) {
                            b.append(Arrays.toString(bytes));
                        } else if (v instanceof Blob || v instanceof Clob) {
                            b.append(v instanceof Blob bl ? Arrays.toString(bl.getBytes(1, (int) bl.length()))
                                    : ((Clob) v).getSubString(1, (int) ((Clob) v).length()));
                        } else if (v instanceof OffsetDateTime t) {
                            b.append(t.toInstant());
                        } else if (v instanceof Timestamp t) {
                            b.append(t.toInstant());
                        } else if (v instanceof Number n) {
                            b.append(n.longValue());
                        } else {
                            b.append(v);
                        }
                        b.append('|');
                    }
                    rows.add(b.toString());
                }
            }
            out.put(e.getKey(), rows);
        }
        return out;
    }
}
