package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Message;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.AgentRepository.AgentSpec;
import com.supportdesk.store.MailboxRepository.Checkpoint;
import com.supportdesk.store.MailboxRepository.QuarantineCategory;
import com.supportdesk.store.MailboxRepository.QuarantineEntry;
import com.supportdesk.store.StoreException;
import com.supportdesk.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Quarantine and automated-mail log: retry through the intake path, make ticket anyway, save raw, dismiss. */
class QuarantineServiceTest extends IntakeTestBase {

    static final byte[] BINARY = RawMail.of("From: Bob Broken <bob@acme.example>\nSubject: binary trouble\n")
            .bytes(new byte[] {'X', ':', ' ', 0, 1, 2, '\r', '\n'}).text("\nThe body text.\n").build();

    final AtomicBoolean parserBroken = new AtomicBoolean();
    QuarantineService quarantine;

    @BeforeEach
    void wire() {
        intake = intakeBrokenWhile(parserBroken);
        quarantine = new QuarantineService(store, intake);
    }

    @Test
    void retryReadsTheMessageAgainThroughTheIntakeAndMakesATicket() throws Exception {
        parserBroken.set(true);
        IntakeOutcome q = ingest(RawMail.of(message("ann@acme.example", "Fine really", "<fine@acme.example>", "", "ok")).build());
        assertThat(q.kind()).isEqualTo(IntakeOutcome.Kind.QUARANTINED);
        assertThat(quarantine.list(admin, QuarantineCategory.UNREADABLE, false)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("The parser could not read it today."));

        assertThat(quarantine.retry(admin, q.quarantineId()).kind()).as("still broken").isEqualTo(IntakeOutcome.Kind.QUARANTINED);
        assertThat(quarantine.list(admin, QuarantineCategory.UNREADABLE, false)).hasSize(1);

        parserBroken.set(false);
        IntakeOutcome retried = quarantine.retry(admin, q.quarantineId());

        assertThat(retried.kind()).isEqualTo(IntakeOutcome.Kind.NEW_TICKET);
        Ticket t = ticket(retried.ticketId());
        assertThat(t.subject()).isEqualTo("Fine really");
        assertThat(t.received()).isEqualTo(Instant.parse("2026-02-02T10:00:00Z"));
        assertThat(quarantine.list(admin, QuarantineCategory.UNREADABLE, false)).isEmpty();
        assertThat(quarantine.list(admin, QuarantineCategory.UNREADABLE, true)).singleElement()
                .satisfies(e -> assertThat(e.resolution()).isEqualTo("retried: new ticket " + t.ref()));
        // the same message arriving again is a duplicate, not a second ticket
        assertThat(ingest(RawMail.of(message("ann@acme.example", "Fine really", "<fine@acme.example>", "", "ok")).build())
                .kind()).isEqualTo(IntakeOutcome.Kind.DUPLICATE);
    }

    @Test
    void unreadableMailStaysQuarantinedOnRetryAndCanBeMadeATicketAnyway() throws Exception {
        IntakeOutcome q = ingest(BINARY);
        assertThat(q.kind()).isEqualTo(IntakeOutcome.Kind.QUARANTINED);
        assertThat(quarantine.retry(admin, q.quarantineId()).kind()).isEqualTo(IntakeOutcome.Kind.QUARANTINED);
        assertThat(ingest(BINARY).kind()).as("a re-fetch of quarantined mail").isEqualTo(IntakeOutcome.Kind.DUPLICATE);

        long ticketId = quarantine.makeTicket(admin, q.quarantineId());

        Ticket t = ticket(ticketId);
        assertThat(t.subject()).isEqualTo("binary trouble");
        assertThat(t.contactEmail()).isEqualTo("bob@acme.example");
        assertThat(t.received()).isEqualTo(Instant.parse("2026-02-02T10:00:00Z"));
        assertThat(t.needsTriage()).isTrue();
        Message m = detail(ticketId).messages().get(0);
        assertThat(m.body()).contains("Subject: binary trouble").contains("The body text.").doesNotContain("\u0000");
        assertThat(quarantine.list(admin, QuarantineCategory.UNREADABLE, false)).isEmpty();
        assertThat(quarantine.list(admin, QuarantineCategory.UNREADABLE, true).get(0).resolution())
                .isEqualTo("made ticket " + t.ref() + " by admin");
        assertThat(ingest(BINARY).kind()).isEqualTo(IntakeOutcome.Kind.DUPLICATE);
        assertThat(catchThrowableOfType(StoreException.Invalid.class, () -> quarantine.makeTicket(admin, q.quarantineId())))
                .hasMessageContaining("already dealt with");
    }

    @Test
    void withoutReadableHeadersTheSubjectSaysSo() throws Exception {
        IntakeOutcome q = ingest(new byte[] {0, 0, 'g', 'a', 'r', 'b', 'a', 'g', 'e', ' ', 'O', 'F', 'F', 'I', 'C', 'I', 'A', 'L',
                '-', 'S', 'E', 'N', 'S', 'I', 'T', 'I', 'V', 'E', '\n'});
        assertThat(q.kind()).isEqualTo(IntakeOutcome.Kind.QUARANTINED);
        long id = quarantine.makeTicket(admin, q.quarantineId());
        assertThat(ticket(id).subject()).isEqualTo(QuarantineService.UNREADABLE_SUBJECT);
        assertThat(ticket(id).classification()).as("the marking in its first lines").isEqualTo(Classification.OFFICIAL_SENSITIVE);
        assertThat(ticket(id).contactId()).isNull();
    }

    @Test
    void automatedMailCanBeMadeATicketWhenAPersonWroteIt() throws Exception {
        deliver(message("Carol <carol@acme.example>", "Out of office? No: real question", "<oo1@acme.example>",
                "Auto-Submitted: auto-generated\n", "Please call me."));
        assertThat(fetch().automated()).isEqualTo(1);
        QuarantineEntry entry = quarantine.list(admin, QuarantineCategory.AUTOMATED, false).get(0);
        assertThat(entry.sender()).isEqualTo("Carol <carol@acme.example>");
        assertThat(catchThrowableOfType(StoreException.Invalid.class, () -> quarantine.retry(admin, entry.id())))
                .hasMessageContaining("make ticket anyway");

        long id = quarantine.makeTicket(admin, entry.id());

        assertThat(ticket(id).subject()).isEqualTo("Out of office? No: real question");
        assertThat(detail(id).messages().get(0).body()).isEqualTo("Please call me.");
        assertThat(detail(id).messages().get(0).messageId()).isEqualTo("<oo1@acme.example>");
        Checkpoint cp = store.mailbox().checkpoint(imap().account(), "INBOX").orElseThrow();
        store.database().runInTx(tx -> store.mailbox().saveCheckpoint(tx, new Checkpoint(cp.account(), cp.folder(),
                cp.uidValidity(), 0)));
        assertThat(fetch().duplicates()).isEqualTo(1);
        assertThat(tickets()).hasSize(1);
    }

    @Test
    void rawSourceIsSavedByteForByteAndSensitiveEntriesAreForClearedAdminsOnly() throws Exception {
        IntakeOutcome q = ingest(BINARY);
        Path target = data.resolve("saved.eml");
        assertThat(quarantine.saveRawSource(admin, q.quarantineId(), target)).isEqualTo(BINARY.length);
        assertThat(Files.readAllBytes(target)).isEqualTo(BINARY);

        deliver(message("gail@gov.example", "OFFICIAL-SENSITIVE: auto reply", "<gov1@gov.example>",
                "Auto-Submitted: auto-replied\n", "away"));
        fetch();
        Agent unclearedAdmin = store.agents().create(admin, new AgentSpec("uadmin", "Uncleared Admin", Clearance.NONE,
                null, false, true, true), "uadmin-password".toCharArray());
        QuarantineEntry hidden = quarantine.list(unclearedAdmin, QuarantineCategory.AUTOMATED, false).get(0);
        assertThat(hidden.redacted()).isTrue();
        assertThat(hidden.subject()).isEqualTo(Ticket.PLACEHOLDER);
        assertThat(hidden.sender()).isNull();
        assertThat(catchThrowableOfType(StoreException.AccessDenied.class,
                () -> quarantine.saveRawSource(unclearedAdmin, hidden.id(), data.resolve("nope.eml"))))
                .hasMessageContaining("cleared staff only");
        assertThat(data.resolve("nope.eml")).doesNotExist();
        assertThat(quarantine.list(admin, QuarantineCategory.AUTOMATED, false).get(0).subject())
                .isEqualTo("OFFICIAL-SENSITIVE: auto reply");
    }

    @Test
    void onlyAdminsAndDismissKeepsTheRawSource() throws Exception {
        IntakeOutcome q = ingest(BINARY);
        Agent una = TestStores.agent(store, admin, "una", Clearance.NONE);
        assertThat(catchThrowableOfType(StoreException.AccessDenied.class,
                () -> quarantine.list(una, QuarantineCategory.UNREADABLE, false))).isNotNull();
        assertThat(catchThrowableOfType(StoreException.AccessDenied.class, () -> quarantine.retry(una, q.quarantineId())))
                .isNotNull();
        assertThat(catchThrowableOfType(StoreException.AccessDenied.class, () -> quarantine.makeTicket(una, q.quarantineId())))
                .isNotNull();

        quarantine.dismiss(admin, q.quarantineId());
        assertThat(quarantine.list(admin, QuarantineCategory.UNREADABLE, false)).isEmpty();
        assertThat(quarantine.list(admin, QuarantineCategory.UNREADABLE, true).get(0).resolution()).isEqualTo("dismissed by admin");
        assertThat(quarantine.saveRawSource(admin, q.quarantineId(), data.resolve("kept.eml"))).isEqualTo(BINARY.length);
    }
}
