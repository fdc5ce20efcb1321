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
import com.supportdesk.testing.TestStores;
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
    Store store;
    Agent admin;
    Agent alice;
    Agent bob;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        admin = TestStores.admin(store);
        alice = TestStores.agent(store, admin, "alice", Clearance.NONE);
        bob = TestStores.agent(store, admin, "bob", Clearance.NONE);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Ticket newTicket(Severity s, Instant received) {
        return store.tickets().create(alice, NewTicket.of("Login page fails", s, Channel.EMAIL, received));
    }

    @Test
    void createStoresDeadlineFromTheClockAndAReadableRef() {
        Ticket t = newTicket(Severity.S2, Instant.parse("2026-11-25T14:00:00Z"));
        assertThat(t.ref()).startsWith("SD-").isEqualTo("SD-" + t.id());
        assertThat(t.id()).isGreaterThanOrEqualTo(1001);
        assertThat(t.deadline()).isEqualTo(Instant.parse("2026-11-25T18:00:00Z"));
        assertThat(t.status()).isEqualTo(TicketStatus.NEW);
        assertThat(store.tickets().history(alice, t.id())).extracting(e -> e.kind()).containsExactly(EventKind.CREATED);
    }

    @Test
    void secondSaveOfAStaleVersionFailsWithWhoAndWhenAndOverwritesNothing() {
        Ticket t = newTicket(Severity.S3, clock.instant());
        Ticket seenByAlice = store.tickets().get(alice, t.id());
        Ticket seenByBob = store.tickets().get(bob, t.id());
        clock.set(Instant.parse("2026-11-25T10:05:30Z"));
        store.tickets().changeSeverity(alice, t.id(), seenByAlice.version(), Severity.S1);

        assertThatThrownBy(() -> store.tickets().changeStatus(bob, t.id(), seenByBob.version(), TicketStatus.RESOLVED))
                .isInstanceOf(StoreException.ConcurrentChange.class)
                .hasMessage(t.ref() + " was changed by Alice at 25 Nov 10:05:30; reload");
        Ticket now = store.tickets().get(admin, t.id());
        assertThat(now.severity()).isEqualTo(Severity.S1);
        assertThat(now.status()).isEqualTo(TicketStatus.NEW);
    }

    @Test
    void severityChangeRecomputesDeadlineFromReceivedAndRecordsIt() {
        Ticket t = newTicket(Severity.S3, Instant.parse("2026-11-25T10:00:00Z"));
        Ticket changed = store.tickets().changeSeverity(alice, t.id(), t.version(), Severity.S1);
        assertThat(changed.deadline()).isEqualTo(Instant.parse("2026-11-25T11:00:00Z"));
        assertThat(store.tickets().history(alice, t.id()))
                .filteredOn(e -> e.kind() == EventKind.SEVERITY_CHANGED).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("Severity 3 \u2192 Severity 1").contains("2026-11-25T11:00:00Z"));
    }

    @Test
    void escalationNeedsReasonAndLevelThreeNeedsReproductionAndIsolation() {
        Ticket t = newTicket(Severity.S2, clock.instant());
        assertThatThrownBy(() -> store.tickets().changeLevel(alice, t.id(), t.version(), SupportLevel.L2, " ", null, null))
                .isInstanceOf(StoreException.Invalid.class).hasMessageContaining("reason");
        Ticket l2 = store.tickets().changeLevel(alice, t.id(), t.version(), SupportLevel.L2, "needs DB access", null, null);
        assertThat(l2.level()).isEqualTo(SupportLevel.L2);
        assertThatThrownBy(() -> store.tickets().changeLevel(alice, t.id(), l2.version(), SupportLevel.L3, "bug", "", "x"))
                .isInstanceOf(StoreException.Invalid.class).hasMessageContaining("steps to reproduce");
        Ticket l3 = store.tickets().changeLevel(alice, t.id(), l2.version(), SupportLevel.L3, "code defect",
                "1. open page\n2. click save", "Reproduced on a clean install; not data-specific");
        assertThat(l3.level()).isEqualTo(SupportLevel.L3);
        TicketDetail d = store.tickets().open(bob, t.id(), "test");
        assertThat(d.messages()).filteredOn(m -> m.kind() == MessageKind.NOTE).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("click save").contains("clean install"));
    }

    @Test
    void firstContactStopsTheClockOnceAndMovesNewToOpen() {
        Ticket t = newTicket(Severity.S1, clock.instant());
        Instant call = Instant.parse("2026-11-25T10:20:00Z");
        assertThat(store.tickets().recordContact(alice, t.id(), call, ContactEvent.PHONE_CALL)).isTrue();
        assertThat(store.tickets().recordContact(alice, t.id(), call.plusSeconds(60), ContactEvent.EMAIL_REPLY)).isFalse();
        Ticket after = store.tickets().get(alice, t.id());
        assertThat(after.firstContactAt()).isEqualTo(call);
        assertThat(after.firstContactEvent()).isEqualTo(ContactEvent.PHONE_CALL);
        assertThat(after.status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void internalNoteIsNotContact() {
        Ticket t = newTicket(Severity.S1, clock.instant());
        store.tickets().addNote(alice, t.id(), "checked the logs");
        assertThat(store.tickets().get(alice, t.id()).firstContactAt()).isNull();
    }

    @Test
    void boardHoldsOpenAndResolvedToday() {
        Ticket open = newTicket(Severity.S1, clock.instant());
        Ticket resolved = newTicket(Severity.S2, clock.instant());
        store.tickets().changeStatus(alice, resolved.id(), resolved.version(), TicketStatus.RESOLVED);
        Ticket old = newTicket(Severity.S3, clock.instant().minus(Duration.ofDays(3)));
        clock.set(Instant.parse("2026-11-22T10:00:00Z"));
        store.tickets().changeStatus(alice, old.id(), old.version(), TicketStatus.RESOLVED);
        clock.set(Instant.parse("2026-11-25T12:00:00Z"));

        assertThat(store.tickets().board(alice, Instant.parse("2026-11-25T00:00:00Z")))
                .extracting(Ticket::id).containsExactlyInAnyOrder(open.id(), resolved.id());
    }

    @Test
    void searchFindsByRefSubjectAndCustomer() {
        Customer acme = store.customers().create(admin, "Acme Widgets", false, 4);
        Ticket t = store.tickets().create(alice, NewTicket.of("Invoice export broken", Severity.S3, Channel.EMAIL,
                clock.instant()).withCustomer(acme.id(), null));
        assertThat(store.tickets().search(bob, "invoice", 10)).extracting(Ticket::id).containsExactly(t.id());
        assertThat(store.tickets().search(bob, "acme", 10)).extracting(Ticket::id).containsExactly(t.id());
        assertThat(store.tickets().search(bob, t.ref(), 10)).extracting(Ticket::id).containsExactly(t.id());
        assertThat(store.tickets().search(bob, "100%_", 10)).isEmpty();
    }

    @Test
    void changeFeedReportsTicketsChangedByAnotherConnection() {
        long start = store.tickets().lastEventId();
        Ticket t = newTicket(Severity.S2, clock.instant());
        clock.advance(Duration.ofMinutes(1));
        TicketRepository.Changes ch = store.tickets().changesSince(start);
        assertThat(ch.ticketIds()).contains(t.id());
        assertThat(ch.lastEventId()).isGreaterThan(start);
    }

    @Test
    void contactsAreFoundByPhoneInAnyFormatting() {
        Customer acme = store.customers().create(admin, "Acme Widgets", false, 4);
        store.contacts().create(alice, acme.id(), "Priya Shah", "priya@acme.example", "+44 20 7946 0018",
                ContactRole.ADMINISTRATOR);
        assertThat(store.contacts().search("020 7946 0018", 5)).extracting(m -> m.contact().name()).containsExactly("Priya Shah");
        assertThat(store.contacts().search("0044 (0)20-7946-0018", 5)).hasSize(1);
        assertThat(store.contacts().search("7946", 5)).hasSize(1);
        assertThat(store.contacts().search("priya", 5)).hasSize(1);
        assertThat(store.contacts().search("acme", 5)).singleElement()
                .satisfies(m -> assertThat(m.customerName()).isEqualTo("Acme Widgets"));
    }

    @Test
    void onlyTheFirstAgentMayBeCreatedWithoutSigningIn() {
        assertThatThrownBy(() -> TestStores.agent(store, alice, "carol", Clearance.NONE))
                .isInstanceOf(StoreException.AccessDenied.class).hasMessageContaining("admin");
        assertThat(store.agents().authenticate("alice", "alice".toCharArray()).id()).isEqualTo(alice.id());
        assertThatThrownBy(() -> store.agents().authenticate("alice", "nope".toCharArray()))
                .isInstanceOf(StoreException.AccessDenied.class).hasMessage("Unknown user name or wrong password.");
    }
}
