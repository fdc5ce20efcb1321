package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.Message;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.Store;
import com.supportdesk.testing.TestDesk;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 17: a group of messages reads what its messages look up once ({@link GroupLookups}), and each message still
 * sees what the messages before it in the SAME group wrote, exactly as when every message asked the database itself:
 * threading onto a ticket the group opened (by Message-ID and by subject tag), the contact a new sender got, the known
 * or unknown sender of a reply, duplicates inside the group and of earlier groups; and on a team database the same
 * answers through the gateway's views, which never show it a ticket's contact or customer. Each round below is one
 * group (one transaction), on both engines.
 */
class GroupLookupsTest extends DeskIntakeTestBase {

    /** The intake, with where each message ended (by UID) and one entry per transaction committed. */
    private static MailIntake intake(Store store, Map<Long, IntakeOutcome> outcomes, List<String> commits) {
        // a message with UNREADABLE in it cannot be read (it goes to the quarantine)
        MailIntake intake = new MailIntake(store, file -> {
            if (Files.readString(file).contains("UNREADABLE")) {
                throw new MailParseException("unreadable for the test");
            }
            return new MailParser().parse(file);
        }, Clock.systemUTC(), MailIntake.DEFAULT_BATCH);
        intake.onOutcome((uid, outcome) -> outcomes.put(uid, outcome));
        intake.hooks = new MailIntake.Hooks() {
            @Override
            public void beforeCommit(Long uid) {
                commits.add("written " + uid);
            }
        };
        return intake;
    }

    private List<Ticket> tickets() {
        List<Ticket> all = new ArrayList<>();
        desk.store().tickets().forEach(desk.admin(), "test", all::add);
        return all;
    }

    private Ticket ticket(String subject) {
        return tickets().stream().filter(t -> t.subject().equals(subject)).findFirst().orElseThrow();
    }

    private List<Message> messages(Ticket t) {
        return desk.store().tickets().open(desk.admin(), t.id(), "test").messages();
    }

    /** Message-ID → whether it was marked as from an unknown sender, for a ticket's messages in order. */
    private Map<String, Boolean> unknownSenders(Ticket t) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        messages(t).forEach(m -> out.put(m.messageId(), m.unknownSender()));
        return out;
    }

    @ParameterizedTest
    @EnumSource(TestDesk.Engine.class)
    void aReplyInTheSameGroupAsItsOriginalThreadsOntoItAndItsSenderIsKnownToIt(TestDesk.Engine engine) throws Exception {
        Store store = open(engine);
        Map<Long, IntakeOutcome> outcomes = new LinkedHashMap<>();
        List<String> commits = Collections.synchronizedList(new ArrayList<>());
        MailIntake intake = intake(store, outcomes, commits);
        deliver(mail("ann@acme.example", "Reports are slow", "<a1@acme.example>", "", "slow"));
        assertThat(fetch(intake).newTickets()).isEqualTo(1);
        long annTicket = ticket("Reports are slow").id();

        // one group: a new ticket, replies to it by Message-ID (from its sender and from a stranger), a reply naming
        // the earlier group's message and the new one (the newest named wins), a reply to the earlier group's only,
        // and a message tagged with the ref the new ticket gets (a ticket that did not exist when the group began)
        deliver(mail("Bob <bob@acme.example>", "Login fails", "<b1@acme.example>", "", "locked out"));
        deliver(mail("bob@acme.example", "Re: Login fails", "<b2@acme.example>", "In-Reply-To: <b1@acme.example>\n", "still"));
        deliver(mail("mallory@elsewhere.example", "Re: Login fails", "<b3@elsewhere.example>",
                "In-Reply-To: <b1@acme.example>\n", "me too"));
        deliver(mail("ann@acme.example", "Re: both", "<b4@acme.example>",
                "References: <a1@acme.example> <b1@acme.example>\n", "both"));
        deliver(mail("ann@acme.example", "Re: Reports are slow", "<a2@acme.example>", "In-Reply-To: <a1@acme.example>\n",
                "slower"));
        deliver(mail("BOB@acme.example", "[" + Ticket.ref(annTicket + 1) + "] a detail", "<b5@acme.example>", "", "tagged"));
        commits.clear();

        assertThat(fetch(intake).summary())
                .isEqualTo("fetched 6, new tickets 1, threaded 5, automated 0, quarantined 0, duplicates 0");

        assertThat(commits).as("one group").hasSize(6);
        Ticket bob = ticket("Login fails");
        assertThat(bob.id()).as("the ref the tagged message names").isEqualTo(annTicket + 1);
        assertThat(unknownSenders(bob)).containsExactly(Map.entry("<b1@acme.example>", false),
                Map.entry("<b2@acme.example>", false), Map.entry("<b3@elsewhere.example>", true),
                Map.entry("<b4@acme.example>", true), Map.entry("<b5@acme.example>", false));
        assertThat(unknownSenders(ticket("Reports are slow"))).containsExactly(Map.entry("<a1@acme.example>", false),
                Map.entry("<a2@acme.example>", false));
    }

    @ParameterizedTest
    @EnumSource(TestDesk.Engine.class)
    void aNewSenderWritingTwiceInOneGroupGetsOneContact(TestDesk.Engine engine) throws Exception {
        Store store = open(engine);
        Map<Long, IntakeOutcome> outcomes = new LinkedHashMap<>();
        MailIntake intake = intake(store, outcomes, Collections.synchronizedList(new ArrayList<>()));
        deliver(mail("Nina Newcomer <nina@fresh.example>", "First question", "<n1@fresh.example>", "", "one"));
        deliver(mail("Ann <ann@acme.example>", "Printer on fire", "<n2@acme.example>", "", "smoke"));
        deliver(mail("N. Newcomer <Nina@Fresh.example>", "Second question", "<n3@fresh.example>", "", "two"));

        assertThat(fetch(intake).summary())
                .isEqualTo("fetched 3, new tickets 3, threaded 0, automated 0, quarantined 0, duplicates 0");

        Contact nina = desk.store().contacts().byEmail("nina@fresh.example").orElseThrow();
        assertThat(nina.name()).as("named by the first message").isEqualTo("Nina Newcomer");
        assertThat(ticket("First question").contactId()).isEqualTo(nina.id());
        assertThat(ticket("Second question").contactId()).isEqualTo(nina.id());
        assertThat(ticket("Printer on fire").contactId()).isNotEqualTo(nina.id())
                .isEqualTo(desk.store().contacts().byEmail("ann@acme.example").orElseThrow().id());
    }

    @ParameterizedTest
    @EnumSource(TestDesk.Engine.class)
    void duplicatesOfAnEarlierGroupAndOfTheSameGroupChangeNothing(TestDesk.Engine engine) throws Exception {
        Store store = open(engine);
        Map<Long, IntakeOutcome> outcomes = new LinkedHashMap<>();
        MailIntake intake = intake(store, outcomes, Collections.synchronizedList(new ArrayList<>()));
        byte[] request = mail("ann@acme.example", "Printer on fire", "<d1@acme.example>", "", "smoke");
        byte[] away = mail("bob@acme.example", "Automatic reply: away", "<d2@acme.example>",
                "Auto-Submitted: auto-replied\n", "back Monday");
        byte[] unreadable = mail("cat@acme.example", "Garbled", "<d3@acme.example>", "", "UNREADABLE");
        deliver(request);
        deliver(away);
        deliver(unreadable);
        assertThat(fetch(intake).summary())
                .isEqualTo("fetched 3, new tickets 1, threaded 0, automated 1, quarantined 1, duplicates 0");
        Map<Long, IntakeOutcome> first = new LinkedHashMap<>(outcomes);
        outcomes.clear();

        // a later group: each again (the request twice), a message reusing the request's Message-ID with other
        // bytes (kept under an id of its own), then that one again (a duplicate of what the group itself stored)
        deliver(request);
        deliver(away);
        deliver(unreadable);
        deliver(request);
        byte[] reuse = mail("dan@acme.example", "Fax silent", "<d1@acme.example>", "", "another message, the same id");
        deliver(reuse);
        deliver(reuse);

        assertThat(fetch(intake).summary())
                .isEqualTo("fetched 6, new tickets 1, threaded 0, automated 0, quarantined 0, duplicates 5");

        assertThat(outcomes.get(4L)).isEqualTo(new IntakeOutcome(IntakeOutcome.Kind.DUPLICATE, first.get(1L).ticketId(), null));
        assertThat(outcomes.get(5L)).isEqualTo(new IntakeOutcome(IntakeOutcome.Kind.DUPLICATE, null, first.get(2L).quarantineId()));
        assertThat(outcomes.get(6L)).isEqualTo(new IntakeOutcome(IntakeOutcome.Kind.DUPLICATE, null, first.get(3L).quarantineId()));
        assertThat(outcomes.get(7L)).isEqualTo(outcomes.get(4L));
        assertThat(outcomes.get(8L).kind()).isEqualTo(IntakeOutcome.Kind.NEW_TICKET);
        assertThat(outcomes.get(9L)).isEqualTo(new IntakeOutcome(IntakeOutcome.Kind.DUPLICATE, outcomes.get(8L).ticketId(), null));
        assertThat(messages(ticket("Printer on fire"))).extracting(Message::messageId).containsExactly("<d1@acme.example>");
        assertThat(messages(ticket("Fax silent"))).singleElement()
                .satisfies(m -> assertThat(m.messageId()).isNotEqualTo("<d1@acme.example>"));
        assertThat(tickets()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(TestDesk.Engine.class)
    void repliesToASensitiveTicketAreThreadedAndTheirSendersJudgedAsBeforeThroughTheGatewaysViews(TestDesk.Engine engine)
            throws Exception {
        Store store = open(engine);
        Customer gov = desk.store().customers().create(desk.admin(), "Ministry", true, 0);
        desk.store().contacts().create(desk.admin(), gov.id(), "Gail", "gail@gov.example", null, ContactRole.ADMINISTRATOR);
        desk.store().contacts().create(desk.admin(), gov.id(), "Hugo", "hugo@gov.example", null, ContactRole.REGISTERED_USER);
        MailIntake intake = intake(store, new LinkedHashMap<>(), Collections.synchronizedList(new ArrayList<>()));
        deliver(mail("gail@gov.example", "OFFICIAL-SENSITIVE: case files", "<s1@gov.example>", "", "details"));
        assertThat(fetch(intake).newTickets()).isEqualTo(1);
        Ticket sensitive = tickets().get(0);
        assertThat(sensitive.classification()).isEqualTo(Classification.OFFICIAL_SENSITIVE);
        if (engine == TestDesk.Engine.POSTGRES) {
            // what the gateway itself may read of it: no contact, no customer, no subject
            Ticket seen = store.database().inTx(tx -> store.tickets().find(tx, sensitive.id())).orElseThrow();
            assertThat(seen.contactId()).isNull();
            assertThat(seen.customerId()).isNull();
            assertThat(seen.subject()).isNotEqualTo(sensitive.subject());
        }

        // one group: the ticket's contact, another contact of its customer, a stranger (by Message-ID and by tag)
        deliver(mail("gail@gov.example", "Re: case files", "<s2@gov.example>", "In-Reply-To: <s1@gov.example>\n", "more"));
        deliver(mail("hugo@gov.example", "Re: case files", "<s3@gov.example>", "In-Reply-To: <s1@gov.example>\n", "also"));
        deliver(mail("eve@elsewhere.example", "Re: case files", "<s4@elsewhere.example>",
                "References: <s1@gov.example>\n", "curious"));
        deliver(mail("eve@elsewhere.example", "[" + sensitive.ref() + "] hello", "<s5@elsewhere.example>", "", "tag"));
        deliver(mail("Hugo@Gov.example", "[" + sensitive.ref() + "] update", "<s6@gov.example>", "", "tag"));

        assertThat(fetch(intake).summary())
                .isEqualTo("fetched 5, new tickets 0, threaded 5, automated 0, quarantined 0, duplicates 0");

        assertThat(unknownSenders(sensitive)).containsExactly(Map.entry("<s1@gov.example>", false),
                Map.entry("<s2@gov.example>", false), Map.entry("<s3@gov.example>", false),
                Map.entry("<s4@elsewhere.example>", true), Map.entry("<s5@elsewhere.example>", true),
                Map.entry("<s6@gov.example>", false));
        assertThat(desk.store().contacts().byEmail("eve@elsewhere.example")).as("a reply makes no contact").isEmpty();
    }
}
