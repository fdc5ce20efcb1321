package com.supportdesk.bench;

import com.supportdesk.domain.Channel;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.store.AccessPolicy;
import com.supportdesk.store.DataLocation;
import com.supportdesk.store.Database;
import com.supportdesk.store.Passwords;
import com.supportdesk.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * Store benchmark: inserts per second, the board query at 1,000 and 100,000 total tickets, and
 * the heap used by the loaded open tickets. Prints figures; asserts nothing (speed is not a unit test).
 * Run: {@code mvn -Pbench verify -Dbench=store} (see README, Benchmarks).
 */
public final class StoreBenchmark {

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path tmp = Files.createTempDirectory("sd-bench-store");
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

        try (Store small = open(tmp.resolve("small"), clock); Store large = open(tmp.resolve("large"), clock)) {
            // single-ticket transactions, each durable before it returns (WRITE_DELAY=0)
            int single = 2_000;
            long t0 = System.nanoTime();
            seed(large, single, 1, clock);
            double perTxPerSec = single / ((System.nanoTime() - t0) / 1e9);
            // the rest in batches of 1,000 per transaction
            t0 = System.nanoTime();
            seedBatched(large, total - single, clock);
            double batchedPerSec = (total - single) / ((System.nanoTime() - t0) / 1e9);
            seedBatched(small, 1_000, clock);

            int openLarge = large.tickets().board(AccessPolicy.NOBODY, Instant.EPOCH).size();
            int openSmall = small.tickets().board(AccessPolicy.NOBODY, Instant.EPOCH).size();

            double msSmall = boardMillis(small);
            double msLarge = boardMillis(large);

            // Same 50 open tickets, 1,000 vs 100,000 total: isolates "no full scans" from result size.
            try (Store sameOpen = open(tmp.resolve("same-open"), clock)) {
                seedBatched(sameOpen, total, clock);
                closeAllBut(sameOpen, openSmall);
                double msSameOpen = boardMillis(sameOpen);

                Runtime rt = Runtime.getRuntime();
                System.gc();
                long before = rt.totalMemory() - rt.freeMemory();
                List<Ticket> board = large.tickets().board(AccessPolicy.NOBODY, Instant.EPOCH);
                System.gc();
                long after = rt.totalMemory() - rt.freeMemory();

                System.out.printf("%n== Store benchmark (%,d tickets, 5 %% open) ==%n", total);
                System.out.printf("inserts, one durable transaction each : %,.0f tickets/s%n", perTxPerSec);
                System.out.printf("inserts, 1,000 per transaction        : %,.0f tickets/s%n", batchedPerSec);
                System.out.printf("board query,   1,000 total (%,5d open): %.2f ms%n", openSmall, msSmall);
                System.out.printf("board query, %,7d total (%,5d open): %.2f ms  (%.1f us per open ticket vs %.1f)%n",
                        total, openLarge, msLarge, 1000 * msLarge / openLarge, 1000 * msSmall / openSmall);
                System.out.printf("board query, %,7d total (%,5d open): %.2f ms%n", total, openSmall, msSameOpen);
                System.out.printf("ratio, same open count, 100k vs 1k total: %.2f  (target <= 1.5)%n", msSameOpen / msSmall);
                System.out.printf("heap for %,d loaded open tickets: %.1f MB (%d bytes each)%n", board.size(),
                        (after - before) / 1e6, board.isEmpty() ? 0 : (after - before) / board.size());
            }
        }
    }

    private static Store open(Path dir, Clock clock) {
        return new Store(Database.open(DataLocation.resolve(dir, null), clock), new Passwords(1_000), ZoneOffset.UTC);
    }

    private static double boardMillis(Store s) {
        for (int i = 0; i < 20; i++) {
            s.tickets().board(AccessPolicy.NOBODY, Instant.parse("2026-11-25T00:00:00Z"));
        }
        int runs = 30;
        long t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            s.tickets().board(AccessPolicy.NOBODY, Instant.parse("2026-11-25T00:00:00Z"));
        }
        return (System.nanoTime() - t0) / 1e6 / runs;
    }

    static void seed(Store s, int n, int perTx, Clock clock) {
        Random r = new Random(42);
        for (int i = 0; i < n; i++) {
            create(s, r, clock);
        }
    }

    static void seedBatched(Store s, int n, Clock clock) {
        Random r = new Random(43);
        for (int done = 0; done < n; done += 1000) {
            int count = Math.min(1000, n - done);
            s.database().run(c -> {
                for (int i = 0; i < count; i++) {
                    create(s, r, clock);
                }
            });
        }
    }

    private static void create(Store s, Random r, Clock clock) {
        Instant received = clock.instant().minus(Duration.ofMinutes(r.nextInt(60 * 24 * 365)));
        Ticket t = s.changes().create(null, NewTicket.of("Benchmark ticket " + r.nextInt(), Severity.of(1 + r.nextInt(3)),
                Channel.EMAIL, received));
        if (r.nextInt(100) >= 5) {
            s.changes().changeStatus(null, t.id(), t.version(), TicketStatus.CLOSED);
        }
    }

    private static void closeAllBut(Store s, int keepOpen) {
        s.database().run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE ticket SET status = 'CLOSED', resolved_at = received"
                    + " WHERE status <> 'CLOSED' AND id NOT IN (SELECT id FROM ticket WHERE status <> 'CLOSED' ORDER BY id"
                    + " FETCH FIRST " + keepOpen + " ROWS ONLY)")) {
                ps.executeUpdate();
            }
        });
    }
}
