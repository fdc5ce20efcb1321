package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Message;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.Store;
import com.supportdesk.testing.TestDesk;
import com.supportdesk.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 17, the store's side: what a message costs the database, and that the fewer statements still store the same.
 * Duplicates and threading inside one group (one transaction) on both engines; and on PostgreSQL, as the mail
 * gateway's login, the statements each kind of message sends, counted by the server itself (pg_stat_statements): a
 * guard against a change that brings a round trip back, not a timing.
 */
class IntakeStoreTest extends DeskIntakeTestBase {

    /** The intake with a log of what it wrote and committed, in order. */
    private static MailIntake logged(Store store, List<String> events) {
        MailIntake intake = new MailIntake(store);
        intake.hooks = new MailIntake.Hooks() {
            @Override
            public void beforeCommit(Long uid) {
                events.add("written " + uid);
            }
        };
        intake.onOutcome((uid, outcome) -> events.add("committed " + uid + " " + outcome.kind()));
        return intake;
    }

    private Ticket ticket(String subject) {
        List<Ticket> all = new ArrayList<>();
        desk.store().tickets().forEach(desk.admin(), "test", all::add);
        return all.stream().filter(t -> t.subject().equals(subject)).findFirst().orElseThrow();
    }

    private List<String> messageIds(Ticket t) {
        return desk.store().tickets().open(desk.admin(), t.id(), "test").messages().stream().map(Message::messageId).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDesk.Engine.class)
    void duplicatesInsideOneGroupAreFoundAsAcrossGroups(TestDesk.Engine engine) throws Exception {
        Store store = open(engine);
        byte[] original = mail("ann@acme.example", "Printer on fire", "<d1@acme.example>", "", "smoke");
        byte[] away = mail("bob@acme.example", "Automatic reply: away", "<d2@acme.example>", "Auto-Submitted: auto-replied\n",
                "back Monday");
        deliver(original);
        deliver(original); // the same message again (a client that sent it twice)
        deliver(mail("cat@acme.example", "Scanner jammed", "<d1@acme.example>", "", "another message, the same id"));
        deliver(away);
        deliver(away); // a duplicate of what went to the automated-mail log, not to a ticket
        List<String> events = Collections.synchronizedList(new ArrayList<>());

        assertThat(fetch(logged(store, events)).summary())
                .isEqualTo("fetched 5, new tickets 2, threaded 0, automated 1, quarantined 0, duplicates 2");

        assertThat(events).as("one transaction").containsExactly("written 1", "written 2", "written 3", "written 4",
                "written 5", "committed 1 NEW_TICKET", "committed 2 DUPLICATE", "committed 3 NEW_TICKET",
                "committed 4 AUTOMATED", "committed 5 DUPLICATE");
        assertThat(messageIds(ticket("Printer on fire"))).containsExactly("<d1@acme.example>");
        assertThat(messageIds(ticket("Scanner jammed"))).singleElement()
                .satisfies(id -> assertThat(id).isNotEqualTo("<d1@acme.example>")); // kept under an id of its own bytes
    }

    @ParameterizedTest
    @EnumSource(TestDesk.Engine.class)
    void aReplyThreadsOntoTheTicketOfTheNewestMessageItNamesThatTheDeskKnows(TestDesk.Engine engine) throws Exception {
        Store store = open(engine);
        deliver(mail("ann@acme.example", "Reports are slow", "<a1@acme.example>", "", "slow"));
        deliver(mail("ann@acme.example", "Login fails", "<b1@acme.example>", "", "locked out"));
        // In-Reply-To names a message the desk never saw; of the References the newest (last) known one wins
        deliver(mail("ann@acme.example", "Re: both", "<r1@acme.example>",
                "In-Reply-To: <unknown@elsewhere.example>\nReferences: <a1@acme.example> <b1@acme.example>\n", "one"));
        deliver(mail("ann@acme.example", "Re: both", "<r2@acme.example>",
                "References: <b1@acme.example> <a1@acme.example> <nowhere@elsewhere.example>\n", "two"));
        // In-Reply-To first, whatever the References say
        deliver(mail("ann@acme.example", "Re: both", "<r3@acme.example>",
                "In-Reply-To: <b1@acme.example>\nReferences: <a1@acme.example>\n", "three"));

        assertThat(fetch(new MailIntake(store)).summary())
                .isEqualTo("fetched 5, new tickets 2, threaded 3, automated 0, quarantined 0, duplicates 0");

        assertThat(messageIds(ticket("Reports are slow"))).containsExactly("<a1@acme.example>", "<r2@acme.example>");
        assertThat(messageIds(ticket("Login fails")))
                .containsExactly("<b1@acme.example>", "<r1@acme.example>", "<r3@acme.example>");
    }

    @ParameterizedTest
    @EnumSource(TestDesk.Engine.class)
    void theContactOfANewSenderIsWrittenInTheGroupsTransactionAndGoesWithIt(TestDesk.Engine engine) throws Exception {
        Store store = open(engine);
        deliver(mail("Nina Newcomer <nina@fresh.example>", "First time here", "<n1@fresh.example>", "", "hello"));
        deliver(mail("Ann <ann@acme.example>", "Printer on fire", "<n2@acme.example>", "", "smoke"));
        MailIntake intake = new MailIntake(store);
        intake.hooks = new MailIntake.Hooks() {
            @Override
            public void beforeCommit(Long uid) {
                if (uid == 1) { // after everything message 1 writes, in its group and alone
                    throw new IllegalStateException("refused after its writes");
                }
            }
        };

        assertThat(fetch(intake).summary())
                .isEqualTo("fetched 2, new tickets 1, threaded 0, automated 0, quarantined 1, duplicates 0");

        assertThat(desk.store().contacts().byEmail("ann@acme.example")).isPresent();
        assertThat(desk.store().contacts().byEmail("nina@fresh.example"))
                .as("the contact made for the message that failed was rolled back with it").isEmpty();
    }

    // ------------------------------------------------------------------------------------ statements per message

    private String dbName() {
        return desk.url().substring(desk.url().lastIndexOf('/') + 1);
    }

    private void superuser(String sql) throws Exception {
        try (Connection c = TestPostgres.superuser(dbName()); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Statements the gateway's login sent to this database since the last reset, by text. */
    private Map<String, Long> statements() throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = TestPostgres.superuser(dbName()); PreparedStatement ps = c.prepareStatement(
                "SELECT s.query, s.calls FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid"
                        + " JOIN pg_database d ON d.oid = s.dbid WHERE r.rolname = ? AND d.datname = ?")) {
            ps.setString(1, TestDesk.INTAKE);
            ps.setString(2, dbName());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.merge(rs.getString(1).replaceAll("\\s+", " "), rs.getLong(2), Long::sum);
                }
            }
        }
        return out;
    }

    /** Delivers {@code count} messages, takes them in (one group), and counts the statements the gateway sent. */
    private long round(MailIntake intake, int count, IntFunction<byte[]> message, int[] next, String kind,
                       List<String> log) throws Exception {
        for (int i = 0; i < count; i++) {
            deliver(message.apply(next[0]++));
        }
        superuser("SELECT pg_stat_statements_reset()");
        IntakeCounts counts = fetch(intake);
        assertThat(counts.fetched()).isEqualTo(count);
        Map<String, Long> sent = statements();
        long total = sent.values().stream().mapToLong(Long::longValue).sum();
        log.add(kind + " x" + count + ": " + total + " statements");
        sent.forEach((q, n) -> log.add(String.format("  %4d %s", n, q.length() > 150 ? q.substring(0, 150) + "…" : q)));
        return total;
    }

    @Test
    void eachKindOfMessageCostsTheTeamDatabaseOnlyTheStatementsItNeeds() throws Exception {
        Store store = open(TestDesk.Engine.POSTGRES);
        superuser("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        MailIntake intake = new MailIntake(store);
        String to = "\nTo: " + GreenMailSupport.ADDRESS;
        Map<String, IntFunction<byte[]>> kinds = new LinkedHashMap<>();
        kinds.put("new ticket from a new sender", i -> RawMail.of("From: Person " + i + " <p" + i + "@c" + i + ".example>" + to
                + "\nSubject: problem " + i + "\nMessage-ID: <m" + i + "@x.example>\n\nHello " + i + "\n").build());
        kinds.put("new ticket from a known sender", i -> RawMail.of("From: Person 0 <p0@c0.example>" + to
                + "\nSubject: problem " + i + "\nMessage-ID: <m" + i + "@x.example>\n\nHello " + i + "\n").build());
        kinds.put("reply threaded by In-Reply-To", i -> RawMail.of("From: Person 0 <p0@c0.example>" + to
                + "\nSubject: Re: problem 0\nMessage-ID: <m" + i + "@x.example>\nIn-Reply-To: <m0@x.example>\n"
                + "References: <m0@x.example>\n\nMore " + i + "\n").build());
        kinds.put("auto-reply to the automated-mail log", i -> RawMail.of("From: Person 0 <p0@c0.example>" + to
                + "\nSubject: Automatic reply: away\nAuto-Submitted: auto-replied\nMessage-ID: <m" + i + "@x.example>\n\n"
                + "Away " + i + "\n").build());
        kinds.put("new ticket with an attachment", i -> RawMail.of("From: Person 0 <p0@c0.example>" + to
                + "\nSubject: log " + i + "\nMessage-ID: <m" + i + "@x.example>\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nSee the log\n--b\n"
                + "Content-Type: application/octet-stream; name=\"a.bin\"\nContent-Disposition: attachment; filename=\"a.bin\"\n"
                + "Content-Transfer-Encoding: base64\n\nAAECAwQFBgcICQ==\n--b--\n").build());
        kinds.put("duplicate", i -> RawMail.of("From: Person 0 <p0@c0.example>" + to
                + "\nSubject: problem 0\nMessage-ID: <m0@x.example>\n\nHello 0\n").build());
        // statements per message: the most each kind may send (before issue 17's work: 12, 9, 9, 3, 10, 2; with one
        // statement per message for each lookup: 6, 5, 5, 2, 6, 1; with the group's lookups: 4, 3, 2, 1, 4, 0). A group
        // reads what its messages look up at once (GroupLookups): the duplicate check, threading, the senders' contacts
        // and whether they are known to the ticket cost a statement each per group, not per message; a message sends
        // only what it writes, and a new ticket goes in one statement with its first e-mail
        // (TicketChanges.insertWithMail).
        Map<String, Long> most = Map.of("new ticket from a new sender", 3L, "new ticket from a known sender", 2L,
                "reply threaded by In-Reply-To", 2L, "auto-reply to the automated-mail log", 1L,
                "new ticket with an attachment", 3L, "duplicate", 0L);
        // first, what a desk does once (the policy read into this JVM's cache, the folder's first checkpoint)
        deliver(mail("warm@up.example", "Warming up", "<warm@up.example>", "", "first"));
        assertThat(fetch(intake).newTickets()).isEqualTo(1);
        int[] next = {0};
        List<String> log = new ArrayList<>();
        Map<String, Long> perMessage = new LinkedHashMap<>();
        for (Map.Entry<String, IntFunction<byte[]>> kind : kinds.entrySet()) {
            // a group of 5, then one of 15: the difference is what 10 more messages cost, without the group's own
            long five = round(intake, 5, kind.getValue(), next, kind.getKey(), log);
            long fifteen = round(intake, 15, kind.getValue(), next, kind.getKey(), log);
            assertThat((fifteen - five) % 10).as(kind.getKey() + ": the same for every message").isZero();
            perMessage.put(kind.getKey(), (fifteen - five) / 10);
        }
        log.forEach(System.out::println);
        System.out.println("statements per message: " + perMessage);
        perMessage.forEach((kind, n) -> assertThat(n).as(kind + " (see the statements above)")
                .isBetween(0L, most.get(kind)));
    }
}
