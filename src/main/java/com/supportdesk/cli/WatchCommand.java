package com.supportdesk.cli;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.LiveChanges;
import com.supportdesk.store.Store;
import com.supportdesk.store.TicketHistory;
import com.supportdesk.store.TicketRepository;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Print one line per committed change to a ticket, as the signed-in agent may see it:"
                + " INSTANT SD-n vVERSION STATUS S<severity> SUBJECT (the placeholder for Official Sensitive tickets"
                + " without clearance), until stopped. On a team database changes are pushed by the database; on the"
                + " embedded one it looks twice a second.")
public final class WatchCommand implements Callable<Integer> {

    /** The view a cleared agent's reads are audited under. */
    static final String VIEW = "watch";

    @Spec
    CommandSpec spec;
    @Option(names = "--user", description = "Sign in as this agent (password in SUPPORTDESK_PASSWORD); required on a"
            + " team database")
    String user;

    private final AtomicBoolean stop = new AtomicBoolean();

    @Override
    public Integer call() {
        CliSupport.SignedIn signedIn = CliSupport.signIn(spec, user);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                done.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            run(signedIn.store(), signedIn.reader(), spec.commandLine().getOut());
            return 0;
        } finally {
            signedIn.close();
            done.countDown();
        }
    }

    private void run(Store store, Agent reader, PrintWriter out) {
        TicketRepository tickets = store.tickets();
        long position = store.history().lastEventId();
        if (store.database().postgres()) {
            try (LiveChanges live = new LiveChanges(store.database())) {
                while (!stop.get() && !Thread.currentThread().isInterrupted()) {
                    LiveChanges.Batch b = live.await(Duration.ofMillis(500));
                    Set<Long> changed = new LinkedHashSet<>();
                    if (b.reconnected()) {
                        // something may have committed while the connection was down
                        TicketHistory.Changes missed = store.history().changesSince(position);
                        position = missed.lastEventId();
                        changed.addAll(missed.ticketIds());
                    }
                    for (LiveChanges.Change c : b.changes()) {
                        if (c.kind() != LiveChanges.Kind.AGENT) {
                            changed.add(c.id());
                        }
                        position = Math.max(position, c.eventId());
                    }
                    print(tickets, reader, changed, out, null);
                }
            }
        } else {
            // the feed re-reads its last seconds (late commits): print a ticket again only if it changed again
            Map<Long, String> printed = new HashMap<>();
            while (!stop.get()) {
                TicketHistory.Changes ch = store.history().changesSince(position);
                position = ch.lastEventId();
                print(tickets, reader, ch.ticketIds(), out, printed);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void print(TicketRepository tickets, Agent reader, Set<Long> ids, PrintWriter out,
                              Map<Long, String> printed) {
        if (ids.isEmpty()) {
            return;
        }
        List<Ticket> fresh = tickets.byIds(reader, ids, VIEW);
        for (Ticket t : fresh) {
            String seen = t.version() + "@" + t.updatedAt();
            if (printed == null || !seen.equals(printed.put(t.id(), seen))) {
                out.println(line(t));
            }
        }
        out.flush();
    }

    /** {@code INSTANT SD-n vVERSION STATUS S<severity> SUBJECT-OR-PLACEHOLDER}. */
    static String line(Ticket t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.updatedAt()) + " " + t.ref() + " v" + t.version() + " "
                + t.status().name() + " S" + t.severity().number() + " " + oneLine(t.subject());
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ");
    }
}
