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
import com.supportdesk.testing.TestDesk;
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
    TestDesk desk;
    Store store;

    /** The engine these tests run on; {@code CallRepositoryPostgresTest} runs them all on PostgreSQL. */
    TestDesk.Engine engine() {
        return TestDesk.Engine.H2;
    }

    Store as(Agent agent) {
        return desk.as(agent);
    }
    Agent admin;
    Agent olive;
    Agent otto;
    CallRepository calls;

    @BeforeEach
    void open() {
        desk = TestDesk.open(engine(), dir, clock);
        store = desk.store();
        admin = desk.admin();
        olive = desk.agent("olive", Clearance.NONE);
        otto = desk.agent("otto", Clearance.NONE);
        calls = store.calls();
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void draftsAreSavedUpdatedAndOnlyEverReturnedToTheirOperator() {
        Instant started = clock.instant();
        long id = as(olive).calls().saveDraft(olive, null, new CallDraft(CallDirection.INBOUND, started, null, null, "first", "a=1\n"));
        clock.advance(Duration.ofSeconds(5));
        assertThat(as(olive).calls().saveDraft(olive, id, new CallDraft(CallDirection.INBOUND, started, null, null, "first\nsecond",
                "a=2\n"))).isEqualTo(id);

        assertThat(as(olive).calls().drafts(olive)).singleElement().satisfies(d -> {
            assertThat(d.draft().notes()).isEqualTo("first\nsecond");
            assertThat(d.draft().state()).isEqualTo("a=2\n");
            assertThat(d.draft().started()).isEqualTo(started);
            assertThat(d.updatedAt()).isEqualTo(clock.instant());
        });
        assertThat(as(otto).calls().drafts(otto)).isEmpty();
        assertThat(as(otto).calls().byId(otto, id)).isEmpty();
        assertThat(as(olive).calls().byId(olive, id)).get().satisfies(r -> assertThat(r.draft()).isTrue());
        assertThatThrownBy(() -> as(otto).calls().saveDraft(otto, id, new CallDraft(CallDirection.INBOUND, started, null, null, "x",
                null))).isInstanceOf(StoreException.Invalid.class);
        assertThat(as(otto).calls().discardDraft(otto, id)).isFalse();
        assertThat(as(olive).calls().discardDraft(olive, id)).isTrue();
        assertThat(as(olive).calls().drafts(olive)).isEmpty();
        assertThatThrownBy(() -> as(olive).calls().drafts(AccessPolicy.NOBODY)).isInstanceOf(StoreException.AccessDenied.class);
    }

    @Test
    void loggingTurnsTheDraftIntoTheTicketsCall() {
        Ticket t = as(olive).changes().create(olive, NewTicket.of("Slow", Severity.S2, Channel.EMAIL, clock.instant()));
        Instant started = clock.instant();
        long id = as(olive).calls().saveDraft(olive, null, new CallDraft(CallDirection.OUTBOUND, started, t.id(), null, "n", "s"));
        assertThat(as(olive).tickets().open(olive, t.id(), "test").calls()).isEmpty();
        as(olive).database().run(c -> as(olive).calls().log(c, olive, id, new CallEntry(t.id(), null, CallDirection.OUTBOUND, started,
                started.plusSeconds(61), "final notes")));
        assertThat(as(olive).tickets().open(olive, t.id(), "test").calls()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.notes()).isEqualTo("final notes");
            assertThat(r.duration()).isEqualTo(Duration.ofSeconds(61));
        });
        assertThat(as(olive).calls().drafts(olive)).isEmpty();
        assertThatThrownBy(() -> new CallEntry(t.id(), null, CallDirection.INBOUND, started, started.minusSeconds(1), ""))
                .hasMessage("A call cannot end before it started.");
    }

    @Test
    void aCallersOpenTicketsComeTheirsFirstThenTheirCustomersAsTheReaderMaySeeThem() {
        Customer acme = as(admin).customers().create(admin, "Acme", false, 0);
        Customer other = as(admin).customers().create(admin, "Other", false, 0);
        Contact carl = as(admin).contacts().create(admin, acme.id(), "Carl", "carl@acme.example", "01632 960001",
                ContactRole.REGISTERED_USER);
        Contact cora = as(admin).contacts().create(admin, acme.id(), "Cora", "cora@acme.example", null, ContactRole.ADMINISTRATOR);
        Ticket colleagues = as(admin).changes().create(admin, NewTicket.of("Cora's", Severity.S3, Channel.EMAIL,
                clock.instant().minusSeconds(60)).withCustomer(acme.id(), cora.id()));
        Ticket own = as(admin).changes().create(admin, NewTicket.of("Carl's", Severity.S3, Channel.EMAIL,
                clock.instant().minusSeconds(120)).withCustomer(acme.id(), carl.id()));
        Ticket secret = as(admin).changes().create(admin, NewTicket.of("Carl's secret", Severity.S2, Channel.EMAIL,
                clock.instant().minusSeconds(30)).withCustomer(acme.id(), carl.id())
                .withClassification(Classification.OFFICIAL_SENSITIVE));
        Ticket closed = as(admin).changes().create(admin, NewTicket.of("Old", Severity.S3, Channel.EMAIL,
                clock.instant()).withCustomer(acme.id(), carl.id()));
        as(admin).changes().changeStatus(admin, closed.id(), closed.version(), TicketStatus.CLOSED);
        as(admin).changes().create(admin, NewTicket.of("Elsewhere", Severity.S3, Channel.EMAIL, clock.instant())
                .withCustomer(other.id(), null));

        // an uncleared operator does not learn that the caller has an Official Sensitive ticket at all
        assertThat(as(olive).calls().openTicketsForCaller(olive, carl.id(), acme.id(), 10)).extracting(Ticket::id)
                .containsExactly(own.id(), colleagues.id());
        assertThat(as(admin).calls().openTicketsForCaller(admin, carl.id(), acme.id(), 10)).extracting(Ticket::id)
                .containsExactly(secret.id(), own.id(), colleagues.id());
        assertThat(as(admin).calls().openTicketsForCaller(admin, carl.id(), acme.id(), 10).get(0).subject())
                .isEqualTo("Carl's secret");
        assertThat(as(admin).audit().list(admin, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
                .extracting(AuditRepository.AuditEntry::ticketId).contains(secret.id());
        assertThat(as(olive).calls().openTicketsForCaller(olive, carl.id(), acme.id(), 1)).hasSize(1);
        assertThat(as(olive).calls().openTicketsForCaller(olive, null, null, 10)).isEmpty();
    }
}
