package com.supportdesk.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.mail.AfterImport;
import com.supportdesk.mail.ImapMailbox;
import com.supportdesk.mail.ImapSettings;
import com.supportdesk.mail.IntakeCounts;
import com.supportdesk.mail.IntakeOutcome;
import com.supportdesk.mail.MailIntake;
import com.supportdesk.mail.MailParser;
import com.supportdesk.mail.MailSystemProperties;
import com.supportdesk.mail.MailTimeouts;
import com.supportdesk.mail.ParserOptions;
import com.supportdesk.mail.TlsMode;
import com.supportdesk.store.AccessPolicy;
import com.supportdesk.store.AgentRepository;
import com.supportdesk.store.DataLocation;
import com.supportdesk.store.Database;
import com.supportdesk.store.Passwords;
import com.supportdesk.store.Store;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Mail intake benchmark. Prints figures; asserts nothing (speed is not a unit test).
 *
 * <ul>
 *   <li>{@code scale N1,N2,…}: generated messages delivered to GreenMail on loopback in chunks of
 *       {@value #CHUNK} and ingested over IMAP into a real H2 file (one durable transaction per message, after
 *       import: MOVE so GreenMail's INBOX stays short), N1 then N2 more into the same store. Prints messages per
 *       second per step and per chunk, the same messages ingested from files (no IMAP: what is ours), and the
 *       peak heap in use (sampled every 5 ms).</li>
 *   <li>{@code large MB}: one message with an MB-megabyte attachment (cap raised so it is stored, not left on
 *       the server), ingested from its file — run it in a small heap to show nothing holds a copy.</li>
 * </ul>
 * Run: {@code mvn -B -Pbench -DskipTests test} (see README, Benchmarks).
 */
public final class MailIntakeBench {

    static final int CHUNK = 500;
    private static final String PASSWORD = "bench-pw";

    public static void main(String[] args) throws Exception {
        MailSystemProperties.install();
        if (args.length > 0 && args[0].equals("large")) {
            large(args.length > 1 ? Integer.parseInt(args[1]) : 50);
            return;
        }
        List<Integer> steps = new ArrayList<>();
        for (String a : args) {
            if (!a.equals("scale")) {
                for (String step : a.split("[,\\s]+")) {
                    if (!step.isBlank()) {
                        steps.add(Integer.parseInt(step.replace("_", "")));
                    }
                }
            }
        }
        scale(steps.isEmpty() ? List.of(2_000, 5_000) : steps);
    }

    // ------------------------------------------------------------------------------------------ scale

    static void scale(List<Integer> steps) throws Exception {
        Path tmp = Files.createTempDirectory("sd-bench-mail");
        HeapSampler heap = HeapSampler.start();
        GreenMail greenMail = new GreenMail(ServerSetup.dynamicPort(
                ServerSetup.createCopy(ServerSetupTest.SMTP_IMAP, s -> s.createCopy("127.0.0.1"))));
        greenMail.start();
        greenMail.setUser("desk@localhost", "desk", PASSWORD);
        Clock clock = Clock.systemUTC();
        ImapSettings imap = new ImapSettings("127.0.0.1", greenMail.getImap().getPort(), TlsMode.NONE, "desk", PASSWORD,
                "INBOX", AfterImport.MOVE, "Processed");
        Generator gen = new Generator(42);
        System.out.printf("%n== Mail intake benchmark: GreenMail on loopback -> IMAP -> parser -> H2 file"
                + " (WRITE_DELAY=0, one transaction per message), after import: MOVE ==%n");
        System.out.printf("live heap after a full GC before the first message: %.0f MB%n", liveHeap() / 1e6);
        try (Store viaImap = open(tmp.resolve("imap"), clock); Store fromFiles = open(tmp.resolve("files"), clock)) {
            int batch = Integer.getInteger("bench.mail.batch", MailIntake.DEFAULT_BATCH);
            MailIntake intake = new MailIntake(viaImap, new MailParser()::parse, clock, batch);
            System.out.printf("(IMAP fetch batch: %d messages per round trip group)%n", batch);
            MailIntake fileIntake = new MailIntake(fromFiles);
            int stored = 0;
            for (int n : steps) {
                heap.reset();
                long imapNanos = 0;
                long fileNanos = 0;
                List<Double> perChunk = new ArrayList<>();
                IntakeCounts total = IntakeCounts.NONE;
                for (int done = 0; done < n; done += CHUNK) {
                    int size = Math.min(CHUNK, n - done);
                    List<byte[]> chunk = gen.next(size);
                    Path dir = Files.createDirectories(tmp.resolve("chunk"));
                    List<Path> files = new ArrayList<>();
                    for (int i = 0; i < chunk.size(); i++) {
                        greenMail.getUserManager().getUser("desk").deliver(new MimeMessage(
                                Session.getInstance(new Properties()), new ByteArrayInputStream(chunk.get(i))));
                        Path f = dir.resolve(i + ".eml");
                        Files.write(f, chunk.get(i));
                        files.add(f);
                    }
                    long t0 = System.nanoTime();
                    try (ImapMailbox mailbox = ImapMailbox.open(imap, MailTimeouts.defaults(), tmp)) {
                        total = total.plus(intake.catchUp(mailbox, true));
                    }
                    long took = System.nanoTime() - t0;
                    imapNanos += took;
                    perChunk.add(size / (took / 1e9));
                    long t1 = System.nanoTime();
                    for (Path f : files) {
                        fileIntake.ingestRaw(f, null, "bench", "files");
                    }
                    fileNanos += System.nanoTime() - t1;
                    for (Path f : files) {
                        Files.delete(f);
                    }
                }
                System.out.printf("%,6d messages (store held %,d before): over IMAP %.1f s = %,.0f msg/s;"
                                + " from files (no IMAP) %.1f s = %,.0f msg/s%n", n, stored, imapNanos / 1e9,
                        n / (imapNanos / 1e9), fileNanos / 1e9, n / (fileNanos / 1e9));
                System.out.printf("        per chunk of %d over IMAP (msg/s): %s%n", CHUNK, perChunk.stream()
                        .map(v -> String.format("%,.0f", v)).toList());
                System.out.printf("        %s%n", total.summary());
                long peak = heap.peak();
                System.out.printf("        heap: peak in use %.0f MB (sampled every 5 ms, garbage included; -Xmx %.0f MB),"
                                + " live after a full GC %.0f MB (GreenMail keeps all %,d messages it was given in this heap)%n",
                        peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6, liveHeap() / 1e6, stored + n);
                stored += n;
            }
            System.out.printf("tickets in the store: %,d; messages in GreenMail's Processed folder: %,d%n",
                    countTickets(viaImap), greenMail.getReceivedMessages().length);
        } finally {
            greenMail.stop();
            heap.stop();
        }
    }

    // ------------------------------------------------------------------------------------------ large

    static void large(int megabytes) throws Exception {
        Path tmp = Files.createTempDirectory("sd-bench-large");
        Path message = tmp.resolve("large.eml");
        String sha = writeLargeMessage(message, megabytes * 1024L * 1024);
        HeapSampler heap = HeapSampler.start();
        Clock clock = Clock.systemUTC();
        try (Store store = open(tmp.resolve("db"), clock)) {
            MailParser parser = new MailParser(ParserOptions.defaults().withAttachmentCap((megabytes + 10) * 1024L * 1024));
            MailIntake intake = new MailIntake(store, parser::parse, clock, MailIntake.DEFAULT_BATCH);
            System.gc();
            heap.reset();
            long t0 = System.nanoTime();
            IntakeOutcome outcome = intake.ingestRaw(message, Instant.now(), "bench", "large");
            long took = System.nanoTime() - t0;
            long peak = heap.peak();
            var detail = store.tickets().open(admin(store), outcome.ticketId(), "bench");
            var attachment = detail.messages().get(0).attachments().get(0);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            AtomicLong bytes = new AtomicLong();
            try (OutputStream out = new DigestOutputStream(new CountingSink(bytes), digest)) {
                store.conversation().saveAttachment(admin(store), attachment.id(), out, "bench");
            }
            System.out.printf("%n== %d MB attachment, ingested from its file (%,d bytes raw) ==%n", megabytes,
                    Files.size(message));
            System.out.printf("stored %s (%s, %,d bytes, content identical: %s) in %.1f s%n", attachment.filename(),
                    outcome.describe(), bytes.get(), HexFormat.of().formatHex(digest.digest()).equals(sha), took / 1e9);
            System.out.printf("peak heap in use while ingesting: %.1f MB, in a JVM limited to -Xmx %.0f MB%n",
                    peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        } finally {
            heap.stop();
        }
    }

    private static Agent admin(Store store) {
        return store.agents().findByUsername("bench").orElseGet(() -> store.agents().create(null,
                new AgentRepository.AgentSpec("bench", "Bench", Clearance.CLEARED,
                        null, false, true, true), "bench-password-1".toCharArray()));
    }

    /** A message whose attachment is written chunk by chunk (never whole in memory); returns its SHA-256. */
    static String writeLargeMessage(Path file, long size) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Random random = new Random(7);
        byte[] chunk = new byte[57 * 1024];
        Base64.Encoder base64 = Base64.getMimeEncoder();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("From: Ann <ann@acme.example>\r\nTo: desk@localhost\r\nSubject: memory dump\r\n"
                    + "Message-ID: <large-bench@acme.example>\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=\"----=_Part_0_1.2\"\r\n\r\n------=_Part_0_1.2\r\n"
                    + "Content-Type: text/plain\r\n\r\nThe dump is attached.\r\n------=_Part_0_1.2\r\n"
                    + "Content-Type: application/octet-stream; name=\"memory.dmp\"\r\n"
                    + "Content-Disposition: attachment; filename=\"memory.dmp\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < size; written += chunk.length) {
                int n = (int) Math.min(chunk.length, size - written);
                random.nextBytes(chunk);
                digest.update(chunk, 0, n);
                out.write(base64.encode(n == chunk.length ? chunk : Arrays.copyOf(chunk, n)));
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("------=_Part_0_1.2--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static Store open(Path dir, Clock clock) {
        return new Store(Database.open(DataLocation.resolve(dir, null), clock), new Passwords(1_000), ZoneId.of("UTC"));
    }

    /** Heap in use after a full collection: what is really held. */
    static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            memory.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long countTickets(Store store) {
        long[] n = {0};
        store.tickets().forEach(AccessPolicy.NOBODY, "bench", t -> n[0]++);
        return n[0];
    }

    /** Generated support mail: new requests, replies threading onto them, some attachments and automated mail. */
    static final class Generator {
        private final Random random;
        private final List<String> sent = new ArrayList<>();
        private int next;

        Generator(long seed) {
            random = new Random(seed);
        }

        List<byte[]> next(int count) {
            List<byte[]> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                out.add(message(next++));
            }
            return out;
        }

        private byte[] message(int n) {
            String id = "<bench-" + n + "@customer" + (n % 50) + ".example>";
            int kind = random.nextInt(100);
            StringBuilder m = new StringBuilder();
            m.append("From: Customer ").append(n % 300).append(" <user").append(n % 300).append("@customer")
                    .append(n % 50).append(".example>\r\n");
            m.append("To: desk@localhost\r\nMessage-ID: ").append(id).append("\r\n");
            m.append("Date: Tue, 10 Mar 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n");
            if (kind < 25 && !sent.isEmpty()) {
                String parent = sent.get(random.nextInt(sent.size()));
                m.append("Subject: Re: problem report\r\nIn-Reply-To: ").append(parent).append("\r\nReferences: ")
                        .append(parent).append("\r\n");
            } else if (kind < 30) {
                m.append("Subject: Automatic reply: out of office\r\nAuto-Submitted: auto-replied\r\n");
            } else {
                m.append("Subject: ").append(kind < 35 ? "Sev1 " : kind < 45 ? "P2 " : "")
                        .append("problem report ").append(n).append("\r\n");
                sent.add(id);
            }
            String body = ("Hello,\r\n\r\nWe see an error in module " + n % 17 + " since this morning. Steps:\r\n"
                    + "1. open the report\r\n2. choose the quarter\r\n3. press export\r\n\r\n").repeat(1 + random.nextInt(6))
                    + "Regards,\r\nCustomer " + n % 300 + "\r\n";
            if (kind >= 90) {
                byte[] log = new byte[8 * 1024 + random.nextInt(24 * 1024)];
                random.nextBytes(log);
                m.append("Content-Type: multipart/mixed; boundary=\"b").append(n).append("\"\r\n\r\n--b").append(n)
                        .append("\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n").append(body).append("\r\n--b").append(n)
                        .append("\r\nContent-Type: application/octet-stream; name=\"trace.bin\"\r\n")
                        .append("Content-Disposition: attachment; filename=\"trace.bin\"\r\n")
                        .append("Content-Transfer-Encoding: base64\r\n\r\n")
                        .append(Base64.getMimeEncoder().encodeToString(log)).append("\r\n--b").append(n).append("--\r\n");
            } else {
                m.append("Content-Type: text/plain; charset=utf-8\r\n\r\n").append(body);
            }
            return m.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Samples the heap in use every 5 ms on a daemon thread and keeps the maximum. */
    static final class HeapSampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;

        static HeapSampler start() {
            HeapSampler s = new HeapSampler();
            Thread t = new Thread(() -> {
                while (s.running) {
                    s.peak.accumulateAndGet(s.memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            t.setDaemon(true);
            t.start();
            return s;
        }

        void reset() {
            peak.set(memory.getHeapMemoryUsage().getUsed());
        }

        long peak() {
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            return peak.get();
        }

        void stop() {
            running = false;
        }
    }

    /** Counts what is written and throws it away. */
    private static final class CountingSink extends OutputStream {
        private final AtomicLong count;

        CountingSink(AtomicLong count) {
            this.count = count;
        }

        @Override
        public void write(int b) {
            count.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count.addAndGet(len);
        }
    }

    private MailIntakeBench() {
    }
}
