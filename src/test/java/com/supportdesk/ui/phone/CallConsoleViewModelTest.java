package com.supportdesk.ui.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.CallDirection;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.phone.CallService;
import com.supportdesk.phone.PolicyHints;
import com.supportdesk.sla.CalendarSpec;
import com.supportdesk.store.ContactRepository.ContactMatch;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.phone.CallConsoleViewModel.Target;
import com.supportdesk.ui.phone.DraftRecovery.DraftChoice;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's view-model without the FX toolkit: background work inline, ticks by hand. */
class CallConsoleViewModelTest {

    @TempDir
    Path dir;
    PhoneFixture f;

    private CallConsoleViewModel console(String now, Long ticketId) {
        if (f == null) {
            f = new PhoneFixture(dir, now);
        }
        CallConsoleViewModel vm = new CallConsoleViewModel(f.context(TaskExecutor.direct()), f.olive, ticketId, f.dialogs);
        vm.start();
        return vm;
    }

    @AfterEach
    void close() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    private static ContactMatch only(CallConsoleViewModel vm) {
        assertThat(vm.lookup().matches()).hasSize(1);
        return vm.lookup().matches().get(0);
    }

    @Test
    void theCallStartsWhenTheConsoleOpensAndTheTimerRunsFromThere() {
        CallConsoleViewModel vm = console("2026-11-25T10:00:00Z", null);
        assertThat(vm.started()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(vm.directionProperty().get()).isEqualTo(CallDirection.INBOUND);
        assertThat(vm.startedText()).isEqualTo("Started 10:00:00");
        f.clock.advance(Duration.ofSeconds(65));
        f.tickSecond();
        assertThat(vm.elapsedProperty().get()).isEqualTo("01:05");
        f.clock.advance(Duration.ofHours(1));
        f.tickSecond();
        assertThat(vm.elapsedProperty().get()).isEqualTo("1:01:05");
        vm.dispose();
        assertThat(f.timer.registered()).isZero();
    }

    @Test
    void lookupFindsTheCallerByADifferentlyFormattedNumberAndShowsWhoTheyAre() {
        CallConsoleViewModel vm = console("2026-11-25T10:00:00Z", null);
        Ticket open = f.store.changes().create(f.admin, NewTicket.of("Reports slow", Severity.S2, Channel.EMAIL,
                f.clock.instant()).withCustomer(f.gov.id(), f.gail.id()));
        for (String typed : List.of("020 7946 0018", "0044 20 7946 0018", "+44 (0)20 7946 0018", "7946", "gail@",
                "home office")) {
            vm.lookup().queryProperty().set(typed);
            assertThat(only(vm).contact().id()).as(typed).isEqualTo(f.gail.id());
        }
        vm.chooseCaller(vm.lookup().first().orElseThrow());
        assertThat(vm.lookup().matches()).isEmpty();
        assertThat(CallerLookup.describe(vm.lookup().caller())).isEqualTo("Gail Gov \u2014 Home Office Digital \u00b7"
                + " Administrator \u00b7 UK Government \u00b7 +44 20 7946 0018 \u00b7 gail@gov.example");
        assertThat(vm.callerTickets()).extracting(Ticket::id).containsExactly(open.id());
    }

    @Test
    void aTechnicalCallFromARegisteredUserQuotesThePolicyButIsNotBlocked() {
        CallConsoleViewModel vm = console("2026-11-25T10:00:00Z", null);
        assertThat(vm.hintProperty().get()).isEmpty();
        vm.lookup().queryProperty().set("01632 960123");
        vm.chooseCaller(only(vm));
        String policy = PolicyHints.policyText(CalendarSpec.standard());
        assertThat(vm.hintProperty().get()).contains("registered user").contains(policy)
                .contains("09:00\u201318:00 GMT on weekdays, excluding UK public holidays");
        vm.technicalProperty().set(false);
        assertThat(vm.hintProperty().get()).isEmpty();
        vm.technicalProperty().set(true);
        vm.fields().subjectProperty().set("How do I reset my password?");
        vm.fields().severityProperty().set(Severity.S3);
        assertThat(vm.save()).isTrue();
        assertThat(vm.closedProperty().get()).isTrue();
    }

    @Test
    void anyCallOutsideBusinessHoursGetsTheNotice() {
        CallConsoleViewModel vm = console("2026-11-28T11:00:00Z", null); // a Saturday
        assertThat(vm.hintProperty().get()).startsWith("This call is outside Business Hours.");
        vm.lookup().queryProperty().set("gail");
        vm.chooseCaller(only(vm));
        assertThat(vm.hintProperty().get()).doesNotContain("The caller is a registered user");
    }

    @Test
    void savingAnIncompleteCallSaysWhatIsMissingAndKeepsItOpen() {
        CallConsoleViewModel vm = console("2026-11-25T10:00:00Z", null);
        assertThat(vm.save()).isFalse();
        assertThat(vm.problemsProperty().get()).isEqualTo("Find the caller, or add them as a new caller.\n"
                + "Give the new ticket a subject.\nChoose a severity (1, 2 or 3).");
        vm.fields().subjectProperty().set("Portal down");
        assertThat(vm.problemsProperty().get()).doesNotContain("subject");
        vm.targetProperty().set(Target.EXISTING_TICKET);
        assertThat(vm.problemsProperty().get()).isEqualTo("Choose the ticket to log this call on, or make it a new ticket.");
        assertThat(vm.closedProperty().get()).isFalse();
    }

    @Test
    void anInboundCallOpensANewTicketReceivedAtTheOpenInstantWithoutStoppingItsClock() {
        CallConsoleViewModel vm = console("2026-11-25T10:00:00Z", null);
        Instant opened = vm.started();
        List<CallService.CallOutcome> logged = new ArrayList<>();
        vm.setOnLogged(logged::add);
        vm.lookup().queryProperty().set("020 7946 0018");
        vm.chooseCaller(only(vm));
        vm.fields().subjectProperty().set("Portal down for all users");
        vm.fields().severityProperty().set(Severity.S1);
        vm.notesProperty().set("500 errors since 09:40");
        f.clock.advance(Duration.ofMinutes(7));
        assertThat(vm.save()).isTrue();

        assertThat(logged).singleElement().satisfies(o -> assertThat(o.ticketCreated()).isTrue());
        Ticket t = f.store.tickets().get(f.admin, logged.get(0).ticket().id());
        assertThat(t.received()).isEqualTo(opened);
        assertThat(t.channel()).isEqualTo(Channel.PHONE);
        assertThat(t.firstContactAt()).isNull();
        assertThat(vm.statusProperty().get()).isEqualTo("Logged on " + t.ref() + " (new ticket)");
        assertThat(vm.elapsedProperty().get()).isEqualTo("07:00");
        assertThat(f.store.calls().drafts(f.olive)).isEmpty();
    }

    @Test
    void notesAreAutosavedAndAfterACrashTheNextConsoleOffersTheDraftWithItsOriginalStart() {
        CallConsoleViewModel first = console("2026-11-25T10:00:00Z", null);
        Instant opened = first.started();
        first.lookup().queryProperty().set("gail");
        first.chooseCaller(only(first));
        first.fields().subjectProperty().set("Portal down");
        first.fields().severityProperty().set(Severity.S1);
        first.notesProperty().set("Line one\nLine two");
        f.clock.advance(Duration.ofSeconds(5));
        f.tickAutosave();
        assertThat(first.draftId()).isPresent();
        assertThat(first.statusProperty().get()).isEqualTo("Draft saved 10:00:05");
        f.tickAutosave(); // unchanged: no second write
        assertThat(f.store.calls().drafts(f.olive)).singleElement()
                .satisfies(d -> assertThat(d.updatedAt()).isEqualTo(Instant.parse("2026-11-25T10:00:05Z")));
        // the app dies: the first console is never ended or discarded
        f.clock.advance(Duration.ofMinutes(2));
        f.dialogs.askAnswer = DraftChoice.RESUME;
        CallConsoleViewModel second = console(null, null);

        assertThat(f.dialogs.asked()).singleElement().asString().contains("with Gail Gov")
                .contains("started Wed 25 Nov 10:00:00").contains("Line one");
        assertThat(second.started()).isEqualTo(opened);
        assertThat(second.draftId()).isEqualTo(first.draftId());
        assertThat(second.notesProperty().get()).isEqualTo("Line one\nLine two");
        assertThat(second.fields().subjectProperty().get()).isEqualTo("Portal down");
        assertThat(second.fields().severityProperty().get()).isEqualTo(Severity.S1);
        assertThat(second.lookup().caller().contact().id()).isEqualTo(f.gail.id());
        assertThat(second.elapsedProperty().get()).isEqualTo("02:05");
        assertThat(second.save()).isTrue();
        Ticket t = f.store.tickets().board(f.olive, f.clock.instant()).get(0);
        assertThat(t.received()).isEqualTo(opened);
        assertThat(f.store.calls().drafts(f.olive)).isEmpty();
    }

    @Test
    void aDraftCanBeKeptForLaterOrDiscarded() {
        CallConsoleViewModel first = console("2026-11-25T10:00:00Z", null);
        first.notesProperty().set("half a call");
        f.tickAutosave();
        f.dialogs.askAnswer = DraftChoice.LATER;
        CallConsoleViewModel second = console(null, null);
        assertThat(second.draftId()).isEmpty();
        assertThat(second.notesProperty().get()).isEmpty();
        assertThat(f.store.calls().drafts(f.olive)).hasSize(1);
        f.dialogs.askAnswer = DraftChoice.DISCARD;
        console(null, null);
        assertThat(f.store.calls().drafts(f.olive)).isEmpty();
    }

    @Test
    void escAsksBeforeDiscardingAndDiscardingDeletesTheDraft() {
        CallConsoleViewModel vm = console("2026-11-25T10:00:00Z", null);
        vm.notesProperty().set("wrong number");
        f.tickAutosave();
        f.dialogs.discardAnswer = false;
        assertThat(vm.discard()).isFalse();
        assertThat(vm.closedProperty().get()).isFalse();
        assertThat(f.store.calls().drafts(f.olive)).hasSize(1);
        f.dialogs.discardAnswer = true;
        assertThat(vm.discard()).isTrue();
        assertThat(vm.closedProperty().get()).isTrue();
        assertThat(f.dialogs.asked()).hasSize(2).allMatch(q -> q.startsWith("Discard this call?"));
        assertThat(f.store.calls().drafts(f.olive)).isEmpty();
        f.tickAutosave();
        assertThat(f.store.calls().drafts(f.olive)).isEmpty();
    }

    @Test
    void anOutboundCallFromATicketIsLoggedThereAndStopsTheClockOnce() {
        f = new PhoneFixture(dir, "2026-11-25T10:00:00Z");
        Ticket t = f.store.changes().create(f.olive, NewTicket.of("Reports slow", Severity.S2, Channel.EMAIL,
                Instant.parse("2026-11-25T09:00:00Z")).withCustomer(f.gov.id(), f.gail.id()));
        CallConsoleViewModel vm = console(null, t.id());
        assertThat(vm.directionProperty().get()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(vm.targetFixed()).isTrue();
        assertThat(vm.headingProperty().get()).isEqualTo("Outbound call on " + t.ref() + " \u00b7 Reports slow");
        assertThat(vm.lookup().caller().contact().id()).isEqualTo(f.gail.id());
        vm.notesProperty().set("Explained the workaround");
        f.clock.advance(Duration.ofMinutes(3));
        assertThat(vm.save()).isTrue();
        assertThat(vm.statusProperty().get()).endsWith("the response clock stopped");

        f.clock.advance(Duration.ofMinutes(30));
        CallConsoleViewModel again = console(null, t.id());
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(again.save()).isTrue();
        Ticket after = f.store.tickets().get(f.olive, t.id());
        assertThat(after.firstContactAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(after.firstContactEvent()).isEqualTo(ContactEvent.PHONE_CALL);
        assertThat(f.store.tickets().open(f.olive, t.id(), "test").calls()).hasSize(2);
    }

    @Test
    void anInboundCallCanBeLoggedOnOneOfTheCallersOpenTickets() {
        f = new PhoneFixture(dir, "2026-11-25T10:00:00Z");
        Ticket t = f.store.changes().create(f.olive, NewTicket.of("Reports slow", Severity.S3, Channel.EMAIL,
                Instant.parse("2026-11-25T09:00:00Z")).withCustomer(f.acme.id(), f.rita.id()));
        CallConsoleViewModel vm = console(null, null);
        vm.lookup().queryProperty().set("rita");
        vm.chooseCaller(only(vm));
        vm.targetProperty().set(Target.EXISTING_TICKET);
        vm.ticketProperty().set(vm.callerTickets().get(0));
        assertThat(vm.save()).isTrue();
        assertThat(f.store.tickets().get(f.olive, t.id()).firstContactEvent()).isEqualTo(ContactEvent.PHONE_CALL);
    }

    @Test
    void anUnknownCallerIsAddedOnTheSpotFromWhatWasTyped() {
        CallConsoleViewModel vm = console("2026-11-25T10:00:00Z", null);
        vm.lookup().queryProperty().set("07700 900123");
        assertThat(vm.lookup().matches()).isEmpty();
        vm.startAddingCaller();
        assertThat(vm.newCaller().phoneProperty().get()).isEqualTo("07700 900123");
        vm.addCaller();
        assertThat(vm.problemsProperty().get()).isEqualTo("The new caller needs a name.");
        vm.newCaller().nameProperty().set("Nina New");
        vm.newCaller().emailProperty().set("nina@acme.example");
        vm.newCaller().customerProperty().set(vm.newCaller().customers().stream().filter(c -> c.name().equals("Acme Widgets")).findFirst()
                .orElseThrow());
        vm.newCaller().roleProperty().set(ContactRole.ADMINISTRATOR);
        vm.addCaller();
        assertThat(vm.newCaller().openProperty().get()).isFalse();
        assertThat(vm.lookup().caller().contact().name()).isEqualTo("Nina New");
        assertThat(vm.lookup().caller().customerName()).isEqualTo("Acme Widgets");
        assertThat(f.store.contacts().search("+44 7700 900123", 5)).extracting(m -> m.contact().name())
                .containsExactly("Nina New");
    }

    @Test
    void theSensitiveMarkingInTheSubjectTicksOfficialSensitive() {
        CallConsoleViewModel vm = console("2026-11-25T10:00:00Z", null);
        vm.fields().subjectProperty().set("official sensitive: case files");
        assertThat(vm.fields().sensitiveProperty().get()).isTrue();
        vm.lookup().queryProperty().set("gail");
        vm.chooseCaller(only(vm));
        vm.fields().severityProperty().set(Severity.S2);
        assertThat(vm.save()).isTrue();
        Ticket t = f.store.tickets().board(f.admin, f.clock.instant()).get(0);
        assertThat(t.sensitive()).isTrue();
        assertThat(t.assigneeId()).isEqualTo(f.admin.id());
    }
}
