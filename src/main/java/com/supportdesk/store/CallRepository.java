package com.supportdesk.store;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.CallDirection;
import com.supportdesk.domain.CallRecord;
import com.supportdesk.domain.Ticket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Telephone calls ({@code phone_call}). A call in progress is a draft row ({@code draft = TRUE}) that the
 * console autosaves with its notes and form state, so a crash mid-call loses neither the notes nor the
 * start instant. Logging the call turns the draft into the final row, linked to its ticket. Drafts belong
 * to the operator who started them and are only ever returned to that operator.
 */
public final class CallRepository {

    /** What the console autosaves while a call is in progress. */
    public record CallDraft(CallDirection direction, Instant started, Long ticketId, Long contactId, String notes,
                            String state) {
        public CallDraft {
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(started, "started");
        }
    }

    /** A stored draft: an unfinished call, with when it was last autosaved. */
    public record StoredDraft(long id, long operatorId, CallDraft draft, Instant updatedAt) {
    }

    /** A finished call, as logged on its ticket. */
    public record CallEntry(long ticketId, Long contactId, CallDirection direction, Instant started, Instant ended,
                            String notes) {
        public CallEntry {
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(started, "started");
            Objects.requireNonNull(ended, "ended");
            if (ended.isBefore(started)) {
                throw new StoreException.Invalid("A call cannot end before it started.");
            }
        }
    }

    static final int STATE_MAX = 8000;
    private static final String OPEN_STATUSES = "('NEW', 'OPEN', 'WAITING_ON_CUSTOMER')";
    private static final String COLS = "pc.id, pc.ticket_id, pc.operator_id, a.display_name, pc.contact_id, ct.name,"
            + " pc.direction, pc.started, pc.ended, pc.notes, pc.draft";

    private final Database db;
    private final TicketRepository tickets;
    private final AuditRepository audit;

    public CallRepository(Database db, TicketRepository tickets, AuditRepository audit) {
        this.db = db;
        this.tickets = tickets;
        this.audit = audit;
    }

    // ---------------------------------------------------------------- drafts

    /**
     * Saves the draft of a call in progress: inserts it when {@code draftId} is null, otherwise updates the
     * operator's own draft. Returns the draft's id. Fails when the draft was already logged or discarded.
     */
    public long saveDraft(Agent operator, Long draftId, CallDraft d) {
        requireOperator(operator);
        if (d.state() != null && d.state().length() > STATE_MAX) {
            throw new StoreException.Invalid("The call's form is too large to autosave.");
        }
        return db.tx(c -> write(c, operator, draftId, new Row(d.ticketId(), d.contactId(), d.direction(), d.started(),
                null, d.notes(), true, d.state())));
    }

    /** The operator's unfinished calls, newest first. */
    public List<StoredDraft> drafts(Agent operator) {
        requireOperator(operator);
        return db.tx(c -> {
            List<StoredDraft> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, operator_id, direction, started, ticket_id,"
                    + " contact_id, notes, draft_state, updated_at FROM phone_call WHERE operator_id = ? AND draft = TRUE"
                    + " ORDER BY started DESC, id DESC")) {
                ps.setLong(1, operator.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        CallDraft d = new CallDraft(CallDirection.valueOf(rs.getString("direction")),
                                Sql.instant(rs, "started"), Sql.longOrNull(rs, "ticket_id"),
                                Sql.longOrNull(rs, "contact_id"), text(rs.getString("notes")), rs.getString("draft_state"));
                        out.add(new StoredDraft(rs.getLong("id"), rs.getLong("operator_id"), d,
                                Sql.instant(rs, "updated_at")));
                    }
                }
            }
            return out;
        });
    }

    /** Deletes the operator's draft (the call was discarded). Returns false if there was no such draft. */
    public boolean discardDraft(Agent operator, long draftId) {
        requireOperator(operator);
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM phone_call WHERE id = ? AND operator_id = ? AND draft = TRUE")) {
                ps.setLong(1, draftId);
                ps.setLong(2, operator.id());
                return ps.executeUpdate() > 0;
            }
        });
    }

    // ---------------------------------------------------------------- finished calls

    /**
     * Logs a finished call within the caller's transaction: the operator's draft (when {@code draftId} is not
     * null) becomes the final row, otherwise a new row is inserted. Returns the call's id. History, contact
     * and ticket changes are the caller's to make in the same transaction.
     */
    long log(Connection c, Agent operator, Long draftId, CallEntry e) throws SQLException {
        requireOperator(operator);
        return write(c, operator, draftId, new Row(e.ticketId(), e.contactId(), e.direction(), e.started(), e.ended(),
                e.notes(), false, null));
    }

    /**
     * Logs a finished call within the caller's transaction: the operator's draft (when {@code draftId} is not
     * null) becomes the final row, otherwise a new row is inserted. Returns the call's id. History, contact
     * and ticket changes are the caller's to make in the same transaction.
     */
    public long log(Tx tx, Agent operator, Long draftId, CallEntry e) {
        return tx.sql(c -> log(c, operator, draftId, e));
    }

    /** One call (draft or final) for its operator, or a final call for an agent allowed to read its ticket. */
    public Optional<CallRecord> byId(Agent reader, long callId) {
        requireOperator(reader);
        return db.tx(c -> {
            CallRecord r;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLS + " FROM phone_call pc JOIN agent a"
                    + " ON a.id = pc.operator_id LEFT JOIN contact ct ON ct.id = pc.contact_id WHERE pc.id = ?")) {
                ps.setLong(1, callId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    r = map(rs);
                }
            }
            if (r.draft()) {
                return r.operatorId() == reader.id() ? Optional.of(r) : Optional.empty();
            }
            if (r.ticketId() != null) {
                AccessPolicy.requireRead(reader, tickets.load(c, r.ticketId()));
            }
            return Optional.of(r);
        });
    }

    // ---------------------------------------------------------------- caller's tickets

    /** Where a cleared operator's read of a caller's sensitive tickets is audited from. */
    public static final String VIEW_CALLER = "caller";

    /**
     * The open tickets a caller may be calling about: the caller's own first, then the rest of their
     * customer's, newest first; as the reader may see them. Which contact or customer an Official Sensitive
     * ticket belongs to is itself sensitive, so for an uncleared reader those tickets are not in the list at
     * all (a placeholder would still say "this caller has one"); a cleared reader's read is audited.
     */
    public List<Ticket> openTicketsForCaller(Agent reader, Long contactId, Long customerId, int limit) {
        if (contactId == null && customerId == null) {
            return List.of();
        }
        boolean cleared = reader != null && reader.cleared();
        return db.tx(c -> {
            if (cleared && db.postgres()) {
                // the view hides a sensitive ticket's contact and customer until the read is audited
                if (contactId != null) {
                    audit.sensitiveFor(c, null, contactId, null, null, VIEW_CALLER);
                }
                if (customerId != null) {
                    audit.sensitiveFor(c, customerId, null, null, null, VIEW_CALLER);
                }
            }
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM ticket WHERE status IN " + OPEN_STATUSES
                    + " AND (contact_id = ? OR customer_id = ?) AND (? OR classification <> 'OFFICIAL_SENSITIVE')"
                    + " ORDER BY CASE WHEN contact_id = ? THEN 0 ELSE 1 END, received DESC, id DESC")) {
                ps.setMaxRows(limit);
                long contact = contactId == null ? -1 : contactId;
                ps.setLong(1, contact);
                ps.setLong(2, customerId == null ? -1 : customerId);
                ps.setBoolean(3, cleared);
                ps.setLong(4, contact);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            Map<Long, Ticket> byId = tickets.byIds(reader, ids, VIEW_CALLER).stream()
                    .collect(Collectors.toMap(Ticket::id, Function.identity()));
            return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        });
    }

    // ---------------------------------------------------------------- internals

    /** A phone_call row's content. */
    private record Row(Long ticketId, Long contactId, CallDirection direction, Instant started, Instant ended,
                       String notes, boolean draft, String state) {
    }

    /** Inserts the row ({@code id} null) or rewrites the operator's draft {@code id}; returns the row's id. */
    private long write(Connection c, Agent operator, Long id, Row r) throws SQLException {
        String sql = id == null
                ? "INSERT INTO phone_call (ticket_id, contact_id, direction, started, ended, notes, draft, draft_state,"
                        + " updated_at, operator_id) VALUES (?,?,?,?,?,?,?,?,?,?)"
                : "UPDATE phone_call SET ticket_id = ?, contact_id = ?, direction = ?, started = ?, ended = ?, notes = ?,"
                        + " draft = ?, draft_state = ?, updated_at = ? WHERE operator_id = ? AND id = ? AND draft = TRUE";
        try (PreparedStatement ps = id == null ? c.prepareStatement(sql, Sql.ID)
                : c.prepareStatement(sql)) {
            Sql.setLong(ps, 1, r.ticketId());
            Sql.setLong(ps, 2, r.contactId());
            ps.setString(3, r.direction().name());
            Sql.setInstant(ps, 4, r.started());
            Sql.setInstant(ps, 5, r.ended());
            ps.setString(6, r.notes());
            ps.setBoolean(7, r.draft());
            ps.setString(8, r.state());
            Sql.setInstant(ps, 9, db.clock().instant());
            ps.setLong(10, operator.id());
            if (id == null) {
                ps.executeUpdate();
                return Sql.generatedId(ps);
            }
            ps.setLong(11, id);
            if (ps.executeUpdate() == 0) {
                throw gone(id);
            }
            return id;
        }
    }

    private static void requireOperator(Agent operator) {
        if (operator == null || operator == AccessPolicy.NOBODY) {
            throw new StoreException.AccessDenied("Sign in to log calls.");
        }
        if (!operator.active()) {
            throw new StoreException.AccessDenied("The account '" + operator.username() + "' is deactivated.");
        }
    }

    private static StoreException gone(long draftId) {
        return new StoreException.Invalid("This call (draft " + draftId + ") was already logged or discarded,"
                + " perhaps in another window.");
    }

    private static CallRecord map(ResultSet rs) throws SQLException {
        return new CallRecord(rs.getLong(1), Sql.longOrNull(rs, "ticket_id"), rs.getLong(3), rs.getString(4),
                Sql.longOrNull(rs, "contact_id"), rs.getString(6), CallDirection.valueOf(rs.getString(7)),
                Sql.instant(rs, 8), Sql.instant(rs, 9), text(rs.getString(10)), rs.getBoolean(11));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
