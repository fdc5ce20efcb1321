package com.supportdesk.bench;

import com.supportdesk.app.Launcher;
import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.store.Store;
import com.supportdesk.testing.ChildJvm;
import com.supportdesk.testing.TestDesk;
import com.supportdesk.testing.TestPostgres;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Team mode benchmark (issue 12): the board of 100,000 tickets on PostgreSQL against the embedded H2 file
 * (same rows, same query, goal ≤ 1.5×), then 20 {@code support-desk watch} clients (each its own JVM and
 * database session) while changes commit: the time from a commit to the line in every client's output (goal
 * p95 ≤ 1 s), and the load the idle clients put on the server. Prints figures; asserts nothing.
 * Run: {@code mvn -B -Pbench -DskipTests verify} (or exec this class; see README, Benchmarks).
 */
public final class TeamBenchmark {

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path tmp = Files.createTempDirectory("sd-bench-team");
        Clock clock = Clock.systemUTC();
        System.out.printf("%n== Team mode benchmark (%,d tickets, 5 %% open, 2 %% Official Sensitive) ==%n", total);
        try (TestDesk h2 = TestDesk.open(TestDesk.Engine.H2, tmp.resolve("h2"), clock);
             TestDesk pg = TestDesk.open(TestDesk.Engine.POSTGRES, tmp.resolve("pg"), clock)) {
            Agent h2Una = h2.agent("una", Clearance.NONE);
            Agent h2Clara = h2.agent("clara", Clearance.CLEARED);
            Agent pgUna = pg.agent("una", Clearance.NONE);
            Agent pgClara = pg.agent("clara", Clearance.CLEARED);
            long t0 = System.nanoTime();
            h2.store().database().run(c -> seed(c, total, false));
            double h2Seed = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            try (Connection su = TestPostgres.superuser(database(pg.url()))) {
                su.setAutoCommit(false);
                seed(su, total, true);
                su.commit();
                try (Statement st = su.createStatement()) {
                    st.execute("ANALYZE sd_data.ticket");
                }
            }
            double pgSeed = (System.nanoTime() - t0) / 1e9;
            System.out.printf("seeded in %.1f s (H2) and %.1f s (PostgreSQL)%n", h2Seed, pgSeed);

            int open = h2.as(h2Una).tickets().board(h2Una, since()).size();
            double h2Uncleared = boardMillis(h2.as(h2Una), h2Una);
            double pgUncleared = boardMillis(pg.as(pgUna), pgUna);
            double h2Cleared = boardMillis(h2.as(h2Clara), h2Clara);
            double pgCleared = boardMillis(pg.as(pgClara), pgClara);
            System.out.printf("board (%,d open of %,d), uncleared agent: H2 %.1f ms, PostgreSQL %.1f ms, ratio %.2f"
                    + "  (goal <= 1.5)%n", open, total, h2Uncleared, pgUncleared, pgUncleared / h2Uncleared);
            System.out.printf("board (%,d open of %,d), cleared agent (sensitive rows audited): H2 %.1f ms,"
                    + " PostgreSQL %.1f ms, ratio %.2f%n", open, total, h2Cleared, pgCleared, pgCleared / h2Cleared);

            watch(pg, pgClara, clients, tmp);
        }
    }

    private static Instant since() {
        return Instant.now().minus(Duration.ofDays(1));
    }

    private static double boardMillis(Store s, Agent a) {
        for (int i = 0; i < 5; i++) {
            s.tickets().board(a, since());
        }
        int runs = 15;
        long t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            s.tickets().board(a, since());
        }
        return (System.nanoTime() - t0) / 1e6 / runs;
    }

    /** The same rows on both engines (fixed seed): 5 % open, 2 % Official Sensitive. */
    private static void seed(Connection c, int n, boolean postgres) throws SQLException {
        Random r = new Random(42);
        String table = postgres ? "sd_data.ticket" : "ticket";
        Instant now = Instant.now();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (subject, severity, support_level, status,"
                + " classification, channel, received, deadline, resolved_at, created_at, updated_at, version)"
                + " VALUES (?,?,1,?,?,'EMAIL',?,?,?,?,?,0)")) {
            for (int i = 0; i < n; i++) {
                Instant received = now.minus(Duration.ofMinutes(r.nextInt(60 * 24 * 365)));
                boolean open = r.nextInt(100) < 5;
                ps.setString(1, "Benchmark ticket " + r.nextInt());
                ps.setInt(2, 1 + r.nextInt(3));
                ps.setString(3, open ? "OPEN" : "CLOSED");
                ps.setString(4, r.nextInt(100) < 2 ? "OFFICIAL_SENSITIVE" : "OFFICIAL");
                ps.setObject(5, OffsetDateTime.ofInstant(received, ZoneOffset.UTC));
                ps.setObject(6, OffsetDateTime.ofInstant(received.plus(Duration.ofHours(8)), ZoneOffset.UTC));
                ps.setObject(7, open ? null : OffsetDateTime.ofInstant(received.plus(Duration.ofHours(20)), ZoneOffset.UTC));
                ps.setObject(8, OffsetDateTime.ofInstant(received, ZoneOffset.UTC));
                ps.setObject(9, OffsetDateTime.ofInstant(received, ZoneOffset.UTC));
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** {@code clients} watch processes; changes committed one every 200 ms; latency to every client's line. */
    private static void watch(TestDesk pg, Agent committer, int clients, Path tmp) throws Exception {
        Store store = pg.as(committer);
        List<Ticket> targets = store.tickets().board(committer, since()).stream()
                .filter(t -> !t.sensitive()).limit(50).toList();
        Map<String, Long> arrivals = new ConcurrentHashMap<>(); // "client|SD-n|vV" -> nanoTime
        List<Process> procs = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        String db = database(pg.url());
        int[] xactBefore = new int[1];
        for (int i = 0; i < clients; i++) {
            Process p = ChildJvm.start(Map.of("SUPPORTDESK_PASSWORD", TestDesk.PASSWORD), Launcher.class,
                    "--data-dir", tmp.resolve("watch" + i).toString(), "--db-url", pg.url(), "watch", "--user", "una");
            procs.add(p);
            int client = i;
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        long at = System.nanoTime();
                        String[] f = l.split(" ");
                        if (f.length > 2) {
                            arrivals.putIfAbsent(client + "|" + f[1] + "|" + f[2], at);
                        }
                    }
                } catch (IOException ignored) {
                    // stopped
                }
            });
            t.setDaemon(true);
            t.start();
            readers.add(t);
        }
        try {
            // wait until every client prints (is listening): touch one ticket until all have seen it
            Ticket probe = targets.get(0);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < deadline) {
                Ticket now = store.tickets().get(committer, probe.id());
                store.changes().changeStatus(committer, now.id(), now.version(),
                        now.status() == TicketStatus.OPEN ? TicketStatus.WAITING_ON_CUSTOMER : TicketStatus.OPEN);
                Thread.sleep(1000);
                String key = "|" + now.ref() + "|v" + (now.version() + 1);
                long seen = IntStream.range(0, clients).filter(i -> arrivals.containsKey(i + key)).count();
                if (seen == clients) {
                    break;
                }
            }
            int changes = 100;
            List<long[]> commits = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < changes; i++) {
                Ticket t = store.tickets().get(committer, targets.get(1 + i % (targets.size() - 1)).id());
                store.changes().changeStatus(committer, t.id(), t.version(),
                        t.status() == TicketStatus.OPEN ? TicketStatus.WAITING_ON_CUSTOMER : TicketStatus.OPEN);
                commits.add(new long[] {System.nanoTime()});
                keys.add("|" + t.ref() + "|v" + (t.version() + 1));
                Thread.sleep(200);
            }
            Thread.sleep(3000);
            double[] toAll = new double[changes];
            List<Double> each = new ArrayList<>();
            int missing = 0;
            for (int i = 0; i < changes; i++) {
                double worst = 0;
                for (int c = 0; c < clients; c++) {
                    Long at = arrivals.get(c + keys.get(i));
                    if (at == null) {
                        missing++;
                        continue;
                    }
                    double ms = Math.max(0, (at - commits.get(i)[0]) / 1e6);
                    each.add(ms);
                    worst = Math.max(worst, ms);
                }
                toAll[i] = worst;
            }
            Arrays.sort(toAll);
            double[] all = each.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("watch, %d clients, %d commits: commit -> line in every client: p50 %.0f ms, p95 %.0f ms,"
                    + " max %.0f ms  (goal p95 <= 1000 ms); per client line p50 %.0f ms, p95 %.0f ms; lines missing: %d%n",
                    clients, changes, pct(toAll, 50), pct(toAll, 95), toAll[toAll.length - 1], pct(all, 50), pct(all, 95),
                    missing);

            // idle: no commits for 10 s; what do the connected clients cost the server?
            Thread.sleep(2000);
            long cpu0 = postgresCpuTicks();
            long x0 = transactions(db);
            Thread.sleep(10_000);
            long cpu1 = postgresCpuTicks();
            long x1 = transactions(db);
            double hz = 100.0;
            System.out.printf("idle, %d clients connected for 10 s: %.1f transactions/s on the server, server CPU %.1f ms/s"
                    + " (all PostgreSQL processes)%n", clients, (x1 - x0) / 10.0,
                    (cpu1 - cpu0) / hz * 1000 / 10.0);
        } finally {
            for (Process p : procs) {
                p.destroy();
            }
            for (Process p : procs) {
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String database(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static long transactions(String db) throws SQLException {
        try (Connection su = TestPostgres.superuser("postgres"); Statement st = su.createStatement();
             ResultSet rs = st.executeQuery("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '"
                     + db + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** utime + stime (clock ticks) of every postgres process on this machine (Linux /proc). */
    private static long postgresCpuTicks() {
        long sum = 0;
        File[] procs = new File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
        if (procs == null) {
            return 0;
        }
        for (File p : procs) {
            try {
                String comm = Files.readString(p.toPath().resolve("comm")).strip();
                if (!comm.startsWith("postgres")) {
                    continue;
                }
                String stat = Files.readString(p.toPath().resolve("stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException ignored) {
                // the process went away
            }
        }
        return sum;
    }
}
