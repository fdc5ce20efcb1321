package com.supportdesk.report;

import com.supportdesk.sla.PolicyVersion;
import com.supportdesk.sla.ResponsePolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Monthly availability against the policy's 99.5 % target, pure arithmetic on outage windows.
 *
 * <p>Availability of a month = 1 − unscheduled downtime / length of the month (both in seconds; the month
 * runs from local midnight of its first day to local midnight of the next month's first day in the calendar
 * zone). Unscheduled downtime is the union of
 * <ul>
 *   <li>every unscheduled outage, and</li>
 *   <li>the parts of scheduled outages that fall inside Business Hours — the policy schedules maintenance
 *       outside them, so maintenance that overlaps them counts as unscheduled there (and is flagged).</li>
 * </ul>
 * The union is taken before measuring, so overlapping outages are never counted twice, and each outage is
 * clipped to the month, so one spanning midnight at the end of a month counts partly in each. Business Hours
 * at an instant are those of the policy version in force at that instant.
 */
public final class Availability {

    /** The policy's monthly availability target, 99.5 %. */
    public static final double TARGET = 0.995;

    /** An outage as availability sees it. */
    public record Window(Instant start, Instant end, boolean scheduled) {
        public Window {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("an outage cannot end (" + end + ") before it starts (" + start + ")");
            }
        }
    }

    /**
     * One month's figures.
     *
     * @param monthSeconds length of the month in seconds (31 days = 2 678 400)
     * @param unscheduledSeconds unscheduled downtime within the month, overlaps counted once
     * @param complete false while the month has not ended at the time of the report
     */
    public record Month(YearMonth month, long monthSeconds, long unscheduledSeconds, boolean complete) {

        /** 1 − unscheduled / month, between 0 and 1. */
        public double availability() {
            return 1.0 - (double) unscheduledSeconds / monthSeconds;
        }

        /** {@link #availability()} in percent. */
        public double percent() {
            return availability() * 100.0;
        }

        /** At least 99.5 %, decided exactly: unscheduled / month <= 5 / 1000. */
        public boolean meetsTarget() {
            return unscheduledSeconds * 1000 <= monthSeconds * 5;
        }

        public double downtimeMinutes() {
            return unscheduledSeconds / 60.0;
        }

        public long monthMinutes() {
            return monthSeconds / 60;
        }
    }

    private record Span(long start, long end) {
        long length() {
            return end - start;
        }
    }

    private Availability() {
    }

    /**
     * The month's availability.
     *
     * @param zone the calendar zone in which the month begins and ends
     * @param outages every outage that may touch the month (others are ignored)
     * @param policy the response policy whose Business Hours scheduled maintenance must avoid
     * @param now the report's instant, to mark a month still in progress
     */
    public static Month month(YearMonth month, ZoneId zone, List<Window> outages, ResponsePolicy policy, Instant now) {
        long from = month.atDay(1).atStartOfDay(zone).toEpochSecond();
        long to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toEpochSecond();
        List<Span> unscheduled = new ArrayList<>();
        List<Span> scheduled = new ArrayList<>();
        for (Window w : outages) {
            long s = Math.max(from, w.start().getEpochSecond());
            long e = Math.min(to, w.end().getEpochSecond());
            if (e > s) {
                (w.scheduled() ? scheduled : unscheduled).add(new Span(s, e));
            }
        }
        List<Span> down = merge(unscheduled);
        long seconds = 0;
        for (Span s : down) {
            seconds += s.length();
        }
        for (Span s : subtract(merge(scheduled), down)) {
            seconds += businessSeconds(s, policy);
        }
        return new Month(month, to - from, seconds, now != null && !now.isBefore(Instant.ofEpochSecond(to)));
    }

    /** The part of a window inside Business Hours; above zero means scheduled maintenance broke the policy. */
    public static Duration businessOverlap(Window w, ResponsePolicy policy) {
        return Duration.ofSeconds(businessSeconds(new Span(w.start().getEpochSecond(), w.end().getEpochSecond()), policy));
    }

    /** Business seconds in the span, splitting it where a new policy version takes effect. */
    private static long businessSeconds(Span span, ResponsePolicy policy) {
        long total = 0;
        long s = span.start();
        for (PolicyVersion v : policy.versions()) {
            long boundary = v.effectiveFrom().getEpochSecond();
            if (boundary > s && boundary < span.end()) {
                total += policy.calendarAt(Instant.ofEpochSecond(s))
                        .businessSecondsBetween(Instant.ofEpochSecond(s), Instant.ofEpochSecond(boundary));
                s = boundary;
            }
        }
        return total + policy.calendarAt(Instant.ofEpochSecond(s))
                .businessSecondsBetween(Instant.ofEpochSecond(s), Instant.ofEpochSecond(span.end()));
    }

    /** Sorted, non-overlapping, non-touching spans covering the same time. */
    private static List<Span> merge(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingLong(Span::start));
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            if (!out.isEmpty() && s.start() <= out.get(out.size() - 1).end()) {
                Span last = out.remove(out.size() - 1);
                out.add(new Span(last.start(), Math.max(last.end(), s.end())));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** {@code a} minus {@code b}; both merged (sorted, disjoint). */
    private static List<Span> subtract(List<Span> a, List<Span> b) {
        List<Span> out = new ArrayList<>();
        int j = 0;
        for (Span s : a) {
            long cur = s.start();
            while (j < b.size() && b.get(j).end() <= cur) {
                j++;
            }
            int k = j;
            while (k < b.size() && b.get(k).start() < s.end()) {
                Span cut = b.get(k);
                if (cut.start() > cur) {
                    out.add(new Span(cur, cut.start()));
                }
                cur = Math.max(cur, cut.end());
                k++;
            }
            if (cur < s.end()) {
                out.add(new Span(cur, s.end()));
            }
        }
        return out;
    }
}
