package com.supportdesk.phone;

import java.time.Duration;
import java.time.Instant;

/** The call timer's text: {@code 04:07} under an hour, {@code 1:02:03} after. */
public final class CallTiming {

    private CallTiming() {
    }

    /** Elapsed time from {@code started} to {@code now}; never negative (a clock set back shows 00:00). */
    public static Duration elapsed(Instant started, Instant now) {
        Duration d = Duration.between(started, now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    public static String format(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%02d:%02d", m, sec);
    }

    /** A duration for history entries and summaries: {@code 4 min 7 s}, {@code 1 h 2 min}, {@code 12 s}. */
    public static String describe(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        if (h > 0) {
            return h + " h " + m + " min";
        }
        return m > 0 ? m + " min " + sec + " s" : sec + " s";
    }
}
