package com.supportdesk.store;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.util.PasswordUtil;

/**
 * Sets up (and upgrades) a team database on PostgreSQL 14+, signed in as its owner: a login with CREATEROLE
 * that owns the (empty) database — all that a managed service (Azure, AWS, Google) gives its admin user.
 *
 * <p>What it creates: a non-login role {@code PREFIXowner} that owns every object (the owner login is made a
 * member so it can run migrations as it), the group roles {@code PREFIXagent, cleared, lead, admin, intake},
 * the schemas {@code sd_data} (tables; no agent may use it) and {@code sd} (views and functions: the access
 * model of {@code db/postgresql/R__access_model.sql}), then the first admin's and the mail gateway's logins.
 * Running it again upgrades the schema and leaves data and logins alone.
 */
public final class TeamSetup {

    /** At least this PostgreSQL (row-level security, txid functions, INSTEAD OF triggers all exist since long). */
    static final int MIN_SERVER_VERSION = 140000;

    /** What one run did, as lines for the command line. */
    public record Report(String prefix, List<String> lines) {
    }

    /** A login to create: user name, display name (agents), password. */
    public record NewLogin(String username, String displayName, char[] password) {
    }

    private final String url;
    private final String ownerLogin;
    private final char[] ownerPassword;
    private final Clock clock;

    public TeamSetup(String url, String ownerLogin, char[] ownerPassword, Clock clock) {
        TeamConnections.requireNoCredentials(url);
        this.url = url;
        this.ownerLogin = ownerLogin;
        this.ownerPassword = ownerPassword;
        this.clock = clock;
    }

    /**
     * Creates or upgrades the schema, then the first admin (agent, lead and admin; cleared if asked) and the
     * intake login, each only if missing.
     *
     * @param rolePrefix group role prefix, or null for the one already chosen (or, the first time, the
     *                   database name followed by '_')
     */
    public Report init(String rolePrefix, NewLogin admin, boolean adminCleared, NewLogin intake) {
        List<String> lines = new ArrayList<>();
        String prefix = prepare(rolePrefix, lines);
        migrate(prefix, lines);
        try (Connection c = ownerConnection()) {
            c.setAutoCommit(false);
            setRole(c, prefix);
            if (admin != null) {
                createAgent(c, prefix, admin, adminCleared, lines);
            }
            if (intake != null) {
                createIntake(c, prefix, intake, lines);
            }
            c.commit();
        } catch (SQLException e) {
            throw translate(e);
        }
        return new Report(prefix, lines);
    }

    /** Migrates an existing team database to this version's schema (and access model). */
    public Report upgrade() {
        List<String> lines = new ArrayList<>();
        String prefix;
        try (Connection c = ownerConnection()) {
            prefix = storedPrefix(c).orElseThrow(() -> new StoreException.NeedsUpgrade("The database at " + url
                    + " has not been set up yet: run 'team init' first."));
        } catch (SQLException e) {
            throw translate(e);
        }
        migrate(prefix, lines);
        return new Report(prefix, lines);
    }

    /** The group role prefix of a set-up database, if any. */
    Optional<String> storedPrefix(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT to_regclass('sd_data.team_settings') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return Optional.empty();
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT setting_value FROM sd_data.team_settings WHERE setting_key = 'role_prefix'")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    private String prepare(String rolePrefix, List<String> lines) {
        try (Connection c = ownerConnection()) {
            c.setAutoCommit(true);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version_num")) {
                rs.next();
                if (Integer.parseInt(rs.getString(1).trim()) < MIN_SERVER_VERSION) {
                    throw new StoreException.Invalid("Support Desk needs PostgreSQL 14 or later.");
                }
            }
            Optional<String> stored = storedPrefix(c);
            String prefix = stored.orElseGet(() -> normalisePrefix(rolePrefix != null ? rolePrefix
                    : TeamConnections.databaseName(url) + "_"));
            if (stored.isPresent() && rolePrefix != null && !stored.get().equals(normalisePrefix(rolePrefix))) {
                throw new StoreException.Invalid("This database already uses the role prefix '" + stored.get() + "'.");
            }
            String owner = prefix + "owner";
            if (!roleExists(c, owner)) {
                exec(c, "CREATE ROLE " + q(owner) + " NOLOGIN CREATEROLE");
                lines.add("Created the owner role " + owner + ".");
            }
            exec(c, "GRANT " + q(owner) + " TO " + q(ownerLogin));
            exec(c, "SET ROLE " + q(owner));
            for (String g : List.of("agent", "cleared", "lead", "admin", "intake")) {
                if (!roleExists(c, prefix + g)) {
                    exec(c, "CREATE ROLE " + q(prefix + g) + " NOLOGIN");
                    lines.add("Created the group role " + prefix + g + ".");
                }
            }
            exec(c, "RESET ROLE");
            String db = currentDatabase(c);
            // Nobody else on the server connects; the group roles do. Needs the database's owner.
            bestEffort(c, lines, "REVOKE ALL ON DATABASE " + q(db) + " FROM PUBLIC",
                    "Could not revoke CONNECT from PUBLIC on " + db + " (is " + ownerLogin + " its owner?)");
            bestEffort(c, lines, "GRANT CONNECT ON DATABASE " + q(db) + " TO " + q(prefix + "agent") + ", "
                    + q(prefix + "intake") + ", " + q(owner), "Could not grant CONNECT on " + db);
            bestEffort(c, lines, "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
                    "Could not revoke CREATE on schema public (PostgreSQL 14 lets every user create objects there)");
            bestEffort(c, lines, "GRANT pg_signal_backend TO " + q(owner),
                    "Could not grant pg_signal_backend to " + owner + ": deactivating an agent will refuse their next"
                            + " statements but cannot end their open connections");
            // the owner role creates (and re-creates) the schemas; needs the database's owner
            exec(c, "GRANT CREATE, CONNECT, TEMPORARY ON DATABASE " + q(db) + " TO " + q(owner));
            if (!schemaExists(c, "sd_data")) {
                exec(c, "CREATE SCHEMA sd_data AUTHORIZATION " + q(owner));
            }
            return prefix;
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private void migrate(String prefix, List<String> lines) {
        Flyway flyway = Flyway.configure()
                .dataSource(new AsRole(dataSource(), prefix + "owner"))
                .schemas("sd_data")
                .defaultSchema("sd_data")
                .createSchemas(false)
                .locations("classpath:db/postgresql")
                .placeholders(Map.of("prefix", prefix, "owner", q(prefix + "owner")))
                .cleanDisabled(true)
                .load();
        try {
            int applied = flyway.migrate().migrationsExecuted;
            lines.add(applied == 0 ? "The schema was up to date." : "Applied " + applied + " migration(s).");
        } catch (FlywayException e) {
            SQLException sql = Database.findSqlException(e);
            if (sql != null) {
                throw translate(sql);
            }
            throw new StoreException("Could not set up the schema: " + e.getMessage(), e);
        }
        try (Connection c = ownerConnection()) {
            setRole(c, prefix);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sd_data.team_settings (setting_key, setting_value)"
                    + " VALUES ('role_prefix', ?) ON CONFLICT (setting_key) DO NOTHING")) {
                ps.setString(1, prefix);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private void createAgent(Connection c, String prefix, NewLogin admin, boolean cleared, List<String> lines)
            throws SQLException {
        requireUsername(admin.username());
        if (agentExists(c, admin.username())) {
            lines.add("The agent " + admin.username() + " already exists; left as it is.");
            return;
        }
        requirePassword(admin.password());
        createLogin(c, admin.username(), admin.password());
        for (String g : cleared ? List.of("agent", "lead", "admin", "cleared") : List.of("agent", "lead", "admin")) {
            exec(c, "GRANT " + q(prefix + g) + " TO " + q(admin.username()));
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sd_data.agent (username, display_name, support_level,"
                + " must_change_password, created_at) VALUES (?, ?, 3, FALSE, ?)")) {
            ps.setString(1, admin.username());
            ps.setString(2, admin.displayName() == null || admin.displayName().isBlank() ? admin.username()
                    : admin.displayName().strip());
            Sql.setInstant(ps, 3, clock.instant());
            ps.executeUpdate();
        }
        lines.add("Created the admin " + admin.username() + " (agent, lead, admin" + (cleared ? ", cleared" : "") + ").");
    }

    private void createIntake(Connection c, String prefix, NewLogin intake, List<String> lines) throws SQLException {
        requireUsername(intake.username());
        if (roleExists(c, intake.username())) {
            lines.add("The login " + intake.username() + " already exists; made sure it is the mail gateway's.");
        } else {
            requirePassword(intake.password());
            createLogin(c, intake.username(), intake.password());
            lines.add("Created the mail gateway login " + intake.username() + ".");
        }
        exec(c, "GRANT " + q(prefix + "intake") + " TO " + q(intake.username()));
    }

    private static void createLogin(Connection c, String username, char[] password) throws SQLException {
        String verifier = PasswordUtil.encodeScramSha256(password);
        exec(c, "CREATE ROLE " + q(username) + " LOGIN PASSWORD '" + verifier.replace("'", "''") + "'");
    }

    static void requireUsername(String username) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{1,63}")) {
            throw new StoreException.Invalid("A user name is 1 to 63 letters, digits, '.', '_', '@' or '-'.");
        }
    }

    private static void requirePassword(char[] password) {
        String weak = Passwords.weakness(password);
        if (weak != null) {
            throw new StoreException.Invalid(weak);
        }
    }

    private void setRole(Connection c, String prefix) throws SQLException {
        exec(c, "SET ROLE " + q(prefix + "owner"));
    }

    private Connection ownerConnection() throws SQLException {
        return dataSource().getConnection();
    }

    private PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(ownerLogin);
        ds.setPassword(ownerPassword == null ? "" : new String(ownerPassword));
        ds.setApplicationName("Support Desk setup");
        ds.setConnectTimeout(10);
        return ds;
    }

    private StoreException translate(SQLException e) {
        return TeamConnections.translate(DataLocation.resolve(Path.of("."), url), e);
    }

    static String normalisePrefix(String raw) {
        String p = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (p.isEmpty() || !Character.isLetter(p.charAt(0))) {
            p = "sd_" + p;
        }
        if (p.length() > 40) {
            p = p.substring(0, 40);
        }
        return p.endsWith("_") ? p : p + "_";
    }

    private static boolean roleExists(Connection c, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean agentExists(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sd_data.agent WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String currentDatabase(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void bestEffort(Connection c, List<String> lines, String sql, String warning) {
        try {
            exec(c, sql);
        } catch (SQLException e) {
            lines.add("Warning: " + warning + ": " + TeamConnections.serverSentence(e));
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** The owner login's connections, each switched to the owner role, so every object Flyway creates is its. */
    private static final class AsRole implements DataSource {
        private final PGSimpleDataSource target;
        private final String role;

        AsRole(PGSimpleDataSource target, String role) {
            this.target = target;
            this.role = role;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection c = target.getConnection();
            try {
                exec(c, "SET ROLE " + q(role));
                return c;
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLException("not supported");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("supportdesk");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }

    /** A quoted SQL identifier. */
    static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
