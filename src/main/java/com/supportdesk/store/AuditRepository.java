package com.supportdesk.store;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The access audit: every read of Official Sensitive content — who, when, which ticket (or quarantined
 * message), which view — recorded in the reading transaction, before the content leaves the store. On the
 * embedded database this class writes the rows; on a team database the database writes them itself
 * ({@code sd.audit_read}: its views show sensitive content only in a transaction holding such a row), and this
 * class only asks it to.
 */
public final class AuditRepository {

    public record AuditEntry(long id, Instant at, long agentId, String agentName, Long ticketId, String ref,
                             String view) {
    }

    private final Database db;

    public AuditRepository(Database db) {
        this.db = db;
    }

    /** Records a cleared reader's read of these sensitive tickets, within the caller's transaction. */
    void readSensitive(Connection c, Agent reader, Collection<Long> ticketIds, String view) throws SQLException {
        if (ticketIds.isEmpty()) {
            return;
        }
        if (db.postgres()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT sd.audit_read(?, ?)")) {
                ps.setArray(1, c.createArrayOf("bigint", ticketIds.toArray()));
                ps.setString(2, view);
                ps.executeQuery().close();
            }
            return;
        }
        Set<Long> done = db.auditedInTransaction();
        List<Long> fresh = ticketIds.stream().filter(done::add).toList();
        if (fresh.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO access_audit (at, agent_id, ticket_id, view_name) VALUES (?,?,?,?)")) {
            for (long id : fresh) {
                Sql.setInstant(ps, 1, db.clock().instant());
                ps.setLong(2, reader.id());
                ps.setLong(3, id);
                ps.setString(4, view);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    void record(Connection c, Agent reader, long ticketId, String view) throws SQLException {
        readSensitive(c, reader, List.of(ticketId), view);
    }

    /** Records a read done outside the store's own reads (e.g. what a report describes). */
    public void record(Agent reader, long ticketId, String view) {
        db.run(c -> record(c, reader, ticketId, view));
    }

    /** Records a cleared admin's read of a quarantined message marked OFFICIAL-SENSITIVE. */
    void readQuarantined(Connection c, Agent reader, long quarantineId, String view) throws SQLException {
        if (db.postgres()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT sd.audit_quarantine_read(?, ?)")) {
                ps.setLong(1, quarantineId);
                ps.setString(2, view);
                ps.executeQuery().close();
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO access_audit (at, agent_id, quarantine_id, view_name) VALUES (?,?,?,?)")) {
            Sql.setInstant(ps, 1, db.clock().instant());
            ps.setLong(2, reader.id());
            ps.setLong(3, quarantineId);
            ps.setString(4, view);
            ps.executeUpdate();
        }
    }

    /** Team database: the sensitive tickets whose subject or customer matches (audited by the database). */
    Long[] searchSensitive(Connection c, String likePattern, int limit, String view) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sd.search_sensitive(?, ?, ?)")) {
            ps.setString(1, likePattern);
            ps.setInt(2, limit);
            ps.setString(3, view);
            return ids(ps);
        }
    }

    /** Team database: the sensitive tickets of a customer (and/or contact) received in a range, audited. */
    Long[] sensitiveFor(Connection c, Long customerId, Long contactId, Instant from, Instant to, String view)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sd.sensitive_for(?, ?, ?, ?, ?)")) {
            Sql.setLong(ps, 1, customerId);
            Sql.setLong(ps, 2, contactId);
            Sql.setInstant(ps, 3, from);
            Sql.setInstant(ps, 4, to);
            ps.setString(5, view);
            return ids(ps);
        }
    }

    private static Long[] ids(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            Array a = rs.getArray(1);
            return a == null ? new Long[0] : (Long[]) a.getArray();
        }
    }

    /** The audit between two instants, newest first. Only cleared team leads may browse it. */
    public List<AuditEntry> list(Agent actor, Instant from, Instant to) {
        if (actor == null || !actor.cleared() || !actor.lead()) {
            throw new StoreException.AccessDenied("Only cleared team leads may browse the access audit.");
        }
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT au.id, au.at, au.agent_id, a.display_name, au.ticket_id,"
                    + " au.view_name, au.quarantine_id FROM access_audit au JOIN agent a ON a.id = au.agent_id"
                    + " WHERE au.at >= ? AND au.at < ? ORDER BY au.id DESC")) {
                Sql.setInstant(ps, 1, from);
                Sql.setInstant(ps, 2, to);
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Long tid = Sql.longOrNull(rs, "ticket_id");
                        Long qid = Sql.longOrNull(rs, "quarantine_id");
                        String ref = tid != null ? Ticket.ref(tid) : "quarantined mail " + qid;
                        out.add(new AuditEntry(rs.getLong(1), Sql.instant(rs, 2), rs.getLong(3), rs.getString(4), tid,
                                ref, rs.getString(6)));
                    }
                }
                return out;
            }
        });
    }
}
