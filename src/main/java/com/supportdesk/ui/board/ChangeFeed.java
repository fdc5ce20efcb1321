package com.supportdesk.ui.board;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.Store;
import com.supportdesk.store.TicketHistory;
import com.supportdesk.store.TicketRepository;
import java.time.Duration;
import com.supportdesk.store.LiveChanges;
import com.supportdesk.store.Database;
import com.supportdesk.ui.common.TaskExecutor;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the store's append-only history, which every process sharing the database writes (other
 * desktops, the mail gateway, the CLI): about once a second, on its own background thread, it asks for the
 * tickets changed since the last position and hands fresh copies (as this agent may see them) to the UI
 * thread, so only the changed cards are refreshed. Tests call {@link #pollOnce()} by hand.
 */
public final class ChangeFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);

    /**
     * What one poll found. {@code agentChanged}: some agent's roles changed (the desk re-reads its own); {@code
     * session}: on a team database, who the database says this session is and the clock offset, after a resync.
     */
    public record Batch(List<Ticket> tickets, String problem, boolean agentChanged, Database.TeamSession session) {
        public Batch(List<Ticket> tickets, String problem) {
            this(tickets, problem, false, null);
        }
    }

    private final TicketRepository tickets;
    private final TicketHistory history;
    private final Agent agent;
    private final TaskExecutor ui;
    private final Consumer<Batch> sink;
    private long position;
    private ScheduledExecutorService timer;
    private Thread pushed;
    private boolean failing;
    /** On a team database its notifications drive the feed; on the embedded one it polls. */
    private final Database database;
    /** A resync (who am I, the clock offset) at least this often, even without a lost connection. */
    private static final long RESYNC_NANOS = TimeUnit.MINUTES.toNanos(10);

    public ChangeFeed(Store store, Agent agent, long startPosition, TaskExecutor ui, Consumer<Batch> sink) {
        this.tickets = store.tickets();
        this.history = store.history();
        this.database = store.database();
        this.agent = agent;
        this.position = startPosition;
        this.ui = ui;
        this.sink = sink;
    }

    /** One poll, on the calling thread: the changed tickets since the last poll. */
    public synchronized Batch pollOnce() {
        try {
            TicketHistory.Changes changes = history.changesSince(position);
            position = changes.lastEventId();
            List<Ticket> fresh = changes.ticketIds().isEmpty() ? List.of() : tickets.byIds(agent, changes.ticketIds());
            if (failing) {
                LOG.info("Change feed reconnected");
                failing = false;
            }
            return new Batch(fresh, null);
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("Change feed: {}", e.getMessage());
                failing = true;
            }
            return new Batch(List.of(), e.getMessage());
        }
    }

    /** Polls and delivers to the UI thread. */
    public void pollAndDeliver() {
        Batch b = pollOnce();
        ui.onUiThread(() -> sink.accept(b));
    }

    public synchronized long position() {
        return position;
    }

    /**
     * Follows the store: on a team database, pushed by the database (its notifications wake the feed within a
     * fraction of a second; after a lost connection it resyncs from its position, and re-measures the clock); on
     * the embedded database, polling every {@code periodMillis} on a daemon thread.
     */
    public void start(long periodMillis) {
        if (timer != null || pushed != null) {
            return;
        }
        if (database != null && database.postgres()) {
            pushed = new Thread(this::followPushed, "change-feed");
            pushed.setDaemon(true);
            pushed.start();
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "change-feed");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::pollAndDeliver, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void followPushed() {
        long lastResync = System.nanoTime();
        boolean listening = false;
        try (LiveChanges live = new LiveChanges(database)) {
            while (!Thread.currentThread().isInterrupted()) {
                LiveChanges.Batch b = live.await(Duration.ofSeconds(1));
                if (b.problem() != null) {
                    listening = false;
                    Batch problem = new Batch(List.of(), b.problem());
                    ui.onUiThread(() -> sink.accept(problem));
                    continue;
                }
                boolean agents = b.changes().stream().anyMatch(c -> c.kind() == LiveChanges.Kind.AGENT);
                boolean tickets = b.changes().stream().anyMatch(c -> c.kind() != LiveChanges.Kind.AGENT);
                // (re)connected: catch up with what committed before the listening started, and say "live"
                boolean resync = !listening || b.reconnected() || System.nanoTime() - lastResync > RESYNC_NANOS;
                listening = true;
                if (!tickets && !agents && !resync) {
                    continue;
                }
                Database.TeamSession session = null;
                if (resync) {
                    try {
                        session = database.resync();
                        lastResync = System.nanoTime();
                    } catch (RuntimeException e) {
                        LOG.warn("Change feed: resync failed: {}", e.getMessage());
                    }
                }
                Batch polled = pollOnce();
                Batch out = new Batch(polled.tickets(), polled.problem(), agents, session);
                ui.onUiThread(() -> sink.accept(out));
            }
        } catch (RuntimeException e) {
            LOG.warn("Change feed stopped: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        if (pushed != null) {
            pushed.interrupt();
            pushed = null;
        }
    }
}
