package com.supportdesk.phone;

import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.ContactRepository.ContactMatch;

/**
 * How a caller and their open tickets read, in the call console ({@code ui.phone}) and on the command line
 * ({@code support-desk contact find}) alike.
 */
public final class CallerLines {

    /** How many matches the console lists while the operator types. */
    public static final int MATCHES = 12;
    /** How many of a caller's open tickets the console lists. */
    public static final int OPEN_TICKETS = 20;

    private CallerLines() {
    }

    /**
     * One line about a caller: name, customer, role, government flag, phone (with its extension) and e-mail, e.g.
     * {@code Gail Gov — Home Office Digital · Administrator · UK Government · +44 20 7946 0018 · gail@gov.example}.
     */
    public static String describe(ContactMatch m) {
        if (m == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(m.contact().name());
        sb.append(" \u2014 ").append(m.customerName() == null ? "no customer" : m.customerName());
        sb.append(" \u00b7 ").append(roleText(m.contact().role()));
        if (m.government()) {
            sb.append(" \u00b7 UK Government");
        }
        String phone = m.contact().phoneText();
        if (phone != null) {
            sb.append(" \u00b7 ").append(phone);
        }
        if (m.contact().email() != null) {
            sb.append(" \u00b7 ").append(m.contact().email());
        }
        return sb.toString();
    }

    public static String roleText(ContactRole role) {
        return role == ContactRole.ADMINISTRATOR ? "Administrator" : "Registered user";
    }

    /** One of the caller's open tickets: ref, severity, status, subject (as the reader may see it). */
    public static String ticket(Ticket t) {
        return t.ref() + " \u00b7 " + t.severity() + " \u00b7 " + t.status().label() + " \u00b7 " + t.subject();
    }
}
