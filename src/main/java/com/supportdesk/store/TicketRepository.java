package com.supportdesk.store;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketDetail;
import com.supportdesk.domain.TicketStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tickets as an agent may see them: the board, a ticket by id, search, exports and reports. Every read takes
 * the reader and passes each row through {@link AccessPolicy}; a cleared reader's read of Official Sensitive
 * content is recorded in the access audit first (on a team database by the database itself). Changes are in
 * {@link TicketChanges}, the conversation in {@link Conversation}, history and the change feed in
 * {@link TicketHistory}.
 */
public final class TicketRepository {

    private static final Logger LOG = LoggerFactory.getLogger(TicketRepository.class);

    private static final String CONTENT_NAMES = "cu.name AS customer_name, ct.name AS contact_name, ct.email AS contact_email";
    private static final String CONTENT_JOINS = " LEFT JOIN customer cu ON cu.id = t.customer_id"
            + " LEFT JOIN contact ct ON ct.id = t.contact_id";
    private static final String COLUMNS = "SELECT t.id, t.subject, t.customer_id, t.contact_id, t.severity,"
            + " t.support_level, t.status, t.classification, t.channel, t.received, t.deadline, t.first_contact_at,"
            + " t.first_contact_event, t.assignee_id, t.needs_triage, t.needs_cleared_agent, t.resolved_at,"
            + " t.updated_at, t.version, " + CONTENT_NAMES + ","
            + " a.display_name AS assignee_name, u.display_name AS updated_by_name, ";
    private static final String FROM = " FROM ticket t" + CONTENT_JOINS + " LEFT JOIN agent a ON a.id = t.assignee_id"
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
    /**
     * {@link #select} for the mail gateway's login on a team database, which the {@code ticket} view never shows a
     * ticket's customer or contact (their ids are NULL for it): the same rows without joining {@code customer} and
     * {@code contact}. Those joins are on the view's computed ids, which no index serves there, so each would read
     * the whole table for every message the gateway threads (issue 17: a cost growing with the contacts).
     */
    private final String selectForGateway;

    public TicketRepository(Database db, PolicyRepository policy, AuditRepository audit, ZoneId displayZone) {
        this.db = db;
        this.policy = policy;
        this.audit = audit;
        this.displayZone = displayZone;
        this.select = COLUMNS + (db.postgres() ? "t.content_visible" : "TRUE AS content_visible") + FROM;
        this.selectForGateway = COLUMNS.replace(CONTENT_NAMES, "CAST(NULL AS VARCHAR(200)) AS customer_name,"
                + " CAST(NULL AS VARCHAR(200)) AS contact_name, CAST(NULL AS VARCHAR(320)) AS contact_email")
                + "t.content_visible" + FROM.replace(CONTENT_JOINS, "");
    }

    /** The ticket query for this session: {@link #selectForGateway} for the mail gateway's login, else {@link #select}. */
    private String selectForSession() {
        Database.TeamSession s = db.session();
        return s != null && s.intake() && !s.agent() ? selectForGateway : select;
    }

    public Database database() {
        return db;
    }

    // ---------------------------------------------------------------- create

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
    Ticket read(Connection c, Agent reader, long id, String view) throws SQLException {
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
     * One ticket as the reader may see it, within the caller's transaction (a cleared reader's read of a
     * sensitive ticket is audited under {@code view}).
     */
    public Ticket read(Tx tx, Agent reader, long id, String view) {
        return tx.sql(c -> read(c, reader, id, view));
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
            db.flushPending();
            return new TicketDetail(t, Conversation.messages(c, id), Conversation.calls(c, id), TicketHistory.history(c, id));
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
        return String.join(",", Collections.nCopies(n, "?"));
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

    /** Counts of open tickets per assignee (for least-loaded redirection and the lead view). */
    public Map<Long, Integer> openLoad() {
        return db.tx(TicketRepository::openLoad);
    }

    // ---------------------------------------------------------------- changes

    // ---------------------------------------------------------------- internals

    static Map<Long, Integer> openLoad(Connection c) throws SQLException {
        Map<Long, Integer> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT assignee_id, COUNT(*) FROM ticket"
                + " WHERE status IN " + OPEN_STATUSES + " AND assignee_id IS NOT NULL GROUP BY assignee_id")) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getInt(2));
            }
        }
        return out;
    }

    Ticket load(Connection c, long id) throws SQLException {
        return find(c, id).orElseThrow(() -> new StoreException.NotFound("There is no ticket " + Ticket.ref(id) + "."));
    }

    public Ticket load(Tx tx, long id) {
        return tx.sql(c -> load(c, id));
    }

    /**
     * The ticket within the caller's transaction, for the system's own use (checks before a change, mail
     * threading): unfiltered on the embedded database; on a team database as the session's own login may see
     * it without an audited read (the placeholder for sensitive content).
     */
    Optional<Ticket> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(byId())) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /**
     * The ticket within the caller's transaction, for the system's own use (checks before a change, mail
     * threading): unfiltered on the embedded database; on a team database as the session's own login may see
     * it without an audited read (the placeholder for sensitive content).
     */
    public Optional<Ticket> find(Tx tx, long id) {
        return tx.sql(c -> find(c, id));
    }

    /**
     * The tickets with these ids, each read as {@link #find(Tx, long)} reads it, in one statement (issue 17: a group of
     * the mail intake reads the tickets its messages name at once); an id with no such ticket (or none this session's
     * login may see) is not in the map.
     */
    public Map<Long, Ticket> findAll(Tx tx, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return tx.sql(c -> {
            Map<Long, Ticket> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(byIds())) {
                ps.setArray(1, Sql.array(c, "bigint", ids));
                readRows(ps, t -> out.put(t.id(), t));
            }
            return out;
        });
    }

    /** Message-IDs as threading compares them: blank ones skipped, each stripped, each once, in order. */
    public static List<String> threadingIds(Collection<String> messageIds) {
        return messageIds.stream().filter(m -> m != null && !m.isBlank()).map(String::strip).distinct().toList();
    }

    /** {@link #findAll}'s statement. */
    String byIds() {
        return selectForSession() + " WHERE t.id = ANY(?)";
    }

    /**
     * The ticket holding the first of these Message-IDs (in the order given) that the desk sent or received, read as
     * {@link #find(Tx, long)} reads it: mail threading, in one statement (issue 17: not one per Message-ID and another
     * for the ticket). Blank ids are skipped.
     */
    public Optional<Ticket> findByMessageIds(Tx tx, Collection<String> messageIds) {
        List<String> ids = threadingIds(messageIds);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return tx.sql(c -> {
            try (PreparedStatement ps = c.prepareStatement(byMessageIds(ids.size()))) {
                ps.setMaxRows(1);
                for (int i = 0; i < ids.size(); i++) {
                    ps.setString(1 + i, ids.get(i));
                    ps.setString(1 + ids.size() + i, ids.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** {@link #find(Connection, long)}'s statement. */
    String byId() {
        return selectForSession() + " WHERE t.id = ?";
    }

    /**
     * {@link #findByMessageIds}' statement for {@code n} ids: the ids, then the same ids again for the order. The
     * ticket by its key from a scalar subquery (a join to {@code message} is not served by the key on PostgreSQL's
     * views).
     */
    String byMessageIds(int n) {
        StringBuilder sql = new StringBuilder(selectForSession()).append(" WHERE t.id = (SELECT mm.ticket_id FROM message mm")
                .append(" WHERE mm.message_id IN (").append(String.join(",", Collections.nCopies(n, "?")))
                .append(") AND mm.ticket_id IS NOT NULL ORDER BY CASE mm.message_id");
        for (int i = 0; i < n; i++) {
            sql.append(" WHEN ? THEN ").append(i);
        }
        return sql.append(" END FETCH FIRST 1 ROWS ONLY)").toString();
    }

    /** Every ticket received at or after {@code from}, as stored (for the system: deadlines after a policy change). */
    List<Ticket> receivedSince(Connection c, Instant from) throws SQLException {
        List<Ticket> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(select + " WHERE t.received >= ?")) {
            Sql.setInstant(ps, 1, from);
            readRows(ps, out::add);
        }
        return out;
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

}
