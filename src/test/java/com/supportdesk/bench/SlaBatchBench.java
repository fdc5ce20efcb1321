package com.supportdesk.bench;

import com.supportdesk.cli.RootCommand;
import com.supportdesk.cli.SlaCommand;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;

/**
 * Times {@code support-desk sla --batch} on generated input (default 1,000,000 lines, half with NOW),
 * in-process through picocli, reading a file and writing to a byte counter. Prints lines per second and
 * the peak heap in use, sampled every 10 ms, to show memory stays flat. Not a JUnit test.
 *
 * <p>Usage: {@code SlaBatchBench [LINES] [RUNS]} — run it with a small heap (the bench profile uses
 * {@code -Xmx64m}) to prove the stream does not accumulate. {@code SlaBatchBench --write FILE [LINES]} only
 * writes the generated input, for timing the packaged jar from a shell.
 */
public final class SlaBatchBench {

    private SlaBatchBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[0].equals("--write")) {
            generate(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000);
            return;
        }
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path input = Files.createTempFile("sla-batch", ".txt");
        try {
            generate(input, lines);
            System.out.printf("sla --batch: %,d lines, %,d bytes of input, max heap %,d MiB%n",
                    lines, Files.size(input), Runtime.getRuntime().maxMemory() >> 20);
            for (int run = 1; run <= runs; run++) {
                runOnce(input, lines, run);
            }
        } finally {
            Files.deleteIfExists(input);
        }
    }

    static void generate(Path file, int lines) throws IOException {
        Random rnd = new Random(7);
        long first = Instant.parse("2018-01-01T00:00:00Z").getEpochSecond();
        long span = Instant.parse("2030-12-01T00:00:00Z").getEpochSecond() - first;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < lines; i++) {
                long received = first + (long) (rnd.nextDouble() * span);
                w.write(Integer.toString(1 + rnd.nextInt(3)));
                w.write(' ');
                w.write(Instant.ofEpochSecond(received).toString());
                if (rnd.nextBoolean()) {
                    w.write(' ');
                    w.write(Instant.ofEpochSecond(received + rnd.nextInt(7 * 86_400)).toString());
                }
                w.write('\n');
            }
        }
    }

    private static void runOnce(Path input, int lines, int run) throws Exception {
        CountingStream counter = new CountingStream();
        PrintStream out = new PrintStream(counter, false, StandardCharsets.US_ASCII);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(heapBefore);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        int exit;
        long t0 = System.nanoTime();
        try (InputStream in = Files.newInputStream(input)) {
            CommandLine.IFactory factory = new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> cls) throws Exception {
                    return cls == SlaCommand.class ? cls.cast(new SlaCommand(in, out, System.err))
                            : CommandLine.defaultFactory().create(cls);
                }
            };
            exit = new CommandLine(new RootCommand(o -> {
                throw new IllegalStateException("no GUI in a benchmark");
            }), factory).execute("sla", "--batch");
        }
        long elapsed = System.nanoTime() - t0;
        sampler.interrupt();
        sampler.join();
        if (exit != 0 || counter.lines != lines) {
            throw new IllegalStateException("exit " + exit + ", " + counter.lines + " lines out");
        }
        System.out.printf("run %d: %,d lines in %.2f s = %,.0f lines/s; output %,d bytes; heap in use before %,d MiB, peak %,d MiB%n",
                run, lines, elapsed / 1e9, lines / (elapsed / 1e9), counter.bytes, heapBefore >> 20, peak.get() >> 20);
    }

    /** Discards output, counting bytes and lines. */
    private static final class CountingStream extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
