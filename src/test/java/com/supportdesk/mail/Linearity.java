package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Tells linear work from quadratic work by running it on an input and on one {@value #FACTOR} times as large, in the
 * same test run (no wall-clock threshold of its own). Linear work takes about {@value #FACTOR} times as long,
 * quadratic work {@value #FACTOR}² = 256 times; the larger run may take up to {@value #ALLOWED} times as long (or
 * {@value #FLOOR_MS} ms when the small run is too quick to time), which leaves room for a busy machine on both sides;
 * a larger run over its limit is tried again (up to three times). A larger run still going at twice its limit fails
 * at once (its thread is left to end), so a quadratic fault fails in seconds instead of running for hours.
 */
final class Linearity {

    static final int FACTOR = 16;
    static final int ALLOWED = 96;
    static final long FLOOR_MS = 1000;

    private Linearity() {
    }

    /**
     * @param work  makes the input of the given size (not timed) and returns the work on it (timed)
     * @param size  the smaller size; the larger is {@value #FACTOR} times it
     */
    static void assertLinear(String what, IntFunction<Runnable> work, int size) {
        Runnable small = work.apply(size);
        small.run(); // warm up
        small.run();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            best = Math.min(best, time(small));
        }
        long limitNanos = Math.max(ALLOWED * best, TimeUnit.MILLISECONDS.toNanos(FLOOR_MS));
        Runnable large = work.apply(size * FACTOR);
        long took = 0;
        for (int attempt = 0; attempt < 3; attempt++) { // a busy machine may slow one run down: try again
            took = timeWithin(large, 2 * limitNanos, what);
            if (took <= limitNanos) {
                return;
            }
        }
        fail("%s: %d times the input took %d ms, more than %d times the %.2f ms of the smaller one: not linear",
                what, FACTOR, TimeUnit.NANOSECONDS.toMillis(took), ALLOWED, best / 1e6);
    }

    private static long time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return System.nanoTime() - start;
    }

    /** Runs on a thread of its own and fails when it is still running at the limit (the thread is left to end). */
    private static long timeWithin(Runnable r, long limitNanos, String what) {
        long[] took = {-1};
        Throwable[] failed = {null};
        Thread t = new Thread(() -> {
            try {
                took[0] = time(r);
            } catch (Throwable e) {
                failed[0] = e;
            }
        }, "linearity");
        t.setDaemon(true);
        t.start();
        try {
            t.join(TimeUnit.NANOSECONDS.toMillis(limitNanos) + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (t.isAlive()) {
            t.interrupt();
            fail("%s: %d times the input was still running after %d ms: not linear",
                    what, FACTOR, TimeUnit.NANOSECONDS.toMillis(limitNanos));
        }
        if (failed[0] != null) {
            throw new AssertionError(what + " failed", failed[0]);
        }
        return took[0];
    }
}
