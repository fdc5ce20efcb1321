package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.EventKind;
import com.supportdesk.domain.MessageKind;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketDetail;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestDesk;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketRepositoryTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z"); // a Wednesday
    TestDesk desk;
    Store store;
    Agent admin;
    Agent alice;
    Agent bob;

    /** The engine these tests run on; {@code TicketRepositoryPostgresTest} runs them all on PostgreSQL. */
    TestDesk.Engine engine() {
        return TestDesk.Engine.H2;
    }

    @BeforeEach
    void open() {
        desk = TestDesk.open(engine(), dir, clock);
        store = desk.store();
        admin = desk.admin();
        alice = desk.agent("alice", Clearance.NONE);
        bob = desk.agent("bob", Clearance.NONE);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    Store as(Agent agent) {
        return desk.as(agent);
    }

    private Ticket newTicket(Severity s, Instant received) {
        return as(alice).changes().create(alice, NewTicket.of("Login page fails", s, Channel.EMAIL, received));
    }

    @Test
    void createStoresDeadlineFromTheClockAndAReadableRef() {
        Ticket t = newTicket(Severity.S2, Instant.parse("2026-11-25T14:00:00Z"));
        assertThat(t.ref()).startsWith("SD-").isEqualTo("SD-" + t.id());
        assertThat(t.id()).isGreaterThanOrEqualTo(1001);
        assertThat(t.deadline()).isEqualTo(Instant.parse("2026-11-25T18:00:00Z"));
        assertThat(t.status()).isEqualTo(TicketStatus.NEW);
        assertThat(as(alice).history().history(alice, t.id())).extracting(e -> e.kind()).containsExactly(EventKind.CREATED);
    }

    @Test
    void secondSaveOfAStaleVersionFailsWithWhoAndWhenAndOverwritesNothing() {
        Ticket t = newTicket(Severity.S3, clock.instant());
        Ticket seenByAlice = as(alice).tickets().get(alice, t.id());
        Ticket seenByBob = as(bob).tickets().get(bob, t.id());
        clock.set(Instant.parse("2026-11-25T10:05:30Z"));
        as(alice).changes().changeSeverity(alice, t.id(), seenByAlice.version(), Severity.S1);

        assertThatThrownBy(() -> as(bob).changes().changeStatus(bob, t.id(), seenByBob.version(), TicketStatus.RESOLVED))
                .isInstanceOf(StoreException.ConcurrentChange.class)
                .hasMessage(t.ref() + " was changed by Alice at 25 Nov 10:05:30; reload");
        Ticket now = as(admin).tickets().get(admin, t.id());
        assertThat(now.severity()).isEqualTo(Severity.S1);
        assertThat(now.status()).isEqualTo(TicketStatus.NEW);
    }

    @Test
    void severityChangeRecomputesDeadlineFromReceivedAndRecordsIt() {
        Ticket t = newTicket(Severity.S3, Instant.parse("2026-11-25T10:00:00Z"));
        Ticket changed = as(alice).changes().changeSeverity(alice, t.id(), t.version(), Severity.S1);
        assertThat(changed.deadline()).isEqualTo(Instant.parse("2026-11-25T11:00:00Z"));
        assertThat(as(alice).history().history(alice, t.id()))
                .filteredOn(e -> e.kind() == EventKind.SEVERITY_CHANGED).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("Severity 3 \u2192 Severity 1").contains("2026-11-25T11:00:00Z"));
    }

    @Test
    void escalationNeedsReasonAndLevelThreeNeedsReproductionAndIsolation() {
        Ticket t = newTicket(Severity.S2, clock.instant());
        assertThatThrownBy(() -> as(alice).changes().changeLevel(alice, t.id(), t.version(), SupportLevel.L2, " ", null, null))
                .isInstanceOf(StoreException.Invalid.class).hasMessageContaining("reason");
        Ticket l2 = as(alice).changes().changeLevel(alice, t.id(), t.version(), SupportLevel.L2, "needs DB access", null, null);
        assertThat(l2.level()).isEqualTo(SupportLevel.L2);
        assertThatThrownBy(() -> as(alice).changes().changeLevel(alice, t.id(), l2.version(), SupportLevel.L3, "bug", "", "x"))
                .isInstanceOf(StoreException.Invalid.class).hasMessageContaining("steps to reproduce");
        Ticket l3 = as(alice).changes().changeLevel(alice, t.id(), l2.version(), SupportLevel.L3, "code defect",
                "1. open page\n2. click save", "Reproduced on a clean install; not data-specific");
        assertThat(l3.level()).isEqualTo(SupportLevel.L3);
        TicketDetail d = as(bob).tickets().open(bob, t.id(), "test");
        assertThat(d.messages()).filteredOn(m -> m.kind() == MessageKind.NOTE).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("click save").contains("clean install"));
    }

    @Test
    void firstContactStopsTheClockOnceAndMovesNewToOpen() {
        Ticket t = newTicket(Severity.S1, clock.instant());
        Instant call = Instant.parse("2026-11-25T10:20:00Z");
        assertThat(as(alice).changes().recordContact(alice, t.id(), call, ContactEvent.PHONE_CALL)).isTrue();
        assertThat(as(alice).changes().recordContact(alice, t.id(), call.plusSeconds(60), ContactEvent.EMAIL_REPLY)).isFalse();
        Ticket after = as(alice).tickets().get(alice, t.id());
        assertThat(after.firstContactAt()).isEqualTo(call);
        assertThat(after.firstContactEvent()).isEqualTo(ContactEvent.PHONE_CALL);
        assertThat(after.status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void internalNoteIsNotContact() {
        Ticket t = newTicket(Severity.S1, clock.instant());
        as(alice).changes().addNote(alice, t.id(), "checked the logs");
        assertThat(as(alice).tickets().get(alice, t.id()).firstContactAt()).isNull();
    }

    @Test
    void boardHoldsOpenAndResolvedToday() {
        Ticket open = newTicket(Severity.S1, clock.instant());
        Ticket resolved = newTicket(Severity.S2, clock.instant());
        as(alice).changes().changeStatus(alice, resolved.id(), resolved.version(), TicketStatus.RESOLVED);
        Ticket old = newTicket(Severity.S3, clock.instant().minus(Duration.ofDays(3)));
        clock.set(Instant.parse("2026-11-22T10:00:00Z"));
        as(alice).changes().changeStatus(alice, old.id(), old.version(), TicketStatus.RESOLVED);
        clock.set(Instant.parse("2026-11-25T12:00:00Z"));

        assertThat(as(alice).tickets().board(alice, Instant.parse("2026-11-25T00:00:00Z")))
                .extracting(Ticket::id).containsExactlyInAnyOrder(open.id(), resolved.id());
    }

    @Test
    void searchFindsByRefSubjectAndCustomer() {
        Customer acme = as(admin).customers().create(admin, "Acme Widgets", false, 4);
        Ticket t = as(alice).changes().create(alice, NewTicket.of("Invoice export broken", Severity.S3, Channel.EMAIL,
                clock.instant()).withCustomer(acme.id(), null));
        assertThat(as(bob).tickets().search(bob, "invoice", 10)).extracting(Ticket::id).containsExactly(t.id());
        assertThat(as(bob).tickets().search(bob, "acme", 10)).extracting(Ticket::id).containsExactly(t.id());
        assertThat(as(bob).tickets().search(bob, t.ref(), 10)).extracting(Ticket::id).containsExactly(t.id());
        assertThat(as(bob).tickets().search(bob, "100%_", 10)).isEmpty();
    }

    @Test
    void changeFeedReportsTicketsChangedByAnotherConnection() {
        long start = store.history().lastEventId();
        Ticket t = newTicket(Severity.S2, clock.instant());
        clock.advance(Duration.ofMinutes(1));
        TicketHistory.Changes ch = store.history().changesSince(start);
        assertThat(ch.ticketIds()).contains(t.id());
        assertThat(ch.lastEventId()).isGreaterThan(start);
    }

    @Test
    void contactsAreFoundByPhoneInAnyFormatting() {
        Customer acme = as(admin).customers().create(admin, "Acme Widgets", false, 4);
        as(alice).contacts().create(alice, acme.id(), "Priya Shah", "priya@acme.example", "+44 20 7946 0018",
                ContactRole.ADMINISTRATOR);
        assertThat(store.contacts().search("020 7946 0018", 5)).extracting(m -> m.contact().name()).containsExactly("Priya Shah");
        assertThat(store.contacts().search("0044 (0)20-7946-0018", 5)).hasSize(1);
        assertThat(store.contacts().search("7946", 5)).hasSize(1);
        assertThat(store.contacts().search("priya", 5)).hasSize(1);
        assertThat(store.contacts().search("acme", 5)).singleElement()
                .satisfies(m -> assertThat(m.customerName()).isEqualTo("Acme Widgets"));
    }

    @Test
    void onlyAnAdminCreatesAgentsAndPasswordsAreChecked() {
        assertThatThrownBy(() -> as(alice).agents().create(alice, new AgentRepository.AgentSpec("carol", "Carol",
                Clearance.NONE, SupportLevel.L1, false, false, true), TestDesk.PASSWORD.toCharArray()))
                .isInstanceOf(StoreException.AccessDenied.class).hasMessageContaining("admin");
        assertThat(as(alice).agents().authenticate("alice", TestDesk.PASSWORD.toCharArray()).id()).isEqualTo(alice.id());
        assertThatThrownBy(() -> {
            if (desk.postgres()) {
                desk.signIn("alice", "nope".toCharArray()).close();
            } else {
                store.agents().authenticate("alice", "nope".toCharArray());
            }
        }).isInstanceOf(StoreException.AccessDenied.class).hasMessage("Unknown user name or wrong password.");
    }
}
