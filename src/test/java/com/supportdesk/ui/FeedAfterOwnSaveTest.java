package com.supportdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.app.Wiring;
import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.board.BoardViewModel;
import com.supportdesk.ui.board.ChangeFeed;
import com.supportdesk.ui.board.Notifier;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.ScriptedDialogs;
import com.supportdesk.ui.common.Session;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.lead.WallboardViewModel;
import com.supportdesk.ui.ticket.TicketDetailViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change feed reads in the background and hands its batch to the UI thread later; the agent's own save can land in
 * between. A batch read before the save then carries an older version of the ticket than the one the desk already
 * shows: the newer version wins on the board, in the ticket pane and on the wallboard.
 */
class FeedAfterOwnSaveTest {

    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2026-03-11T11:00:00Z");
    Store store;
    Agent lead;
    Session session;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        lead = new Wiring(Map.of(), clock).seedDemo(store);
        session = Session.open(store, lead, ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aFeedBatchReadBeforeTheAgentsOwnSaveDoesNotUndoIt() {
        BoardViewModel board = new BoardViewModel(session, TaskExecutor.direct(), clock, false, Notifier.NONE);
        board.load().join();
        TicketDetailViewModel detail = new TicketDetailViewModel(session, TaskExecutor.direct(), new ScriptedDialogs(),
                new Countdown(ZoneOffset.UTC), "test");
        WallboardViewModel wall = new WallboardViewModel(session, TaskExecutor.direct(), clock);
        wall.load().join();
        detail.setOnChanged(t -> {
            board.apply(List.of(t));
            wall.apply(List.of(t));
        });
        ChangeFeed feed = new ChangeFeed(store, lead, board.feedPositionProperty().get(), TaskExecutor.direct(),
                b -> { });

        Ticket t = board.column(BoardViewModel.Column.NEW).stream().filter(x -> x.assigneeId() == null).findFirst()
                .orElseThrow();
        Agent sam = store.agents().findByUsername("sam").orElseThrow();
        clock.advance(Duration.ofSeconds(30));
        Ticket bySam = store.changes().changeSeverity(sam, t.id(), t.version(), t.severity() == Severity.S1 ? Severity.S2 : Severity.S1);

        // the feed reads Sam's change; its batch waits for the UI thread
        ChangeFeed.Batch readEarlier = feed.pollOnce();
        assertThat(readEarlier.tickets()).extracting(Ticket::version).containsExactly(bySam.version());

        // meanwhile the agent opens the ticket as it is now and takes it
        detail.show(store.tickets().get(lead, t.id())).join();
        Ticket mine = detail.assignToMe().join();
        assertThat(mine.version()).isGreaterThan(bySam.version());

        // the earlier batch arrives: it must not put the older copy back
        board.apply(readEarlier.tickets());
        wall.apply(readEarlier.tickets());
        readEarlier.tickets().forEach(detail::changedElsewhere);

        assertThat(board.ticket(t.id()).version()).isEqualTo(mine.version());
        assertThat(board.ticket(t.id()).assigneeId()).isEqualTo(lead.id());
        assertThat(detail.ticketProperty().get().version()).isEqualTo(mine.version());
        assertThat(detail.ticketProperty().get().assigneeId()).isEqualTo(lead.id());
        assertThat(wall.countdowns()).filteredOn(x -> x.id() == t.id()).singleElement()
                .satisfies(x -> assertThat(x.version()).isEqualTo(mine.version()));

        // and the next poll (the agent's own change) changes nothing further
        ChangeFeed.Batch next = feed.pollOnce();
        board.apply(next.tickets());
        next.tickets().forEach(detail::changedElsewhere);
        assertThat(board.ticket(t.id()).version()).isEqualTo(mine.version());
    }
}
