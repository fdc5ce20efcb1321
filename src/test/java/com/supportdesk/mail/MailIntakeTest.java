package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.Direction;
import com.supportdesk.domain.EventKind;
import com.supportdesk.domain.Message;
import com.supportdesk.domain.MessageKind;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketDetail;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.store.Conversation;
import com.supportdesk.store.MailboxRepository.Checkpoint;
import com.supportdesk.store.MailboxRepository.QuarantineCategory;
import com.supportdesk.store.MailboxRepository.QuarantineEntry;
import com.supportdesk.store.TicketRepository;
import com.supportdesk.testing.TestStores;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The intake end to end: GreenMail → IMAP → parser → store, for every branch of docs/mail.md. */
class MailIntakeTest extends IntakeTestBase {

    @Test
    void newTicketTakesInternalDateContactCustomerAndSeverityMarking() throws Exception {
        Customer acme = store.customers().create(admin, "Acme", false, 0);
        store.contacts().create(admin, acme.id(), "Ann Known", "ann@acme.example", null, ContactRole.ADMINISTRATOR);
        deliver(message("Ann <ann@acme.example>", "Sev1: portal down for everyone", "<p1@acme.example>", "",
                "Nobody can log in."));
        deliver(message("Zed Unknown <zed@nowhere.example>", "A question about invoices", "<q1@nowhere.example>", "",
                "Where is my invoice?"));
        List<Instant> internalDates = folder("INBOX").internalDates();

        IntakeCounts counts = fetch();

        assertThat(counts.summary()).isEqualTo("fetched 2, new tickets 2, threaded 0, automated 0, quarantined 0, duplicates 0");
        List<Ticket> all = tickets();
        Ticket portal = all.get(0);
        assertThat(portal.subject()).isEqualTo("Sev1: portal down for everyone");
        assertThat(portal.severity()).isEqualTo(Severity.S1);
        assertThat(portal.needsTriage()).isFalse();
        assertThat(portal.channel()).isEqualTo(Channel.EMAIL);
        assertThat(portal.customerName()).isEqualTo("Acme");
        assertThat(portal.contactName()).isEqualTo("Ann Known");
        // received = the server's INTERNALDATE, not the (wrong) Date header of 2001
        assertThat(portal.received()).isEqualTo(internalDates.get(0)).isNotEqualTo(Instant.parse("2001-01-01T08:00:00Z"));
        assertThat(portal.deadline()).isAfter(portal.received());

        Ticket invoice = all.get(1);
        assertThat(invoice.severity()).isEqualTo(Severity.S3);
        assertThat(invoice.needsTriage()).isTrue();
        assertThat(invoice.customerId()).isNull();
        assertThat(store.contacts().byEmail("zed@nowhere.example")).get()
                .satisfies(c -> {
                    assertThat(c.verified()).isFalse();
                    assertThat(c.name()).isEqualTo("Zed Unknown");
                });

        TicketDetail detail = detail(portal.id());
        assertThat(detail.messages()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.EMAIL);
            assertThat(m.direction()).isEqualTo(Direction.IN);
            assertThat(m.messageId()).isEqualTo("<p1@acme.example>");
            assertThat(m.from()).isEqualTo("Ann <ann@acme.example>");
            assertThat(m.body()).isEqualTo("Nobody can log in.");
            assertThat(m.at()).isEqualTo(portal.received());
        });
        assertThat(portal.firstContactAt()).as("an inbound e-mail is not contact").isNull();
        IntakeTestBase.FolderState inbox = folder("INBOX");
        assertThat(inbox.count()).isEqualTo(2);
        assertThat(inbox.seen()).isEqualTo(2);
        try (var left = Files.list(spool)) {
            assertThat(left).as("spool files are deleted").isEmpty();
        }
    }

    @Test
    void threadsByTagAndByReferencesButNeverBySubjectAlone() throws Exception {
        deliver(message("ann@acme.example", "Printer broken", "<a1@acme.example>", "", "It is broken."));
        fetch();
        long first = onlyTicket().id();
        String tag = "[SD-" + first + "]";

        deliver(message("ann@acme.example", "Re: Printer broken " + tag, "<a2@acme.example>", "", "tag"));
        deliver(message("ann@acme.example", "Re: Printer broken", "<a3@acme.example>",
                "In-Reply-To: <a1@acme.example>\n", "in-reply-to"));
        deliver(message("bob@acme.example", "Fwd: Printer broken", "<a4@acme.example>",
                "References: <unknown@elsewhere.example> <a1@acme.example>\n", "references"));
        deliver(message("ann@acme.example", "Re: Printer broken", "<a5@acme.example>", "", "subject alone"));
        deliver(message("ann@acme.example", "Re: something [SD-999999]", "<a6@acme.example>", "", "unknown tag"));

        IntakeCounts counts = fetch();

        assertThat(counts.summary()).isEqualTo("fetched 5, new tickets 2, threaded 3, automated 0, quarantined 0, duplicates 0");
        assertThat(detail(first).messages()).extracting(Message::body)
                .containsExactly("It is broken.", "tag", "in-reply-to", "references");
        assertThat(detail(first).history()).filteredOn(e -> e.kind() == EventKind.EMAIL_RECEIVED).hasSize(3);
        assertThat(tickets()).extracting(Ticket::subject)
                .containsExactly("Printer broken", "Printer broken", "something");
    }

    @Test
    void aCustomerReplyReopensAResolvedTicketAndWakesAWaitingOne() throws Exception {
        deliver(message("ann@acme.example", "Disk full", "<d1@acme.example>", "", "full"));
        deliver(message("ann@acme.example", "Slow reports", "<s1@acme.example>", "", "slow"));
        fetch();
        Ticket disk = tickets().get(0);
        Ticket slow = tickets().get(1);
        store.changes().changeStatus(admin, disk.id(), disk.version(), TicketStatus.RESOLVED);
        store.changes().changeStatus(admin, slow.id(), slow.version(), TicketStatus.WAITING_ON_CUSTOMER);

        deliver(message("ann@acme.example", "Re: Disk full [" + disk.ref() + "]", "<d2@acme.example>", "", "again"));
        deliver(message("ann@acme.example", "Re: Slow reports", "<s2@acme.example>", "In-Reply-To: <s1@acme.example>\n",
                "here are the logs"));
        assertThat(fetch().threaded()).isEqualTo(2);

        assertThat(ticket(disk.id()).status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket(disk.id()).resolvedAt()).isNull();
        assertThat(detail(disk.id()).history()).anyMatch(e -> e.kind() == EventKind.REOPENED);
        assertThat(ticket(slow.id()).status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void automatedMailOpensNoTicketAndIsKeptOrAttachedWithoutReopening() throws Exception {
        deliver(message("ann@acme.example", "Licence renewal", "<l1@acme.example>", "", "renew"));
        fetch();
        Ticket licence = onlyTicket();
        store.changes().changeStatus(admin, licence.id(), licence.version(), TicketStatus.RESOLVED);

        deliver(message("bob@acme.example", "Out of office", "<o1@acme.example>", "Auto-Submitted: auto-replied\n",
                "I am away."));
        deliver(message("news@lists.example", "Weekly digest", "<n1@lists.example>", "List-Id: <news.lists.example>\n",
                "news"));
        deliver(message("promo@shop.example", "Big sale", "<b1@shop.example>", "Precedence: bulk\n", "buy"));
        deliver(message("ann@acme.example", "Automatic reply: Licence renewal", "<o2@acme.example>",
                "Auto-Submitted: auto-replied\nIn-Reply-To: <l1@acme.example>\n", "Away until Monday."));

        IntakeCounts counts = fetch();

        assertThat(counts.summary()).isEqualTo("fetched 4, new tickets 0, threaded 0, automated 4, quarantined 0, duplicates 0");
        assertThat(tickets()).hasSize(1);
        assertThat(ticket(licence.id()).status()).as("an auto-reply never reopens").isEqualTo(TicketStatus.RESOLVED);
        assertThat(detail(licence.id()).messages()).extracting(Message::body).containsExactly("renew", "Away until Monday.");
        assertThat(detail(licence.id()).history()).anyMatch(e -> e.kind() == EventKind.EMAIL_RECEIVED
                && e.detail().contains("not customer contact"));
        List<QuarantineEntry> log = store.mailbox().quarantine(admin, QuarantineCategory.AUTOMATED, false);
        assertThat(log).extracting(QuarantineEntry::subject).containsExactlyInAnyOrder("Out of office", "Weekly digest", "Big sale");
        assertThat(log).extracting(QuarantineEntry::reason).anyMatch(r -> r.startsWith("Automatic reply"))
                .anyMatch(r -> r.startsWith("Mailing-list")).anyMatch(r -> r.startsWith("Bulk"));
        assertThat(store.mailbox().quarantine(admin, false)).as("nothing unreadable").isEmpty();
        // the raw source is kept, so a person's mail taken for a machine's is never lost
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        store.mailbox().rawSource(admin, log.get(0).id(), raw);
        assertThat(raw.toString(StandardCharsets.ISO_8859_1)).contains("Subject: ");
    }

    @Test
    void aBounceIsAttachedToTheTicketWhoseMessageBounced() throws Exception {
        deliver(message("ann@acme.example", "Password reset", "<r1@acme.example>", "", "reset please"));
        fetch();
        Ticket reset = onlyTicket();
        String sent = "<desk-reply-1@localhost>";
        store.database().runInTx(tx -> store.conversation().addMessage(tx, reset.id(), new Conversation.NewMessage(
                MessageKind.EMAIL, Direction.OUT, sent, "<r1@acme.example>", "<r1@acme.example>", "desk@localhost",
                "ann@acme.example", "Re: Password reset [" + reset.ref() + "]", clock.instant(), "done", admin.id())));

        deliver(bounce(sent));
        deliver(bounce("<never-sent@localhost>"));
        IntakeCounts counts = fetch();

        assertThat(counts.automated()).isEqualTo(2);
        assertThat(counts.newTickets()).isZero();
        TicketDetail detail = detail(reset.id());
        assertThat(detail.messages()).filteredOn(m -> m.kind() == MessageKind.BOUNCE).singleElement()
                .satisfies(m -> assertThat(m.direction()).isEqualTo(Direction.IN));
        assertThat(detail.history()).filteredOn(e -> e.kind() == EventKind.BOUNCE_RECEIVED).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains(sent));
        assertThat(ticket(reset.id()).firstContactAt()).isNull();
        assertThat(store.mailbox().quarantine(admin, QuarantineCategory.AUTOMATED, false)).singleElement()
                .satisfies(e -> assertThat(e.reason()).startsWith("Delivery failure report"));
    }

    static String bounce(String bouncedId) {
        return """
                From: Mail Delivery System <MAILER-DAEMON@mx.example>
                To: desk@localhost
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <bounce-%s>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="BB"

                --BB
                Content-Type: text/plain

                The mail system could not deliver your message.
                --BB
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example

                Final-Recipient: rfc822; ann@acme.example
                Action: failed
                Status: 5.1.1
                --BB
                Content-Type: text/rfc822-headers

                From: desk@localhost
                To: ann@acme.example
                Subject: Re: something
                Message-ID: %s
                --BB--
                """.formatted(bouncedId.replaceAll("[<>@]", ""), bouncedId);
    }

    @Test
    void officialSensitiveMarkingSetsTheClassificationAndRedirectsToClearedStaff() throws Exception {
        var uncleared = TestStores.agent(store, admin, "una", Clearance.NONE);
        var cleared = TestStores.agent(store, admin, "sam", Clearance.CLEARED);
        deliver(message("gail@gov.example", "OFFICIAL-SENSITIVE: case files", "<os1@gov.example>", "", "details"));
        deliver(message("gail@gov.example", "Case question", "<os2@gov.example>", "",
                "Hello,\nOFFICIAL SENSITIVE\nThe details follow."));
        deliver(message("gail@gov.example", "Plain question", "<os3@gov.example>", "", "nothing special"));
        fetch();

        List<Ticket> all = tickets();
        assertThat(all).extracting(Ticket::classification).containsExactly(Classification.OFFICIAL_SENSITIVE,
                Classification.OFFICIAL_SENSITIVE, Classification.OFFICIAL);
        assertThat(all.get(0).assigneeId()).isIn(admin.id(), cleared.id());
        assertThat(detail(all.get(0).id()).history()).anyMatch(e -> e.kind() == EventKind.REDIRECTED);
        assertThat(store.tickets().get(uncleared, all.get(0).id()).redacted()).isTrue();

        // a later e-mail with the marking raises the ticket it threads onto
        Ticket plain = all.get(2);
        deliver(message("gail@gov.example", "Re: Plain question [" + plain.ref() + "]", "<os4@gov.example>", "",
                "OFFICIAL-SENSITIVE\nmore"));
        fetch();
        assertThat(ticket(plain.id()).classification()).isEqualTo(Classification.OFFICIAL_SENSITIVE);
        assertThat(ticket(plain.id()).assigneeId()).isIn(admin.id(), cleared.id());
    }

    @Nested
    class LosingNothing {

        @Test
        void reRunningNeverDuplicatesAndAResetCheckpointIsAbsorbedByTheDedupe() throws Exception {
            for (int i = 1; i <= 3; i++) {
                deliver(message("ann@acme.example", "Question " + i, "<dup" + i + "@acme.example>", "", "q" + i));
            }
            assertThat(fetch().newTickets()).isEqualTo(3);
            assertThat(fetch()).isEqualTo(IntakeCounts.NONE);

            Checkpoint cp = store.mailbox().checkpoint(imap().account(), "INBOX").orElseThrow();
            store.database().runInTx(tx -> store.mailbox().saveCheckpoint(tx, new Checkpoint(cp.account(), cp.folder(),
                    cp.uidValidity(), 0)));
            assertThat(fetch().summary()).isEqualTo("fetched 3, new tickets 0, threaded 0, automated 0, quarantined 0, duplicates 3");
            assertThat(tickets()).hasSize(3);
        }

        @Test
        void aUidValidityChangeRescansTheFolderAndTheDedupeAbsorbsIt() throws Exception {
            deliver(message("ann@acme.example", "One", "<v1@acme.example>", "", "1"));
            deliver(message("ann@acme.example", "Two", "<v2@acme.example>", "", "2"));
            fetch();
            Checkpoint cp = store.mailbox().checkpoint(imap().account(), "INBOX").orElseThrow();
            store.database().runInTx(tx -> store.mailbox().saveCheckpoint(tx, new Checkpoint(cp.account(), cp.folder(),
                    cp.uidValidity() + 17, 999)));
            deliver(message("ann@acme.example", "Three", "<v3@acme.example>", "", "3"));

            IntakeCounts counts = fetch();

            assertThat(counts.summary()).isEqualTo("fetched 3, new tickets 1, threaded 0, automated 0, quarantined 0, duplicates 2");
            Checkpoint now = store.mailbox().checkpoint(imap().account(), "INBOX").orElseThrow();
            assertThat(now.uidValidity()).isEqualTo(cp.uidValidity());
            assertThat(now.lastUid()).isGreaterThan(cp.lastUid());
        }

        @Test
        void aMessageThatFailsOnceInsideItsGroupIsStoredAloneAndTheOthersAreNotHeldUp() throws Exception {
            deliver(message("ann@acme.example", "First", "<f1@acme.example>", "", "1"));
            deliver(message("ann@acme.example", "Second", "<f2@acme.example>", "", "2"));
            deliver(message("ann@acme.example", "Third", "<f3@acme.example>", "", "3"));
            long[] failOn = {-1};
            int[] failures = {0};
            intake.hooks = new MailIntake.Hooks() {
                @Override
                public void beforeCommit(Long uid) {
                    if (failOn[0] < 0) {
                        failOn[0] = uid + 1; // the second message, once
                    }
                    if (uid == failOn[0] && failures[0]++ == 0) {
                        throw new IllegalStateException("lock timeout");
                    }
                }
            };

            IntakeCounts counts = fetch();

            assertThat(failures[0]).as("failed in its group, then stored alone").isEqualTo(2);
            assertThat(counts.summary()).isEqualTo("fetched 3, new tickets 3, threaded 0, automated 0, quarantined 0, duplicates 0");
            assertThat(tickets()).extracting(Ticket::subject).containsExactlyInAnyOrder("First", "Second", "Third");
            assertThat(store.mailbox().quarantine(admin, false)).isEmpty();
            assertThat(store.mailbox().checkpoint(imap().account(), "INBOX").orElseThrow().lastUid()).isEqualTo(failOn[0] + 1);
            assertThat(folder("INBOX").seen()).isEqualTo(3);
            assertThat(fetch()).isEqualTo(IntakeCounts.NONE);
        }

        @Test
        void aStoreThatCannotBeWrittenStopsTheRoundWithNothingOfTheGroupCommittedOrFlagged() throws Exception {
            deliver(message("ann@acme.example", "First", "<u1@acme.example>", "", "1"));
            deliver(message("ann@acme.example", "Second", "<u2@acme.example>", "", "2"));
            long[] failOn = {-1};
            intake.hooks = new MailIntake.Hooks() {
                @Override
                public void beforeCommit(Long uid) {
                    if (failOn[0] < 0) {
                        failOn[0] = uid + 1;
                    }
                    if (uid == failOn[0]) {
                        throw new com.supportdesk.store.StoreException.Unreachable("The database server cannot be reached.",
                                null);
                    }
                }
            };
            MailIntake.IntakeException e = catchThrowableOfType(MailIntake.IntakeException.class, this::fetchFailing);
            assertThat(e).hasMessageContaining("could not be imported (The database server cannot be reached)")
                    .hasMessageContaining("tried again next time");
            assertThat(tickets()).as("the group rolled back as a whole").isEmpty();
            assertThat(store.mailbox().checkpoint(imap().account(), "INBOX")).isEmpty();
            assertThat(folder("INBOX").seen()).isZero();
            assertThat(store.mailbox().quarantine(admin, false)).as("no fault of the message").isEmpty();

            intake.hooks = MailIntake.Hooks.NONE;
            assertThat(fetch().newTickets()).isEqualTo(2);
            assertThat(tickets()).extracting(Ticket::subject).containsExactly("First", "Second");
            assertThat(folder("INBOX").seen()).isEqualTo(2);
        }

        private void fetchFailing() throws Exception {
            fetch();
        }

        @Test
        void aMessageThatFailsInItsGroupAndAloneIsQuarantinedInTheSameRoundSoTheRestFlows() throws Exception {
            deliver(message("ann@acme.example", "Poison", "<p1@acme.example>", "", "1"));
            deliver(message("ann@acme.example", "Healthy", "<p2@acme.example>", "", "2"));
            long[] poison = {-1};
            int[] attempts = {0};
            intake.hooks = new MailIntake.Hooks() {
                @Override
                public void beforeCommit(Long uid) {
                    if (poison[0] < 0) {
                        poison[0] = uid;
                    }
                    if (uid == poison[0]) {
                        attempts[0]++;
                        throw new IllegalStateException("always fails");
                    }
                }
            };
            assertThat(fetch().summary()).isEqualTo("fetched 2, new tickets 1, threaded 0, automated 0, quarantined 1, duplicates 0");
            assertThat(attempts[0]).as("in its group, then alone").isEqualTo(2);
            assertThat(store.mailbox().quarantine(admin, false)).singleElement()
                    .satisfies(e -> assertThat(e.reason()).startsWith("The message could not be imported (IllegalStateException)"));
            assertThat(folder("INBOX").seen()).isEqualTo(2);
        }

        @Test
        void aCrashBetweenCommitAndFlaggingIsReFetchedAndAbsorbed() throws Exception {
            crashBetweenCommitAndFlag(imap());
            assertThat(folder("INBOX").seen()).isEqualTo(2);
        }

        @Test
        void theSameWithMoveAfterImport() throws Exception {
            crashBetweenCommitAndFlag(imap().withAfterImport(AfterImport.MOVE, "Processed"));
            assertThat(folder("INBOX").count()).isZero();
            assertThat(folder("Processed").count()).isEqualTo(2);
        }

        private void crashBetweenCommitAndFlag(ImapSettings settings) throws Exception {
            deliver(message("ann@acme.example", "Alpha", "<c1@acme.example>", "", "a"));
            deliver(message("ann@acme.example", "Beta", "<c2@acme.example>", "", "b"));
            MailIntake crashing = new MailIntake(store);
            crashing.hooks = new MailIntake.Hooks() {
                @Override
                public void beforeMarkProcessed(List<Long> uids) {
                    throw new IllegalStateException("killed");
                }
            };
            catchThrowableOfType(IllegalStateException.class, () -> fetch(crashing, settings));
            assertThat(tickets()).hasSize(2);
            assertThat(folder("INBOX").count()).isEqualTo(2);
            assertThat(folder("INBOX").seen()).isZero();

            IntakeCounts afterRestart = fetch(new MailIntake(store), settings);

            assertThat(afterRestart.summary()).isEqualTo("fetched 2, new tickets 0, threaded 0, automated 0, quarantined 0, duplicates 2");
            assertThat(tickets()).hasSize(2);
            assertThat(fetch(new MailIntake(store), settings)).isEqualTo(IntakeCounts.NONE);
        }

        @Test
        void markSeenKeepsMailInTheFolderAndMoveEmptiesIt() throws Exception {
            deliver(message("ann@acme.example", "Seen me", "<m1@acme.example>", "", "1"));
            fetch();
            assertThat(folder("INBOX")).satisfies(f -> {
                assertThat(f.count()).isEqualTo(1);
                assertThat(f.seen()).isEqualTo(1);
            });
            deliver(message("ann@acme.example", "Move me", "<m2@acme.example>", "", "2"));
            fetch(intake, imap().withAfterImport(AfterImport.MOVE, "Processed"));
            assertThat(folder("Processed").count()).isEqualTo(2); // the seen one too: it is covered by the checkpoint
            assertThat(folder("INBOX").count()).isZero();
            assertThat(tickets()).hasSize(2);
        }

        @Test
        void aDifferentMessageReusingAMessageIdIsKeptNotDropped() throws Exception {
            deliver(message("ann@acme.example", "Report A", "<same@broken-mailer.example>", "", "first text"));
            deliver(message("bob@acme.example", "Report B", "<same@broken-mailer.example>", "", "second text"));
            assertThat(fetch().newTickets()).isEqualTo(2);
            assertThat(tickets()).extracting(Ticket::subject).containsExactly("Report A", "Report B");
            assertThat(detail(tickets().get(1).id()).messages().get(0).messageId()).endsWith("@supportdesk.invalid>");

            Checkpoint cp = store.mailbox().checkpoint(imap().account(), "INBOX").orElseThrow();
            store.database().runInTx(tx -> store.mailbox().saveCheckpoint(tx, new Checkpoint(cp.account(), cp.folder(),
                    cp.uidValidity(), 0)));
            assertThat(fetch().duplicates()).isEqualTo(2);
        }
    }

    @Test
    void unreadableMailIsQuarantinedWithItsRawSourceAndTheReason() throws Exception {
        byte[] raw = RawMail.of("From: ann@acme.example\nSubject: binary\n").bytes(new byte[] {'X', ':', ' ', 0, 1, 2, '\r', '\n'})
                .text("\nbody\n").build();
        GreenMailSupport.deliver(GREENMAIL, raw);
        IntakeCounts counts = fetch();
        assertThat(counts.summary()).isEqualTo("fetched 1, new tickets 0, threaded 0, automated 0, quarantined 1, duplicates 0");
        assertThat(folder("INBOX").seen()).as("quarantined mail is stored, so it is flagged too").isEqualTo(1);
        assertThat(fetch()).isEqualTo(IntakeCounts.NONE);
        QuarantineEntry entry = store.mailbox().quarantine(admin, false).get(0);
        assertThat(entry.reason()).contains("binary data (NUL bytes)");
        assertThat(entry.rawSize()).isPositive();
        assertThat(entry.category()).isEqualTo(QuarantineCategory.UNREADABLE);
    }

    @Test
    void attachmentsAreStoredAndAnOverCapPartIsNotedAsKeptOnTheServer() throws Exception {
        MailIntake capped = new MailIntake(store, new MailParser(ParserOptions.defaults().withAttachmentCap(100 * 1024))::parse,
                clock, MailIntake.DEFAULT_BATCH);
        String small = Base64.getMimeEncoder().encodeToString("hello attachment".getBytes());
        String large = Base64.getMimeEncoder().encodeToString(new byte[300 * 1024]);
        deliver("""
                From: ann@acme.example
                To: desk@localhost
                Subject: logs attached
                Message-ID: <att1@acme.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="XX"

                --XX
                Content-Type: text/html

                <html><body><p>See <b>logs</b></p><script>alert(1)</script></body></html>
                --XX
                Content-Type: text/plain; name="small.txt"
                Content-Disposition: attachment; filename="small.txt"
                Content-Transfer-Encoding: base64

                %s
                --XX
                Content-Type: application/octet-stream; name="core.dmp"
                Content-Disposition: attachment; filename="core.dmp"
                Content-Transfer-Encoding: base64

                %s
                --XX--
                """.formatted(small, large));
        fetch(capped, imap());

        TicketDetail detail = detail(onlyTicket().id());
        Message m = detail.messages().get(0);
        assertThat(m.body()).contains("See logs").doesNotContain("<b>", "alert");
        assertThat(m.attachments()).extracting(a -> a.filename() + ":" + a.tooLarge())
                .containsExactly("small.txt:false", "core.dmp:true");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.conversation().saveAttachment(admin, m.attachments().get(0).id(), out, "test");
        assertThat(out.toString()).isEqualTo("hello attachment");
        assertThat(detail.history()).anyMatch(e -> e.detail() != null
                && e.detail().contains("1 attachment too large: 0.3 MB, kept on server"));
        assertThat(Optional.ofNullable(m.attachments().get(1).sizeBytes())).contains(300L * 1024);
    }
}
