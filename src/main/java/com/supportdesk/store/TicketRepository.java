package com.supportdesk.store;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.AttachmentInfo;
import com.supportdesk.domain.CallDirection;
import com.supportdesk.domain.CallRecord;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.Direction;
import com.supportdesk.domain.EventKind;
import com.supportdesk.domain.Message;
import com.supportdesk.domain.MessageKind;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketDetail;
import com.supportdesk.domain.TicketEvent;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.sla.ResponseClock;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tickets, their history and conversation. Every read takes the acting agent and passes each row
 * through {@link AccessPolicy}; every change takes the version the agent loaded (optimistic locking)
 * and appends to the ticket's history. Log lines name tickets by ref only, never by content.
 */
public final class TicketRepository {

    private static final Logger LOG = LoggerFactory.getLogger(TicketRepository.class);

    private static final String COLUMNS = "SELECT t.id, t.subject, t.customer_id, t.contact_id, t.severity,"
            + " t.support_level, t.status, t.classification, t.channel, t.received, t.deadline, t.first_contact_at,"
            + " t.first_contact_event, t.assignee_id, t.needs_triage, t.needs_cleared_agent, t.resolved_at,"
            + " t.updated_at, t.version, cu.name AS customer_name, ct.name AS contact_name, ct.email AS contact_email,"
            + " a.display_name AS assignee_name, u.display_name AS updated_by_name, ";
    private static final String FROM = " FROM ticket t LEFT JOIN customer cu ON cu.id = t.customer_id"
            + " LEFT JOIN contact ct ON ct.id = t.contact_id LEFT JOIN agent a ON a.id = t.assignee_id"
            + " LEFT JOIN agent u ON u.id = t.updated_by";
    /** Sensitive tickets re-read (or audited) at a time, so no statement grows without bound. */
    private static final int CHUNK = 500;

    private static final String OPEN_STATUSES = "('NEW', 'OPEN', 'WAITING_ON_CUSTOMER')";

    /** Names of the views reads are audited under (the access audit's "view" column). */
    public static final String VIEW_TICKET = "ticket";
    public static final String VIEW_BOARD = "board";
    public static final String VIEW_SENSITIVE_BOARD = "official-sensitive";
    public static final String VIEW_SEARCH = "search";
    public static final String VIEW_REPORT = "report";

    /** Ticket ids touched since a point in the change feed. */
    public record Changes(long lastEventId, Set<Long> ticketIds) {
    }

    /** A new conversation entry (used by mail intake, replies, chat logging and notes). */
    public record NewMessage(MessageKind kind, Direction direction, String messageId, String inReplyTo,
                             String references, String from, String to, String subject, Instant at, String body,
                             Long authorAgentId) {
    }

    private final Database db;
    private final PolicyRepository policy;
    private final AuditRepository audit;
    private final ZoneId displayZone;
    /**
     * The ticket query. On a team database the {@code ticket} view itself says whether this session may see a
     * row's content ({@code content_visible}, see db/postgresql/R__access_model.sql); the embedded database
     * stores every row in full and {@link AccessPolicy} filters it here.
     */
    private final String select;

    public TicketRepository(Database db, PolicyRepository policy, AuditRepository audit, ZoneId displayZone) {
        this.db = db;
        this.policy = policy;
        this.audit = audit;
        this.displayZone = displayZone;
        this.select = COLUMNS + (db.postgres() ? "t.content_visible" : "TRUE AS content_visible") + FROM;
    }

    public Database database() {
        return db;
    }

    // ---------------------------------------------------------------- create

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
            return read(c, creator == null ? AccessPolicy.NOBODY : creator, id, VIEW_TICKET);
        });
    }

    /** Inserts within the caller's transaction and returns the new id. */
    public long insert(Connection c, Agent actor, NewTicket n) throws SQLException {
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
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket (subject, customer_id, contact_id, severity,"
                + " support_level, status, classification, channel, received, deadline, assignee_id, needs_triage,"
                + " created_at, updated_at, updated_by, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)",
                Sql.ID)) {
            ps.setString(1, truncate(n.subject(), 1000));
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
            ps.executeUpdate();
            id = Sql.generatedId(ps);
        }
        event(c, id, actor, EventKind.CREATED, "Opened by " + who(actor) + " via " + n.channel().name().toLowerCase(Locale.ROOT)
                + "; " + n.severity().label() + ", response due " + DateTimeFormatter.ISO_INSTANT.format(deadline)
                + (n.needsTriage() ? "; needs triage" : ""));
        if (n.body() != null && !n.body().isBlank()) {
            addMessage(c, id, new NewMessage(MessageKind.REQUEST, Direction.IN, null, null, null, null, null, n.subject(),
                    n.received(), n.body(), actor == null ? null : actor.id()));
        }
        if (n.classification().isSensitive()) {
            redirectIfNeeded(c, actor, id, "arrived marked OFFICIAL-SENSITIVE");
        }
        LOG.info("Created {} ({}, {})", Ticket.ref(id), n.severity(), n.channel());
        return id;
    }

    // ---------------------------------------------------------------- reads

    /** One ticket as the reader may see it (the placeholder when sensitive and the reader is uncleared). */
    public Ticket get(Agent reader, long id) {
        return db.tx(c -> read(c, reader, id, VIEW_TICKET));
    }

    public Optional<Ticket> find(Agent reader, long id) {
        return db.tx(c -> find(c, id).isPresent() ? Optional.of(read(c, reader, id, VIEW_TICKET)) : Optional.empty());
    }

    /**
     * One ticket as the reader may see it, within the caller's transaction (a cleared reader's read of a
     * sensitive ticket is audited under {@code view}).
     */
    public Ticket read(Connection c, Agent reader, long id, String view) throws SQLException {
        List<Ticket> out = new ArrayList<>(1);
        try (PreparedStatement ps = c.prepareStatement(select + " WHERE t.id = ?")) {
            ps.setLong(1, id);
            readInto(c, ps, reader == null ? AccessPolicy.NOBODY : reader, view, out::add);
        }
        if (out.isEmpty()) {
            throw new StoreException.NotFound("There is no ticket " + Ticket.ref(id) + ".");
        }
        return out.get(0);
    }

    /**
     * Opens a ticket: conversation, calls and history. Refused for a sensitive ticket and an uncleared reader;
     * for a cleared reader the read is audited with the view it came from.
     */
    public TicketDetail open(Agent reader, long id, String view) {
        return db.tx(c -> {
            AccessPolicy.requireRead(reader, load(c, id));
            Ticket t = read(c, reader, id, view);
            if (t.redacted()) {
                throw new StoreException.AccessDenied(t.ref() + " is " + Ticket.PLACEHOLDER + ".");
            }
            return new TicketDetail(t, messages(c, id), calls(c, id), history(c, id));
        });
    }

    /** The board: every open ticket plus those resolved since the given instant, in no particular order. */
    public List<Ticket> board(Agent reader, Instant resolvedSince) {
        return board(reader, resolvedSince, VIEW_BOARD);
    }

    private List<Ticket> board(Agent reader, Instant resolvedSince, String view) {
        return db.tx(c -> {
            List<Ticket> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(select + " WHERE t.status IN " + OPEN_STATUSES)) {
                readInto(c, ps, reader, view, out::add);
            }
            try (PreparedStatement ps = c.prepareStatement(select + " WHERE t.resolved_at >= ? AND t.status = 'RESOLVED'")) {
                Sql.setInstant(ps, 1, resolvedSince);
                readInto(c, ps, reader, view, out::add);
            }
            return out;
        });
    }

    /** The Official Sensitive view: the board filtered to sensitive tickets, for cleared staff only. */
    public List<Ticket> sensitiveBoard(Agent reader, Instant resolvedSince) {
        if (reader == null || !reader.cleared()) {
            throw new StoreException.AccessDenied("The Official Sensitive view is for cleared staff only.");
        }
        return board(reader, resolvedSince, VIEW_SENSITIVE_BOARD).stream().filter(Ticket::sensitive).toList();
    }

    /** Tickets by id, as the reader may see them (used to refresh cards after a change). */
    public List<Ticket> byIds(Agent reader, Collection<Long> ids) {
        return byIds(reader, ids, VIEW_BOARD);
    }

    /** As {@link #byIds(Agent, Collection)}, a cleared reader's reads audited under {@code view}. */
    public List<Ticket> byIds(Agent reader, Collection<Long> ids, String view) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.tx(c -> {
            List<Ticket> out = new ArrayList<>();
            List<Long> list = new ArrayList<>(ids);
            for (int from = 0; from < list.size(); from += 500) {
                List<Long> chunk = list.subList(from, Math.min(list.size(), from + 500));
                String in = chunk.stream().map(x -> "?").collect(Collectors.joining(","));
                try (PreparedStatement ps = c.prepareStatement(select + " WHERE t.id IN (" + in + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(i + 1, chunk.get(i));
                    }
                    readInto(c, ps, reader, view, out::add);
                }
            }
            return out;
        });
    }

    /**
     * Search by ref for everyone, and by subject or customer name only among tickets the reader may read:
     * a sensitive ticket can never be found by its content by an uncleared agent.
     */
    public List<Ticket> search(Agent reader, String text, int limit) {
        String q = text == null ? "" : text.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        boolean cleared = reader != null && reader.cleared();
        long ref = Ticket.parseRef(q);
        String p = Sql.likePattern(q);
        return db.tx(c -> {
            List<Ticket> out = new ArrayList<>();
            // On a team database sensitive content is not in the view: cleared staff search it through the
            // database's own audited search, and the matches come back by id.
            Long[] sensitiveMatches = cleared && db.postgres() ? audit.searchSensitive(c, p, limit, VIEW_SEARCH) : new Long[0];
            try (PreparedStatement ps = c.prepareStatement(select + " WHERE t.id = ? OR ((? OR t.classification <> 'OFFICIAL_SENSITIVE')"
                    + " AND (LOWER(t.subject) LIKE ? ESCAPE '\\' OR LOWER(cu.name) LIKE ? ESCAPE '\\'))"
                    + (sensitiveMatches.length > 0 ? " OR t.id IN (" + placeholders(sensitiveMatches.length) + ")" : "")
                    + " ORDER BY t.received DESC")) {
                ps.setMaxRows(limit);
                ps.setLong(1, ref);
                ps.setBoolean(2, cleared);
                ps.setString(3, p);
                ps.setString(4, p);
                for (int i = 0; i < sensitiveMatches.length; i++) {
                    ps.setLong(5 + i, sensitiveMatches[i]);
                }
                readInto(c, ps, reader, VIEW_SEARCH, out::add);
            }
            return out;
        });
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    /**
     * Streams every ticket the reader may see (placeholders for sensitive ones without clearance), oldest
     * first; used by exports. A cleared reader's export of sensitive content is audited.
     */
    public void forEach(Agent reader, String view, Consumer<Ticket> sink) {
        RuntimeException[] sinkFailed = {null};
        db.run(c -> {
            // Read (and audit) a chunk, then hand it on: what leaves the store has been recorded first. If handing
            // it on fails (a full disk), the transaction still commits, so the audit of what was read is kept.
            long after = 0;
            while (true) {
                List<Ticket> chunk = new ArrayList<>(CHUNK);
                try (PreparedStatement ps = c.prepareStatement(select + " WHERE t.id > ? ORDER BY t.id")) {
                    ps.setMaxRows(CHUNK);
                    ps.setLong(1, after);
                    readInto(c, ps, reader, view, chunk::add);
                }
                try {
                    chunk.forEach(sink);
                } catch (RuntimeException e) {
                    sinkFailed[0] = e;
                    return;
                }
                if (chunk.size() < CHUNK) {
                    return;
                }
                after = chunk.get(chunk.size() - 1).id();
            }
        });
        if (sinkFailed[0] != null) {
            throw sinkFailed[0];
        }
    }

    /** Tickets received in [from, to), optionally for one customer (reports). Filtered like every read. */
    public List<Ticket> receivedBetween(Agent reader, Long customerId, Instant from, Instant to) {
        boolean cleared = reader != null && reader.cleared();
        return db.tx(c -> {
            List<Ticket> out = new ArrayList<>();
            // Which customer a sensitive ticket belongs to is content: for one customer, only cleared staff see
            // its sensitive tickets (on a team database, through the database's audited lookup).
            Long[] sensitive = customerId != null && cleared && db.postgres()
                    ? audit.sensitiveFor(c, customerId, null, from, to, VIEW_REPORT) : new Long[0];
            String customerFilter = customerId == null ? ""
                    : " AND ((t.customer_id = ? AND (? OR t.classification <> 'OFFICIAL_SENSITIVE'))"
                    + (sensitive.length > 0 ? " OR t.id IN (" + placeholders(sensitive.length) + ")" : "") + ")";
            try (PreparedStatement ps = c.prepareStatement(select + " WHERE t.received >= ? AND t.received < ?"
                    + customerFilter + " ORDER BY t.received")) {
                Sql.setInstant(ps, 1, from);
                Sql.setInstant(ps, 2, to);
                if (customerId != null) {
                    ps.setLong(3, customerId);
                    ps.setBoolean(4, cleared);
                    for (int i = 0; i < sensitive.length; i++) {
                        ps.setLong(5 + i, sensitive[i]);
                    }
                }
                readInto(c, ps, reader, VIEW_REPORT, out::add);
            }
            return out;
        });
    }

    /** Ticket ids changed since the given feed position, by anyone, in any process sharing the database. */
    public Changes changesSince(long lastEventId) {
        return db.tx(c -> {
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
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(id) FROM ticket_event")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public List<TicketEvent> history(Agent reader, long id) {
        return db.tx(c -> {
            AccessPolicy.requireRead(reader, load(c, id));
            return history(c, id);
        });
    }

    /** Counts of open tickets per assignee (for least-loaded redirection and the lead view). */
    public Map<Long, Integer> openLoad() {
        return db.tx(TicketRepository::openLoad);
    }

    // ---------------------------------------------------------------- changes

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
            event(c, id, actor, EventKind.ASSIGNED, assignee == null ? "Unassigned"
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
            event(c, id, actor, EventKind.SEVERITY_CHANGED, t.severity().label() + " \u2192 " + severity.label()
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
            if (level == SupportLevel.L3 && up && (stepsToReproduce == null || stepsToReproduce.isBlank()
                    || isolation == null || isolation.isBlank())) {
                throw new StoreException.Invalid("Escalating to level 3 needs the complete steps to reproduce the"
                        + " problem and the isolation done at level 2.");
            }
            set(c, id, "support_level = ?", ps -> ps.setInt(1, level.number()));
            StringBuilder detail = new StringBuilder(t.level().label() + " \u2192 " + level.label());
            if (reason != null && !reason.isBlank()) {
                detail.append(": ").append(reason.strip());
            }
            event(c, id, actor, EventKind.LEVEL_CHANGED, detail.toString());
            if (level == SupportLevel.L3 && up) {
                String note = "Escalated to level 3 by " + who(actor) + "\n\nReason: " + reason.strip()
                        + "\n\nSteps to reproduce:\n" + stepsToReproduce.strip() + "\n\nIsolation done:\n" + isolation.strip();
                addMessage(c, id, new NewMessage(MessageKind.NOTE, Direction.INTERNAL, null, null, null, who(actor), null,
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
            event(c, id, actor, EventKind.STATUS_CHANGED, t.status().label() + " \u2192 " + status.label());
        });
    }

    /**
     * Sets the classification. Anyone may raise a ticket to Official Sensitive (it is then redirected to a
     * cleared agent if needed); only a cleared agent may lower it, with a reason.
     */
    public Ticket classify(Agent actor, long id, int version, Classification classification, String reason) {
        return db.tx(c -> {
            Ticket t = load(c, id);
            if (t.classification() == classification) {
                return read(c, actor, id, VIEW_TICKET);
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
            event(c, id, actor, EventKind.CLASSIFICATION_CHANGED, t.classification() + " \u2192 " + classification
                    + " by " + who(actor) + (reason == null || reason.isBlank() ? "" : ": " + reason.strip()));
            if (classification.isSensitive()) {
                redirectIfNeeded(c, actor, id, "classified OFFICIAL-SENSITIVE");
            } else {
                set(c, id, "needs_cleared_agent = FALSE", ps -> { });
            }
            return read(c, actor, id, VIEW_TICKET);
        });
    }

    /** Adds an internal note: visible to agents only, never customer contact. */
    public Ticket addNote(Agent actor, long id, String text) {
        if (text == null || text.isBlank()) {
            throw new StoreException.Invalid("The note is empty.");
        }
        return db.tx(c -> {
            Ticket t = load(c, id);
            requireWrite(c, actor, t);
            addMessage(c, id, new NewMessage(MessageKind.NOTE, Direction.INTERNAL, null, null, null, who(actor), null, null,
                    db.clock().instant(), text.strip(), actor == null ? null : actor.id()));
            event(c, id, actor, EventKind.NOTE_ADDED, "Internal note by " + who(actor));
            return read(c, actor, id, VIEW_TICKET);
        });
    }

    /**
     * Records customer contact at {@code at}. If it is the first contact it stops the response clock and the
     * ticket records which event did so. Returns true when this was the first contact.
     */
    public boolean recordContact(Agent actor, long id, Instant at, ContactEvent what) {
        return db.tx(c -> recordContact(c, actor, id, at, what));
    }

    public boolean recordContact(Connection c, Agent actor, long id, Instant at, ContactEvent what) throws SQLException {
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
        event(c, id, actor, EventKind.FIRST_CONTACT, "Response clock stopped by " + describe(what) + " at "
                + DateTimeFormatter.ISO_INSTANT.format(at));
        return true;
    }

    private static String describe(ContactEvent e) {
        return switch (e) {
            case EMAIL_REPLY -> "an e-mail reply";
            case PHONE_CALL -> "a phone call";
            case CHAT_REPLY -> "a chat reply";
        };
    }

    /** Reopens a resolved or closed ticket (e.g. the customer wrote again). Returns true if it was reopened. */
    public boolean reopen(Connection c, Agent actor, long id, String why) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ticket SET status = 'OPEN', resolved_at = NULL,"
                + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND status IN ('RESOLVED', 'CLOSED')")) {
            Sql.setInstant(ps, 1, db.clock().instant());
            Sql.setLong(ps, 2, actor == null ? null : actor.id());
            ps.setLong(3, id);
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        event(c, id, actor, EventKind.REOPENED, why);
        return true;
    }

    /** Adds a conversation entry (with its raw source when there is one) and returns its id. */
    public long addMessage(Connection c, long ticketId, NewMessage m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO message (ticket_id, kind, direction, message_id,"
                + " in_reply_to, references_ids, from_addr, to_addr, subject, sent_at, body, author_agent_id, created_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", Sql.ID)) {
            ps.setLong(1, ticketId);
            ps.setString(2, m.kind().name());
            ps.setString(3, m.direction().name());
            ps.setString(4, truncate(m.messageId(), 998));
            ps.setString(5, truncate(m.inReplyTo(), 998));
            ps.setString(6, truncate(m.references(), 8000));
            ps.setString(7, truncate(m.from(), 1000));
            ps.setString(8, truncate(m.to(), 4000));
            ps.setString(9, truncate(m.subject(), 2000));
            Sql.setInstant(ps, 10, m.at());
            ps.setString(11, m.body());
            Sql.setLong(ps, 12, m.authorAgentId());
            Sql.setInstant(ps, 13, db.clock().instant());
            ps.executeUpdate();
            return Sql.generatedId(ps);
        }
    }

    /** Stores the raw source of a message (streamed, not held in memory). */
    public void setRawSource(Connection c, long messageId, InputStream raw, long length) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE message SET raw_source = ? WHERE id = ?")) {
            ps.setBinaryStream(1, raw, length);
            ps.setLong(2, messageId);
            ps.executeUpdate();
        }
    }

    /** Stores an attachment (streamed), or only its metadata when it is over the size cap. */
    public long addAttachment(Connection c, long messageId, String filename, String contentType, long size,
                              boolean tooLarge, InputStream content) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO attachment (message_id, filename, content_type, size_bytes,"
                + " too_large, content) VALUES (?,?,?,?,?,?)", Sql.ID)) {
            ps.setLong(1, messageId);
            ps.setString(2, truncate(filename == null || filename.isBlank() ? "attachment" : filename, 1000));
            ps.setString(3, truncate(contentType, 200));
            ps.setLong(4, size);
            ps.setBoolean(5, tooLarge);
            if (tooLarge || content == null) {
                ps.setNull(6, java.sql.Types.BLOB);
            } else {
                ps.setBinaryStream(6, content, size);
            }
            ps.executeUpdate();
            return Sql.generatedId(ps);
        }
    }

    /**
     * Copies an attachment's content to {@code out} — only for a reader allowed to read its ticket, and
     * audited for a sensitive ticket. Returns the number of bytes written.
     */
    public long saveAttachment(Agent reader, long attachmentId, OutputStream out, String view) {
        StoreException[] writeFailed = {null};
        long written = db.tx(c -> {
            long ticketId;
            boolean tooLarge;
            try (PreparedStatement ps = c.prepareStatement("SELECT m.ticket_id, at.too_large FROM attachment at"
                    + " JOIN message m ON m.id = at.message_id WHERE at.id = ?")) {
                ps.setLong(1, attachmentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException.NotFound("No attachment with id " + attachmentId + ".");
                    }
                    ticketId = rs.getLong(1);
                    tooLarge = rs.getBoolean(2);
                }
            }
            Ticket t = load(c, ticketId);
            AccessPolicy.requireRead(reader, t);
            if (tooLarge) {
                throw new StoreException.Invalid("That attachment was too large to import; it is kept on the mail server.");
            }
            if (t.sensitive()) {
                audit.record(c, reader, ticketId, view);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT content FROM attachment WHERE id = ?")) {
                ps.setLong(1, attachmentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException.NotFound("No attachment with id " + attachmentId + ".");
                    }
                    try (InputStream in = rs.getBinaryStream(1)) {
                        return in == null ? 0L : in.transferTo(out);
                    } catch (java.io.IOException e) {
                        // part of it may be on disk: the audit of the read commits all the same
                        writeFailed[0] = new StoreException("Could not write the attachment: " + e.getMessage(), e);
                        return -1L;
                    }
                }
            }
        });
        if (writeFailed[0] != null) {
            throw writeFailed[0];
        }
        return written;
    }

    /** Every Message-ID the desk has sent or received, mapped to its ticket (for threading). */
    public Optional<Long> ticketForMessageIds(Connection c, Collection<String> messageIds) throws SQLException {
        for (String mid : messageIds) {
            if (mid == null || mid.isBlank()) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT ticket_id FROM message WHERE message_id = ?")) {
                ps.setString(1, mid.strip());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long tid = rs.getLong(1);
                        if (!rs.wasNull()) {
                            return Optional.of(tid);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Threading data of a ticket's newest inbound e-mail, for a reply's In-Reply-To and References. */
    public record InboundThread(String messageId, String references, String from, String subject) {
    }

    /**
     * The newest inbound e-mail of a ticket (by when it was received), if it has one; mail from an unknown sender
     * (see {@code MailboxRepository.markUnknownSender}) is never it, so a stranger is never a reply's recipient.
     */
    public Optional<InboundThread> lastInboundEmail(Connection c, long ticketId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT message_id, references_ids, from_addr, subject FROM message"
                + " WHERE ticket_id = ? AND direction = 'IN' AND kind = 'EMAIL' AND unknown_sender = FALSE"
                + " ORDER BY sent_at DESC, id DESC")) {
            ps.setMaxRows(1);
            ps.setLong(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new InboundThread(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))) : Optional.empty();
            }
        }
    }

    /**
     * Marks a ticket changed by {@code actor} (version + 1) without changing a field, e.g. after an e-mail reply,
     * so an agent who loaded it before sees "changed by X" instead of answering the same thing twice.
     */
    public void touch(Connection c, Agent actor, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE ticket SET version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?")) {
            Sql.setInstant(ps, 1, db.clock().instant());
            Sql.setLong(ps, 2, actor == null || actor == AccessPolicy.NOBODY ? null : actor.id());
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /**
     * Is this address the ticket's contact's, or that of a contact of the ticket's customer? (Mail from anyone else
     * is marked as from an unknown sender.) On a team database the database answers (the mail gateway may not
     * read a ticket's contact or customer).
     */
    public boolean knownSender(Connection c, long ticketId, String address) throws SQLException {
        String email = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        try (PreparedStatement ps = c.prepareStatement(db.postgres() ? "SELECT sd.sender_known(?, ?)"
                : "SELECT EXISTS (SELECT 1 FROM ticket t JOIN contact ct ON ct.id = t.contact_id"
                + " OR (t.customer_id IS NOT NULL AND ct.customer_id = t.customer_id)"
                + " WHERE t.id = ? AND LOWER(ct.email) = ?)")) {
            ps.setLong(1, ticketId);
            ps.setString(2, email);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    public boolean messageIdExists(Connection c, String messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM message WHERE message_id = ?")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Appends a history entry (also the change feed other desktops poll). */
    public void event(Connection c, long ticketId, Agent actor, EventKind kind, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ticket_event (ticket_id, at, agent_id, kind, detail) VALUES (?,?,?,?,?)")) {
            ps.setLong(1, ticketId);
            Sql.setInstant(ps, 2, db.clock().instant());
            Sql.setLong(ps, 3, actor == null || actor == AccessPolicy.NOBODY ? null : actor.id());
            ps.setString(4, kind.name());
            ps.setString(5, truncate(detail, 4000));
            ps.executeUpdate();
        }
    }

    /**
     * Recomputes stored deadlines for tickets received at or after {@code from} under the current policy,
     * recording every change.
     */
    void recomputeDeadlines(Connection c, Agent actor, Instant from, ResponseClock clock) throws SQLException {
        List<Ticket> affected = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(select + " WHERE t.received >= ?")) {
            Sql.setInstant(ps, 1, from);
            readRows(ps, affected::add);
        }
        for (Ticket t : affected) {
            Instant d = clock.deadline(t.severity(), t.received());
            if (!d.equals(t.deadline())) {
                set(c, t.id(), "deadline = ?", ps -> Sql.setInstant(ps, 1, d));
                event(c, t.id(), actor, EventKind.DEADLINE_RECOMPUTED, "Policy changed: response due "
                        + DateTimeFormatter.ISO_INSTANT.format(d) + " (was " + DateTimeFormatter.ISO_INSTANT.format(t.deadline()) + ")");
            }
        }
    }

    // ---------------------------------------------------------------- internals

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
            Ticket t = load(c, id);
            requireWrite(c, actor, t);
            bump(c, actor, t, version);
            mutation.apply(c, t);
            return read(c, actor, id, VIEW_TICKET);
        });
    }

    /**
     * Refuses a change the agent may not make, judged by the agent's rights as they are now in the database (not as
     * they were at sign-in: a revoked clearance or a deactivation applies to the very next change).
     */
    public void requireWrite(Connection c, Agent actor, Ticket t) throws SQLException {
        Agent now = actor;
        if (actor != null && actor != AccessPolicy.NOBODY && actor.id() > 0) {
            now = AgentRepository.byId(c, actor.id()).orElseThrow(() ->
                    new StoreException.AccessDenied("The account '" + actor.username() + "' no longer exists."));
        }
        AccessPolicy.requireWrite(now, t);
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
        Ticket t = load(c, id);
        if (t.assigneeId() != null) {
            Optional<Agent> current = AgentRepository.byId(c, t.assigneeId());
            if (current.isPresent() && current.get().cleared() && current.get().active()) {
                return;
            }
        }
        Map<Long, Integer> load = openLoad(c);
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
            event(c, id, actor, EventKind.NEEDS_CLEARED_AGENT, "Official Sensitive (" + why + ") and no cleared agent"
                    + " is available; " + from + " \u2014 needs a cleared agent");
            LOG.warn("{} needs a cleared agent: none is active", t.ref());
            return;
        }
        Agent chosen = best;
        set(c, id, "assignee_id = ?, needs_cleared_agent = FALSE", ps -> ps.setLong(1, chosen.id()));
        event(c, id, actor, EventKind.REDIRECTED, "Redirected " + from + " to " + chosen.displayName()
                + " (cleared, least loaded with " + bestLoad + " open) because it " + why);
        LOG.info("{} redirected to cleared agent {}", t.ref(), chosen.username());
    }

    private static Map<Long, Integer> openLoad(Connection c) throws SQLException {
        Map<Long, Integer> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT assignee_id, COUNT(*) FROM ticket"
                + " WHERE status IN " + OPEN_STATUSES + " AND assignee_id IS NOT NULL GROUP BY assignee_id")) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getInt(2));
            }
        }
        return out;
    }

    public Ticket load(Connection c, long id) throws SQLException {
        return find(c, id).orElseThrow(() -> new StoreException.NotFound("There is no ticket " + Ticket.ref(id) + "."));
    }

    /**
     * The ticket within the caller's transaction, for the system's own use (checks before a change, mail
     * threading): unfiltered on the embedded database; on a team database as the session's own login may see
     * it without an audited read (the placeholder for sensitive content).
     */
    public Optional<Ticket> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(select + " WHERE t.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static void readRows(PreparedStatement ps, Consumer<Ticket> sink) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sink.accept(map(rs));
            }
        }
    }

    /**
     * Reads rows as {@code reader} may see them, in the query's order. A cleared reader's read of sensitive
     * content is recorded in the access audit first, in this transaction, under {@code view}: on the embedded
     * database here; on a team database by the database itself ({@code sd.audit_read}), after which the view
     * shows those rows' content and they are read again.
     */
    private void readInto(Connection c, PreparedStatement ps, Agent reader, String view, Consumer<Ticket> sink)
            throws SQLException {
        List<Ticket> rows = new ArrayList<>();
        readRows(ps, rows::add);
        if (reader != null && reader.cleared()) {
            List<Long> sensitive = new ArrayList<>();
            for (Ticket t : rows) {
                if (t.sensitive() && (t.redacted() || !db.postgres())) {
                    sensitive.add(t.id());
                }
            }
            for (int from = 0; from < sensitive.size(); from += CHUNK) {
                List<Long> ids = sensitive.subList(from, Math.min(sensitive.size(), from + CHUNK));
                audit.readSensitive(c, reader, ids, view);
                if (db.postgres()) {
                    Map<Long, Ticket> fresh = new HashMap<>();
                    try (PreparedStatement again = c.prepareStatement(select + " WHERE t.id IN (" + placeholders(ids.size()) + ")")) {
                        for (int i = 0; i < ids.size(); i++) {
                            again.setLong(i + 1, ids.get(i));
                        }
                        readRows(again, t -> fresh.put(t.id(), t));
                    }
                    rows.replaceAll(t -> fresh.getOrDefault(t.id(), t));
                }
            }
        }
        for (Ticket t : rows) {
            sink.accept(AccessPolicy.lens(reader, t));
        }
    }

    private static Ticket map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String fce = rs.getString("first_contact_event");
        Ticket t = new Ticket(id, Ticket.ref(id), rs.getString("subject"), Sql.longOrNull(rs, "customer_id"),
                rs.getString("customer_name"), Sql.longOrNull(rs, "contact_id"), rs.getString("contact_name"),
                rs.getString("contact_email"), Severity.of(rs.getInt("severity")), SupportLevel.of(rs.getInt("support_level")),
                TicketStatus.valueOf(rs.getString("status")), Classification.valueOf(rs.getString("classification")),
                Channel.valueOf(rs.getString("channel")), Sql.instant(rs, "received"), Sql.instant(rs, "deadline"),
                Sql.instant(rs, "first_contact_at"), fce == null ? null : ContactEvent.valueOf(fce),
                Sql.longOrNull(rs, "assignee_id"), rs.getString("assignee_name"), rs.getBoolean("needs_triage"),
                rs.getBoolean("needs_cleared_agent"), Sql.instant(rs, "resolved_at"), Sql.instant(rs, "updated_at"),
                rs.getString("updated_by_name"), rs.getInt("version"), false);
        return rs.getBoolean("content_visible") ? t : t.redact();
    }

    private static List<TicketEvent> history(Connection c, long id) throws SQLException {
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

    private static List<Message> messages(Connection c, long ticketId) throws SQLException {
        Map<Long, List<AttachmentInfo>> attachments = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT at.id, at.message_id, at.filename, at.content_type,"
                + " at.size_bytes, at.too_large FROM attachment at JOIN message m ON m.id = at.message_id"
                + " WHERE m.ticket_id = ? ORDER BY at.id")) {
            ps.setLong(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AttachmentInfo a = new AttachmentInfo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getBoolean(6));
                    attachments.computeIfAbsent(a.messageId(), k -> new ArrayList<>()).add(a);
                }
            }
        }
        List<Message> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT m.id, m.ticket_id, m.kind, m.direction, m.message_id,"
                + " m.in_reply_to, m.references_ids, m.from_addr, m.to_addr, m.subject, m.sent_at, m.body,"
                + " m.author_agent_id, a.display_name, m.unknown_sender FROM message m"
                + " LEFT JOIN agent a ON a.id = m.author_agent_id"
                + " WHERE m.ticket_id = ? ORDER BY m.sent_at, m.id")) {
            ps.setLong(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long mid = rs.getLong(1);
                    String body = rs.getString(12);
                    out.add(new Message(mid, rs.getLong(2), MessageKind.valueOf(rs.getString(3)),
                            Direction.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10), Sql.instant(rs, 11),
                            body == null ? "" : body,
                            Sql.longOrNull(rs, "author_agent_id"), rs.getString(14),
                            attachments.getOrDefault(mid, List.of()), rs.getBoolean(15)));
                }
            }
        }
        return out;
    }

    private static List<CallRecord> calls(Connection c, long ticketId) throws SQLException {
        List<CallRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT pc.id, pc.ticket_id, pc.operator_id, a.display_name,"
                + " pc.contact_id, ct.name, pc.direction, pc.started, pc.ended, pc.notes, pc.draft FROM phone_call pc"
                + " JOIN agent a ON a.id = pc.operator_id LEFT JOIN contact ct ON ct.id = pc.contact_id"
                + " WHERE pc.ticket_id = ? AND pc.draft = FALSE ORDER BY pc.started")) {
            ps.setLong(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String notes = rs.getString(10);
                    out.add(new CallRecord(rs.getLong(1), Sql.longOrNull(rs, "ticket_id"), rs.getLong(3), rs.getString(4),
                            Sql.longOrNull(rs, "contact_id"), rs.getString(6), CallDirection.valueOf(rs.getString(7)),
                            Sql.instant(rs, 8), Sql.instant(rs, 9),
                            notes == null ? "" : notes, rs.getBoolean(11)));
                }
            }
        }
        return out;
    }

    static String who(Agent actor) {
        return actor == null || actor == AccessPolicy.NOBODY ? "Support Desk" : actor.displayName();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
