package com.supportdesk.mail;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How far an import has got, reported after every commit of a round: the new messages stored so far of those that
 * were waiting above the checkpoint when the round began, since when, and from that the rate and the time left.
 * The desk's status bar and {@code ingest --once} on a terminal show {@link #text()}.
 *
 * @param done    new messages stored in this round (re-checked leftovers are not counted)
 * @param waiting messages above the checkpoint when the round began (mail arriving meanwhile is not in it)
 * @param elapsed time since the round began
 */
public record IntakeProgress(int done, int waiting, Duration elapsed) {

    /** Told about progress on the intake's thread; must not block. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = p -> { };

        void progress(IntakeProgress progress);
    }

    /** Messages per second so far; 0 before the first one. */
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return done == 0 || seconds <= 0 ? 0 : done / seconds;
    }

    /** The time left at the rate so far; empty before the first message or once all are done. */
    public Optional<Duration> timeLeft() {
        double rate = rate();
        int left = waiting - done;
        if (rate <= 0 || left <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(left / rate * 1000)));
    }

    /** 0 to 1. */
    public double fraction() {
        return waiting <= 0 ? 1 : Math.min(1, done / (double) waiting);
    }

    /** {@code 1,200 of 5,000 messages · 812/s · about 5 s left}. */
    public String text() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%,d of %,d messages", done, Math.max(done, waiting)));
        if (done > 0) {
            s.append(String.format(Locale.ROOT, " \u00b7 %,.0f/s", rate()));
        }
        timeLeft().ifPresent(d -> s.append(" \u00b7 about ").append(spoken(d)).append(" left"));
        return s.toString();
    }

    /** {@code 4 s}, {@code 2 min 5 s}, {@code 1 h 3 min}; under a second reads {@code 1 s}. */
    static String spoken(Duration d) {
        long s = Math.max(1, (d.toMillis() + 999) / 1000);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s % 60 == 0 ? s / 60 + " min" : s / 60 + " min " + s % 60 + " s";
        }
        long m = (s + 59) / 60;
        return m % 60 == 0 ? m / 60 + " h" : m / 60 + " h " + m % 60 + " min";
    }

    /** Counts a round's messages against a start time from {@link System#nanoTime()}. */
    record Tracker(int waiting, long startNanos, int done) {
        Tracker(int waiting, long startNanos) {
            this(waiting, startNanos, 0);
        }

        Tracker plus(int n) {
            return new Tracker(waiting, startNanos, done + n);
        }

        IntakeProgress at(long nowNanos) {
            return new IntakeProgress(done, waiting, Duration.ofNanos(Math.max(0, nowNanos - startNanos)));
        }
    }
}
