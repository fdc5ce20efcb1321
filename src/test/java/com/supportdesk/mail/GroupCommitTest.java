package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketDetail;
import com.supportdesk.store.MailboxRepository.QuarantineCategory;
import com.supportdesk.store.Store;
import com.supportdesk.testing.TestDesk;
import com.supportdesk.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 17: messages commit in groups, on H2 and on PostgreSQL (there as the mail gateway's login). A message that
 * the database refuses fails inside its group without losing or holding up the others; a reply threads onto an
 * original stored in the same transaction.
 */
class GroupCommitTest extends DeskIntakeTestBase {

    private static void deliver(String from, String subject, String id, String extra, String body) throws Exception {
        GreenMailSupport.deliver(GREENMAIL, RawMail.of("From: " + from + "\nTo: " + GreenMailSupport.ADDRESS
                + "\nSubject: " + subject + "\nMessage-ID: " + id + "\n" + extra + "\n" + body + "\n").build());
    }

    private List<Ticket> tickets() {
        List<Ticket> all = new ArrayList<>();
        desk.store().tickets().forEach(desk.admin(), "test", all::add);
        return all;
    }

    /**
     * The database itself refuses the message (a CHECK constraint added for the test, as a real store failure
     * would: a value it cannot take): no mock, the real statement fails inside the group's transaction.
     */
    private void refuseSubjectsContaining(String word) throws Exception {
        String check = " ADD CONSTRAINT test_refuses CHECK (subject IS NULL OR subject NOT LIKE '%" + word + "%')";
        if (desk.postgres()) {
            try (Connection c = TestPostgres.superuser(desk.url().substring(desk.url().lastIndexOf('/') + 1));
                 Statement st = c.createStatement()) {
                st.execute("ALTER TABLE sd_data.message" + check);
            }
        } else {
            desk.store().database().run(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("ALTER TABLE message" + check);
                }
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDesk.Engine.class)
    void aMessageTheStoreRefusesIsQuarantinedAndTheRestOfItsGroupIsStoredInTheSameRound(TestDesk.Engine engine)
            throws Exception {
        Store store = open(engine);
        refuseSubjectsContaining("REFUSED");
        deliver("ann@acme.example", "Printer on fire", "<g1@acme.example>", "", "one");
        deliver("bob@acme.example", "Scanner jammed", "<g2@acme.example>", "", "two");
        deliver("cat@acme.example", "REFUSED by the database", "<g3@acme.example>", "", "the refused body");
        deliver("dan@acme.example", "Fax silent", "<g4@acme.example>", "", "four");
        deliver("ann@acme.example", "Re: Printer on fire", "<g5@acme.example>", "In-Reply-To: <g1@acme.example>\n", "five");
        MailIntake intake = new MailIntake(store);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        intake.hooks = new MailIntake.Hooks() {
            @Override
            public void beforeCommit(Long uid) {
                events.add("written " + uid);
            }
        };
        intake.onOutcome((uid, outcome) -> events.add("committed " + uid));

        IntakeCounts counts = fetch(intake);

        assertThat(counts.summary())
                .isEqualTo("fetched 5, new tickets 3, threaded 1, automated 0, quarantined 1, duplicates 0");
        assertThat(tickets()).extracting(Ticket::subject)
                .containsExactlyInAnyOrder("Printer on fire", "Scanner jammed", "Fax silent");
        Ticket printer = tickets().stream().filter(t -> t.subject().equals("Printer on fire")).findFirst().orElseThrow();
        TicketDetail detail = desk.store().tickets().open(desk.admin(), printer.id(), "test");
        assertThat(detail.messages()).extracting(com.supportdesk.domain.Message::messageId)
                .containsExactly("<g1@acme.example>", "<g5@acme.example>");
        // the group failed at the refused message and was rolled back; then the group without it was one transaction
        // (all four written before any was committed); then the refused one alone failed again and was quarantined
        assertThat(events).containsExactly("written 1", "written 2", "written 1", "written 2", "written 4", "written 5",
                "committed 1", "committed 2", "committed 4", "committed 5", "committed 3");

        var entry = desk.store().mailbox().quarantine(desk.admin(), QuarantineCategory.UNREADABLE, false);
        assertThat(entry).singleElement().satisfies(e -> {
            assertThat(e.reason()).startsWith("The message could not be imported (database error");
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            desk.store().mailbox().rawSource(desk.admin(), e.id(), raw);
            assertThat(raw.toString(StandardCharsets.US_ASCII)).contains("Subject: REFUSED by the database")
                    .contains("the refused body");
        });
        assertThat(store.mailbox().checkpoint(GreenMailSupport.LOGIN + "@127.0.0.1", "INBOX").orElseThrow().lastUid())
                .as("the checkpoint covers the whole group").isEqualTo(5);
        assertThat(fetch(new MailIntake(store))).isEqualTo(IntakeCounts.NONE);
    }

    @ParameterizedTest
    @EnumSource(TestDesk.Engine.class)
    void aReplyInTheSameGroupAsItsOriginalThreadsOntoIt(TestDesk.Engine engine) throws Exception {
        Store store = open(engine);
        deliver("ann@acme.example", "Sev2 Reports are slow", "<t1@acme.example>", "", "slow");
        deliver("ann@acme.example", "Re: Sev2 Reports are slow", "<t2@acme.example>", "In-Reply-To: <t1@acme.example>\n",
                "still slow");
        deliver("ann@acme.example", "Re: Re: Sev2 Reports are slow", "<t3@acme.example>",
                "References: <t1@acme.example> <t2@acme.example>\n", "even slower");
        MailIntake intake = new MailIntake(store);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        intake.hooks = new MailIntake.Hooks() {
            @Override
            public void beforeCommit(Long uid) {
                events.add("written " + uid);
            }
        };
        intake.onOutcome((uid, outcome) -> events.add("committed " + uid + " " + outcome.kind()));

        assertThat(fetch(intake).summary())
                .isEqualTo("fetched 3, new tickets 1, threaded 2, automated 0, quarantined 0, duplicates 0");

        assertThat(events).as("one transaction").containsExactly("written 1", "written 2", "written 3",
                "committed 1 NEW_TICKET", "committed 2 THREADED", "committed 3 THREADED");
        assertThat(tickets()).singleElement().satisfies(t -> assertThat(
                desk.store().tickets().open(desk.admin(), t.id(), "test").messages()).hasSize(3));
    }
}
