package com.supportdesk.ui.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.app.Wiring;
import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.common.Session;
import com.supportdesk.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes made through another Store on the same database reach the board on the next poll. */
class ChangeFeedTest {

    @TempDir
    Path dir;

    @Test
    void aTicketCreatedThroughAnotherStoreAppearsOnTheNextPoll() {
        MutableClock clock = MutableClock.at("2026-03-11T11:00:00Z");
        try (Store mine = TestStores.open(dir, clock)) {
            new Wiring(Map.of(), clock).seedDemo(mine);
            Agent agent = mine.agents().findByUsername("agent").orElseThrow();
            BoardViewModel vm = new BoardViewModel(Session.open(mine, agent, ZoneOffset.UTC), TaskExecutor.direct(), clock, false,
                    Notifier.NONE);
            vm.load().join();
            List<ChangeFeed.Batch> delivered = new ArrayList<>();
            ChangeFeed feed = new ChangeFeed(mine, agent, vm.feedPositionProperty().get(), TaskExecutor.direct(), b -> {
                delivered.add(b);
                vm.apply(b.tickets());
            });
            clock.advance(Duration.ofSeconds(11)); // the feed re-reads the last 10 s for late commits
            assertThat(feed.pollOnce().tickets()).isEmpty();

            Ticket created;
            Ticket other;
            try (Store theirs = TestStores.open(dir, clock)) {
                created = theirs.changes().create(null, NewTicket.of("Gateway in another process", Severity.S2, Channel.EMAIL,
                        clock.instant()));
                Agent lead = theirs.agents().findByUsername("lead").orElseThrow();
                Ticket existing = vm.column(BoardViewModel.Column.NEW).get(0);
                other = theirs.changes().assign(lead, existing.id(), existing.version(), lead.id());
            }
            feed.pollAndDeliver();
            assertThat(delivered).hasSize(1);
            assertThat(delivered.get(0).problem()).isNull();
            assertThat(vm.column(BoardViewModel.Column.NEW)).extracting(Ticket::subject).contains("Gateway in another process");
            assertThat(vm.ticket(other.id()).assigneeName()).isEqualTo("Lee Adams");
            assertThat(vm.ticket(created.id())).isNotNull();
            assertThat(feed.position()).isGreaterThan(vm.feedPositionProperty().get());
        }
    }
}
