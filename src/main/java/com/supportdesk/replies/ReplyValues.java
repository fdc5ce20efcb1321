package com.supportdesk.replies;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Placeholder;
import com.supportdesk.domain.Ticket;
import com.supportdesk.sla.CalendarSpec;
import com.supportdesk.sla.PolicyVersion;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** What each {@link Placeholder} stands for on one ticket, answered by one agent under the policy in force for it. */
public final class ReplyValues {

    private ReplyValues() {
    }

    /**
     * The values for the ticket as the agent may read it (a redacted ticket gives no content), under the policy
     * version in force when the ticket was received. A value the ticket does not have (no contact) is empty.
     */
    public static Map<Placeholder, String> of(Ticket t, Agent agent, PolicyVersion policy) {
        Map<Placeholder, String> v = new EnumMap<>(Placeholder.class);
        boolean content = !t.redacted();
        String contact = content && t.contactName() != null ? t.contactName().strip() : "";
        v.put(Placeholder.FIRST_NAME, contact.isEmpty() ? "" : contact.split("\\s+")[0]);
        v.put(Placeholder.CONTACT_NAME, contact);
        v.put(Placeholder.CUSTOMER, content && t.customerName() != null ? t.customerName() : "");
        v.put(Placeholder.REF, t.ref());
        v.put(Placeholder.SUBJECT, content ? t.subject() : "");
        v.put(Placeholder.SEVERITY, t.severity().label());
        v.put(Placeholder.SEVERITY_DEFINITION, t.severity().definition());
        v.put(Placeholder.RESPONSE_TARGET, target(policy.targets().of(t.severity())));
        v.put(Placeholder.AGENT_NAME, agent.displayName());
        v.put(Placeholder.BUSINESS_HOURS, businessHours(policy.calendar()));
        return v;
    }

    /** "1 Business Hour", "4 Business Hours", "1h 30m of Business Hours". */
    public static String target(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % 60 == 0) {
            long h = minutes / 60;
            return h + (h == 1 ? " Business Hour" : " Business Hours");
        }
        return (minutes >= 60 ? minutes / 60 + "h " : "") + minutes % 60 + "m of Business Hours";
    }

    /** "09:00–18:00 GMT on weekdays, excluding England and Wales bank holidays". */
    public static String businessHours(CalendarSpec c) {
        return c.hoursText() + " on weekdays, excluding " + c.region().displayName() + " bank holidays";
    }
}
