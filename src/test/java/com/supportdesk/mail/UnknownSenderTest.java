package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.EventKind;
import com.supportdesk.domain.Message;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketEvent;
import com.supportdesk.domain.TicketStatus;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 13: refs are sequential, so anyone can put {@code [SD-n]} in a subject. Mail from a sender who is neither the
 * ticket's contact nor a contact of its customer is still attached, but marked; it reopens nothing, changes no status,
 * names no one on a sensitive ticket, and is never where a reply goes by default.
 */
class UnknownSenderTest extends IntakeTestBase {

    Customer acme;
    MailSettings settings;
    ReplyService replies;

    @BeforeEach
    void wire() {
        acme = store.customers().create(admin, "Acme Health", false, 4);
        store.contacts().create(admin, acme.id(), "Ann Customer", "ann@acme.example", null, ContactRole.ADMINISTRATOR);
        store.contacts().create(admin, acme.id(), "Bob Colleague", "bob@acme.example", null, ContactRole.REGISTERED_USER);
        settings = MailSettings.NONE.withSmtp(GreenMailSupport.smtp(GREENMAIL));
        replies = new ReplyService(store, () -> settings, clock);
    }

    private Ticket resolvedTicketFromAnn() throws Exception {
        deliver(message("Ann Customer <ann@acme.example>", "Printer broken", "<ann-1@acme.example>", "", "Please help."));
        assertThat(fetch().newTickets()).isEqualTo(1);
        Ticket t = tickets().get(0);
        return store.changes().changeStatus(admin, t.id(), t.version(), TicketStatus.RESOLVED);
    }

    private List<TicketEvent> received(long id) {
        return detail(id).history().stream().filter(e -> e.kind() == EventKind.EMAIL_RECEIVED).toList();
    }

    @Test
    void aStrangersMailIsAttachedAndMarkedButReopensNothing() throws Exception {
        Ticket t = resolvedTicketFromAnn();

        deliver(message("Mallory <mallory@attacker.example>", "Re: Printer broken [" + t.ref() + "]",
                "<mallory-1@attacker.example>", "", "Reply to me instead."));
        assertThat(fetch().threaded()).isEqualTo(1);

        assertThat(ticket(t.id()).status()).as("not reopened").isEqualTo(TicketStatus.RESOLVED);
        Message stranger = detail(t.id()).messages().stream().filter(m -> m.body().equals("Reply to me instead."))
                .findFirst().orElseThrow();
        assertThat(stranger.unknownSender()).isTrue();
        assertThat(detail(t.id()).messages()).filteredOn(m -> m.body().equals("Please help.")).singleElement()
                .satisfies(m -> assertThat(m.unknownSender()).isFalse());
        assertThat(received(t.id())).last().satisfies(e -> assertThat(e.detail())
                .isEqualTo("E-mail received from an unknown sender (not the ticket's contact or a contact of its"
                        + " customer); the ticket was not reopened"));

        // a colleague at the same customer is known: the ticket opens again
        deliver(message("Bob <bob@acme.example>", "Re: Printer broken [" + t.ref() + "]", "<bob-1@acme.example>", "",
                "Still broken here."));
        assertThat(fetch().threaded()).isEqualTo(1);
        assertThat(ticket(t.id()).status()).isEqualTo(TicketStatus.OPEN);
        assertThat(detail(t.id()).messages()).filteredOn(m -> m.body().equals("Still broken here.")).singleElement()
                .satisfies(m -> assertThat(m.unknownSender()).isFalse());
    }

    @Test
    void aStrangerIsNeverTheDefaultRecipientNorTheThreadOfAReply() throws Exception {
        Ticket withContact = resolvedTicketFromAnn();
        deliver(message("mallory@attacker.example", "[" + withContact.ref() + "]", "<mallory-2@attacker.example>", "",
                "me"));
        fetch();
        replies.send(admin, withContact.id(), ticket(withContact.id()).version(), "We are on it.");
        MimeMessage out = waitForOneSentTo("acme.example");
        assertThat(out.getRecipients(RecipientType.TO)[0].toString()).contains("ann@acme.example");
        assertThat(out.getHeader("In-Reply-To", null)).as("threads on the customer's mail").isEqualTo("<ann-1@acme.example>");

        // a ticket without a contact (a call from an unknown number): the stranger must not become the recipient
        Ticket call = store.changes().create(admin, NewTicket.of("Caller without a contact", Severity.S3, Channel.PHONE,
                clock.instant()));
        deliver(message("mallory@attacker.example", "Re: [" + call.ref() + "]", "<mallory-3@attacker.example>", "",
                "send it to me"));
        assertThat(fetch().threaded()).isEqualTo(1);
        assertThatThrownBy(() -> replies.send(admin, call.id(), ticket(call.id()).version(), "Hello"))
                .isInstanceOf(ReplyService.ReplyException.class)
                .hasMessageContaining(call.ref() + " has no customer e-mail address");
        assertThat(GREENMAIL.getReceivedMessagesForDomain("attacker.example")).isEmpty();
    }

    @Test
    void onASensitiveTicketAStrangersMailNamesNoOneBeyondTheRef() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Level previous = root.getLevel();
        log.start();
        root.addAppender(log);
        root.setLevel(Level.ALL);
        ((Logger) LoggerFactory.getLogger("com.supportdesk")).setLevel(Level.ALL);
        try {
            deliver(message("ann@acme.example", "OFFICIAL-SENSITIVE: records", "<os-1@acme.example>", "", "details"));
            fetch();
            Ticket t = tickets().get(0);
            assertThat(t.classification()).isEqualTo(Classification.OFFICIAL_SENSITIVE);
            deliver(message("STRANGER-NAME <stranger-7731@attacker.example>", "STRANGER-SUBJECT [" + t.ref() + "]",
                    "<stranger@attacker.example>", "", "STRANGER-BODY"));
            assertThat(fetch().threaded()).isEqualTo(1);

            assertThat(received(t.id())).last().satisfies(e -> assertThat(e.detail()).doesNotContain("STRANGER", "stranger"));
            List<ILoggingEvent> events;
            synchronized (log) { // other threads (the mail server's) are still logging
                events = new ArrayList<>(log.list);
            }
            for (ILoggingEvent e : events) {
                if (!e.getLoggerName().startsWith("com.icegreen")) {
                    assertThat(e.getFormattedMessage()).doesNotContainIgnoringCase("stranger");
                }
            }
            assertThat(events).extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(line -> line.contains(t.ref()) && line.contains("unknown sender"));
        } finally {
            root.detachAppender(log);
            root.setLevel(previous);
            ((Logger) LoggerFactory.getLogger("com.supportdesk")).setLevel(null);
        }
    }

    private MimeMessage waitForOneSentTo(String domain) throws InterruptedException {
        for (int i = 0; i < 200 && GREENMAIL.getReceivedMessagesForDomain(domain).length == 0; i++) {
            Thread.sleep(50);
        }
        assertThat(GREENMAIL.getReceivedMessagesForDomain(domain)).hasSize(1);
        return GREENMAIL.getReceivedMessagesForDomain(domain)[0];
    }
}
