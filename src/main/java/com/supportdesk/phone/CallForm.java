package com.supportdesk.phone;

import com.supportdesk.domain.CallDirection;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the operator entered for one call: who called (or was called), whether the call opens a new
 * ticket or is logged on an existing one, and the notes. {@code started} is the instant the console opened.
 *
 * @param newTicket true: the call opens a ticket (inbound only); false: it is logged on {@code ticketId}
 */
public record CallForm(CallDirection direction, Instant started, Long contactId, Long customerId, boolean newTicket,
                       Long ticketId, String subject, Severity severity, SupportLevel level, boolean technical,
                       boolean sensitive, String notes) {

    public static final int SUBJECT_MAX = 1000;

    public CallForm {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(started, "started");
        subject = subject == null ? "" : subject;
        notes = notes == null ? "" : notes;
        level = level == null ? SupportLevel.L1 : level;
    }

    public Classification classification() {
        return sensitive ? Classification.OFFICIAL_SENSITIVE : Classification.OFFICIAL;
    }

    /** What still stops the call being logged, in the order the form asks for it; empty when it can be saved. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (newTicket) {
            if (direction == CallDirection.OUTBOUND) {
                out.add("An outbound call is logged on the ticket it was made from.");
            }
            if (contactId == null) {
                out.add("Find the caller, or add them as a new caller.");
            }
            if (subject.isBlank()) {
                out.add("Give the new ticket a subject.");
            } else if (subject.strip().length() > SUBJECT_MAX) {
                out.add("The subject is longer than " + SUBJECT_MAX + " characters.");
            }
            if (severity == null) {
                out.add("Choose a severity (1, 2 or 3).");
            }
        } else if (ticketId == null) {
            out.add("Choose the ticket to log this call on, or make it a new ticket.");
        }
        return out;
    }
}
