package com.supportdesk.report;

import java.time.Duration;

/** Durations as people read them in reports: {@code 1 h 5 min}, {@code 45 min}, {@code 30 s}, {@code 0 min}. */
public final class Durations {

    private Durations() {
    }

    public static String compact(Duration d) {
        return compact(d.getSeconds());
    }

    /** Hours, minutes and seconds, leaving out the parts that are zero; negative values get a minus sign. */
    public static String compact(long seconds) {
        if (seconds < 0) {
            return "-" + compact(-seconds);
        }
        if (seconds == 0) {
            return "0 min";
        }
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        StringBuilder b = new StringBuilder();
        if (h > 0) {
            b.append(h).append(" h");
        }
        if (m > 0) {
            b.append(b.length() > 0 ? " " : "").append(m).append(" min");
        }
        if (s > 0) {
            b.append(b.length() > 0 ? " " : "").append(s).append(" s");
        }
        return b.toString();
    }
}
