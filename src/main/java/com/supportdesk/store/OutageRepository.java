package com.supportdesk.store;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Outages of the service: start, end, description, whether it was scheduled maintenance, the customer it
 * affected (null: every customer) and the S1 tickets raised about it. Availability is computed from these
 * by {@code report.Availability}.
 */
public final class OutageRepository {

    /** A recorded outage; {@code ticketRefs} are the linked S1 tickets, by ref only. */
    public record Outage(long id, Long customerId, String customerName, Instant start, Instant end,
                         String description, boolean scheduled, List<String> ticketRefs) {

        public Outage {
            ticketRefs = List.copyOf(ticketRefs);
        }

        public Duration duration() {
            return Duration.between(start, end);
        }

        Outage withTicketRefs(List<String> refs) {
            return new Outage(id, customerId, customerName, start, end, description, scheduled, refs);
        }

        /** True when the outage applies to every customer. */
        public boolean allCustomers() {
            return customerId == null;
        }
    }

    /** What is needed to record an outage. {@code customerId} null means every customer. */
    public record NewOutage(Instant start, Instant end, String description, boolean scheduled, Long customerId,
                            List<Long> ticketIds) {

        public NewOutage {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            ticketIds = ticketIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(ticketIds));
        }
    }

    private static final String SELECT = "SELECT o.id, o.customer_id, cu.name AS customer_name, o.started, o.ended,"
            + " o.description, o.scheduled FROM outage o LEFT JOIN customer cu ON cu.id = o.customer_id";

    /** The business calendar's range (with a day's margin for any calendar zone). */
    private static final Instant EARLIEST = Instant.parse("2000-01-02T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2099-12-31T00:00:00Z");

    private final Database db;

    public OutageRepository(Database db) {
        this.db = db;
    }

    /** Records an outage (team leads and admins only); linked tickets must exist and be Severity 1. */
    public Outage add(Agent actor, NewOutage n) {
        TrainingRepository.requireLeadOrAdmin(actor, "record outages");
        if (!n.end().isAfter(n.start())) {
            throw new StoreException.Invalid("An outage must end after it starts.");
        }
        if (n.start().isBefore(EARLIEST) || !n.end().isBefore(LATEST)) {
            throw new StoreException.Invalid("Outages are recorded between 2000 and 2099.");
        }
        String d = n.description() == null ? "" : n.description().strip();
        if (d.isEmpty()) {
            throw new StoreException.Invalid("An outage needs a description.");
        }
        if (d.length() > 4000) {
            throw new StoreException.Invalid("The description is longer than 4000 characters.");
        }
        return db.tx(c -> {
            if (n.customerId() != null) {
                TrainingRepository.requireCustomer(c, n.customerId());
            }
            for (long ticketId : n.ticketIds()) {
                requireS1(c, ticketId);
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outage (customer_id, started, ended, description,"
                    + " scheduled, created_at) VALUES (?,?,?,?,?,?)", Sql.ID)) {
                Sql.setLong(ps, 1, n.customerId());
                Sql.setInstant(ps, 2, n.start());
                Sql.setInstant(ps, 3, n.end());
                ps.setString(4, d);
                ps.setBoolean(5, n.scheduled());
                Sql.setInstant(ps, 6, db.clock().instant());
                ps.executeUpdate();
                id = Sql.generatedId(ps);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outage_ticket (outage_id, ticket_id) VALUES (?,?)")) {
                for (long ticketId : n.ticketIds()) {
                    ps.setLong(1, id);
                    ps.setLong(2, ticketId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return read(c, actor, " WHERE o.id = ?", List.of(id), null).get(0);
        });
    }

    /** Every outage, oldest first. */
    public List<Outage> list(Agent reader) {
        return db.tx(c -> read(c, reader, " ORDER BY o.started, o.id", List.of(), null));
    }

    /**
     * Outages overlapping {@code [from, to)} that affected the customer: those recorded for it and those for
     * every customer. Linked tickets are limited to the customer's own, so one customer's report never names
     * another customer's tickets. An Official Sensitive ticket is linked for a cleared reader only (which customer
     * it belongs to is itself sensitive).
     */
    public List<Outage> affecting(Agent reader, long customerId, Instant from, Instant to) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE (o.customer_id IS NULL OR o.customer_id = ?)"
                    + " AND o.started < ? AND o.ended > ? ORDER BY o.started, o.id")) {
                ps.setLong(1, customerId);
                Sql.setInstant(ps, 2, to);
                Sql.setInstant(ps, 3, from);
                return map(c, ps, reader, customerId);
            }
        });
    }

    /** Deletes an outage recorded in error (team leads and admins only). */
    public void delete(Agent actor, long outageId) {
        TrainingRepository.requireLeadOrAdmin(actor, "delete outages");
        db.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outage_ticket WHERE outage_id = ?")) {
                ps.setLong(1, outageId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outage WHERE id = ?")) {
                ps.setLong(1, outageId);
                if (ps.executeUpdate() == 0) {
                    throw new StoreException.NotFound("No outage with id " + outageId + ".");
                }
            }
        });
    }

    private static void requireS1(Connection c, long ticketId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT severity FROM ticket WHERE id = ?")) {
            ps.setLong(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException.NotFound("There is no ticket " + Ticket.ref(ticketId) + ".");
                }
                Severity s = Severity.of(rs.getInt(1));
                if (s != Severity.S1) {
                    throw new StoreException.Invalid(Ticket.ref(ticketId) + " is " + s.label()
                            + "; only Severity 1 incidents are linked to outages.");
                }
            }
        }
    }

    private List<Outage> read(Connection c, Agent reader, String where, List<Long> params, Long linkedCustomer)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setLong(i + 1, params.get(i));
            }
            return map(c, ps, reader, linkedCustomer);
        }
    }

    private static List<Outage> map(Connection c, PreparedStatement ps, Agent reader, Long linkedCustomer)
            throws SQLException {
        List<Outage> bare = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                bare.add(new Outage(rs.getLong("id"), Sql.longOrNull(rs, "customer_id"), rs.getString("customer_name"),
                        Sql.instant(rs, "started"), Sql.instant(rs, "ended"), rs.getString("description"),
                        rs.getBoolean("scheduled"), List.of()));
            }
        }
        List<Outage> out = new ArrayList<>(bare.size());
        for (Outage o : bare) {
            out.add(o.withTicketRefs(linkedRefs(c, o.id(), reader != null && reader.cleared(), linkedCustomer)));
        }
        return out;
    }

    private static List<String> linkedRefs(Connection c, long outageId, boolean cleared, Long customerId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ot.ticket_id FROM outage_ticket ot JOIN ticket t"
                + " ON t.id = ot.ticket_id WHERE ot.outage_id = ? AND (? OR t.classification <> 'OFFICIAL_SENSITIVE')"
                + (customerId == null ? "" : " AND t.customer_id = ?") + " ORDER BY ot.ticket_id")) {
            ps.setLong(1, outageId);
            ps.setBoolean(2, cleared);
            if (customerId != null) {
                ps.setLong(3, customerId);
            }
            Set<String> refs = new LinkedHashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    refs.add(Ticket.ref(rs.getLong(1)));
                }
            }
            return List.copyOf(refs);
        }
    }
}
