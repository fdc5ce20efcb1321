package com.supportdesk.store;

import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.TicketStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes pushed by a team database: its triggers NOTIFY {@value #CHANNEL} when a transaction commits (see
 * db/postgresql/R__access_model.sql), and this listens on a connection of its own. A payload carries ids,
 * versions and status, never content (any listener may read a channel). After a lost connection,
 * {@link #await} reports {@link Batch#reconnected()} once it is back, so the caller resyncs from its last
 * position instead of trusting that nothing happened meanwhile.
 */
public final class LiveChanges implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveChanges.class);
    static final String CHANNEL = "supportdesk_changes";

    /** What changed. {@code TICKET} rows carry the ticket's new version and state; {@code EVENT} a history entry. */
    public enum Kind { TICKET, EVENT, AGENT }

    public record Change(Kind kind, long id, long eventId, int version, TicketStatus status, Severity severity,
                         Classification classification, Instant updatedAt) {
    }

    /**
     * What one wait brought: the changes committed since the last wait, in commit order, and whether the
     * connection had to be re-established (changes may have been missed: resync).
     */
    public record Batch(List<Change> changes, boolean reconnected, String problem) {
    }

    private final Database db;
    private Connection connection;
    private boolean lost;
    private long backoffMillis = 500;

    public LiveChanges(Database db) {
        if (!db.postgres()) {
            throw new IllegalArgumentException("only a team database pushes changes");
        }
        this.db = db;
    }

    /** Waits up to {@code timeout} for changes; never throws for a lost connection (it reconnects). */
    public synchronized Batch await(Duration timeout) {
        boolean reconnected = false;
        try {
            if (connection == null || connection.isClosed()) {
                connect();
                reconnected = lost;
                lost = false;
            }
            PGNotification[] got = connection.unwrap(PGConnection.class).getNotifications((int) Math.max(1, timeout.toMillis()));
            backoffMillis = 500;
            List<Change> out = new ArrayList<>();
            if (got != null) {
                for (PGNotification n : got) {
                    Change c = parse(n.getParameter());
                    if (c != null) {
                        out.add(c);
                    }
                }
            }
            return new Batch(out, reconnected, null);
        } catch (SQLException e) {
            if (!lost) {
                LOG.warn("Live changes: lost the connection to the team database ({}); reconnecting", e.getMessage());
            }
            lost = true;
            closeQuietly();
            sleep(backoffMillis);
            backoffMillis = Math.min(backoffMillis * 2, 15_000);
            return new Batch(List.of(), false, "Lost the connection to the team database; reconnecting\u2026");
        }
    }

    private void connect() throws SQLException {
        connection = db.dedicatedConnection();
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            st.execute("LISTEN " + CHANNEL);
        }
    }

    /** Parses a payload; null for one this version does not know (a newer desk's). */
    static Change parse(String payload) {
        if (payload == null) {
            return null;
        }
        String[] p = payload.split(":");
        try {
            switch (p[0]) {
                case "ticket":
                    return new Change(Kind.TICKET, Long.parseLong(p[1]), 0, Integer.parseInt(p[2]),
                            TicketStatus.valueOf(p[3]), Severity.of(Integer.parseInt(p[4])), Classification.valueOf(p[5]),
                            Instant.ofEpochMilli(Long.parseLong(p[6])));
                case "event":
                    return new Change(Kind.EVENT, Long.parseLong(p[2]), Long.parseLong(p[1]), 0, null, null, null, null);
                case "agent":
                    return new Change(Kind.AGENT, Long.parseLong(p[1]), 0, 0, null, null, null, null);
                default:
                    return null;
            }
        } catch (RuntimeException e) {
            LOG.debug("Ignored a change notice this version cannot read: {}", payload);
            return null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
