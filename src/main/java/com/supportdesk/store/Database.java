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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
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

    /**
     * Raw sources, bodies and attachments up to this size are kept in their row (H2's MAX_LENGTH_INPLACE_LOB, 256
     * bytes by default), most e-mail among them. Kept in H2's separate LOB storage instead, each one was written as a
     * temporary LOB first and removed at commit, and each removal met H2's busy LOB cleaner with an exception filled
     * in and thrown: about 2.8 per message, 0.6-0.8 s of CPU in a 5,000-message import (issue 17).
     */
    static final int INPLACE_LOB_BYTES = 16 * 1024;

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

        /** How far off this computer's clock may be before the status bar warns. */
        public static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(30);

        /** The status bar's warning when this computer's clock is off by more than 30 s, or null. */
        public String clockWarning() {
            if (clockOffset.abs().compareTo(CLOCK_TOLERANCE) <= 0) {
                return null;
            }
            long s = clockOffset.abs().toSeconds();
            String by = s >= 3600 ? (s / 3600) + " h " + (s % 3600 / 60) + " min"
                    : s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
            return "This computer's clock is " + by + (clockOffset.isNegative() ? " ahead of" : " behind")
                    + " the database server's; countdowns use the server's time.";
        }
    }

    private final DataLocation location;
    /** Replaced (embedded only) when H2 closed the database after a failed write: see {@link #reopenAfterPanic}. */
    private volatile JdbcConnectionPool pool;
    private volatile boolean closed;
    /** The team login's data source (null for the embedded database), for connections outside the pool. */
    private PGConnectionPoolDataSource teamSource;
    private final ServerClock clock;
    /** The transaction running on this thread, if any. */
    private final ThreadLocal<TxState> current = new ThreadLocal<>();

    /**
     * What one transaction holds for as long as it runs: its connection, the sensitive reads it already recorded in the
     * access audit (embedded database), and what it read once and keeps (see {@link #txCache}).
     */
    private static final class TxState {
        final Connection connection;
        final Set<Long> audited = new HashSet<>();
        final Map<Object, Object> cache = new HashMap<>();

        TxState(Connection connection) {
            this.connection = connection;
        }
    }
    private final boolean postgres;
    private volatile TeamSession session;
    /** How much space is left in a folder (for the full-disk message). */
    private DiskSpace space = DiskSpace.SYSTEM;
    private final List<Consumer<String>> diskListeners =
            new CopyOnWriteArrayList<>();
    /** The full-disk message last told to the listeners, until a write succeeds again. */
    private volatile String diskProblem;

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
        return open(location, clock, List.of());
    }

    /**
     * As {@link #open(DataLocation, Clock)}, with the probe that says how much space is left in a folder (tests give
     * the one of a disk with a quota).
     */
    public static Database open(DataLocation location, Clock clock, DiskSpace space) {
        return open(location, clock, List.of(), space);
    }

    /** As {@link #open(DataLocation, Clock)}, with more Flyway locations after the program's own (tests). */
    static Database open(DataLocation location, Clock clock, List<String> extraMigrations) {
        return open(location, clock, extraMigrations, DiskSpace.SYSTEM);
    }

    private static Database open(DataLocation location, Clock clock, List<String> extraMigrations,
                                 DiskSpace space) {
        if (location.team()) {
            throw new StoreException.SignInRequired("The team database at " + location.displayUrl()
                    + " signs in every agent itself: give a user name and password.");
        }
        try {
            OwnerOnly.directory(location.dataDir());
        } catch (IOException e) {
            throw new StoreException("Cannot create the data folder " + location.dataDir() + ": " + e.getMessage(), e);
        }
        // a creation or upgrade stopped half-way last time is undone first (see MigrationJournal)
        MigrationJournal.of(location).ifPresent(MigrationJournal::recover);
        JdbcConnectionPool pool = JdbcConnectionPool.create(location.jdbcUrl(), "sa", "");
        pool.setMaxConnections(16);
        pool.setLoginTimeout(10);
        Database db = new Database(location, pool, clock);
        db.space = space;
        try {
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                // Belt and braces: a commit is on disk before it returns, whatever the URL says.
                st.execute("SET WRITE_DELAY 0");
                st.execute("SET MAX_LENGTH_INPLACE_LOB " + INPLACE_LOB_BYTES);
            }
            db.restrictFiles();
            db.migrate(extraMigrations);
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

    /**
     * One migration at a time in this process: two threads opening the same new file (a gateway and a desk of
     * one JVM, tests) would otherwise both see the migrations pending, and both journal them (see MigrationJournal).
     * The second then finds nothing left to do. Other processes are kept out by H2's file lock.
     */
    private static final Object MIGRATING = new Object();
    /** How often opening this database started Flyway: 0 when it already had this build's schema (tests). */
    private int flywayRuns;

    int flywayRuns() {
        return flywayRuns;
    }

    private void migrate(List<String> extraMigrations) {
        synchronized (MIGRATING) {
            migrateAlone(extraMigrations);
        }
    }

    private void migrateAlone(List<String> extraMigrations) {
        if (extraMigrations.isEmpty()) {
            try (Connection c = pool.getConnection()) {
                if (EmbeddedSchema.isCurrent(c)) {
                    return; // nothing for Flyway to do: not started (see EmbeddedSchema)
                }
            } catch (SQLException e) {
                throw translateOpenError(e);
            }
        }
        flywayRuns++;
        Flyway flyway = embeddedMigrations(pool, extraMigrations).load();
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
        // H2 commits every DDL statement by itself, so a migration that fails halfway cannot be rolled back: take a
        // backup first, and put it back if the migration fails
        MigrationInfo[] pending = flyway.info().pending();
        Path before = null;
        if (pending.length > 0 && applied.length > 0) {
            before = backupBeforeUpgrade(pending[pending.length - 1].getVersion().toString());
        }
        // if this process is stopped half-way, the next start moves a half-made file aside or puts the backup back
        Optional<MigrationJournal> journal = pending.length > 0 ? MigrationJournal.of(location) : Optional.empty();
        String ifStopped = before != null ? before.toAbsolutePath().toString() : MigrationJournal.NEW;
        journal.ifPresent(j -> j.begin(ifStopped));
        try {
            flyway.migrate();
            journal.ifPresent(MigrationJournal::delete);
        } catch (FlywayException e) {
            if (before != null) {
                StoreException failed = restoreAfterFailedUpgrade(before, pending[pending.length - 1].getVersion().toString(), e);
                if (failed instanceof StoreException.UpgradeFailed) {
                    journal.ifPresent(MigrationJournal::delete); // put back: nothing left to undo
                }
                throw failed;
            }
            SQLException sql = findSqlException(e);
            if (sql != null) {
                throw translateOpenError(sql);
            }
            throw new StoreException("Could not prepare " + describe() + ": " + e.getMessage(), e);
        }
    }

    private Path backupBeforeUpgrade(String version) {
        String stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss")
                .withZone(ZoneOffset.UTC).format(clock.instant());
        Path zip = location.backupDir().resolve("before-upgrade-to-" + version + "-" + stamp + ".zip");
        try {
            backupTo(zip);
        } catch (StoreException e) {
            throw new StoreException(describe() + " needs an upgrade (to schema version " + version + "), and a backup"
                    + " is taken first, but it could not be written: " + e.getMessage() + " The database was not changed.", e);
        }
        LOG.info("Backup before the upgrade to schema version {} written to {}", version, zip);
        return zip;
    }

    /** Puts the database file back from the backup taken before the upgrade; returns the message to throw. */
    private StoreException restoreAfterFailedUpgrade(Path backup, String version, FlywayException failure) {
        SQLException sql = findSqlException(failure);
        String why = firstLine(sql != null ? sql.getMessage() : failure.getMessage());
        LOG.error("The upgrade to schema version {} failed; restoring {}", version, backup, failure);
        pool.dispose(); // the last connection closes the H2 database, so its file can be replaced
        Path file = location.dataDir().resolve(DataLocation.DB_NAME + ".mv.db");
        try {
            MigrationJournal.putBack(location, backup);
        } catch (IOException e) {
            return new StoreException("Upgrading the database file " + file + " to schema version " + version
                    + " failed (" + why + "), and putting it back from the backup failed too (" + e.getMessage()
                    + "). The backup taken just before is " + backup + ": close Support Desk, move the database file"
                    + " aside and unzip the backup into " + location.dataDir() + ".", failure);
        }
        return new StoreException.UpgradeFailed("Upgrading the database file " + file + " to schema version " + version
                + " failed (" + why + "). It was put back as it was, from the backup taken just before: " + backup
                + " (kept). Nothing was lost. Install the previous Support Desk, or ask your support contact.", failure);
    }

    /**
     * The embedded database's migrations: the SQL files in {@code db/migration} (and {@code extraLocations}, for
     * tests) and the Java ones registered here ({@link PhoneNumbersMigration}, V11).
     */
    static FluentConfiguration embeddedMigrations(DataSource dataSource,
                                                                                     List<String> extraLocations) {
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
        locations.addAll(extraLocations);
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(locations.toArray(new String[0]))
                .javaMigrations(new PhoneNumbersMigration())
                .cleanDisabled(true);
    }

    static FluentConfiguration embeddedMigrations(DataSource dataSource) {
        return embeddedMigrations(dataSource, List.of());
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
        Optional<StoreException.DiskFull> full = space.diskFull(e, location.dataDir());
        if (full.isPresent()) {
            return full.get();
        }
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

    /**
     * Makes everything committed so far survive a crash of this process or of the machine, before the caller acts
     * on it outside the database (the intake flags or moves mail on the server only after this). An embedded H2
     * database writes a commit when it returns, but under a kill -9 the last commits were seen lost (issue 17: the
     * file's last chunks go with the process), so this forces them to disk ({@code CHECKPOINT SYNC}); on PostgreSQL this
     * does nothing: the intake's transactions ask for a durable commit themselves (see
     * {@link MailboxRepository#commitDurably}, for a server running {@code synchronous_commit = off}). Costs one disk sync: call it once per batch of commits.
     */
    public void sync() {
        if (postgres) {
            return;
        }
        run(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CHECKPOINT SYNC");
            }
        });
    }

    /** Runs the work in a transaction, joining the one already open on this thread. */
    public <T> T tx(Work<T> work) {
        TxState existing = current.get();
        if (existing != null) {
            try {
                return work.run(existing.connection);
            } catch (SQLException e) {
                throw translate(e);
            }
        }
        Connection c = null;
        JdbcConnectionPool used = pool;
        try {
            c = used.getConnection();
            c.setAutoCommit(false);
            current.set(new TxState(c));
            T result = work.run(c);
            flushPending();
            boolean clearsDiskProblem = diskProblem != null && wrote(c);
            c.commit();
            if (clearsDiskProblem) {
                diskProblem(null);
            }
            return result;
        } catch (SQLException e) {
            rollbackQuietly(c);
            reopenAfterPanic(used, e);
            throw translate(e);
        } catch (RuntimeException e) {
            rollbackQuietly(c);
            reopenAfterPanic(used, e);
            if (!postgres && !(e instanceof StoreException) && DiskSpace.isOutOfSpace(e)) {
                throw fullDisk(space.diskFull(e, location.dataDir()).orElseThrow());
            }
            throw e;
        } catch (Error e) {
            rollbackQuietly(c);
            throw e;
        } finally {
            current.remove();
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
    Set<Long> auditedInTransaction() {
        TxState t = current.get();
        return t == null ? new HashSet<>() : t.audited;
    }

    /**
     * Values the transaction running on this thread keeps for as long as it runs, and no longer (gone at its commit or
     * rollback): what does not change inside one transaction, e.g. the response policy a group of the mail intake
     * measures its tickets by (issue 17: read once per group, not once per message). Whoever writes what a value was
     * read from removes it in the same transaction. Outside a transaction, an empty map that keeps nothing.
     */
    Map<Object, Object> txCache() {
        TxState t = current.get();
        return t == null ? new HashMap<>() : t.cache;
    }

    /** True while a transaction runs on this thread (see {@link #txCache}). */
    boolean inTransaction() {
        return current.get() != null;
    }

    /**
     * Writes the transaction on this thread queued to send together (a {@link Pending} kept in {@link #txCache}, e.g.
     * {@link TicketHistory}'s entries): sent now, in one batch each. Runs before the commit, and must run before
     * anything in the transaction reads what they write.
     */
    void flushPending() throws SQLException {
        TxState t = current.get();
        if (t == null) {
            return;
        }
        for (Object v : List.copyOf(t.cache.values())) {
            if (v instanceof Pending p) {
                p.flush();
            }
        }
    }

    /** Writes queued in a transaction, sent by {@link #flushPending}; empty again after it. */
    interface Pending {
        void flush() throws SQLException;
    }

    /** Work done in a store transaction, outside the store (see {@link Tx}). */
    @FunctionalInterface
    public interface TxWork<T> {
        T run(Tx tx);
    }

    /** Work without a result done in a store transaction, outside the store. */
    @FunctionalInterface
    public interface TxRunnable {
        void run(Tx tx);
    }

    /**
     * Runs the work in a transaction (joining the one already open on this thread): what mail, phone and the desk
     * use to make several store calls commit together.
     */
    public <T> T inTx(TxWork<T> work) {
        return tx(c -> work.run(new Tx(this, c)));
    }

    /** {@link #inTx} for work without a result. */
    public void runInTx(TxRunnable work) {
        tx(c -> {
            work.run(new Tx(this, c));
            return null;
        });
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

    /**
     * Listens for a full disk under the embedded database: the plain message when a write failed for lack of space,
     * null once a write succeeds again (the desk's status bar shows it). Called on the thread that wrote.
     */
    public void onDiskFull(Consumer<String> listener) {
        diskListeners.add(listener);
    }

    private StoreException.DiskFull fullDisk(StoreException.DiskFull full) {
        LOG.warn(full.getMessage());
        diskProblem(full.getMessage());
        return full;
    }

    private void diskProblem(String message) {
        diskProblem = message;
        for (Consumer<String> l : diskListeners) {
            try {
                l.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("A full-disk listener failed: {}", e.getMessage());
            }
        }
    }

    /**
     * H2 closes the embedded database when a write to its file fails (a full disk, for one), and every pooled
     * connection is dead from then on. Start a new pool: its first connection opens the file again, from its last
     * complete commit, so the desk carries on once the cause is gone (the intake takes in the rest).
     */
    private void reopenAfterPanic(JdbcConnectionPool failed, Throwable e) {
        if (postgres || closed || !databaseClosed(e)) {
            return;
        }
        synchronized (this) {
            if (pool != failed || closed) {
                return;
            }
            LOG.warn("The embedded database was closed after a failed write; it opens again with the next connection");
            JdbcConnectionPool fresh = JdbcConnectionPool.create(location.jdbcUrl(), "sa", "");
            fresh.setMaxConnections(failed.getMaxConnections());
            fresh.setLoginTimeout(failed.getLoginTimeout());
            pool = fresh;
            failed.dispose();
        }
    }

    private static boolean databaseClosed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == 90098 || sql.getErrorCode() == 90121)) {
                return true; // DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN
            }
            if (t.getClass().getName().equals("org.h2.mvstore.MVStoreException")) {
                return true;
            }
        }
        return false;
    }

    /** True when the transaction on {@code c} changed something (H2: it has a transaction id). */
    private boolean wrote(Connection c) {
        if (postgres) {
            return true;
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT TRANSACTION_ID()")) {
            return rs.next() && rs.getObject(1) != null;
        } catch (SQLException e) {
            return false;
        }
    }

    StoreException translate(SQLException e) {
        if (postgres) {
            return TeamConnections.translate(location, e);
        }
        Optional<StoreException.DiskFull> full = space.diskFull(e, location.dataDir());
        if (full.isPresent()) {
            return fullDisk(full.get());
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
        try {
            run(c -> {
                try (Statement st = c.createStatement()) {
                    // through the same H2 file system as the database (a prefix such as nio: in the URL; none by default)
                    st.execute("BACKUP TO '" + (location.h2FileSystemPrefix() + target).replace("'", "''") + "'");
                }
            });
        } catch (StoreException e) {
            // the zip's folder is the one that is full (it may be another disk than the database's)
            if (DiskSpace.isOutOfSpace(e)) {
                Path folder = target.getParent() != null ? target.getParent() : target;
                throw space.diskFull(e.getCause() != null ? e.getCause() : e, folder).orElseThrow();
            }
            throw e;
        }
        try {
            OwnerOnly.file(target);
        } catch (IOException e) {
            LOG.warn("Could not make the backup {} owner-only: {}", target, e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
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
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
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
