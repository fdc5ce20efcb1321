package com.supportdesk.store;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.postgresql.Driver;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.postgresql.util.PSQLException;

/**
 * Connections to a team database on PostgreSQL: the data source for one agent's login, and the plain
 * sentence for each way a connection or statement can fail.
 */
public final class TeamConnections {

    /** The schema every desk works in: views and functions only (see db/postgresql/R__access_model.sql). */
    public static final String API_SCHEMA = "sd";

    private TeamConnections() {
    }

    /** A data source for {@code user} on the URL; the URL's own options (sslmode, sslrootcert, ...) apply. */
    static PGConnectionPoolDataSource dataSource(String url, String user, char[] password) {
        PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password == null ? "" : new String(password));
        ds.setCurrentSchema(API_SCHEMA);
        ds.setApplicationName("Support Desk");
        ds.setConnectTimeout(10);
        ds.setLoginTimeout(15);
        ds.setTcpKeepAlive(true);
        return ds;
    }

    /** Refuses a URL that carries a user name or password: no database credential is ever stored on a desktop. */
    static void requireNoCredentials(String url) {
        Properties p = Driver.parseURL(url, new Properties());
        if (p == null) {
            throw new StoreException.Invalid("Not a valid PostgreSQL URL: " + url
                    + " (expected jdbc:postgresql://HOST:PORT/DATABASE).");
        }
        if (p.getProperty("password") != null || p.getProperty("user") != null) {
            throw new StoreException.Invalid("Leave the user name and password out of the database URL: every agent"
                    + " signs in with their own.");
        }
    }

    /** Host of a team URL (first host if several). */
    public static String host(String url) {
        Properties p = Driver.parseURL(url, new Properties());
        String hosts = p == null ? null : p.getProperty("PGHOST");
        if (hosts == null) {
            return "localhost";
        }
        int comma = hosts.indexOf(',');
        return comma < 0 ? hosts : hosts.substring(0, comma);
    }

    /** True when the URL's host is this computer (a plain-text connection there is no exposure). */
    public static boolean isLoopback(String url) {
        String host = host(url);
        if (host.startsWith("/")) {
            return true; // a Unix socket
        }
        try {
            InetAddress a = InetAddress.getByName(host);
            return a.isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The status bar's warning for a session whose connection to another computer is not encrypted, or null
     * (encrypted, or this computer itself, or the embedded database).
     */
    public static String plainTextWarning(DataLocation location, Database.TeamSession session) {
        if (!location.team() || session == null || session.tls() || isLoopback(location.jdbcUrl())) {
            return null;
        }
        return "Not encrypted: the connection to " + host(location.jdbcUrl())
                + " is plain text (add sslmode=verify-full).";
    }

    /** The database name of a team URL, for messages and the default role prefix. */
    public static String databaseName(String url) {
        Properties p = Driver.parseURL(url, new Properties());
        return p == null ? "" : p.getProperty("PGDBNAME", "");
    }

    /** A failure of the team database as one plain sentence (SQLState first, then the server's words). */
    static StoreException translate(DataLocation location, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = location.displayUrl();
        String msg = e.getMessage() == null ? "" : e.getMessage();
        String lower = msg.toLowerCase(Locale.ROOT);
        if (state.equals("28P01") || (state.equals("28000") && !lower.contains("pg_hba"))) {
            return new StoreException.AccessDenied("Unknown user name or wrong password.");
        }
        if (state.equals("28000")) {
            return new StoreException.AccessDenied("The database server at " + hostPort(where)
                    + " does not accept connections from this computer for that user (its pg_hba.conf). Ask the"
                    + " database's administrator.");
        }
        if (state.equals("3D000")) {
            return new StoreException.Unreachable("There is no database " + databaseName(where) + " on the server at "
                    + hostPort(where) + ".", e);
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            if (tlsProblem(e, lower)) {
                return new StoreException.Unreachable("The secure connection to " + hostPort(where) + " failed: "
                        + firstSentence(msg) + " Check sslmode and the CA file (sslrootcert) in the URL.", e);
            }
            return new StoreException.Unreachable("Cannot reach the database server at " + hostPort(where)
                    + ". Check that it is running and that the network allows the port.", e);
        }
        if (state.equals("42501")) {
            return new StoreException.AccessDenied(serverSentence(e));
        }
        if (state.equals("23505")) {
            return new StoreException.Invalid("That already exists: " + serverSentence(e));
        }
        if (state.equals("53100")) {
            return new StoreException("The database server at " + hostPort(where) + " is out of disk space: nothing was"
                    + " changed. Ask the database's administrator.", e);
        }
        if (state.equals("3F000") || state.equals("42P01") || state.equals("42883")) {
            return new StoreException("The database at " + where + " is not a Support Desk team database, or was set"
                    + " up by another version (" + firstSentence(msg) + "). The owner runs 'support-desk --db-url "
                    + where + " team init'.", e);
        }
        return new StoreException("Database error: " + Database.firstLine(msg), e);
    }

    private static boolean tlsProblem(SQLException e, String lowerMessage) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof CertificateException) {
                return true;
            }
        }
        return lowerMessage.contains("ssl") || lowerMessage.contains("certificate")
                || lowerMessage.contains("could not be verified");
    }

    /** The server's message without pgjdbc's "ERROR: " prefix and "Where:" lines. */
    static String serverSentence(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getMessage() != null) {
            return p.getServerErrorMessage().getMessage();
        }
        String m = Database.firstLine(e.getMessage());
        return m.startsWith("ERROR: ") ? m.substring(7) : m;
    }

    private static String firstSentence(String msg) {
        String m = Database.firstLine(msg);
        return m.endsWith(".") ? m : m + ".";
    }

    static String hostPort(String url) {
        try {
            URI u = URI.create(url.substring("jdbc:".length()));
            return u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
        } catch (IllegalArgumentException e) {
            return host(url);
        }
    }
}
