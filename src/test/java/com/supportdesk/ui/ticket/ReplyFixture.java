package com.supportdesk.ui.ticket;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.SavedReply.Draft;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.replies.SavedReplies;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A desk for the composer's tests: a cleared team lead (the admin) and an uncleared agent, Cal Jones of Acme Ltd, an
 * S1 ticket received at 10:00 on a Wednesday (one Business Hour to answer) and an Official Sensitive one, the team's
 * replies (a first response, one for the log file, one marked for Official Sensitive tickets) and a personal one.
 */
final class ReplyFixture implements AutoCloseable {

    final MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    final Store store;
    final Agent lead;
    final Agent una;
    final Ticket plain;
    final Ticket secret;
    /** What the composer sent: the sender the tests give it records each draft here. */
    final List<ReplySender.Draft> sent = new ArrayList<>();
    final ReplySender sender = (agent, ticket, draft) -> sent.add(draft);

    ReplyFixture(Path dir) {
        store = TestStores.open(dir, clock);
        lead = TestStores.admin(store);
        una = TestStores.agent(store, lead, "una", Clearance.NONE);
        Customer acme = store.customers().create(lead, "Acme Ltd", false, 0);
        var cal = store.contacts().create(lead, acme.id(), "Cal Jones", "cal@acme.example", null, ContactRole.ADMINISTRATOR);
        plain = store.changes().create(lead, NewTicket.of("Export fails", Severity.S1, Channel.EMAIL, clock.instant())
                .withCustomer(acme.id(), cal.id()));
        secret = store.changes().create(lead, NewTicket.of("Records export", Severity.S2, Channel.EMAIL, clock.instant())
                .withCustomer(acme.id(), cal.id()).withClassification(Classification.OFFICIAL_SENSITIVE));
        var r = store.savedReplies();
        r.add(lead, new Draft("We are on it", "ack", "Thank you, {{first_name}}: we are on {{ref}} ({{severity}}) and"
                + " answer within {{response_target}}.", true, false, true));
        r.add(lead, new Draft("Please send the log file", "log", "Could you send the log file for {{subject}}?", true,
                false, false));
        r.add(lead, new Draft("Cleared words", "cleared", "{{contact_name}} of {{customer}}: handled by cleared staff.",
                true, true, false));
        r.add(lead, new Draft("My thanks", "thx", "Thanks, {{first_name}}!", false, false, false));
    }

    SavedReplies replies() {
        return new SavedReplies(store);
    }

    @Override
    public void close() {
        store.close();
    }
}
