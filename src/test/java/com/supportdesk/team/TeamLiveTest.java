package com.supportdesk.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.DataLocation;
import com.supportdesk.store.Database;
import com.supportdesk.store.Store;
import com.supportdesk.testing.TestDesk;
import com.supportdesk.testing.TestPostgres;
import com.supportdesk.ui.board.ChangeFeed;
import com.supportdesk.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A desk on a team database: changes pushed within a second, a lost connection healed, one clock for everyone. */
class TeamLiveTest {

    @TempDir
    Path dir;
    TestDesk desk;
    Agent una;
    Agent clara;

    @BeforeEach
    void open() {
        desk = TestDesk.open(TestDesk.Engine.POSTGRES, dir, Clock.systemUTC());
        una = desk.agent("una", Clearance.NONE);
        clara = desk.agent("clara", Clearance.CLEARED);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void anotherDesksCommitReachesThisDeskWithinASecondAndALostConnectionHealsWithoutMissingAnything() throws Exception {
        Store mine = desk.as(una);
        BlockingQueue<ChangeFeed.Batch> batches = new LinkedBlockingQueue<>();
        try (ChangeFeed feed = new ChangeFeed(mine, una, mine.history().lastEventId(), TaskExecutor.direct(),
                batches::add)) {
            feed.start(60_000); // a poll a minute: anything sooner was pushed
            // once listening, the feed says so (the status bar's "Live") without waiting for a change
            ChangeFeed.Batch first = batches.poll(5, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.problem()).isNull();
            assertThat(first.session()).isNotNull();
            Ticket t = desk.as(clara).changes().create(clara, NewTicket.of("Printer jam", Severity.S3, Channel.AGENT,
                    Instant.now()));
            long committed = System.nanoTime();
            ChangeFeed.Batch b = next(batches, t.id());
            assertThat((System.nanoTime() - committed) / 1e9).isLessThan(1.0);
            assertThat(b.tickets()).extracting(Ticket::subject).contains("Printer jam");

            // the server drops this desk's connections; a change commits meanwhile; the feed reconnects and resyncs
            try (Connection su = TestPostgres.superuser("postgres"); Statement st = su.createStatement()) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'una'");
            }
            Ticket during = desk.as(clara).changes().create(clara, NewTicket.of("While you were away", Severity.S2,
                    Channel.AGENT, Instant.now()));
            ChangeFeed.Batch healed = next(batches, during.id());
            assertThat(healed.tickets()).extracting(Ticket::subject).contains("While you were away");
        }
    }

    @Test
    void aDeskWhoseClockIsFiveMinutesSlowCountsInTheServersTimeAndSaysSo() {
        Clock slow = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5));
        try (Database db = Database.openTeam(DataLocation.resolve(dir.resolve("slow"), desk.url()), "una",
                TestDesk.PASSWORD.toCharArray(), slow)) {
            assertThat(Duration.between(Instant.now(), db.clock().instant()).abs()).isLessThan(Duration.ofSeconds(2));
            assertThat(db.session().clockWarning())
                    .startsWith("This computer's clock is 5 min").contains("behind the database server's");
        }
        try (Database db = Database.openTeam(DataLocation.resolve(dir.resolve("right"), desk.url()), "una",
                TestDesk.PASSWORD.toCharArray(), Clock.systemUTC())) {
            assertThat(db.session().clockWarning()).isNull();
        }
    }

    /** Waits (up to 10 s) for a delivered batch that holds the ticket. */
    private static ChangeFeed.Batch next(BlockingQueue<ChangeFeed.Batch> batches, long ticketId) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            ChangeFeed.Batch b = batches.poll(100, TimeUnit.MILLISECONDS);
            if (b != null && b.tickets().stream().anyMatch(t -> t.id() == ticketId)) {
                return b;
            }
        }
        throw new AssertionError("no batch with SD-" + ticketId + " within 10 s");
    }
}
