package com.supportdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.SavedReply;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.sla.SlaState;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoDataTest {

    @TempDir
    Path dir;

    private Set<SlaState> states(Store store, Agent reader, Instant now) {
        ResponseClock rc = store.policy().clock();
        return store.tickets().board(reader, Instant.EPOCH).stream()
                .map(t -> rc.status(t.severity(), t.received(), t.firstContactAt(), now).state())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SlaState.class)));
    }

    /** Overdue, met and missed show at any time; running and at-risk while open, paused while closed. */
    @ParameterizedTest
    @ValueSource(strings = {"2026-03-11T11:00:00Z", "2026-03-14T15:00:00Z", "2026-12-25T03:00:00Z"})
    void showsEveryCountdownStateWhateverNowIs(String now) {
        MutableClock clock = MutableClock.at(now);
        try (Store store = TestStores.open(dir, clock)) {
            assertThat(new DemoData(store, clock).seedIfEmpty(null)).isTrue();
            Agent lead = store.agents().findByUsername("lead").orElseThrow();
            Set<SlaState> states = states(store, lead, clock.instant());
            assertThat(states).contains(SlaState.OVERDUE, SlaState.MET, SlaState.MISSED);
            boolean open = store.policy().clock().policy().calendarAt(clock.instant()).isOpen(clock.instant());
            if (open) {
                assertThat(states).contains(SlaState.RUNNING, SlaState.AT_RISK);
            } else {
                assertThat(states).contains(SlaState.PAUSED);
            }
        }
    }

    @Test
    void seedsADeskOnceWithEverySeverityStatusChannelAndSensitiveTickets() {
        MutableClock clock = MutableClock.at("2026-03-11T11:00:00Z");
        try (Store store = TestStores.open(dir, clock)) {
            DemoData demo = new DemoData(store, clock);
            assertThat(demo.seedIfEmpty(null)).isTrue();
            assertThat(demo.seedIfEmpty(null)).isFalse();
            Agent lead = store.agents().authenticate("lead", "lead-demo-desk".toCharArray());
            assertThat(lead.cleared()).isTrue();
            assertThat(lead.admin()).isTrue();
            Agent agent = store.agents().authenticate("agent", "agent-demo-desk".toCharArray());
            assertThat(agent.cleared()).isFalse();
            assertThat(store.agents().findByUsername("operator")).isPresent();
            assertThat(store.customers().all()).hasSize(3).anyMatch(c -> c.government());
            List<Ticket> all = store.tickets().board(lead, Instant.EPOCH);
            assertThat(all.size()).isBetween(30, 45);
            assertThat(all.stream().map(Ticket::severity).collect(Collectors.toSet())).containsExactlyInAnyOrder(Severity.values());
            assertThat(all.stream().map(Ticket::channel).collect(Collectors.toSet())).containsExactlyInAnyOrder(Channel.values());
            assertThat(all.stream().map(Ticket::status).collect(Collectors.toSet())).contains(TicketStatus.NEW, TicketStatus.OPEN,
                    TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.RESOLVED);
            assertThat(all).filteredOn(Ticket::sensitive).hasSizeGreaterThanOrEqualTo(3)
                    .allMatch(t -> t.assigneeId() != null && t.assigneeName() != null);
            assertThat(store.tickets().board(agent, Instant.EPOCH)).filteredOn(Ticket::sensitive)
                    .allMatch(Ticket::redacted).allMatch(t -> t.subject().equals(Ticket.PLACEHOLDER));
            long withAttachment = all.stream().filter(t -> !store.tickets().open(lead, t.id(), "test").messages().stream()
                    .allMatch(m -> m.attachments().isEmpty())).count();
            assertThat(withAttachment).isPositive();
            // saved replies to try the composer with: the team's (a first response among them) and the lead's own
            assertThat(store.savedReplies().list(agent)).allMatch(SavedReply::team)
                    .anyMatch(r -> r.firstResponse() && r.sensitiveOk()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(store.savedReplies().list(lead)).anyMatch(r -> !r.team());
            assertThat(store.savedReplies().signature(lead)).hasValueSatisfying(sig -> assertThat(sig)
                    .contains("{{agent_name}}"));
        }
    }

    @Test
    void seedsManyTicketsFiveInAHundredOpen() {
        MutableClock clock = MutableClock.at("2026-03-11T11:00:00Z");
        try (Store store = TestStores.open(dir, clock)) {
            new DemoData(store, clock).seedIfEmpty(2000);
            Agent lead = store.agents().findByUsername("lead").orElseThrow();
            List<Ticket> open = store.tickets().board(lead, clock.instant());
            assertThat(open).hasSize(100).allMatch(Ticket::isOpen);
            assertThat(store.history().lastEventId()).isGreaterThanOrEqualTo(2000);
        }
    }
}
