package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.Direction;
import com.supportdesk.domain.MessageKind;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.Conversation.SenderOf;
import com.supportdesk.store.MailboxRepository.KeyRow;
import com.supportdesk.store.MailboxRepository.NewQuarantine;
import com.supportdesk.store.MailboxRepository.QuarantineCategory;
import com.supportdesk.store.MailboxRepository.StoredMail;
import com.supportdesk.testing.OneDeskTest;
import com.supportdesk.testing.TestDesk;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 17: the reads a group of the mail intake makes at once ({@link MailboxRepository#storedUnder},
 * {@link TicketRepository#findAll}, {@link ContactRepository#byEmails}, {@link Conversation#knownSenders}) answer
 * exactly what the one-at-a-time reads answer, under the same access rules: as the mail gateway (on PostgreSQL its
 * views show no ticket's contact, customer or subject) and as an uncleared agent (on PostgreSQL no message of a
 * sensitive ticket at all), on both engines.
 */
class GroupReadsTest extends OneDeskTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    private static long ticket(Store s, Tx tx, Contact contact, Classification classification) {
        return s.changes().insert(tx, null, new NewTicket("Subject of " + contact.email(), Severity.S3, SupportLevel.L1,
                Channel.EMAIL, contact.customerId(), contact.id(), AT, null, classification, true, null));
    }

    private static void message(Store s, Tx tx, long ticketId, String messageId, String sha256) {
        byte[] raw = ("Message-ID: " + messageId + "\n\nbody\n").getBytes(StandardCharsets.US_ASCII);
        s.conversation().addInboundMail(tx, ticketId, new Conversation.NewMessage(MessageKind.EMAIL, Direction.IN,
                messageId, null, "", "x@y.example", "desk@z.example", "subject", AT, "body", null),
                new Conversation.RawMail(new ByteArrayInputStream(raw), raw.length, sha256, false));
    }

    private static void quarantined(Store s, Tx tx, String key, String sha256) {
        byte[] raw = "garbled".getBytes(StandardCharsets.US_ASCII);
        s.mailbox().quarantine(tx, new NewQuarantine(QuarantineCategory.AUTOMATED, "acct", "INBOX", null, AT, "test", key,
                sha256, null, null, false), new ByteArrayInputStream(raw), raw.length);
    }

    @ParameterizedTest
    @EnumSource(TestDesk.Engine.class)
    void aGroupsReadsAnswerAsTheReadsOfEachMessageDo(TestDesk.Engine engine) {
        open(engine);
        Store admin = desk.store();
        Agent uma = desk.agent("uma", Clearance.NONE);
        Customer acme = admin.customers().create(desk.admin(), "Acme", false, 0);
        Contact ann = admin.contacts().create(desk.admin(), acme.id(), "Ann", "ann@acme.example", null, ContactRole.ADMINISTRATOR);
        admin.contacts().create(desk.admin(), acme.id(), "Bob", "bob@acme.example", null, ContactRole.REGISTERED_USER);
        Contact cat = admin.contacts().create(desk.admin(), null, "Cat", "cat@else.example", null, ContactRole.REGISTERED_USER);
        // write as the gateway, as the intake does
        Store gateway = desk.intake();
        long[] ids = gateway.database().inTx(tx -> {
            long open = ticket(gateway, tx, ann, Classification.OFFICIAL);
            long secret = ticket(gateway, tx, ann, Classification.OFFICIAL_SENSITIVE);
            long cats = ticket(gateway, tx, cat, Classification.OFFICIAL);
            message(gateway, tx, open, "<o1@acme.example>", "aa");
            message(gateway, tx, secret, "<s1@acme.example>", "bb");
            message(gateway, tx, cats, "<c1@else.example>", "cc");
            quarantined(gateway, tx, "<q1@list.example>", "dd");
            quarantined(gateway, tx, "<q1@list.example>", "ee");
            quarantined(gateway, tx, "<o1@acme.example>", "ff");
            return new long[] {open, secret, cats};
        });
        List<String> keys = List.of("<o1@acme.example>", "<s1@acme.example>", "<c1@else.example>", "<q1@list.example>",
                "<none@where.example>", "<O1@ACME.EXAMPLE>");
        List<Long> tickets = List.of(ids[0], ids[1], ids[2], ids[2] + 1000);
        List<String> emails = List.of("ann@acme.example", " Bob@Acme.example ", "cat@else.example", "dan@nowhere.example");
        List<SenderOf> senders = new ArrayList<>();
        for (long t : tickets) {
            for (String e : emails) {
                senders.add(new SenderOf(t, e));
            }
        }

        for (Store s : List.of(gateway, desk.as(uma))) {
            boolean keysToo = s == gateway || engine == TestDesk.Engine.H2; // on PostgreSQL agents see no quarantine
            s.database().runInTx(tx -> {
                Map<Long, Ticket> found = s.tickets().findAll(tx, tickets);
                for (long t : tickets) {
                    assertThat(Optional.ofNullable(found.get(t))).as("ticket " + t).isEqualTo(s.tickets().find(tx, t));
                }
                Map<String, Contact> contacts = s.contacts().byEmails(tx, emails);
                for (String e : emails) {
                    assertThat(Optional.ofNullable(contacts.get(ContactRepository.emailKey(e)))).as(e)
                            .isEqualTo(s.contacts().byEmail(e));
                }
                Set<SenderOf> known = s.conversation().knownSenders(tx, senders);
                for (SenderOf sender : senders) {
                    assertThat(known.contains(sender)).as(sender.toString())
                            .isEqualTo(s.conversation().knownSender(tx, sender.ticketId(), sender.address()));
                }
                if (!keysToo) {
                    return;
                }
                Map<String, List<StoredMail>> under = new LinkedHashMap<>();
                for (KeyRow row : s.mailbox().storedUnder(tx, keys)) {
                    under.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row.mail());
                }
                for (String key : keys) {
                    List<StoredMail> rows = under.getOrDefault(key, List.of());
                    assertThat(rows.stream().findFirst()).as(key).isEqualTo(s.mailbox().stored(tx, key, null));
                    // the entry being retried is passed over
                    Optional<StoredMail> first = rows.stream().findFirst();
                    Long retried = first.map(StoredMail::quarantineId).orElse(null);
                    assertThat(rows.stream().filter(m -> m.messageRowId() != null || !m.quarantineId().equals(retried))
                            .findFirst()).as(key + " retried").isEqualTo(s.mailbox().stored(tx, key, retried));
                    // threading by this Message-ID
                    Optional<Ticket> threaded = first.filter(m -> m.messageRowId() != null && m.ticketId() != null)
                            .flatMap(m -> Optional.ofNullable(found.get(m.ticketId())));
                    assertThat(threaded).as(key + " threading").isEqualTo(s.tickets().findByMessageIds(tx, List.of(key)));
                }
            });
        }
        // the answers are not all alike (the comparisons above compare something)
        gateway.database().runInTx(tx -> {
            assertThat(gateway.conversation().knownSenders(tx, senders)).contains(new SenderOf(ids[0], " Bob@Acme.example "))
                    .doesNotContain(new SenderOf(ids[2], " Bob@Acme.example "), new SenderOf(ids[0], "dan@nowhere.example"));
            assertThat(gateway.mailbox().storedUnder(tx, keys)).extracting(KeyRow::key).containsExactly("<o1@acme.example>",
                    "<s1@acme.example>", "<c1@else.example>", "<q1@list.example>", "<q1@list.example>", "<o1@acme.example>");
        });
        if (engine == TestDesk.Engine.POSTGRES) {
            Store agent = desk.as(uma);
            agent.database().runInTx(tx -> assertThat(agent.tickets().findAll(tx, tickets).get(ids[1]))
                    .as("an uncleared agent reads no content of a sensitive ticket")
                    .satisfies(t -> assertThat(t.redacted()).isTrue()));
            // the quarantine is for admins and the gateway: refused alike one by one and for a group
            assertThatThrownBy(() -> agent.database().runInTx(tx -> agent.mailbox().stored(tx, keys.get(0), null)))
                    .isInstanceOf(StoreException.AccessDenied.class);
            assertThatThrownBy(() -> agent.database().runInTx(tx -> agent.mailbox().storedUnder(tx, keys)))
                    .isInstanceOf(StoreException.AccessDenied.class);
        }
    }
}
