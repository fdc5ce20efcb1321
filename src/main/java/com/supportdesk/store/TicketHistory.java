package com.supportdesk.store;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.EventKind;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A ticket's history ({@code ticket_event}): append-only, one entry for every change, contact, escalation,
 * classification change and redirection — and, read in id order, the change feed every desk follows
 * (docs/decisions/004-change-feed.md). Log lines name tickets by ref only.
 */
public final class TicketHistory {

    private final Database db;
    private final TicketRepository tickets;

    TicketHistory(Database db, TicketRepository tickets) {
        this.db = db;
        this.tickets = tickets;
    }

    /** Ticket ids touched since a point in the change feed. */
    public record Changes(long lastEventId, Set<Long> ticketIds) {
    }

    /** Ticket ids changed since the given feed position, by anyone, in any process sharing the database. */
    public Changes changesSince(long lastEventId) {
        return db.tx(c -> {
            db.flushPending();
            Set<Long> ids = new LinkedHashSet<>();
            long max = lastEventId;
            // Transactions commit out of id order; re-reading the last few seconds catches late commits.
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, ticket_id FROM ticket_event WHERE id > ? OR at >= ? ORDER BY id")) {
                ps.setLong(1, lastEventId);
                Sql.setInstant(ps, 2, db.clock().instant().minusSeconds(10));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        max = Math.max(max, rs.getLong(1));
                        ids.add(rs.getLong(2));
                    }
                }
            }
            return new Changes(max, ids);
        });
    }

    public long lastEventId() {
        return db.tx(c -> {
            db.flushPending();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(id) FROM ticket_event")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public List<TicketEvent> history(Agent reader, long id) {
        return db.tx(c -> {
            AccessPolicy.requireRead(reader, tickets.load(c, id));
            db.flushPending();
            return history(c, id);
        });
    }

    /** Appends a history entry (also the change feed other desktops follow), within the caller's transaction. */
    public void event(Tx tx, long ticketId, Agent actor, EventKind kind, String detail) {
        tx.run(c -> event(c, ticketId, actor, kind, detail));
    }

    /**
     * Appends a history entry (also the change feed other desktops poll). It is queued, and the transaction's entries
     * go to the database together, in one batch, before it commits or reads the history (issue 17: the mail intake
     * writes one or two for every message of a group, each a round trip of its own before).
     */
    void event(Connection c, long ticketId, Agent actor, EventKind kind, String detail) throws SQLException {
        Row row = new Row(ticketId, db.clock().instant(), actor == null || actor == AccessPolicy.NOBODY ? null : actor.id(),
                kind.name(), Sql.truncate(detail, 4000));
        Queued queued = db.inTransaction() ? (Queued) db.txCache().computeIfAbsent(Queued.class, k -> new Queued(c)) : null;
        if (queued != null && queued.c == c) {
            queued.rows.add(row);
            return;
        }
        Queued now = new Queued(c); // not on the transaction's connection: nothing would send it later
        now.rows.add(row);
        now.flush();
    }

    /** One history entry on its way to the database. */
    private record Row(long ticketId, Instant at, Long agentId, String kind, String detail) {
    }

    /** The entries a transaction queued (see {@link #event(Connection, long, Agent, EventKind, String)}). */
    private static final class Queued implements Database.Pending {
        final Connection c;
        final List<Row> rows = new ArrayList<>();

        Queued(Connection c) {
            this.c = c;
        }

        @Override
        public void flush() throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ticket_event (ticket_id, at, agent_id, kind, detail) VALUES (?,?,?,?,?)")) {
                for (Row r : rows) {
                    ps.setLong(1, r.ticketId());
                    Sql.setInstant(ps, 2, r.at());
                    Sql.setLong(ps, 3, r.agentId());
                    ps.setString(4, r.kind());
                    ps.setString(5, r.detail());
                    ps.addBatch();
                }
                rows.clear();
                ps.executeBatch();
            }
        }
    }

    /** A ticket's history as stored; the caller first sends what its transaction queued ({@link Database#flushPending}). */
    static List<TicketEvent> history(Connection c, long id) throws SQLException {
        List<TicketEvent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.id, e.ticket_id, e.at, e.agent_id, a.display_name, e.kind,"
                + " e.detail FROM ticket_event e LEFT JOIN agent a ON a.id = e.agent_id WHERE e.ticket_id = ? ORDER BY e.id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TicketEvent(rs.getLong(1), rs.getLong(2), Sql.instant(rs, 3), Sql.longOrNull(rs, "agent_id"),
                            rs.getString(5), EventKind.valueOf(rs.getString(6)), rs.getString(7)));
                }
            }
        }
        return out;
    }
}
