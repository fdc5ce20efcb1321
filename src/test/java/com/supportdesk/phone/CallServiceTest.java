package com.supportdesk.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.CallDirection;
import com.supportdesk.domain.CallRecord;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.Contact;
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
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallServiceTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z"); // a Wednesday, in Business Hours
    Store store;
    Agent admin;
    Agent olive;
    Customer gov;
    Contact gail;
    CallService calls;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        admin = TestStores.admin(store);
        olive = TestStores.agent(store, admin, "olive", Clearance.NONE);
        gov = store.customers().create(admin, "Home Office Digital", true, 4);
        gail = store.contacts().create(admin, gov.id(), "Gail Gov", "gail@gov.example", "+44 20 7946 0018",
                ContactRole.ADMINISTRATOR);
        calls = new CallService(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private CallForm inbound(Instant started, String subject, Severity s) {
        return new CallForm(CallDirection.INBOUND, started, gail.id(), gov.id(), true, null, subject, s,
                SupportLevel.L1, true, false, "Portal returns 500 for everyone");
    }

    private CallForm onTicket(CallDirection dir, Instant started, long ticketId) {
        return new CallForm(dir, started, gail.id(), gov.id(), false, ticketId, "", null, null, true, false,
                "Talked it through");
    }

    @Test
    void anInboundCallOpensAPhoneTicketReceivedAtTheCallStartWithoutStoppingItsClock() {
        Instant started = clock.instant();
        clock.advance(Duration.ofMinutes(4).plusSeconds(7));
        CallService.CallOutcome out = calls.finish(olive, null, inbound(started, "Portal down", Severity.S1), clock.instant());

        Ticket t = store.tickets().get(admin, out.ticket().id());
        assertThat(out.ticketCreated()).isTrue();
        assertThat(out.stoppedClock()).isFalse();
        assertThat(out.duration()).isEqualTo(Duration.ofSeconds(247));
        assertThat(t.received()).isEqualTo(started);
        assertThat(t.channel()).isEqualTo(Channel.PHONE);
        assertThat(t.severity()).isEqualTo(Severity.S1);
        assertThat(t.contactId()).isEqualTo(gail.id());
        assertThat(t.firstContactAt()).isNull();
        assertThat(t.deadline()).isEqualTo(Instant.parse("2026-11-25T11:00:00Z"));
        TicketDetail d = store.tickets().open(admin, t.id(), "test");
        assertThat(d.calls()).singleElement().satisfies(c -> {
            assertThat(c.started()).isEqualTo(started);
            assertThat(c.ended()).isEqualTo(clock.instant());
            assertThat(c.duration()).isEqualTo(Duration.ofSeconds(247));
            assertThat(c.notes()).isEqualTo("Portal returns 500 for everyone");
            assertThat(c.draft()).isFalse();
            assertThat(c.operatorName()).isEqualTo("Olive");
        });
        assertThat(d.messages()).extracting(m -> m.kind()).containsExactly(MessageKind.REQUEST);
        assertThat(d.history()).extracting(e -> e.kind()).containsExactly(EventKind.CREATED, EventKind.CALL_LOGGED);
        assertThat(d.history().get(1).detail()).isEqualTo("Inbound call from Gail Gov (4 min 7 s), logged by Olive;"
                + " opened this ticket");
        assertThat(store.tickets().board(olive, clock.instant())).extracting(Ticket::id).contains(t.id());
    }

    @Test
    void anOutboundCallStopsTheClockAtItsStartAndASecondCallDoesNotMoveIt() {
        Ticket t = store.changes().create(olive, NewTicket.of("Reports slow", Severity.S2, Channel.EMAIL,
                Instant.parse("2026-11-25T09:30:00Z")).withCustomer(gov.id(), gail.id()));
        Instant first = clock.instant();
        clock.advance(Duration.ofMinutes(3));
        CallService.CallOutcome out = calls.finish(olive, null, onTicket(CallDirection.OUTBOUND, first, t.id()),
                clock.instant());
        assertThat(out.stoppedClock()).isTrue();
        assertThat(out.ticketCreated()).isFalse();

        clock.advance(Duration.ofHours(1));
        Instant second = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        assertThat(calls.finish(olive, null, onTicket(CallDirection.OUTBOUND, second, t.id()), clock.instant())
                .stoppedClock()).isFalse();

        Ticket after = store.tickets().get(olive, t.id());
        assertThat(after.firstContactAt()).isEqualTo(first);
        assertThat(after.firstContactEvent()).isEqualTo(ContactEvent.PHONE_CALL);
        assertThat(after.status()).isEqualTo(TicketStatus.OPEN);
        TicketDetail d = store.tickets().open(olive, t.id(), "test");
        assertThat(d.calls()).extracting(CallRecord::started).containsExactly(first, second);
        assertThat(d.calls()).extracting(CallRecord::direction).containsOnly(CallDirection.OUTBOUND);
        assertThat(d.history()).extracting(e -> e.kind()).containsExactly(EventKind.CREATED, EventKind.CALL_LOGGED,
                EventKind.FIRST_CONTACT, EventKind.CALL_LOGGED);
    }

    @Test
    void anInboundCallLoggedOnAnExistingTicketIsContactToo() {
        Ticket t = store.changes().create(olive, NewTicket.of("Reports slow", Severity.S2, Channel.EMAIL,
                Instant.parse("2026-11-25T09:30:00Z")));
        Instant started = clock.instant();
        assertThat(calls.finish(olive, null, onTicket(CallDirection.INBOUND, started, t.id()), started.plusSeconds(60))
                .stoppedClock()).isTrue();
        assertThat(store.tickets().get(olive, t.id()).firstContactAt()).isEqualTo(started);
    }

    @Test
    void aDraftIsAutosavedThenBecomesTheLoggedCall() {
        Instant started = clock.instant();
        CallForm form = inbound(started, "Portal down", Severity.S2);
        long draftId = calls.autosave(olive, null, form, "subject=Portal down\n");
        assertThat(calls.autosave(olive, draftId, form, "subject=Portal down again\n")).isEqualTo(draftId);
        assertThat(calls.drafts(olive)).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(draftId);
            assertThat(d.draft().started()).isEqualTo(started);
            assertThat(d.draft().state()).isEqualTo("subject=Portal down again\n");
        });
        CallService.CallOutcome out = calls.finish(olive, draftId, form, started.plusSeconds(90));
        assertThat(out.callId()).isEqualTo(draftId);
        assertThat(calls.drafts(olive)).isEmpty();
        assertThat(store.tickets().open(admin, out.ticket().id(), "test").calls()).extracting(CallRecord::id)
                .containsExactly(draftId);
        assertThatThrownBy(() -> calls.finish(olive, draftId, form, started.plusSeconds(95)))
                .isInstanceOf(StoreException.Invalid.class).hasMessageContaining("already logged or discarded");
    }

    @Test
    void aSensitiveCallOpensASensitiveTicketRedirectedToAClearedAgent() {
        CallForm form = new CallForm(CallDirection.INBOUND, clock.instant(), gail.id(), gov.id(), true, null,
                "Leak of case files", Severity.S2, SupportLevel.L1, true, true, "Details");
        CallService.CallOutcome out = calls.finish(olive, null, form, clock.instant().plusSeconds(30));
        assertThat(out.ticket().redacted()).isTrue();
        Ticket t = store.tickets().get(admin, out.ticket().id());
        assertThat(t.sensitive()).isTrue();
        assertThat(t.assigneeId()).isEqualTo(admin.id());
    }

    @Test
    void markingAnExistingTicketSensitiveDuringACallClassifiesIt() {
        Ticket t = store.changes().create(admin, NewTicket.of("Reports slow", Severity.S2, Channel.EMAIL,
                clock.instant()).withAssignee(olive.id()));
        CallForm form = new CallForm(CallDirection.OUTBOUND, clock.instant(), gail.id(), gov.id(), false, t.id(), "",
                null, null, true, true, "It involves case files");
        calls.finish(olive, null, form, clock.instant().plusSeconds(30));
        Ticket after = store.tickets().get(admin, t.id());
        assertThat(after.sensitive()).isTrue();
        assertThat(after.assigneeId()).isEqualTo(admin.id());
        assertThat(store.history().history(admin, t.id())).extracting(e -> e.kind())
                .contains(EventKind.CLASSIFICATION_CHANGED, EventKind.REDIRECTED, EventKind.CALL_LOGGED);
    }

    @Test
    void anUnclearedOperatorCannotLogACallOnASensitiveTicketAndNothingIsWritten() {
        Ticket t = store.changes().create(admin, NewTicket.of("Secret", Severity.S2, Channel.EMAIL, clock.instant())
                .withClassification(Classification.OFFICIAL_SENSITIVE));
        assertThatThrownBy(() -> calls.finish(olive, null, onTicket(CallDirection.INBOUND, clock.instant(), t.id()),
                clock.instant())).isInstanceOf(StoreException.AccessDenied.class)
                .hasMessageContaining("Official Sensitive");
        assertThat(store.tickets().get(admin, t.id()).firstContactAt()).isNull();
        assertThat(store.tickets().open(admin, t.id(), "test").calls()).isEmpty();
    }

    @Test
    void anIncompleteFormIsRefusedWithWhatIsMissing() {
        CallForm noSubject = inbound(clock.instant(), " ", Severity.S1);
        assertThat(noSubject.problems()).containsExactly("Give the new ticket a subject.");
        assertThatThrownBy(() -> calls.finish(olive, null, noSubject, clock.instant()))
                .hasMessage("Give the new ticket a subject.");
        CallForm nothing = new CallForm(CallDirection.INBOUND, clock.instant(), null, null, true, null, "", null, null,
                true, false, "");
        assertThat(nothing.problems()).containsExactly("Find the caller, or add them as a new caller.",
                "Give the new ticket a subject.", "Choose a severity (1, 2 or 3).");
        assertThat(new CallForm(CallDirection.INBOUND, clock.instant(), null, null, false, null, "", null, null, true,
                false, "").problems()).containsExactly("Choose the ticket to log this call on, or make it a new ticket.");
    }
}
