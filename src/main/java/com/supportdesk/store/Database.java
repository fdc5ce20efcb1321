package com.supportdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool and transaction scope. A unit of work joins the transaction already running on
 * the calling thread, so repository calls compose: {@code db.tx(c -> { a(); b(); return x; })} commits
 * both or neither.
 *
 * <p>Two engines (docs/access-model.md): the embedded H2 file of one desktop, opened by this process alone
 * and migrated on open; or a team's PostgreSQL database, opened with the signed-in agent's own login, where
 * the database enforces the policy and this class never migrates (the owner runs {@code team init}).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Who the team database says the session is, and how far this computer's clock is from the server's
     * (positive: the server is ahead). Null fields for the embedded database.
     */
    public record TeamSession(String login, Long agentId, boolean agent, boolean cleared, boolean lead, boolean admin,
                              boolean intake, boolean mustChangePassword, boolean tls, Duration clockOffset) {
    }

    private final DataLocation location;
    private final JdbcConnectionPool pool;
    /** The team login's data source (null for the embedded database), for connections outside the pool. */
    private PGConnectionPoolDataSource teamSource;
    private final ServerClock clock;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    /** Sensitive reads already audited in the transaction running on this thread (embedded database). */
    private final ThreadLocal<java.util.Set<Long>> audited = new ThreadLocal<>();
    private final boolean postgres;
    private volatile TeamSession session;

    private Database(DataLocation location, JdbcConnectionPool pool, Clock clock) {
        this.location = location;
        this.pool = pool;
        this.clock = new ServerClock(clock);
        this.postgres = location.team();
    }

    /**
     * Opens (creating if needed) and migrates the embedded database. Every failure people can meet is turned
     * into a {@link StoreException} with a plain-language message. A team database needs a sign-in: see
     * {@link #openTeam}.
     */
    public static Database open(DataLocation location, Clock clock) {
        if (location.team()) {
            throw new StoreException.SignInRequired("The team database at " + location.displayUrl()
                    + " signs in every agent itself: give a user name and password.");
        }
        try {
            OwnerOnly.directory(location.dataDir());
        } catch (IOException e) {
            throw new StoreException("Cannot create the data folder " + location.dataDir() + ": " + e.getMessage(), e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(location.jdbcUrl(), "sa", "");
        pool.setMaxConnections(16);
        pool.setLoginTimeout(10);
        Database db = new Database(location, pool, clock);
        try {
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                // Belt and braces: a commit is on disk before it returns, whatever the URL says.
                st.execute("SET WRITE_DELAY 0");
            }
            db.restrictFiles();
            db.migrate();
            return db;
        } catch (SQLException e) {
            pool.dispose();
            throw db.translateOpenError(e);
        } catch (RuntimeException e) {
            pool.dispose();
            SQLException sql = findSqlException(e);
            if (sql != null && !(e instanceof StoreException)) {
                throw db.translateOpenError(sql);
            }
            throw e;
        }
    }

    /**
     * Opens a team database as {@code user}: PostgreSQL checks the password (SCRAM-SHA-256), and the
     * database's own roles decide what this session may read and change. Nothing is stored: the password
     * lives only in this process, for the pool to open connections with.
     */
    public static Database openTeam(DataLocation location, String user, char[] password, Clock clock) {
        return openTeam(location, user, password, clock, true);
    }

    /**
     * As {@link #openTeam(DataLocation, String, char[], Clock)}; with {@code followServerClock} false the given
     * clock is used as it is (tests that set the time by hand), the offset is still measured and reported.
     */
    public static Database openTeam(DataLocation location, String user, char[] password, Clock clock,
                                    boolean followServerClock) {
        if (!location.team()) {
            throw new IllegalArgumentException("not a team database: " + location.displayUrl());
        }
        if (user == null || user.isBlank()) {
            throw new StoreException.AccessDenied("Type your user name.");
        }
        PGConnectionPoolDataSource ds = TeamConnections.dataSource(location.jdbcUrl(), user.strip(), password);
        JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
        pool.setMaxConnections(8);
        pool.setLoginTimeout(15);
        Database db = new Database(location, pool, clock);
        db.teamSource = ds;
        db.clock.follow(followServerClock);
        try {
            TeamSchema.check(db);
            TeamSession s = db.resync();
            if (!s.agent() && !s.intake() && !s.mustChangePassword()) {
                throw new StoreException.AccessDenied("The account '" + user.strip() + "' is not an active agent of this"
                        + " desk. Ask an admin.");
            }
            return db;
        } catch (RuntimeException e) {
            pool.dispose();
            SQLException sql = findSqlException(e);
            if (sql != null && !(e instanceof StoreException)) {
                throw TeamConnections.translate(location, sql);
            }
            throw e;
        }
    }

    /**
     * Asks the team database again who this session is and what time it is there; the clock offset feeds
     * {@link #clock()}. Called at sign-in and on every resync of the live feed.
     */
    public TeamSession resync() {
        if (!postgres) {
            return null;
        }
        TeamSession s = tx(c -> {
            Instant before = clock.base().instant();
            // pg_stat_ssl shows a backend's TLS state to its own user: read it here, not in the definer function
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT login, agent_id, is_agent,"
                    + " cleared, lead, admin, intake, must_change_password, server_time,"
                    + " coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false) FROM sd.whoami()")) {
                rs.next();
                Instant after = clock.base().instant();
                Instant server = Sql.instant(rs, 9);
                Instant mid = before.plus(Duration.between(before, after).dividedBy(2));
                Duration offset = Duration.between(mid, server);
                return new TeamSession(rs.getString(1), Sql.longOrNull(rs, "agent_id"), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8),
                        rs.getBoolean(10), offset);
            }
        });
        clock.setOffset(s.clockOffset());
        session = s;
        return s;
    }

    /**
     * A connection of the team login of its own, outside the pool (for LISTEN, which holds a connection for as
     * long as a desk runs). The caller closes it.
     */
    Connection dedicatedConnection() throws SQLException {
        if (teamSource == null) {
            throw new IllegalStateException("only a team database has dedicated connections");
        }
        return teamSource.getPooledConnection().getConnection();
    }

    /** The team session as last read (null for the embedded database). */
    public TeamSession session() {
        return session;
    }

    private void restrictFiles() {
        try {
            OwnerOnly.files(location.dataDir(), DataLocation.DB_NAME);
        } catch (IOException e) {
            LOG.warn("Could not make the database files owner-only: {}", e.getMessage());
        }
    }

    private void migrate() {
        Flyway flyway = embeddedMigrations(pool).load();
        MigrationInfo[] applied = flyway.info().applied();
        for (MigrationInfo info : applied) {
            if (info.getState() == MigrationState.FUTURE_SUCCESS || info.getState() == MigrationState.FUTURE_FAILED) {
                String latest = latestKnownVersion(flyway);
                throw new StoreException.NewerVersion(describe()
                        + " was written by a newer version of Support Desk (database schema version "
                        + info.getVersion() + "; this program knows up to " + latest
                        + "). It was not changed. Install the newer Support Desk to open it.", null);
            }
        }
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            SQLException sql = findSqlException(e);
            if (sql != null) {
                throw translateOpenError(sql);
            }
            throw new StoreException("Could not prepare " + describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The embedded database's migrations: the SQL files in {@code db/migration} and the Java ones registered here
     * ({@link PhoneNumbersMigration}, V11).
     */
    static org.flywaydb.core.api.configuration.FluentConfiguration embeddedMigrations(javax.sql.DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new PhoneNumbersMigration())
                .cleanDisabled(true);
    }

    private static String latestKnownVersion(Flyway flyway) {
        return Stream.of(flyway.info().all())
                .filter(i -> i.getState() != MigrationState.FUTURE_SUCCESS && i.getState() != MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion).filter(v -> v != null)
                .max(Comparator.naturalOrder()).map(Object::toString).orElse("none");
    }

    private String describe() {
        Path file = location.databaseFile();
        return file != null ? "The database file " + file : "The database at " + location.displayUrl();
    }

    private StoreException translateOpenError(SQLException e) {
        int code = e.getErrorCode();
        Path file = location.databaseFile();
        String where = file != null ? file.toString() : location.displayUrl();
        switch (code) {
            case 90020: // DATABASE_ALREADY_OPEN_1
                return new StoreException.DatabaseInUse("The database file " + where
                        + " is already open in another Support Desk process. Close the other window first. To work on"
                        + " one database from several desktops, a team shares a PostgreSQL database (README: Team mode).", e);
            case 90048: // FILE_VERSION_ERROR_1
                return new StoreException.NewerVersion("The database file " + where
                        + " was written by a newer version of Support Desk (or of its database engine). It was not"
                        + " changed. Install the newer Support Desk to open it.", e);
            case 90030: // FILE_CORRUPTED_1
            case 90049: // FILE_ENCRYPTION_ERROR_1_1
            case 90031: // IO_EXCEPTION_2
            case 90028: // IO_EXCEPTION_1
                return damaged(where, e);
            case 28000: // WRONG_USER_OR_PASSWORD
                return new StoreException("The database at " + where + " refused the login.", e);
            default:
                if (e.getMessage() != null && e.getMessage().contains("MVStoreException")) {
                    return damaged(where, e);
                }
                return new StoreException("Could not open the database " + where + ": " + firstLine(e.getMessage()), e);
        }
    }

    private StoreException damaged(String where, SQLException e) {
        String backup = latestBackup().map(p -> " The latest backup is " + p
                        + "; to restore it, close Support Desk, move the damaged file aside and unzip the backup"
                        + " into " + location.dataDir() + ".")
                .orElse(" No backup was found in " + location.backupDir() + ".");
        return new StoreException.Damaged("The file " + where
                + " is not a Support Desk database or is damaged. It was left untouched." + backup, e);
    }

    /** The newest backup zip in the data folder, if any. */
    public Optional<Path> latestBackup() {
        Path dir = location.backupDir();
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".zip"))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static SQLException findSqlException(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public DataLocation location() {
        return location;
    }

    /**
     * Now, as the desk counts it: on a team database the server's clock (this computer's clock corrected by
     * the offset measured at sign-in and on every resync), so every desk shows the same time left.
     */
    public Clock clock() {
        return clock;
    }

    /** True for a team database on PostgreSQL (the database enforces the access policy itself). */
    public boolean postgres() {
        return postgres;
    }

    /** Runs the work in a transaction, joining the one already open on this thread. */
    public <T> T tx(Work<T> work) {
        Connection existing = current.get();
        if (existing != null) {
            try {
                return work.run(existing);
            } catch (SQLException e) {
                throw translate(e);
            }
        }
        Connection c = null;
        try {
            c = pool.getConnection();
            c.setAutoCommit(false);
            current.set(c);
            audited.set(new java.util.HashSet<>());
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw translate(e);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(c);
            throw e;
        } finally {
            current.remove();
            audited.remove();
            if (c != null) {
                try {
                    c.setAutoCommit(true);
                    c.close();
                } catch (SQLException e) {
                    LOG.warn("Could not return a connection to the pool: {}", e.getMessage());
                }
            }
        }
    }

    /**
     * The ids of tickets whose sensitive content was already recorded in the access audit by the transaction
     * on this thread, so one transaction records each read once; empty outside a transaction.
     */
    java.util.Set<Long> auditedInTransaction() {
        java.util.Set<Long> s = audited.get();
        return s == null ? new java.util.HashSet<>() : s;
    }

    /** {@link #tx} for work without a result. */
    public void run(SqlRunnable work) {
        tx(c -> {
            work.run(c);
            return null;
        });
    }

    @FunctionalInterface
    public interface SqlRunnable {
        void run(Connection c) throws SQLException;
    }

    private static void rollbackQuietly(Connection c) {
        if (c != null) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the original failure is what matters
            }
        }
    }

    StoreException translate(SQLException e) {
        if (postgres) {
            return TeamConnections.translate(location, e);
        }
        int code = e.getErrorCode();
        if (code == 23505 || "23505".equals(e.getSQLState())) {
            return new StoreException.Invalid("That already exists: " + firstLine(e.getMessage()));
        }
        if (code == 90067 || code == 90096 || "08S01".equals(e.getSQLState())) {
            return new StoreException.Unreachable("Lost the connection to the database at " + location.displayUrl()
                    + ".", e);
        }
        return new StoreException("Database error: " + firstLine(e.getMessage()), e);
    }

    /** A consistent online backup of the embedded database into a zip file (H2's BACKUP TO), owner-only. */
    public void backupTo(Path zip) {
        if (postgres) {
            throw new StoreException.Invalid("A team database is backed up by its server (pg_dump or the managed"
                    + " service's backups); see README, Team mode.");
        }
        Path target = zip.toAbsolutePath();
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the folder for " + target + ": " + e.getMessage(), e);
        }
        run(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
            }
        });
        try {
            OwnerOnly.file(target);
        } catch (IOException e) {
            LOG.warn("Could not make the backup {} owner-only: {}", target, e.getMessage());
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }

    /** This computer's clock shifted by the offset last measured against the team database's server. */
    static final class ServerClock extends Clock {
        private final Clock base;
        private volatile long offsetNanos;
        private volatile boolean follow = true;

        ServerClock(Clock base) {
            this.base = base;
        }

        Clock base() {
            return base;
        }

        void setOffset(Duration offset) {
            offsetNanos = follow ? offset.toNanos() : 0;
        }

        void follow(boolean on) {
            follow = on;
            if (!on) {
                offsetNanos = 0;
            }
        }

        @Override
        public java.time.ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            ServerClock c = new ServerClock(base.withZone(zone));
            c.offsetNanos = offsetNanos;
            c.follow = follow;
            return c;
        }

        @Override
        public Instant instant() {
            long o = offsetNanos;
            return o == 0 ? base.instant() : base.instant().plusNanos(o);
        }
    }
}
