package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.Direction;
import com.supportdesk.domain.EventKind;
import com.supportdesk.domain.Message;
import com.supportdesk.domain.MessageKind;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketDetail;
import com.supportdesk.store.StoreException;
import com.supportdesk.testing.TestStores;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replies and acknowledgements over GreenMail SMTP, and the customer's answer coming back over IMAP. */
class ReplyServiceTest extends IntakeTestBase {

    MailSettings settings;
    ReplyService replies;
    Agent una;

    @BeforeEach
    void wire() {
        settings = MailSettings.NONE.withSmtp(GreenMailSupport.smtp(GREENMAIL));
        replies = new ReplyService(store, () -> settings, clock);
        intake.onNewTicket(replies::acknowledge);
        una = TestStores.agent(store, admin, "una", Clearance.NONE);
    }

    private Ticket ticketFromAnn(String subject, String messageId) throws Exception {
        deliver(message("Ann Customer <ann@acme.example>", subject, messageId, "", "Please help."));
        assertThat(fetch().newTickets()).isEqualTo(1);
        return tickets().get(tickets().size() - 1);
    }

    /** What the desk sent to the customers' domains (GreenMail also lists the mail delivered to the desk). */
    private MimeMessage[] sent() {
        List<MimeMessage> out = new ArrayList<>();
        out.addAll(List.of(GREENMAIL.getReceivedMessagesForDomain("acme.example")));
        out.addAll(List.of(GREENMAIL.getReceivedMessagesForDomain("vendor.example")));
        return out.toArray(new MimeMessage[0]);
    }

    /** Waits until the desk has sent {@code n} messages (SMTP delivery in GreenMail is asynchronous). */
    private boolean waitForSent(int n) throws InterruptedException {
        for (int i = 0; i < 200 && sent().length < n; i++) {
            Thread.sleep(50);
        }
        return sent().length >= n;
    }

    @Test
    void aReplyGoesOutThreadedStopsTheClockOnceAndTheAnswerThreadsBack() throws Exception {
        Ticket t = ticketFromAnn("Printer broken", "<r1@acme.example>");
        clock.advance(Duration.ofMinutes(30));
        Instant firstReplyAt = clock.instant();

        ReplyService.SentReply reply = replies.send(una, t.id(), t.version(), "We are on it.\nUna");

        assertThat(reply.firstContact()).isTrue();
        assertThat(waitForSent(1)).isTrue();
        MimeMessage out = sent()[0];
        assertThat(out.getMessageID()).isEqualTo(reply.messageId());
        assertThat(out.getSubject()).isEqualTo("Re: Printer broken [" + t.ref() + "]");
        assertThat(out.getRecipients(RecipientType.TO)[0].toString()).contains("ann@acme.example");
        assertThat(out.getHeader("In-Reply-To", null)).isEqualTo("<r1@acme.example>");
        assertThat(out.getHeader("References", null)).isEqualTo("<r1@acme.example>");
        assertThat(out.getHeader("X-SupportDesk-Ticket", null)).isEqualTo(t.ref());
        assertThat(out.getHeader("X-Loop", null)).isEqualTo(GreenMailSupport.ADDRESS);
        assertThat(out.getHeader("Auto-Submitted")).isNull();

        Ticket afterFirst = ticket(t.id());
        assertThat(afterFirst.firstContactAt()).isEqualTo(firstReplyAt);
        assertThat(afterFirst.firstContactEvent()).isEqualTo(ContactEvent.EMAIL_REPLY);
        TicketDetail detail = detail(t.id());
        assertThat(detail.messages()).filteredOn(m -> m.direction() == Direction.OUT).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.EMAIL);
            assertThat(m.messageId()).isEqualTo(reply.messageId());
            assertThat(m.body()).isEqualTo("We are on it.\nUna");
            assertThat(m.authorAgentId()).isEqualTo(una.id());
        });

        clock.advance(Duration.ofHours(2));
        ReplyService.SentReply second = replies.send(una, t.id(), afterFirst.version(), "Fixed now.");
        assertThat(second.firstContact()).isFalse();
        assertThat(ticket(t.id()).firstContactAt()).as("first contact is recorded once").isEqualTo(firstReplyAt);
        assertThat(detail(t.id()).history()).filteredOn(e -> e.kind() == EventKind.FIRST_CONTACT).hasSize(1);
        assertThat(detail(t.id()).history()).filteredOn(e -> e.kind() == EventKind.EMAIL_SENT).hasSize(2);
        assertThat(waitForSent(2)).isTrue();
        assertThat(sent()[1].getHeader("References", null)).isEqualTo("<r1@acme.example>");

        // the customer answers the second reply: no tag in the subject, only In-Reply-To
        deliver(message("ann@acme.example", "Re: Printer broken", "<r2@acme.example>",
                "In-Reply-To: " + second.messageId() + "\n", "Thanks, it works."));
        assertThat(fetch().threaded()).isEqualTo(1);
        // (ordered by when each was received or sent; the test clock and GreenMail's INTERNALDATE differ)
        assertThat(detail(t.id()).messages()).extracting(Message::body)
                .containsExactlyInAnyOrder("Please help.", "We are on it.\nUna", "Fixed now.", "Thanks, it works.");
        assertThat(tickets()).hasSize(1);
    }

    @Test
    void aSensitiveTicketKeepsItsMarkingAndOnlyClearedStaffMayReply() throws Exception {
        Ticket t = ticketFromAnn("OFFICIAL-SENSITIVE: records", "<s1@acme.example>");
        assertThat(t.sensitive()).isTrue();

        StoreException.AccessDenied denied = catchThrowableOfType(StoreException.AccessDenied.class,
                () -> replies.send(una, t.id(), t.version(), "hello"));
        assertThat(denied).hasMessageContaining("cleared staff only");
        assertThat(sent()).isEmpty();

        Agent sam = TestStores.agent(store, admin, "sam", Clearance.CLEARED);
        ReplyService.SentReply reply = replies.send(sam, t.id(), ticket(t.id()).version(), "On it.");
        assertThat(reply.subject()).isEqualTo("Re: OFFICIAL-SENSITIVE: records [" + t.ref() + "]");
        assertThat(waitForSent(1)).isTrue();
        assertThat(sent()[0].getSubject()).contains("OFFICIAL-SENSITIVE");

        // even when the agent edited the marking out of the subject
        ReplyService.SentReply edited = replies.send(sam, t.id(), null,
                new ReplyService.ReplyRequest(null, "Re: records", "More."));
        assertThat(edited.subject()).isEqualTo("Re: OFFICIAL-SENSITIVE: records [" + t.ref() + "]");
    }

    @Test
    void aFailedSendRecordsNothingAndSaysWhy() throws Exception {
        Ticket t = ticketFromAnn("Invoice question", "<f1@acme.example>");
        int closed = GreenMailSupport.closedPort();
        settings = settings.withSmtp(new SmtpSettings("127.0.0.1", closed, TlsMode.NONE, null, null,
                GreenMailSupport.ADDRESS, "Desk"));

        ReplyService.ReplyException e = catchThrowableOfType(ReplyService.ReplyException.class,
                () -> replies.send(una, t.id(), t.version(), "answer"));

        assertThat(e).hasMessage("The reply was not sent: the mail server 127.0.0.1 refused the connection on port "
                + closed + "; check the host name, the port and that the server is running.");
        Ticket after = ticket(t.id());
        assertThat(after.firstContactAt()).isNull();
        assertThat(after.version()).isEqualTo(t.version());
        assertThat(detail(t.id()).messages()).hasSize(1);
        assertThat(detail(t.id()).history()).noneMatch(ev -> ev.kind() == EventKind.EMAIL_SENT);

        settings = MailSettings.NONE;
        assertThat(catchThrowableOfType(ReplyService.ReplyException.class,
                () -> replies.send(una, t.id(), t.version(), "answer"))).hasMessageContaining("not set up");
        settings = MailSettings.NONE.withSmtp(GreenMailSupport.smtp(GREENMAIL));
        assertThat(catchThrowableOfType(ReplyService.ReplyException.class,
                () -> replies.send(una, t.id(), t.version(), new ReplyService.ReplyRequest("not an address", null, "x"))))
                .hasMessageContaining("is not an e-mail address");
        assertThat(catchThrowableOfType(ReplyService.ReplyException.class,
                () -> replies.send(una, t.id(), t.version(), "  "))).hasMessageContaining("empty");
        assertThat(sent()).isEmpty();
    }

    @Test
    void aStaleVersionStopsTheReplyBeforeAnythingIsSent() throws Exception {
        Ticket t = ticketFromAnn("Two agents", "<v1@acme.example>");
        replies.send(admin, t.id(), t.version(), "first answer");
        assertThat(catchThrowableOfType(StoreException.ConcurrentChange.class,
                () -> replies.send(una, t.id(), t.version(), "second answer")))
                .hasMessageContaining(t.ref() + " was changed by Ada Admin");
        assertThat(waitForSent(1)).isTrue();
        assertThat(sent()).hasSize(1);
    }

    @Test
    void acknowledgementsAreOffByDefault() throws Exception {
        ticketFromAnn("No ack please", "<a0@acme.example>");
        assertThat(sent()).isEmpty();
    }

    @Test
    void acknowledgementsWhenOnAreAutomaticOncePerSenderPerHourNeverToMachinesAndNotContact() throws Exception {
        settings = settings.withAcknowledge(true);
        Ticket first = ticketFromAnn("Need a hand", "<a1@acme.example>");

        assertThat(waitForSent(1)).isTrue();
        MimeMessage ack = sent()[0];
        assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(ack.getSubject()).isEqualTo("Re: Need a hand [" + first.ref() + "]");
        assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo("<a1@acme.example>");
        Ticket t = ticket(first.id());
        assertThat(t.firstContactAt()).as("an acknowledgement is not contact").isNull();
        assertThat(detail(first.id()).messages()).filteredOn(m -> m.kind() == MessageKind.ACK).singleElement()
                .satisfies(m -> assertThat(m.messageId()).isEqualTo(ack.getMessageID()));
        assertThat(detail(first.id()).history()).anyMatch(e -> e.kind() == EventKind.ACK_SENT);

        ticketFromAnn("Another thing", "<a2@acme.example>");
        deliver(message("noreply@vendor.example", "Licence key", "<a3@vendor.example>", "", "key"));
        deliver(message("bob@acme.example", "Out of office", "<a4@acme.example>", "Auto-Submitted: auto-replied\n", "away"));
        fetch();
        assertThat(sent()).as("not twice within the hour, never to machines or automated mail").hasSize(1);

        clock.advance(Duration.ofMinutes(61));
        ticketFromAnn("A third thing", "<a5@acme.example>");
        assertThat(waitForSent(2)).isTrue();
        assertThat(sent()).hasSize(2);
    }

    @Test
    void theReplyServiceIsEasyToPutBehindAComposer() throws Exception {
        Ticket t = ticketFromAnn("Composer", "<c1@acme.example>");
        ReplyService.SentReply r = replies.send(una, t.id(), t.version(),
                new ReplyService.ReplyRequest("Ann <ann@acme.example>, boss@acme.example", "Re: [" + t.ref() + "] Composer", "Hi"));
        assertThat(r.to()).extracting(MailAddress::address).containsExactly("ann@acme.example", "boss@acme.example");
        assertThat(r.subject()).isEqualTo("Re: Composer [" + t.ref() + "]");
        assertThat(catchThrowableOfType(StoreException.AccessDenied.class,
                () -> replies.send(null, t.id(), null, ReplyService.ReplyRequest.body("x")))).isNotNull();
    }
}
