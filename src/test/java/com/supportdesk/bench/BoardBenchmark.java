package com.supportdesk.bench;

import com.sun.management.ThreadMXBean;
import com.supportdesk.app.Wiring;
import com.supportdesk.cli.GlobalOptions;
import com.supportdesk.domain.Agent;
import com.supportdesk.store.Store;
import com.supportdesk.ui.DeskView;
import com.supportdesk.ui.MainWindow;
import com.supportdesk.ui.WindowStateStore;
import com.supportdesk.ui.board.Notifier;
import com.supportdesk.ui.common.UiTaskExecutor;
import com.supportdesk.ui.ticket.ReplyComposerDialog;
import com.supportdesk.ui.ticket.ReplySender;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import picocli.CommandLine;

/**
 * Board benchmark. Prints figures; asserts nothing; not part of {@code mvn verify}.
 *
 * <ol>
 *   <li>FX-thread time per tick (the shared 1 Hz tick handler plus the CSS and layout pass it causes) and the
 *       heap used, with 50 and with 5,000 open tickets on the board: the ratios should stay ≤ 1.5.</li>
 *   <li>Start-up to the first frame showing the board, in a fresh JVM, with 100,000 tickets (5,000 open) vs a
 *       database without tickets: the ratio should stay ≤ 1.3.</li>
 * </ol>
 * Run: {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.supportdesk.bench.BoardBenchmark} (headless Monocle, no display needed).
 */
public final class BoardBenchmark {

    static final Instant NOW = Instant.parse("2026-03-11T11:00:00Z"); // a Wednesday, the desk is open

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--probe")) {
            StartupProbe.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        headless();
        Path tmp = Files.createTempDirectory("sd-bench-board");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Path empty = seed(tmp.resolve("empty"), 0, clock);
        Path small = seed(tmp.resolve("small"), 1_000, clock);       // 50 open
        Path large = seed(tmp.resolve("large"), 100_000, clock);     // 5,000 open

        Platform.setImplicitExit(false);
        Platform.startup(() -> { });
        Result r50 = tickCost(small, 50);
        Result r5000 = tickCost(large, 5_000);
        System.out.printf("%n== Board: per-tick cost and heap ==%n");
        for (Result r : List.of(r50, r5000)) {
            System.out.printf("%,6d open: %,8.1f us per tick (median of %d), %,8d bytes allocated per tick, heap %,6.1f MB%n",
                    r.open, r.tickMicros, r.ticks, r.allocPerTick, r.heapMb);
        }
        System.out.printf("ratio 5,000 / 50 open: tick time %.2f, allocation per tick %.2f, heap %.2f (target <= 1.5)%n",
                r5000.tickMicros / r50.tickMicros, r5000.allocPerTick / (double) Math.max(1, r50.allocPerTick),
                r5000.heapMb / r50.heapMb);
        Platform.exit();

        System.out.printf("%n== Board: start-up to first frame (fresh JVM each, median of 3) ==%n");
        long msEmpty = startup(empty);
        long msLarge = startup(large);
        System.out.printf("no tickets: %,d ms; 100,000 tickets (5,000 open): %,d ms; ratio %.2f (target <= 1.3)%n",
                msEmpty, msLarge, msLarge / (double) msEmpty);
    }

    static void headless() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
    }

    static Path seed(Path dir, int tickets, Clock clock) throws Exception {
        long t0 = System.nanoTime();
        GlobalOptions o = CommandLine.populateCommand(new GlobalOptions(), "--data-dir", dir.toString(),
                "--demo-tickets", Integer.toString(tickets));
        new Wiring(Map.of(), clock).openStore(o).close();
        System.out.printf("seeded %,d tickets in %,d ms%n", tickets, (System.nanoTime() - t0) / 1_000_000);
        return dir;
    }

    record Result(int open, double tickMicros, int ticks, long allocPerTick, double heapMb) {
    }

    static Result tickCost(Path dir, int expectedOpen) throws Exception {
        MutableClock clock = new MutableClock(NOW);
        GlobalOptions o = CommandLine.populateCommand(new GlobalOptions(), "--data-dir", dir.toString());
        Store store = new Wiring(Map.of(), clock).openStore(o);
        Agent lead = store.agents().findByUsername("lead").orElseThrow();
        UiTaskExecutor executor = new UiTaskExecutor("bench");
        CompletableFuture<DeskView> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            MainWindow w = new MainWindow(stage, new MainWindow.Services(clock, ZoneOffset.UTC, executor, WindowStateStore.NONE,
                    new ReplyComposerDialog(ReplySender.NOT_CONFIGURED, executor), (a, t) -> { }, Notifier.NONE));
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1200);
            stage.setHeight(760);
            w.showDesk(store, lead).thenAccept(desk -> desk.board().loadingProperty().addListener((obs, was, now) -> {
                if (!now) {
                    shown.complete(desk);
                }
            }));
        });
        DeskView desk = shown.get(120, TimeUnit.SECONDS);
        onFx(() -> { });
        int open = desk.board().size();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        int warm = 200;
        int ticks = 600;
        List<Long> nanos = new ArrayList<>();
        long[] alloc = new long[1];
        for (int i = 0; i < warm + ticks; i++) {
            clock.advance(Duration.ofSeconds(1));
            boolean measure = i >= warm;
            onFx(() -> {
                long a0 = threads.getCurrentThreadAllocatedBytes();
                long t0 = System.nanoTime();
                desk.ticker().tick();
                desk.getScene().getRoot().applyCss();
                desk.getScene().getRoot().layout();
                long dt = System.nanoTime() - t0;
                if (measure) {
                    nanos.add(dt);
                    alloc[0] += threads.getCurrentThreadAllocatedBytes() - a0;
                }
            });
        }
        nanos.sort(null);
        double median = nanos.get(nanos.size() / 2) / 1000.0;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime rt = Runtime.getRuntime();
        double heap = (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
        onFx(() -> desk.getScene().getWindow().hide());
        desk.stop();
        executor.close();
        store.close();
        if (open < expectedOpen) {
            System.out.printf("(warning: %d tickets on the board, expected at least %d)%n", open, expectedOpen);
        }
        return new Result(open, median, ticks, alloc[0] / ticks, heap);
    }

    static void onFx(Runnable r) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("FX thread did not answer");
        }
    }

    static long startup(Path dir) throws Exception {
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", classpath(),
                    BoardBenchmark.class.getName(), "--probe", dir.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor(120, TimeUnit.SECONDS);
            String last = out.lines().filter(l -> l.startsWith("first-frame-ms=")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("probe failed: " + out));
            runs.add(Long.parseLong(last.substring("first-frame-ms=".length())));
        }
        runs.sort(null);
        System.out.printf("  %s: runs %s ms%n", dir.getFileName(), runs);
        return runs.get(1);
    }

    /** The project's classpath, also under {@code exec:java} (where java.class.path is Maven's own). */
    static String classpath() {
        ClassLoader cl = BoardBenchmark.class.getClassLoader();
        if (cl instanceof URLClassLoader u && u.getURLs().length > 1) {
            StringBuilder sb = new StringBuilder();
            for (URL url : u.getURLs()) {
                try {
                    sb.append(sb.length() == 0 ? "" : File.pathSeparator).append(Path.of(url.toURI()));
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return sb.toString();
        }
        return System.getProperty("java.class.path");
    }

    /** In a fresh JVM: open the store, show the desk as lead, report when the first frame with the board is done. */
    static final class StartupProbe {
        public static void main(String[] args) throws Exception {
            headless();
            long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
            Path dir = Path.of(args[0]);
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            CompletableFuture<Long> frame = new CompletableFuture<>();
            Platform.startup(() -> {
                UiTaskExecutor executor = new UiTaskExecutor("probe");
                Stage stage = new Stage();
                stage.setX(0);
                stage.setY(0);
                MainWindow w = new MainWindow(stage, new MainWindow.Services(clock, ZoneOffset.UTC, executor,
                        WindowStateStore.NONE, new ReplyComposerDialog(ReplySender.NOT_CONFIGURED, executor), (a, t) -> { },
                        Notifier.NONE));
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(1200);
                stage.setHeight(760);
                w.showSplash("Opening the database\u2026");
                executor.supply(() -> {
                    GlobalOptions o = CommandLine.populateCommand(new GlobalOptions(), "--data-dir", dir.toString());
                    Store store = new Wiring(Map.of(), clock).openStore(o);
                    return new Object[] {store, store.agents().findByUsername("lead").orElseThrow()};
                }).thenCompose(x -> w.showDesk((Store) x[0], (Agent) x[1])).thenAccept(desk -> {
                    desk.board().loadingProperty().addListener((obs, was, now) -> {
                        if (!now) {
                            // the next pulse renders the loaded board
                            desk.getScene().addPostLayoutPulseListener(new Runnable() {
                                @Override
                                public void run() {
                                    desk.getScene().removePostLayoutPulseListener(this);
                                    frame.complete(System.currentTimeMillis() - jvmStart);
                                }
                            });
                        }
                    });
                });
            });
            System.out.println("first-frame-ms=" + frame.get(120, TimeUnit.SECONDS));
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }

    /** A clock the benchmark moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
