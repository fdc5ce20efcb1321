package com.supportdesk.store;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Customer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Training and adoption sessions per customer, against the number in the customer's contract. A session
 * counts as delivered once its date is on or before the day asked about; later ones are planned.
 */
public final class TrainingRepository {

    /** One session: when, what, who attended (comma-separated names) and who ran it. */
    public record Session(long id, long customerId, LocalDate heldOn, String topic, String attendees,
                          String deliveredBy) {
    }

    /**
     * Contracted vs delivered as of a day.
     *
     * @param remaining contracted minus delivered, never below zero
     * @param planned sessions dated after the day (booked, not yet delivered)
     */
    public record Summary(int contracted, int delivered, int remaining, int planned) {
    }

    private static final String COLS = "id, customer_id, held_on, topic, attendees, delivered_by";

    private final Database db;

    public TrainingRepository(Database db) {
        this.db = db;
    }

    /** Records a session (team leads and admins only). */
    public Session add(Agent actor, long customerId, LocalDate heldOn, String topic, String attendees,
                       String deliveredBy) {
        requireLeadOrAdmin(actor, "record training sessions");
        if (heldOn == null) {
            throw new StoreException.Invalid("A training session needs a date.");
        }
        String t = topic == null ? "" : topic.strip();
        if (t.isEmpty()) {
            throw new StoreException.Invalid("A training session needs a topic.");
        }
        if (t.length() > 1000) {
            throw new StoreException.Invalid("The topic is longer than 1000 characters.");
        }
        String people = normaliseAttendees(attendees);
        String by = deliveredBy == null || deliveredBy.isBlank() ? null : deliveredBy.strip();
        return db.tx(c -> {
            requireCustomer(c, customerId);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO training_session (customer_id, held_on, topic,"
                    + " attendees, delivered_by, created_at) VALUES (?,?,?,?,?,?)", Sql.ID)) {
                ps.setLong(1, customerId);
                Sql.setDate(ps, 2, heldOn);
                ps.setString(3, t);
                ps.setString(4, people);
                ps.setString(5, by);
                Sql.setInstant(ps, 6, db.clock().instant());
                ps.executeUpdate();
                return new Session(Sql.generatedId(ps), customerId, heldOn, t, people, by);
            }
        });
    }

    /** Every session of the customer, oldest first. */
    public List<Session> list(long customerId) {
        return query(" WHERE customer_id = ? ORDER BY held_on, id", customerId, null, null);
    }

    /** The customer's sessions held in {@code [from, toExclusive)}, oldest first. */
    public List<Session> between(long customerId, LocalDate from, LocalDate toExclusive) {
        return query(" WHERE customer_id = ? AND held_on >= ? AND held_on < ? ORDER BY held_on, id", customerId, from,
                toExclusive);
    }

    /** Deletes a session recorded in error (team leads and admins only). */
    public void delete(Agent actor, long sessionId) {
        requireLeadOrAdmin(actor, "delete training sessions");
        db.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM training_session WHERE id = ?")) {
                ps.setLong(1, sessionId);
                if (ps.executeUpdate() == 0) {
                    throw new StoreException.NotFound("No training session with id " + sessionId + ".");
                }
            }
        });
    }

    /** Contracted, delivered (held on or before {@code asOf}), remaining and planned sessions of the customer. */
    public Summary summary(long customerId, LocalDate asOf) {
        return db.tx(c -> {
            Customer customer = requireCustomer(c, customerId);
            int delivered = 0;
            int planned = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT SUM(CASE WHEN held_on <= ? THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN held_on > ? THEN 1 ELSE 0 END) FROM training_session WHERE customer_id = ?")) {
                Sql.setDate(ps, 1, asOf);
                Sql.setDate(ps, 2, asOf);
                ps.setLong(3, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        delivered = rs.getInt(1);
                        planned = rs.getInt(2);
                    }
                }
            }
            int contracted = customer.trainingSessionsContracted();
            return new Summary(contracted, delivered, Math.max(0, contracted - delivered), planned);
        });
    }

    private List<Session> query(String where, long customerId, LocalDate from, LocalDate to) {
        return db.tx(c -> {
            List<Session> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLS + " FROM training_session" + where)) {
                ps.setLong(1, customerId);
                if (from != null) {
                    Sql.setDate(ps, 2, from);
                    Sql.setDate(ps, 3, to);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Session(rs.getLong("id"), rs.getLong("customer_id"), Sql.date(rs, "held_on"),
                                rs.getString("topic"), rs.getString("attendees"), rs.getString("delivered_by")));
                    }
                }
            }
            return out;
        });
    }

    /** "Ann ,Bob;; Cy" becomes "Ann, Bob, Cy"; nothing becomes null. */
    static String normaliseAttendees(String attendees) {
        if (attendees == null) {
            return null;
        }
        String joined = Arrays.stream(attendees.split("[,;\\n]")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(", "));
        if (joined.length() > 4000) {
            throw new StoreException.Invalid("The attendee list is longer than 4000 characters.");
        }
        return joined.isEmpty() ? null : joined;
    }

    static Customer requireCustomer(Connection c, long customerId) throws SQLException {
        return CustomerRepository.byId(c, customerId)
                .orElseThrow(() -> new StoreException.NotFound("No customer with id " + customerId + "."));
    }

    /** Team leads and admins (active, signed in) may change training and outage records. */
    static void requireLeadOrAdmin(Agent actor, String what) {
        if (actor == null || actor == AccessPolicy.NOBODY || !actor.active() || !(actor.lead() || actor.admin())) {
            String who = actor == null || actor == AccessPolicy.NOBODY ? "Nobody is signed in" : actor.username()
                    + " is not a team lead or admin";
            throw new StoreException.AccessDenied(who + ": only team leads and admins may " + what + ".");
        }
    }
}
