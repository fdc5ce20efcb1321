package com.supportdesk.ui.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.app.Wiring;
import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.report.QuarterlyReport.Outcome;
import com.supportdesk.report.ResponseCompliance;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.sla.SlaState;
import com.supportdesk.store.AgentRepository.AgentSpec;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.common.Session;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.TicketOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wallboard's figures, without the toolkit: demo data, an injected clock, the change feed by hand. */
class WallboardViewModelTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-03-11T11:00:00Z"); // Wednesday, desk open
    Store store;
    Agent lead;

    @BeforeEach
    void seed() {
        store = TestStores.open(dir, clock);
        lead = new Wiring(Map.of(), clock).seedDemo(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private WallboardViewModel board(Agent viewer) {
        WallboardViewModel vm = new WallboardViewModel(Session.open(store, viewer, ZoneOffset.UTC), TaskExecutor.direct(),
                clock);
        vm.load().join();
        return vm;
    }

    @Test
    void countsPanelsAndLoadMatchTheOpenTickets() {
        WallboardViewModel vm = board(lead);
        List<Ticket> open = store.tickets().board(lead, clock.instant()).stream().filter(Ticket::isOpen).toList();
        ResponseClock rc = store.policy().clock();
        Instant now = clock.instant();
        assertThat(vm.countdowns()).hasSameSizeAs(open);
        for (Severity s : Severity.values()) {
            assertThat(vm.openCountProperty(s).get()).isEqualTo(open.stream().filter(t -> t.severity() == s).count());
            assertThat(vm.waitingCountProperty(s).get()).isEqualTo(open.stream()
                    .filter(t -> t.severity() == s && t.firstContactAt() == null).count());
        }
        List<Long> overdue = open.stream().filter(t -> t.firstContactAt() == null)
                .filter(t -> rc.status(t.severity(), t.received(), null, now).state() == SlaState.OVERDUE).map(Ticket::id).toList();
        assertThat(vm.overdue()).extracting(Ticket::id).containsExactlyInAnyOrderElementsOf(overdue).isNotEmpty();
        assertThat(vm.atRisk()).isNotEmpty().allSatisfy(t -> {
            var st = rc.status(t.severity(), t.received(), null, now);
            assertThat(st.state()).isIn(SlaState.AT_RISK, SlaState.PAUSED);
            assertThat(st.remainingSeconds() * 4).isLessThanOrEqualTo(st.targetSeconds());
        });
        // most urgent first: unanswered by deadline, answered after them
        assertThat(vm.countdowns().get(0).firstContactAt()).isNull();
        assertThat(vm.countdowns()).isSortedAccordingTo(TicketOrder.URGENCY);
        int assigned = (int) open.stream().filter(t -> t.assigneeId() != null).count();
        assertThat(vm.agentLoad().stream().mapToInt(WallboardViewModel.AgentLoad::open).sum()).isEqualTo(assigned);
        assertThat(vm.unassignedProperty().get()).isEqualTo(open.size() - assigned);
        assertThat(vm.agentLoad()).isSortedAccordingTo((a, b) -> Integer.compare(b.open(), a.open()));
    }

    @Test
    void complianceTodayAndThisMonthUseTheReportsDefinitions() {
        WallboardViewModel vm = board(lead);
        Instant now = clock.instant();
        List<Ticket> month = store.tickets().receivedBetween(lead, null, Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-04-01T00:00:00Z"));
        List<Ticket> today = month.stream().filter(t -> !t.received().isBefore(Instant.parse("2026-03-11T00:00:00Z"))).toList();
        for (WallboardViewModel.ComplianceRow row : vm.compliance()) {
            Severity s = row.severity();
            long met = month.stream().filter(t -> t.severity() == s && ResponseCompliance.outcome(t, now) == Outcome.MET).count();
            long missed = month.stream().filter(t -> t.severity() == s && ResponseCompliance.outcome(t, now) == Outcome.MISSED).count();
            assertThat(row.month().met()).isEqualTo(met);
            assertThat(row.month().missed()).isEqualTo(missed);
            assertThat(row.today().tickets()).isEqualTo(today.stream().filter(t -> t.severity() == s).count());
        }
        assertThat(vm.compliance()).extracting(WallboardViewModel.ComplianceRow::severity).containsExactly(Severity.values());
        assertThat(vm.compliance().stream().mapToInt(r -> r.month().met() + r.month().missed()).sum()).isPositive();
    }

    @Test
    void ticksMoveTicketsIntoAtRiskAndOverdueAndCountAMissedDeadline() {
        WallboardViewModel vm = board(lead);
        Ticket fresh = store.changes().create(lead, NewTicket.of("Printer queue stuck", Severity.S1, Channel.PHONE,
                clock.instant()));
        vm.apply(List.of(fresh));
        assertThat(vm.countdowns()).extracting(Ticket::id).contains(fresh.id());
        assertThat(vm.standing(fresh)).isEqualTo(WallboardViewModel.Standing.ON_TIME);
        assertThat(vm.compliance().get(0).today().pending()).isPositive();

        clock.advance(Duration.ofMinutes(45)); // 15 of 60 minutes left: at risk
        vm.onTick(clock.instant().getEpochSecond());
        assertThat(vm.atRisk()).extracting(Ticket::id).contains(fresh.id());
        assertThat(vm.standing(fresh)).isEqualTo(WallboardViewModel.Standing.AT_RISK);

        clock.advance(Duration.ofMinutes(15)); // exactly at the deadline: not yet overdue
        vm.onTick(clock.instant().getEpochSecond());
        assertThat(vm.overdue()).extracting(Ticket::id).doesNotContain(fresh.id());
        clock.advance(Duration.ofSeconds(1));
        vm.onTick(clock.instant().getEpochSecond());
        assertThat(vm.overdue()).extracting(Ticket::id).contains(fresh.id());
        assertThat(vm.atRisk()).extracting(Ticket::id).doesNotContain(fresh.id());
        // the deadline passing without contact counts as missed today (the report's rule), recomputed on the tick
        long missedToday = store.tickets().receivedBetween(lead, null, Instant.parse("2026-03-11T00:00:00Z"),
                Instant.parse("2026-03-12T00:00:00Z")).stream().filter(x -> x.severity() == Severity.S1)
                .filter(x -> ResponseCompliance.outcome(x, clock.instant()) == Outcome.MISSED).count();
        assertThat(vm.compliance().get(0).today().missed()).isEqualTo(missedToday).isPositive();
        assertThat(vm.clockTextProperty().get()).isEqualTo("12:00");
    }

    @Test
    void aChangeFromTheFeedMovesTheTicketAndAnOlderCopyIsIgnored() {
        WallboardViewModel vm = board(lead);
        Ticket t = vm.overdue().get(0);
        Ticket answered = store.changes().changeStatus(lead, t.id(), t.version(), TicketStatus.CLOSED);
        vm.apply(List.of(answered));
        assertThat(vm.countdowns()).extracting(Ticket::id).doesNotContain(t.id());
        assertThat(vm.overdue()).extracting(Ticket::id).doesNotContain(t.id());
        vm.apply(List.of(t)); // a stale copy arriving late must not bring it back
        assertThat(vm.countdowns()).extracting(Ticket::id).doesNotContain(t.id());
    }

    @Test
    void anUnclearedLeadSeesPlaceholdersAndACLearedOneChoosesToShowSubjects() {
        Agent una = store.agents().create(lead, new AgentSpec("una", "Una Lead", Clearance.NONE, SupportLevel.L2, true,
                false, true), TestStores.password("una").toCharArray());
        WallboardViewModel vm = board(una);
        List<Ticket> sensitive = vm.countdowns().stream().filter(Ticket::sensitive).toList();
        assertThat(sensitive).isNotEmpty().allMatch(Ticket::redacted);
        assertThat(sensitive).allSatisfy(t -> {
            assertThat(vm.subject(t)).isEqualTo(Ticket.PLACEHOLDER);
            assertThat(vm.customer(t)).isEmpty();
        });
        vm.showSensitiveProperty().set(true);
        assertThat(vm.showSensitiveProperty().get()).as("an uncleared viewer cannot show subjects").isFalse();

        WallboardViewModel cleared = board(lead);
        Ticket s = cleared.countdowns().stream().filter(Ticket::sensitive).findFirst().orElseThrow();
        assertThat(cleared.subject(s)).as("hidden on the wall by default").isEqualTo(Ticket.PLACEHOLDER);
        cleared.showSensitiveProperty().set(true);
        assertThat(cleared.subject(s)).startsWith("OFFICIAL-SENSITIVE:");
    }
}
