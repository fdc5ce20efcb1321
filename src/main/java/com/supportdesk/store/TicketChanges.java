package com.supportdesk.store;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.Direction;
import com.supportdesk.domain.EventKind;
import com.supportdesk.domain.MessageKind;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.sla.ResponseClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every change of a ticket. A change takes the version the agent loaded (optimistic locking: a stale save fails
 * with who changed it and when), is judged by the agent's rights as they are now and by {@link TicketRules},
 * and appends to the ticket's history in the same transaction. Official Sensitive tickets are redirected to a
 * cleared agent here (docs/access-model.md).
 */
public final class TicketChanges {

    private static final Logger LOG = LoggerFactory.getLogger(TicketChanges.class);
    private static final String OPEN_STATUSES = "('NEW', 'OPEN', 'WAITING_ON_CUSTOMER')";

    private final Database db;
    private final PolicyRepository policy;
    private final TicketRepository tickets;
    private final TicketHistory history;
    private final Conversation conversation;
    private final ZoneId displayZone;

    TicketChanges(Database db, PolicyRepository policy, TicketRepository tickets, TicketHistory history,
                  Conversation conversation, ZoneId displayZone) {
        this.db = db;
        this.policy = policy;
        this.tickets = tickets;
        this.history = history;
        this.conversation = conversation;
        this.displayZone = displayZone;
    }

    /**
     * Opens a ticket. The deadline comes from the policy version in force at {@code received}. A sensitive
     * ticket that arrives unassigned or assigned to an uncleared agent is redirected to a cleared agent.
     *
     * @param actor the agent opening it, or null for the system (mail intake, monitoring scripts)
     */
    public Ticket create(Agent actor, NewTicket n) {
        if (actor == AccessPolicy.NOBODY) {
            actor = null;
        }
        Agent creator = actor;
        return db.tx(c -> {
            long id = insert(c, creator, n);
            return tickets.read(c, creator == null ? AccessPolicy.NOBODY : creator, id, TicketRepository.VIEW_TICKET);
        });
    }

    /** Inserts within the caller's transaction and returns the new id. */
    long insert(Connection c, Agent actor, NewTicket n) throws SQLException {
        return insert(c, actor, n, null).ticketId();
    }

    /** A new ticket's id and its first e-mail's (0 when it was opened without one). */
    public record Opened(long ticketId, long messageId) {
    }

    /**
     * Opens a ticket with its first entry, an inbound e-mail with its raw source, within the caller's transaction. On
     * a team database both go in one statement (issue 17: a round trip less for every new ticket the intake opens);
     * embedded, one after the other.
     */
    public Opened insertWithMail(Tx tx, Agent actor, NewTicket n, Conversation.NewMessage first,
                                 Conversation.RawMail raw) {
        return tx.sql(c -> insert(c, actor, n, new FirstMail(first, Objects.requireNonNull(raw))));
    }

    private record FirstMail(Conversation.NewMessage message, Conversation.RawMail raw) {
    }

    private static final String INSERT_TICKET = "INSERT INTO ticket (subject, customer_id, contact_id, severity,"
            + " support_level, status, classification, channel, received, deadline, assignee_id, needs_triage,"
            + " created_at, updated_at, updated_by, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)";

    /** The ticket's id and, with {@code first}, its first entry's id. */
    private Opened insert(Connection c, Agent actor, NewTicket n, FirstMail first) throws SQLException {
        ResponseClock clock = policy.clock(c);
        Instant deadline = clock.deadline(n.severity(), n.received());
        Instant now = db.clock().instant();
        if (n.assigneeId() != null) {
            Agent assignee = AgentRepository.byId(c, n.assigneeId())
                    .orElseThrow(() -> new StoreException.NotFound("No agent with id " + n.assigneeId() + "."));
            if (!assignee.active()) {
                throw new StoreException.Invalid(assignee.displayName() + " is not active.");
            }
        }
        long id;
        long firstId = 0;
        boolean together = first != null && db.postgres();
        try (PreparedStatement ps = together
                ? c.prepareStatement("WITH t AS (" + INSERT_TICKET + " RETURNING id) "
                        + Conversation.insertForNewTicket("t", true))
                : c.prepareStatement(INSERT_TICKET, Sql.ID)) {
            ps.setString(1, Sql.truncate(n.subject(), 1000));
            Sql.setLong(ps, 2, n.customerId());
            Sql.setLong(ps, 3, n.contactId());
            ps.setInt(4, n.severity().number());
            ps.setInt(5, n.level().number());
            ps.setString(6, TicketStatus.NEW.name());
            ps.setString(7, n.classification().name());
            ps.setString(8, n.channel().name());
            Sql.setInstant(ps, 9, n.received());
            Sql.setInstant(ps, 10, deadline);
            Sql.setLong(ps, 11, n.assigneeId());
            ps.setBoolean(12, n.needsTriage());
            Sql.setInstant(ps, 13, now);
            Sql.setInstant(ps, 14, now);
            Sql.setLong(ps, 15, actor == null ? null : actor.id());
            if (together) {
                conversation.bind(ps, 16, first.message(), first.raw());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                    firstId = rs.getLong(2);
                }
            } else {
                ps.executeUpdate();
                id = Sql.generatedId(ps);
            }
        }
        if (first != null && !together) {
            firstId = conversation.addInboundMail(c, id, first.message(), first.raw());
        }
        history.event(c, id, actor, EventKind.CREATED, "Opened by " + who(actor) + " via " + n.channel().name().toLowerCase(Locale.ROOT)
                + "; " + n.severity().label() + ", response due " + DateTimeFormatter.ISO_INSTANT.format(deadline)
                + (n.needsTriage() ? "; needs triage" : ""));
        if (n.body() != null && !n.body().isBlank()) {
            conversation.addMessage(c, id, new Conversation.NewMessage(MessageKind.REQUEST, Direction.IN, null, null, null, null, null, n.subject(),
                    n.received(), n.body(), actor == null ? null : actor.id()));
        }
        if (n.classification().isSensitive()) {
            redirectIfNeeded(c, actor, id, "arrived marked OFFICIAL-SENSITIVE");
        }
        if (first == null) { // the intake logs the tickets it opens itself, with the message's UID
            LOG.info("Created {} ({}, {})", Ticket.ref(id), n.severity(), n.channel());
        }
        return new Opened(id, firstId);
    }

    /** Inserts within the caller's transaction and returns the new id. */
    public long insert(Tx tx, Agent actor, NewTicket n) {
        return tx.sql(c -> insert(c, actor, n));
    }

    public Ticket assign(Agent actor, long id, int version, Long assigneeId) {
        return change(actor, id, version, (c, t) -> {
            Agent assignee = null;
            if (assigneeId != null) {
                assignee = AgentRepository.byId(c, assigneeId)
                        .orElseThrow(() -> new StoreException.NotFound("No agent with id " + assigneeId + "."));
                if (!assignee.active()) {
                    throw new StoreException.Invalid(assignee.displayName() + " is not active.");
                }
                if (t.sensitive() && !assignee.cleared()) {
                    throw new StoreException.AccessDenied(t.ref() + " is Official Sensitive; " + assignee.displayName()
                            + " has no security clearance and cannot be assigned it.");
                }
            }
            set(c, id, "assignee_id = ?, needs_cleared_agent = FALSE", ps -> Sql.setLong(ps, 1, assigneeId));
            history.event(c, id, actor, EventKind.ASSIGNED, assignee == null ? "Unassigned"
                    : "Assigned to " + assignee.displayName() + " by " + who(actor));
        });
    }

    /** Triage: recomputes the deadline from received with the new target, recorded in history. */
    public Ticket changeSeverity(Agent actor, long id, int version, Severity severity) {
        return change(actor, id, version, (c, t) -> {
            Instant deadline = policy.clock(c).deadline(severity, t.received());
            set(c, id, "severity = ?, deadline = ?, needs_triage = FALSE", ps -> {
                ps.setInt(1, severity.number());
                Sql.setInstant(ps, 2, deadline);
            });
            history.event(c, id, actor, EventKind.SEVERITY_CHANGED, t.severity().label() + " \u2192 " + severity.label()
                    + "; response due " + DateTimeFormatter.ISO_INSTANT.format(deadline) + " (was "
                    + DateTimeFormatter.ISO_INSTANT.format(t.deadline()) + ")");
        });
    }

    /**
     * Changes the support level. Going up needs a reason; going to level 3 also needs the complete steps
     * to reproduce and the isolation done (second level's duties), which are added to the conversation
     * for third level to read.
     */
    public Ticket changeLevel(Agent actor, long id, int version, SupportLevel level, String reason,
                              String stepsToReproduce, String isolation) {
        return change(actor, id, version, (c, t) -> {
            boolean up = level.number() > t.level().number();
            if (up && (reason == null || reason.isBlank())) {
                throw new StoreException.Invalid("Give a reason for escalating " + t.ref() + " to " + level.label() + ".");
            }
            boolean toThirdLevel = level.needsReproductionFrom(t.level()); // the same rule the level form shows
            if (toThirdLevel && (stepsToReproduce == null || stepsToReproduce.isBlank()
                    || isolation == null || isolation.isBlank())) {
                throw new StoreException.Invalid("Escalating to level 3 needs the complete steps to reproduce the"
                        + " problem and the isolation done at level 2.");
            }
            set(c, id, "support_level = ?", ps -> ps.setInt(1, level.number()));
            StringBuilder detail = new StringBuilder(t.level().label() + " \u2192 " + level.label());
            if (reason != null && !reason.isBlank()) {
                detail.append(": ").append(reason.strip());
            }
            history.event(c, id, actor, EventKind.LEVEL_CHANGED, detail.toString());
            if (toThirdLevel) {
                String note = "Escalated to level 3 by " + who(actor) + "\n\nReason: " + reason.strip()
                        + "\n\nSteps to reproduce:\n" + stepsToReproduce.strip() + "\n\nIsolation done:\n" + isolation.strip();
                conversation.addMessage(c, id, new Conversation.NewMessage(MessageKind.NOTE, Direction.INTERNAL, null, null, null, who(actor), null,
                        "Escalation to level 3", db.clock().instant(), note, actor == null ? null : actor.id()));
            }
        });
    }

    public Ticket changeStatus(Agent actor, long id, int version, TicketStatus status) {
        return change(actor, id, version, (c, t) -> {
            if (t.status() == status) {
                return;
            }
            Instant now = db.clock().instant();
            boolean resolving = status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED;
            set(c, id, "status = ?, resolved_at = ?", ps -> {
                ps.setString(1, status.name());
                Sql.setInstant(ps, 2, resolving ? (t.resolvedAt() != null ? t.resolvedAt() : now) : null);
            });
            history.event(c, id, actor, EventKind.STATUS_CHANGED, t.status().label() + " \u2192 " + status.label());
        });
    }

    /**
     * Sets the classification. Anyone may raise a ticket to Official Sensitive (it is then redirected to a
     * cleared agent if needed); only a cleared agent may lower it, with a reason.
     */
    public Ticket classify(Agent actor, long id, int version, Classification classification, String reason) {
        return db.tx(c -> {
            Ticket t = tickets.load(c, id);
            if (t.classification() == classification) {
                return tickets.read(c, actor, id, TicketRepository.VIEW_TICKET);
            }
            boolean lowering = t.sensitive() && !classification.isSensitive();
            if (lowering && (actor == null || !actor.cleared())) {
                throw new StoreException.AccessDenied("Only cleared staff may lower " + t.ref() + " to OFFICIAL.");
            }
            if (lowering && (reason == null || reason.isBlank())) {
                throw new StoreException.Invalid("Give a reason for lowering " + t.ref() + " to OFFICIAL.");
            }
            requireWrite(c, actor, t);
            bump(c, actor, t, version);
            set(c, id, "classification = ?", ps -> ps.setString(1, classification.name()));
            history.event(c, id, actor, EventKind.CLASSIFICATION_CHANGED, t.classification() + " \u2192 " + classification
                    + " by " + who(actor) + (reason == null || reason.isBlank() ? "" : ": " + reason.strip()));
            if (classification.isSensitive()) {
                redirectIfNeeded(c, actor, id, "classified OFFICIAL-SENSITIVE");
            } else {
                set(c, id, "needs_cleared_agent = FALSE", ps -> { });
            }
            return tickets.read(c, actor, id, TicketRepository.VIEW_TICKET);
        });
    }

    /** Adds an internal note: visible to agents only, never customer contact. */
    public Ticket addNote(Agent actor, long id, String text) {
        if (text == null || text.isBlank()) {
            throw new StoreException.Invalid("The note is empty.");
        }
        return db.tx(c -> {
            Ticket t = tickets.load(c, id);
            requireWrite(c, actor, t);
            conversation.addMessage(c, id, new Conversation.NewMessage(MessageKind.NOTE, Direction.INTERNAL, null, null, null, who(actor), null, null,
                    db.clock().instant(), text.strip(), actor == null ? null : actor.id()));
            history.event(c, id, actor, EventKind.NOTE_ADDED, "Internal note by " + who(actor));
            return tickets.read(c, actor, id, TicketRepository.VIEW_TICKET);
        });
    }

    /**
     * Records customer contact at {@code at}. If it is the first contact it stops the response clock and the
     * ticket records which event did so. Returns true when this was the first contact.
     */
    public boolean recordContact(Agent actor, long id, Instant at, ContactEvent what) {
        return db.tx(c -> recordContact(c, actor, id, at, what));
    }

    boolean recordContact(Connection c, Agent actor, long id, Instant at, ContactEvent what) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ticket SET first_contact_at = ?, first_contact_event = ?,"
                + " status = CASE WHEN status = 'NEW' THEN 'OPEN' ELSE status END, version = version + 1, updated_at = ?,"
                + " updated_by = ? WHERE id = ? AND first_contact_at IS NULL")) {
            Sql.setInstant(ps, 1, at);
            ps.setString(2, what.name());
            Sql.setInstant(ps, 3, db.clock().instant());
            Sql.setLong(ps, 4, actor == null ? null : actor.id());
            ps.setLong(5, id);
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        history.event(c, id, actor, EventKind.FIRST_CONTACT, "Response clock stopped by " + describe(what) + " at "
                + DateTimeFormatter.ISO_INSTANT.format(at));
        return true;
    }

    public boolean recordContact(Tx tx, Agent actor, long id, Instant at, ContactEvent what) {
        return tx.sql(c -> recordContact(c, actor, id, at, what));
    }

    private static String describe(ContactEvent e) {
        return switch (e) {
            case EMAIL_REPLY -> "an e-mail reply";
            case PHONE_CALL -> "a phone call";
            case CHAT_REPLY -> "a chat reply";
        };
    }

    /** Reopens a resolved or closed ticket (e.g. the customer wrote again). Returns true if it was reopened. */
    boolean reopen(Connection c, Agent actor, long id, String why) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ticket SET status = 'OPEN', resolved_at = NULL,"
                + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND status IN ('RESOLVED', 'CLOSED')")) {
            Sql.setInstant(ps, 1, db.clock().instant());
            Sql.setLong(ps, 2, actor == null ? null : actor.id());
            ps.setLong(3, id);
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        history.event(c, id, actor, EventKind.REOPENED, why);
        return true;
    }

    /** Reopens a resolved or closed ticket (e.g. the customer wrote again). Returns true if it was reopened. */
    /**
     * Closes a ticket as answered by e-mail at {@code answeredAt} and resolved at {@code resolvedAt}, with its history
     * (for the system: demo and scale data).
     */
    public void closeAnswered(Tx tx, long id, Instant answeredAt, Instant resolvedAt) {
        tx.run(c -> {
            recordContact(c, null, id, answeredAt, ContactEvent.EMAIL_REPLY);
            set(c, id, "status = 'CLOSED', resolved_at = ?", ps -> Sql.setInstant(ps, 1, resolvedAt));
            history.event(c, id, null, EventKind.STATUS_CHANGED, "Closed");
        });
    }

    public boolean reopen(Tx tx, Agent actor, long id, String why) {
        return tx.sql(c -> reopen(c, actor, id, why));
    }

    /**
     * Marks a ticket changed by {@code actor} (version + 1) without changing a field, e.g. after an e-mail reply,
     * so an agent who loaded it before sees "changed by X" instead of answering the same thing twice.
     */
    void touch(Connection c, Agent actor, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE ticket SET version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?")) {
            Sql.setInstant(ps, 1, db.clock().instant());
            Sql.setLong(ps, 2, actor == null || actor == AccessPolicy.NOBODY ? null : actor.id());
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /**
     * Marks a ticket changed by {@code actor} (version + 1) without changing a field, e.g. after an e-mail reply,
     * so an agent who loaded it before sees "changed by X" instead of answering the same thing twice.
     */
    public void touch(Tx tx, Agent actor, long id) {
        tx.run(c -> touch(c, actor, id));
    }

    /**
     * Recomputes stored deadlines for tickets received at or after {@code from} under the current policy,
     * recording every change.
     */
    void recomputeDeadlines(Connection c, Agent actor, Instant from, ResponseClock clock) throws SQLException {
        for (Ticket t : tickets.receivedSince(c, from)) {
            Instant d = clock.deadline(t.severity(), t.received());
            if (!d.equals(t.deadline())) {
                set(c, t.id(), "deadline = ?", ps -> Sql.setInstant(ps, 1, d));
                history.event(c, t.id(), actor, EventKind.DEADLINE_RECOMPUTED, "Policy changed: response due "
                        + DateTimeFormatter.ISO_INSTANT.format(d) + " (was " + DateTimeFormatter.ISO_INSTANT.format(t.deadline()) + ")");
            }
        }
    }

    @FunctionalInterface
    private interface Mutation {
        void apply(Connection c, Ticket current) throws SQLException;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private Ticket change(Agent actor, long id, int version, Mutation mutation) {
        return db.tx(c -> {
            Ticket t = tickets.load(c, id);
            requireWrite(c, actor, t);
            bump(c, actor, t, version);
            mutation.apply(c, t);
            return tickets.read(c, actor, id, TicketRepository.VIEW_TICKET);
        });
    }

    /**
     * Refuses a change the agent may not make, judged by the agent's rights as they are now in the database (not as
     * they were at sign-in: a revoked clearance or a deactivation applies to the very next change).
     */
    void requireWrite(Connection c, Agent actor, Ticket t) throws SQLException {
        Agent now = actor;
        if (actor != null && actor != AccessPolicy.NOBODY && actor.id() > 0) {
            now = AgentRepository.byId(c, actor.id()).orElseThrow(() ->
                    new StoreException.AccessDenied("The account '" + actor.username() + "' no longer exists."));
        }
        AccessPolicy.requireWrite(now, t);
    }

    /**
     * Refuses a change the agent may not make, judged by the agent's rights as they are now in the database (not as
     * they were at sign-in: a revoked clearance or a deactivation applies to the very next change).
     */
    public void requireWrite(Tx tx, Agent actor, Ticket t) {
        tx.run(c -> requireWrite(c, actor, t));
    }

    /** Claims the ticket at the version the agent loaded; fails with who changed it and when otherwise. */
    private void bump(Connection c, Agent actor, Ticket t, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE ticket SET version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?")) {
            Sql.setInstant(ps, 1, db.clock().instant());
            Sql.setLong(ps, 2, actor == null ? null : actor.id());
            ps.setLong(3, t.id());
            ps.setInt(4, version);
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        throw stale(t);
    }

    /**
     * Fails, as a stale save does, when the ticket is no longer at the version the agent loaded (e.g. before
     * sending an e-mail reply that cannot be taken back).
     */
    public void requireVersion(Ticket t, int version) {
        if (t.version() != version) {
            throw stale(t);
        }
    }

    private StoreException.ConcurrentChange stale(Ticket t) {
        String by = t.updatedByName() != null ? t.updatedByName() : "the mail intake";
        String at = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.UK).withZone(displayZone).format(t.updatedAt());
        return new StoreException.ConcurrentChange(t.ref() + " was changed by " + by + " at " + at + "; reload");
    }

    private static void set(Connection c, long id, String assignments, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ticket SET " + assignments + " WHERE id = ?")) {
            binder.bind(ps);
            ps.setLong(ps.getParameterMetaData().getParameterCount(), id);
            ps.executeUpdate();
        }
    }

    /**
     * Sensitive tickets go to cleared staff: if unassigned or assigned to an uncleared agent, the least-loaded
     * active cleared agent takes it; with nobody cleared it is flagged "needs a cleared agent".
     */
    void redirectIfNeeded(Connection c, Agent actor, long id, String why) throws SQLException {
        Ticket t = tickets.load(c, id);
        if (t.assigneeId() != null) {
            Optional<Agent> current = AgentRepository.byId(c, t.assigneeId());
            if (current.isPresent() && current.get().cleared() && current.get().active()) {
                return;
            }
        }
        Map<Long, Integer> load = TicketRepository.openLoad(c);
        Agent best = null;
        int bestLoad = Integer.MAX_VALUE;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, username, display_name,"
                + " clearance, support_level, is_lead, is_admin, active FROM agent WHERE clearance = 'CLEARED' AND active = TRUE"
                + " ORDER BY id")) {
            while (rs.next()) {
                Agent a = AgentRepository.map(rs);
                int l = load.getOrDefault(a.id(), 0);
                if (l < bestLoad) {
                    best = a;
                    bestLoad = l;
                }
            }
        }
        String from = t.assigneeName() == null ? "unassigned" : "from " + t.assigneeName() + " (not cleared)";
        if (best == null) {
            set(c, id, "assignee_id = NULL, needs_cleared_agent = TRUE", ps -> { });
            history.event(c, id, actor, EventKind.NEEDS_CLEARED_AGENT, "Official Sensitive (" + why + ") and no cleared agent"
                    + " is available; " + from + " \u2014 needs a cleared agent");
            LOG.warn("{} needs a cleared agent: none is active", t.ref());
            return;
        }
        Agent chosen = best;
        set(c, id, "assignee_id = ?, needs_cleared_agent = FALSE", ps -> ps.setLong(1, chosen.id()));
        history.event(c, id, actor, EventKind.REDIRECTED, "Redirected " + from + " to " + chosen.displayName()
                + " (cleared, least loaded with " + bestLoad + " open) because it " + why);
        LOG.info("{} redirected to cleared agent {}", t.ref(), chosen.username());
    }

    static String who(Agent actor) {
        return actor == null || actor == AccessPolicy.NOBODY ? "Support Desk" : actor.displayName();
    }
}
