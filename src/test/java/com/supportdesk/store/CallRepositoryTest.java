package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.CallDirection;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.store.CallRepository.CallDraft;
import com.supportdesk.store.CallRepository.CallEntry;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallRepositoryTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    Store store;
    Agent admin;
    Agent olive;
    Agent otto;
    CallRepository calls;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        admin = TestStores.admin(store);
        olive = TestStores.agent(store, admin, "olive", Clearance.NONE);
        otto = TestStores.agent(store, admin, "otto", Clearance.NONE);
        calls = store.calls();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void draftsAreSavedUpdatedAndOnlyEverReturnedToTheirOperator() {
        Instant started = clock.instant();
        long id = calls.saveDraft(olive, null, new CallDraft(CallDirection.INBOUND, started, null, null, "first", "a=1\n"));
        clock.advance(Duration.ofSeconds(5));
        assertThat(calls.saveDraft(olive, id, new CallDraft(CallDirection.INBOUND, started, null, null, "first\nsecond",
                "a=2\n"))).isEqualTo(id);

        assertThat(calls.drafts(olive)).singleElement().satisfies(d -> {
            assertThat(d.draft().notes()).isEqualTo("first\nsecond");
            assertThat(d.draft().state()).isEqualTo("a=2\n");
            assertThat(d.draft().started()).isEqualTo(started);
            assertThat(d.updatedAt()).isEqualTo(clock.instant());
        });
        assertThat(calls.drafts(otto)).isEmpty();
        assertThat(calls.byId(otto, id)).isEmpty();
        assertThat(calls.byId(olive, id)).get().satisfies(r -> assertThat(r.draft()).isTrue());
        assertThatThrownBy(() -> calls.saveDraft(otto, id, new CallDraft(CallDirection.INBOUND, started, null, null, "x",
                null))).isInstanceOf(StoreException.Invalid.class);
        assertThat(calls.discardDraft(otto, id)).isFalse();
        assertThat(calls.discardDraft(olive, id)).isTrue();
        assertThat(calls.drafts(olive)).isEmpty();
        assertThatThrownBy(() -> calls.drafts(AccessPolicy.NOBODY)).isInstanceOf(StoreException.AccessDenied.class);
    }

    @Test
    void loggingTurnsTheDraftIntoTheTicketsCall() {
        Ticket t = store.tickets().create(olive, NewTicket.of("Slow", Severity.S2, Channel.EMAIL, clock.instant()));
        Instant started = clock.instant();
        long id = calls.saveDraft(olive, null, new CallDraft(CallDirection.OUTBOUND, started, t.id(), null, "n", "s"));
        assertThat(store.tickets().open(olive, t.id(), "test").calls()).isEmpty();
        store.database().run(c -> calls.log(c, olive, id, new CallEntry(t.id(), null, CallDirection.OUTBOUND, started,
                started.plusSeconds(61), "final notes")));
        assertThat(store.tickets().open(olive, t.id(), "test").calls()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.notes()).isEqualTo("final notes");
            assertThat(r.duration()).isEqualTo(Duration.ofSeconds(61));
        });
        assertThat(calls.drafts(olive)).isEmpty();
        assertThatThrownBy(() -> new CallEntry(t.id(), null, CallDirection.INBOUND, started, started.minusSeconds(1), ""))
                .hasMessage("A call cannot end before it started.");
    }

    @Test
    void aCallersOpenTicketsComeTheirsFirstThenTheirCustomersAsTheReaderMaySeeThem() {
        Customer acme = store.customers().create(admin, "Acme", false, 0);
        Customer other = store.customers().create(admin, "Other", false, 0);
        Contact carl = store.contacts().create(admin, acme.id(), "Carl", "carl@acme.example", "01632 960001",
                ContactRole.REGISTERED_USER);
        Contact cora = store.contacts().create(admin, acme.id(), "Cora", "cora@acme.example", null, ContactRole.ADMINISTRATOR);
        Ticket colleagues = store.tickets().create(admin, NewTicket.of("Cora's", Severity.S3, Channel.EMAIL,
                clock.instant().minusSeconds(60)).withCustomer(acme.id(), cora.id()));
        Ticket own = store.tickets().create(admin, NewTicket.of("Carl's", Severity.S3, Channel.EMAIL,
                clock.instant().minusSeconds(120)).withCustomer(acme.id(), carl.id()));
        Ticket secret = store.tickets().create(admin, NewTicket.of("Carl's secret", Severity.S2, Channel.EMAIL,
                clock.instant().minusSeconds(30)).withCustomer(acme.id(), carl.id())
                .withClassification(Classification.OFFICIAL_SENSITIVE));
        Ticket closed = store.tickets().create(admin, NewTicket.of("Old", Severity.S3, Channel.EMAIL,
                clock.instant()).withCustomer(acme.id(), carl.id()));
        store.tickets().changeStatus(admin, closed.id(), closed.version(), TicketStatus.CLOSED);
        store.tickets().create(admin, NewTicket.of("Elsewhere", Severity.S3, Channel.EMAIL, clock.instant())
                .withCustomer(other.id(), null));

        assertThat(calls.openTicketsForCaller(olive, carl.id(), acme.id(), 10)).extracting(Ticket::id)
                .containsExactly(secret.id(), own.id(), colleagues.id());
        assertThat(calls.openTicketsForCaller(olive, carl.id(), acme.id(), 10).get(0).subject())
                .isEqualTo(Ticket.PLACEHOLDER);
        assertThat(calls.openTicketsForCaller(admin, carl.id(), acme.id(), 10).get(0).subject())
                .isEqualTo("Carl's secret");
        assertThat(calls.openTicketsForCaller(olive, carl.id(), acme.id(), 2)).hasSize(2);
        assertThat(calls.openTicketsForCaller(olive, null, null, 10)).isEmpty();
    }
}
