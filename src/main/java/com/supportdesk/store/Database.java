package com.supportdesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool and transaction scope. A unit of work joins the transaction already running on
 * the calling thread, so repository calls compose: {@code db.tx(c -> { a(); b(); return x; })} commits
 * both or neither.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataLocation location;
    private final JdbcConnectionPool pool;
    private final Clock clock;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final boolean postgres;

    private Database(DataLocation location, JdbcConnectionPool pool, Clock clock) {
        this.location = location;
        this.pool = pool;
        this.clock = clock;
        this.postgres = location.jdbcUrl().startsWith("jdbc:postgresql:");
    }

    /**
     * Opens (creating if needed) and migrates the database. Every failure people can meet is turned into a
     * {@link StoreException} with a plain-language message.
     */
    public static Database open(DataLocation location, Clock clock) {
        if (location.embedded()) {
            try {
                Files.createDirectories(location.dataDir());
            } catch (java.io.IOException e) {
                throw new StoreException("Cannot create the data folder " + location.dataDir() + ": " + e.getMessage(), e);
            }
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(location.jdbcUrl(), "sa", "");
        pool.setMaxConnections(16);
        pool.setLoginTimeout(10);
        Database db = new Database(location, pool, clock);
        try {
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                if (location.jdbcUrl().startsWith("jdbc:h2:")) {
                    // Belt and braces for server URLs, where the URL setting is not ours to choose.
                    st.execute("SET WRITE_DELAY 0");
                }
            }
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

    private void migrate() {
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .cleanDisabled(true)
                .load();
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

    private static String latestKnownVersion(Flyway flyway) {
        return Stream.of(flyway.info().all())
                .filter(i -> i.getState() != MigrationState.FUTURE_SUCCESS && i.getState() != MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion).filter(v -> v != null)
                .max(Comparator.naturalOrder()).map(Object::toString).orElse("none");
    }

    private String describe() {
        Path file = location.databaseFile();
        return file != null ? "The database file " + file : "The database at " + location.jdbcUrl();
    }

    private StoreException translateOpenError(SQLException e) {
        int code = e.getErrorCode();
        Path file = location.databaseFile();
        String where = file != null ? file.toString() : location.jdbcUrl();
        switch (code) {
            case 90020: // DATABASE_ALREADY_OPEN_1
                return new StoreException.DatabaseInUse("The database file " + where
                        + " is already open in another Support Desk process. Close the other window, or, to work on one"
                        + " database from several desktops, run 'support-desk server --port 9092' on one machine and start"
                        + " every desktop with --db-url jdbc:h2:tcp://HOST:9092/" + DataLocation.DB_NAME + ".", e);
            case 90048: // FILE_VERSION_ERROR_1
                return new StoreException.NewerVersion("The database file " + where
                        + " was written by a newer version of Support Desk (or of its database engine). It was not"
                        + " changed. Install the newer Support Desk to open it.", e);
            case 90030: // FILE_CORRUPTED_1
            case 90049: // FILE_ENCRYPTION_ERROR_1_1
            case 90031: // IO_EXCEPTION_2
            case 90028: // IO_EXCEPTION_1
                return damaged(where, e);
            case 90067: // CONNECTION_BROKEN_1
            case 90096:
                return new StoreException.Unreachable("Cannot reach the database server at " + location.jdbcUrl()
                        + ". Check that 'support-desk server' is running there and the network allows the port.", e);
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
        } catch (java.io.IOException e) {
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

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public DataLocation location() {
        return location;
    }

    public Clock clock() {
        return clock;
    }

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
        int code = e.getErrorCode();
        if (code == 23505 || "23505".equals(e.getSQLState())) {
            return new StoreException.Invalid("That already exists: " + firstLine(e.getMessage()));
        }
        if (code == 90067 || code == 90096 || "08S01".equals(e.getSQLState())) {
            return new StoreException.Unreachable("Lost the connection to the database at " + location.jdbcUrl()
                    + ". Check that the database server is running and reachable.", e);
        }
        return new StoreException("Database error: " + firstLine(e.getMessage()), e);
    }

    /** A consistent online backup into a zip file (H2's BACKUP TO). */
    public void backupTo(Path zip) {
        Path target = zip.toAbsolutePath();
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot create the folder for " + target + ": " + e.getMessage(), e);
        }
        run(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
            }
        });
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
