package com.supportdesk.ui.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.app.Wiring;
import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.board.BoardViewModel.AssigneeFilter;
import com.supportdesk.ui.board.BoardViewModel.Column;
import com.supportdesk.ui.common.Session;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.TicketOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board's view-model without the toolkit: columns, order, filters, merging, alerts. */
class BoardViewModelTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-03-11T11:00:00Z"); // Wednesday, desk open
    Store store;
    Agent lead;
    Agent agent;
    List<Notifier.Alert> alerts = new ArrayList<>();

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        new Wiring(Map.of(), clock).seedDemo(store);
        lead = store.agents().findByUsername("lead").orElseThrow();
        agent = store.agents().findByUsername("agent").orElseThrow();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private BoardViewModel board(Agent who, boolean sensitive) {
        BoardViewModel vm = new BoardViewModel(Session.open(store, who, ZoneOffset.UTC), TaskExecutor.direct(), clock, sensitive,
                alerts::add);
        vm.load().join();
        return vm;
    }

    @Test
    void columnsHoldTheirStatusesSortedByUrgency() {
        BoardViewModel vm = board(lead, false);
        assertThat(vm.column(Column.NEW)).isNotEmpty().allMatch(t -> t.status() == TicketStatus.NEW);
        assertThat(vm.column(Column.OPEN)).isNotEmpty().allMatch(t -> t.status() == TicketStatus.OPEN);
        assertThat(vm.column(Column.WAITING)).isNotEmpty().allMatch(t -> t.status() == TicketStatus.WAITING_ON_CUSTOMER);
        assertThat(vm.column(Column.RESOLVED_TODAY)).isNotEmpty().allMatch(t -> t.status() == TicketStatus.RESOLVED);
        for (Column c : List.of(Column.NEW, Column.OPEN, Column.WAITING)) {
            assertThat(vm.column(c)).isSortedAccordingTo(TicketOrder.URGENCY);
            // least business time left first among the unanswered
            long[] remaining = vm.column(c).stream().filter(t -> t.firstContactAt() == null)
                    .mapToLong(t -> store.policy().clock().remainingSeconds(t.severity(), t.received(), clock.instant())).toArray();
            for (int i = 1; i < remaining.length; i++) {
                assertThat(remaining[i]).isGreaterThanOrEqualTo(remaining[i - 1]);
            }
        }
    }

    @Test
    void filtersBySeverityAssigneeCustomerChannelAndText() {
        BoardViewModel vm = board(lead, false);
        vm.severityFilterProperty().set(Severity.S1);
        assertThat(all(vm)).isNotEmpty().allMatch(t -> t.severity() == Severity.S1);
        vm.clearFilters();
        vm.assigneeFilterProperty().set(AssigneeFilter.UNASSIGNED);
        assertThat(all(vm)).isNotEmpty().allMatch(t -> t.assigneeId() == null);
        vm.assigneeFilterProperty().set(AssigneeFilter.ME);
        assertThat(all(vm)).isNotEmpty().allMatch(t -> t.assigneeId() == lead.id());
        vm.clearFilters();
        vm.customerFilterProperty().set("Harbour Bank plc");
        assertThat(all(vm)).isNotEmpty().allMatch(t -> "Harbour Bank plc".equals(t.customerName()));
        vm.clearFilters();
        vm.channelFilterProperty().set(Channel.PHONE);
        assertThat(all(vm)).isNotEmpty().allMatch(t -> t.channel() == Channel.PHONE);
        vm.clearFilters();
        vm.searchTextProperty().set("payments api");
        assertThat(all(vm)).extracting(Ticket::subject).containsExactly("Payments API returns 503 for all merchants");
    }

    @Test
    void uncleardAgentSeesPlaceholdersThatCannotBeFoundByContentOrOpened() {
        BoardViewModel vm = board(agent, false);
        List<Ticket> placeholders = all(vm).stream().filter(Ticket::redacted).toList();
        assertThat(placeholders).hasSizeGreaterThanOrEqualTo(3).allMatch(t -> t.subject().equals(Ticket.PLACEHOLDER)
                && t.customerName() == null);
        vm.searchTextProperty().set("citizen");
        assertThat(all(vm)).isEmpty();
        vm.searchTextProperty().set("official");
        assertThat(all(vm)).noneMatch(Ticket::redacted);
        vm.searchTextProperty().set(placeholders.get(0).ref());
        assertThat(all(vm)).extracting(Ticket::id).containsExactly(placeholders.get(0).id());
        vm.clearFilters();
        vm.customerFilterProperty().set("Department for Digital Services");
        assertThat(all(vm)).noneMatch(Ticket::redacted);
        vm.select(placeholders.get(0));
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).contains("cannot be opened");
    }

    @Test
    void sensitiveBoardHoldsOnlySensitiveTickets() {
        BoardViewModel vm = board(lead, true);
        assertThat(all(vm)).hasSizeGreaterThanOrEqualTo(3).allMatch(Ticket::sensitive).noneMatch(Ticket::redacted);
    }

    @Test
    void applyMovesAChangedCardAndKeepsTheSelection() {
        BoardViewModel vm = board(lead, false);
        Ticket t = vm.column(Column.NEW).get(0);
        vm.select(t);
        Ticket changed = store.changes().changeStatus(lead, t.id(), t.version(), TicketStatus.OPEN);
        vm.apply(List.of(changed));
        assertThat(vm.column(Column.NEW)).extracting(Ticket::id).doesNotContain(t.id());
        assertThat(vm.column(Column.OPEN)).extracting(Ticket::id).contains(t.id());
        assertThat(vm.column(Column.OPEN)).isSortedAccordingTo(TicketOrder.URGENCY);
        assertThat(vm.selectedProperty().get()).isEqualTo(changed);
    }

    @Test
    void newS1NotifiesAndPlaceholderNotificationsNameNoContent() {
        BoardViewModel vm = board(agent, false);
        Ticket s1 = store.changes().create(null, NewTicket.of("Checkout down for everyone", Severity.S1, Channel.EMAIL,
                clock.instant()));
        Ticket secret = store.changes().create(null, NewTicket.of("OFFICIAL-SENSITIVE benefits data leak", Severity.S1,
                Channel.EMAIL, clock.instant()).withClassification(Classification.OFFICIAL_SENSITIVE));
        vm.apply(store.tickets().byIds(agent, List.of(s1.id(), secret.id())));
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0).title()).contains(s1.ref());
        assertThat(alerts.get(0).text()).contains("Checkout down");
        assertThat(alerts.get(1).title()).contains(secret.ref());
        assertThat(alerts.get(1).text()).doesNotContain("benefits").contains(Ticket.PLACEHOLDER);
    }

    @Test
    void alertsFireAtFiftySeventyFiveAndNinetyPercentDuringBusinessHours() {
        BoardViewModel vm = board(agent, false);
        Ticket t = store.changes().create(agent, NewTicket.of("Reports slow", Severity.S1, Channel.EMAIL, clock.instant())
                .withAssignee(agent.id()));
        vm.apply(List.of(store.tickets().get(agent, t.id())));
        Instant start = clock.instant();
        vm.onTick(start.plus(Duration.ofMinutes(29)).getEpochSecond());
        alerts.removeIf(a -> a.ticketId() != t.id() || a.title().startsWith("New"));
        assertThat(alerts).isEmpty();
        vm.onTick(start.plus(Duration.ofMinutes(30)).getEpochSecond());
        alerts.removeIf(a -> a.ticketId() != t.id() || a.title().startsWith("New"));
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.title()).contains(t.ref()).contains("50 %"));
        vm.onTick(start.plus(Duration.ofMinutes(45)).getEpochSecond());
        vm.onTick(start.plus(Duration.ofMinutes(54)).getEpochSecond());
        alerts.removeIf(a -> a.ticketId() != t.id() || a.title().startsWith("New"));
        assertThat(alerts).extracting(Notifier.Alert::title).anyMatch(s -> s.contains("75 %")).anyMatch(s -> s.contains("90 %"));
        assertThat(alerts).hasSize(3);
    }

    @Test
    void theAtRiskCountFollowsTheAgentsOwnAndUnassignedTicketsIntoRiskAndOut() {
        BoardViewModel vm = board(agent, false);
        Instant start = clock.instant();
        Ticket mine = store.changes().create(agent, NewTicket.of("Reports slow", Severity.S1, Channel.EMAIL, start)
                .withAssignee(agent.id()));
        Ticket theirs = store.changes().create(lead, NewTicket.of("Export fails", Severity.S1, Channel.EMAIL, start)
                .withAssignee(lead.id()));
        vm.apply(store.tickets().byIds(agent, List.of(mine.id(), theirs.id())));

        // S1: one business hour; 25 % or less left from 45 minutes on (the demo's own tickets cross at other moments)
        Instant risk = start.plus(Duration.ofMinutes(45));
        vm.onTick(risk.minusSeconds(1).getEpochSecond());
        int before = vm.atRiskProperty().get();
        vm.onTick(risk.getEpochSecond());
        assertThat(vm.atRiskProperty().get()).isEqualTo(before + 1); // the agent's, not the lead's

        // a reload counts it once, and the alerts already due do not fire twice
        clock.set(risk);
        alerts.clear();
        vm.load().join();
        assertThat(vm.atRiskProperty().get()).isEqualTo(before + 1);
        vm.onTick(start.plus(Duration.ofMinutes(54)).getEpochSecond());
        assertThat(alerts).filteredOn(a -> a.ticketId() == mine.id()).singleElement()
                .satisfies(a -> assertThat(a.title()).contains("90 %"));
        int now = vm.atRiskProperty().get();

        // handed to the lead: no longer the agent's to worry about
        Ticket handed = store.changes().assign(agent, mine.id(), store.tickets().get(agent, mine.id()).version(), lead.id());
        vm.apply(List.of(handed));
        assertThat(vm.atRiskProperty().get()).isEqualTo(now - 1);
    }

    @Test
    void anAlertForASensitiveTicketLeavesTheDeskWithThePlaceholderEvenForClearedStaff() {
        BoardViewModel vm = board(lead, false);
        assertThat(lead.cleared()).isTrue();
        Ticket secret = store.changes().create(null, NewTicket.of("OFFICIAL-SENSITIVE benefits data leak", Severity.S1,
                Channel.EMAIL, clock.instant()).withClassification(com.supportdesk.domain.Classification.OFFICIAL_SENSITIVE));
        vm.apply(store.tickets().byIds(lead, List.of(secret.id())));
        Notifier.Alert alert = alerts.stream().filter(a -> a.ticketId() == secret.id()).findFirst().orElseThrow();
        // in the desk's own window the cleared lead reads the subject ...
        assertThat(alert.text()).contains("benefits");
        // ... outside it (the OS notification centre) only the ref and the placeholder
        Notifier.Alert out = alert.outsideTheDesk();
        assertThat(out.title()).contains(secret.ref()).doesNotContain("benefits");
        assertThat(out.text()).doesNotContain("benefits").contains(Ticket.PLACEHOLDER);
    }

    private static List<Ticket> all(BoardViewModel vm) {
        List<Ticket> out = new ArrayList<>();
        for (Column c : Column.values()) {
            out.addAll(vm.column(c));
        }
        return out;
    }
}
