package com.supportdesk.phone;

import com.supportdesk.domain.ContactRole;
import com.supportdesk.sla.CalendarSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Policy hints for the telephone help desk: notices, never blocks. The policy offers technical telephone
 * support to customers' administrators in Business Hours; registered users may call with simple queries.
 */
public final class PolicyHints {

    /** A notice: why it applies, then the policy it quotes. */
    public record Hint(List<String> reasons, String policy) {
        public Hint {
            reasons = List.copyOf(reasons);
        }

        /** The reasons followed by the quoted policy, on separate lines. */
        public String text() {
            return String.join(" ", reasons) + "\n\u201c" + policy + "\u201d";
        }
    }

    private PolicyHints() {
    }

    /** The policy sentence, with the hours and zone of the calendar in force. */
    public static String policyText(CalendarSpec calendar) {
        return "Technical telephone support is for customers' administrators, in Business Hours ("
                + calendar.hoursText() + " on weekdays, excluding UK public holidays); registered users may call"
                + " with simple queries.";
    }

    /**
     * The notice for a call, if any.
     *
     * @param callerRole    the caller's role, or null while no caller is chosen
     * @param technical     the operator says it is a technical problem (not a simple query)
     * @param businessHours the call started within Business Hours
     */
    public static Optional<Hint> forCall(ContactRole callerRole, boolean technical, boolean businessHours,
                                         CalendarSpec calendar) {
        List<String> reasons = new ArrayList<>();
        if (!businessHours) {
            reasons.add("This call is outside Business Hours.");
        }
        if (technical && callerRole == ContactRole.REGISTERED_USER) {
            reasons.add("The caller is a registered user, not an administrator, and this is a technical problem.");
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(new Hint(reasons, policyText(calendar)));
    }
}
