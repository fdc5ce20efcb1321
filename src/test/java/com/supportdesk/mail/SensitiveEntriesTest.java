package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.AgentRepository.AgentSpec;
import com.supportdesk.store.MailboxRepository.QuarantineCategory;
import com.supportdesk.store.MailboxRepository.QuarantineEntry;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: quarantine and automated-log entries are classified by searching their decoded text as far as it can be
 * decoded — not the first raw lines — and an entry that cannot be decoded counts as sensitive. A ticket made from an
 * entry keeps its classification; a bounce of a sensitive reply is sensitive.
 */
class SensitiveEntriesTest extends IntakeTestBase {

    /** Enough trace fields that the marking is far below the first 40 raw lines. */
    static final String RECEIVED = "Received: from relay.example by mx.example; Mon, 1 Jan 2001 08:00:00 +0000\n".repeat(50);

    final AtomicBoolean parserBroken = new AtomicBoolean();
    QuarantineService quarantine;
    Agent unclearedAdmin;

    @BeforeEach
    void wire() {
        intake = intakeBrokenWhile(parserBroken);
        quarantine = new QuarantineService(store, intake);
        unclearedAdmin = store.agents().create(admin, new AgentSpec("uadmin", "Uncleared Admin", Clearance.NONE, null,
                false, true, true), "uadmin-password".toCharArray());
    }

    private static String base64(String text) {
        return Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private QuarantineEntry asUncleared(long id, QuarantineCategory category) {
        return quarantine.list(unclearedAdmin, category, false).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    @Test
    void unreadableMailMarkedInItsBase64BodyBelowManyReceivedLinesIsSensitive() throws Exception {
        byte[] raw = RawMail.of(RECEIVED + "From: Gail <gail@gov.example>\nSubject: case files\n")
                .bytes(new byte[] {'X', ':', ' ', 0, '\r', '\n'})
                .text("Content-Transfer-Encoding: base64\n\n" + base64("Dear desk,\nOFFICIAL-SENSITIVE\nThe files.\n"))
                .build();
        IntakeOutcome q = ingest(raw);
        assertThat(q.kind()).isEqualTo(IntakeOutcome.Kind.QUARANTINED);

        QuarantineEntry hidden = asUncleared(q.quarantineId(), QuarantineCategory.UNREADABLE);
        assertThat(hidden.redacted()).as("an uncleared admin sees no sender or subject").isTrue();
        assertThat(hidden.subject()).isEqualTo(Ticket.PLACEHOLDER);
        assertThat(hidden.sender()).isNull();

        long ticketId = quarantine.makeTicket(admin, q.quarantineId());
        assertThat(ticket(ticketId).classification()).as("made anyway, the ticket inherits the classification")
                .isEqualTo(Classification.OFFICIAL_SENSITIVE);
    }

    @Test
    void markingsInQuotedPrintableAndEncodedSubjectsAreFound() throws Exception {
        byte[] qp = RawMail.of("From: gail@gov.example\nSubject: plain\n").bytes(new byte[] {'X', ':', 0, '\r', '\n'})
                .text("Content-Transfer-Encoding: quoted-printable\n\n" + "filler line\n".repeat(60)
                        + "Marked OFFICIAL=\n=2DSENSITIVE here.\n").build();
        assertThat(asUncleared(ingest(qp).quarantineId(), QuarantineCategory.UNREADABLE).redacted()).isTrue();

        byte[] encoded = RawMail.of(RECEIVED + "From: gail@gov.example\nSubject: =?UTF-8?B?"
                        + Base64.getEncoder().encodeToString("OFFICIAL-SENSITIVE: files".getBytes(StandardCharsets.UTF_8))
                        + "?=\n").bytes(new byte[] {'X', ':', 0, '\r', '\n'}).text("\nbody\n").build();
        assertThat(asUncleared(ingest(encoded).quarantineId(), QuarantineCategory.UNREADABLE).redacted()).isTrue();
    }

    @Test
    void whatCannotBeDecodedCountsAsSensitiveButReadableUnmarkedMailDoesNot() throws Exception {
        byte[] binary = new byte[400];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i % 32); // control bytes: no text to search
        }
        byte[] undecodable = RawMail.of("From: bob@acme.example\nSubject: blob\n").bytes(new byte[] {'X', ':', 0, '\r', '\n'})
                .text("\n").bytes(binary).build();
        assertThat(asUncleared(ingest(undecodable).quarantineId(), QuarantineCategory.UNREADABLE).redacted())
                .as("in doubt: sensitive").isTrue();

        byte[] plain = RawMail.of("From: bob@acme.example\nSubject: plain trouble\n").bytes(new byte[] {'X', ':', 0, '\r', '\n'})
                .text("\nNothing official about it.\n").build();
        QuarantineEntry seen = asUncleared(ingest(plain).quarantineId(), QuarantineCategory.UNREADABLE);
        assertThat(seen.redacted()).isFalse();
        assertThat(seen.subject()).isEqualTo("plain trouble");
    }

    @Test
    void automatedMailMarkedDeepInItsBodyIsSensitiveAndItsTicketToo() throws Exception {
        deliver("From: Gail <gail@gov.example>\nTo: desk@localhost\nSubject: Automatic reply: away\n"
                + "Message-ID: <away@gov.example>\nAuto-Submitted: auto-replied\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                + "I am away.\n".repeat(30) + "OFFICIAL=2DSENSITIVE: forward the case files to my deputy.\n");
        assertThat(fetch().automated()).isEqualTo(1);
        QuarantineEntry entry = quarantine.list(admin, QuarantineCategory.AUTOMATED, false).get(0);
        assertThat(entry.sensitive()).isTrue();
        assertThat(asUncleared(entry.id(), QuarantineCategory.AUTOMATED).subject()).isEqualTo(Ticket.PLACEHOLDER);

        long ticketId = quarantine.makeTicket(unclearedAdmin, entry.id());
        assertThat(ticket(ticketId).classification()).isEqualTo(Classification.OFFICIAL_SENSITIVE);
        assertThat(store.tickets().get(unclearedAdmin, ticketId).redacted()).as("filtered in the store").isTrue();
    }

    @Test
    void aBounceOfASensitiveReplyIsSensitive() throws Exception {
        deliver("""
                From: Mail Delivery System <MAILER-DAEMON@mx.gov.example>
                To: desk@localhost
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <bounce-1@mx.gov.example>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="R"

                --R
                Content-Type: text/plain

                This is the mail system. Your message could not be delivered.

                --R
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.gov.example
                Final-Recipient: rfc822; gone@gov.example
                Action: failed
                Status: 5.1.1

                --R
                Content-Type: message/rfc822

                From: Support Desk <desk@localhost>
                To: gone@gov.example
                Subject: Re: OFFICIAL-SENSITIVE: case files [SD-99]
                Message-ID: <unknown-reply@localhost>

                We have your case files.
                --R--
                """);
        assertThat(fetch().automated()).isEqualTo(1);
        QuarantineEntry entry = quarantine.list(admin, QuarantineCategory.AUTOMATED, false).get(0);
        assertThat(entry.subject()).isEqualTo("Undelivered Mail Returned to Sender");
        assertThat(entry.sensitive()).isTrue();
        assertThat(asUncleared(entry.id(), QuarantineCategory.AUTOMATED).redacted()).isTrue();
    }

    @Test
    void aRetriedEntryKeepsItsClassification() throws Exception {
        parserBroken.set(true);
        byte[] raw = RawMail.of(message("gail@gov.example", "case files", "<case@gov.example>", "",
                "Dear desk,\n" + "more\n".repeat(20) + "OFFICIAL-SENSITIVE")).build();
        IntakeOutcome q = ingest(raw);
        assertThat(asUncleared(q.quarantineId(), QuarantineCategory.UNREADABLE).redacted()).isTrue();

        parserBroken.set(false);
        IntakeOutcome retried = quarantine.retry(admin, q.quarantineId());
        assertThat(retried.kind()).isEqualTo(IntakeOutcome.Kind.NEW_TICKET);
        assertThat(ticket(retried.ticketId()).classification()).as("the marking is far down, but the entry was sensitive")
                .isEqualTo(Classification.OFFICIAL_SENSITIVE);
    }
}
