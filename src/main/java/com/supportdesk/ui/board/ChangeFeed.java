package com.supportdesk.ui.board;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.TicketRepository;
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

    /** What one poll found. */
    public record Batch(List<Ticket> tickets, String problem) {
    }

    private final TicketRepository tickets;
    private final Agent agent;
    private final TaskExecutor ui;
    private final Consumer<Batch> sink;
    private long position;
    private ScheduledExecutorService timer;
    private boolean failing;

    public ChangeFeed(TicketRepository tickets, Agent agent, long startPosition, TaskExecutor ui, Consumer<Batch> sink) {
        this.tickets = tickets;
        this.agent = agent;
        this.position = startPosition;
        this.ui = ui;
        this.sink = sink;
    }

    /** One poll, on the calling thread: the changed tickets since the last poll. */
    public synchronized Batch pollOnce() {
        try {
            TicketRepository.Changes changes = tickets.changesSince(position);
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

    /** Starts polling every {@code periodMillis} on a daemon thread. */
    public void start(long periodMillis) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "change-feed");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::pollAndDeliver, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
