package com.supportdesk.store;

import com.supportdesk.domain.Agent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The access audit: every read of Official Sensitive content — who, when, which ticket, which view. */
public final class AuditRepository {

    public record AuditEntry(long id, Instant at, long agentId, String agentName, long ticketId, String ref,
                             String view) {
    }

    private final Database db;

    public AuditRepository(Database db) {
        this.db = db;
    }

    void record(Connection c, Agent reader, long ticketId, String view) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO access_audit (at, agent_id, ticket_id, view_name) VALUES (?,?,?,?)")) {
            Sql.setInstant(ps, 1, db.clock().instant());
            ps.setLong(2, reader.id());
            ps.setLong(3, ticketId);
            ps.setString(4, view);
            ps.executeUpdate();
        }
    }

    /** Records a read done outside the store (e.g. an attachment saved to disk by the UI). */
    public void record(Agent reader, long ticketId, String view) {
        db.run(c -> record(c, reader, ticketId, view));
    }

    /** The audit between two instants, newest first. Only cleared leads may browse it. */
    public List<AuditEntry> list(Agent actor, Instant from, Instant to) {
        if (actor == null || !actor.cleared() || !actor.lead()) {
            throw new StoreException.AccessDenied("Only cleared team leads may browse the access audit.");
        }
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT au.id, au.at, au.agent_id, a.display_name, au.ticket_id,"
                    + " au.view_name FROM access_audit au JOIN agent a ON a.id = au.agent_id"
                    + " WHERE au.at >= ? AND au.at < ? ORDER BY au.id DESC")) {
                Sql.setInstant(ps, 1, from);
                Sql.setInstant(ps, 2, to);
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long tid = rs.getLong(5);
                        out.add(new AuditEntry(rs.getLong(1), Sql.instant(rs, 2), rs.getLong(3), rs.getString(4), tid,
                                com.supportdesk.domain.Ticket.ref(tid), rs.getString(6)));
                    }
                }
                return out;
            }
        });
    }
}
