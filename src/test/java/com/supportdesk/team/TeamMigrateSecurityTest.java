package com.supportdesk.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.store.TeamSetup;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestDesk;
import com.supportdesk.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PasswordUtil;

/**
 * The import functions of {@code team migrate} (R__access_model.sql, section "team migrate"), attacked with plain
 * JDBC (what psql can do): nobody but an admin may call them, they work only inside an import opened on an empty
 * database in the same transaction, an uncleared admin cannot import cleared agents or Official Sensitive content,
 * nobody gives their own login a role, and an import state never outlives its transaction.
 */
class TeamMigrateSecurityTest {

    static final String PASSWORD = TestDesk.PASSWORD;
    static final String VERIFIER = PasswordUtil.encodeScramSha256("a one-time password".toCharArray());

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");

    /** Each function of the section, with harmless arguments. */
    static final List<String> CALLS = List.of("SELECT sd.import_begin('x')",
            "SELECT sd.import_agent(99, 'mole', 'Mole', 1, now(), '" + VERIFIER + "', true, true, true, true)",
            "SELECT sd.import_rows('customer', '[{\"id\": 99, \"name\": \"Planted\", \"government\": false,"
                    + " \"training_sessions_contracted\": 0, \"created_at\": \"2026-01-01T00:00:00Z\"}]')",
            "SELECT * FROM sd.import_checksums()",
            "SELECT sd.import_end()",
            "SELECT sd.import_open()",
            "SELECT sd.import_admin()",
            "SELECT sd.import_what_is_there()",
            "SELECT sd.import_row(ARRAY['a'])");

    private Connection psql(String url, String user) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", PASSWORD);
        return DriverManager.getConnection(url, p);
    }

    @Test
    void onALiveDeskNobodyCanUseTheImportFunctions() throws Exception {
        try (TestDesk desk = TestDesk.open(TestDesk.Engine.POSTGRES, dir, clock)) {
            Agent clara = desk.agent("clara", Clearance.CLEARED);
            desk.agent("una", Clearance.NONE);
            desk.as(clara).changes().create(clara, NewTicket.of("ZQX7 secret", Severity.S1, Channel.EMAIL, clock.instant())
                    .withClassification(Classification.OFFICIAL_SENSITIVE).withBody("ZQX7 body"));
            desk.intake();
            String before = TestPostgres.snapshot(desk.url());
            for (String user : List.of("una", "clara", TestDesk.INTAKE)) {
                try (Connection c = psql(desk.url(), user)) {
                    for (String call : CALLS) {
                        assertRefused(c, call, "42501");
                    }
                }
            }
            // the cleared admin may call them, but on a desk with data nothing opens an import
            try (Connection c = psql(desk.url(), "admin")) {
                c.setAutoCommit(false);
                assertThatThrownBy(() -> exec(c, "SELECT sd.import_begin('x')")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("The team database is not empty");
                c.rollback();
                for (String call : CALLS.subList(1, 5)) {
                    assertThatThrownBy(() -> exec(c, call)).as(call).isInstanceOf(SQLException.class)
                            .hasMessageContaining("No import is open in this transaction");
                    c.rollback();
                }
                for (String call : CALLS.subList(5, CALLS.size())) {
                    assertRefused(c, call, "42501"); // the helpers are the owner's alone
                    c.rollback();
                }
            }
            assertThat(TestPostgres.snapshot(desk.url())).isEqualTo(before);
        }
    }

    @Test
    void anUnclearedAdminCannotImportClearedAgentsSensitiveContentOrRolesForThemselves() throws Exception {
        String url = freshTeam(false);
        String before = TestPostgres.snapshot(url);
        try (Connection c = psql(url, "admin")) {
            c.setAutoCommit(false);
            List<String> refused = List.of(
                    "SELECT sd.import_agent(2, 'mole', 'Mole', 1, now(), '" + VERIFIER + "', true, false, false, true)",
                    "SELECT sd.import_agent(1, 'admin', 'Ada', 1, now(), NULL, true, NULL, NULL, NULL)",
                    "SELECT sd.import_agent(1, 'admin', 'Ada', 1, now(), '" + VERIFIER + "', NULL, NULL, NULL, NULL)",
                    "SELECT sd.import_agent(2, 'gateway', 'Gate', 1, now(), '" + VERIFIER + "', false, false, true, true)",
                    "SELECT sd.import_agent(2, '" + TestPostgres.OWNER + "', 'Owner', 1, now(), '" + VERIFIER
                            + "', false, false, true, true)",
                    "SELECT sd.import_agent(2, 'plain', 'Plain', 1, now(), 'clear-text password', false, false, false, true)",
                    "SELECT sd.import_rows('ticket', '[{\"id\": 1001, \"classification\": \"OFFICIAL_SENSITIVE\"}]')",
                    "SELECT sd.import_rows('ticket', '[{\"id\": 1001}]')",
                    "SELECT sd.import_rows('quarantine', '[{\"id\": 1, \"sensitive\": true}]')",
                    "SELECT sd.import_rows('agent', '[{\"id\": 2, \"username\": \"mole\"}]')",
                    "SELECT sd.import_rows('team_import', '[]')",
                    "SELECT sd.import_rows('flyway_schema_history', '[]')");
            for (String sql : refused) {
                exec(c, "SELECT sd.import_begin('attack')");
                assertThatThrownBy(() -> exec(c, sql)).as(sql).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("42501", "23505"));
                c.rollback();
            }
        }
        assertThat(TestPostgres.snapshot(url)).isEqualTo(before);
    }

    @Test
    void anImportBelongsToItsTransactionAndMustBeClosedBeforeItCommits() throws Exception {
        String url = freshTeam(true);
        String before = TestPostgres.snapshot(url);
        try (Connection a = psql(url, "admin"); Connection b = psql(url, "admin")) {
            a.setAutoCommit(false);
            exec(a, "SELECT sd.import_begin('first')");
            // the same login in another session (or a later transaction) cannot use it
            b.setAutoCommit(false);
            assertThatThrownBy(() -> exec(b, CALLS.get(2))).isInstanceOf(SQLException.class)
                    .hasMessageContaining("No import is open in this transaction");
            b.rollback();
            exec(a, CALLS.get(2));
            // committing an import that was not closed is refused, and nothing is kept
            assertThatThrownBy(a::commit).isInstanceOf(SQLException.class)
                    .hasMessageContaining("must be closed with sd.import_end()");
            a.rollback();
            assertThat(TestPostgres.snapshot(url)).isEqualTo(before);
            // SET CONSTRAINTS does not help either
            exec(a, "SET CONSTRAINTS ALL IMMEDIATE");
            assertThatThrownBy(() -> exec(a, "SELECT sd.import_begin('second')")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("must be closed with sd.import_end()");
            a.rollback();
            assertThat(TestPostgres.snapshot(url)).isEqualTo(before);
            // a closed import commits; afterwards no function works again, for anyone
            exec(a, "SELECT sd.import_begin('third')");
            exec(a, CALLS.get(2));
            exec(a, "SELECT sd.import_end()");
            a.commit();
            assertThatThrownBy(() -> exec(a, CALLS.get(2))).isInstanceOf(SQLException.class)
                    .hasMessageContaining("No import is open in this transaction");
            a.rollback();
            assertThatThrownBy(() -> exec(a, "SELECT sd.import_begin('again')")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("already moved into this team database");
            a.rollback();
        }
        try (Connection su = TestPostgres.superuser(dbName(url)); Statement st = su.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sd_data.customer")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Planted");
            assertThat(rs.next()).isFalse();
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String freshTeam(boolean adminCleared) {
        String url = TestPostgres.freshDatabase();
        new TeamSetup(url, TestPostgres.OWNER, TestPostgres.OWNER_PASSWORD, clock).init(null,
                new TeamSetup.NewLogin("admin", "Ada Admin", PASSWORD.toCharArray()), adminCleared,
                new TeamSetup.NewLogin("gateway", null, PASSWORD.toCharArray()));
        return url;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        }
    }

    private static void assertRefused(Connection c, String sql, String state) {
        assertThatThrownBy(() -> exec(c, sql)).as(sql).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(state));
    }

    private static String dbName(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
