package com.supportdesk.report;

import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.report.QuarterlyReport.Compliance;
import com.supportdesk.report.QuarterlyReport.Outcome;
import com.supportdesk.sla.ResponseClock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;

/**
 * Response compliance, defined once for the quarterly report and the team lead's wallboard.
 *
 * <p>Met = first customer contact at or before the ticket's stored deadline. Missed = first contact after it, or
 * no contact and the deadline already passed at {@code now} (open tickets past their deadline count as missed).
 * Pending = no contact and the deadline still ahead: in neither. {@code % met} = met / (met + missed). Response
 * times are business seconds from received to first contact; median and 90th percentile use the nearest-rank
 * method. Pure and thread-safe.
 */
public final class ResponseCompliance {

    private ResponseCompliance() {
    }

    /** How the ticket stands against its response deadline at {@code now}. */
    public static Outcome outcome(Ticket t, Instant now) {
        if (t.firstContactAt() != null) {
            return t.firstContactAt().isAfter(t.deadline()) ? Outcome.MISSED : Outcome.MET;
        }
        return now.isAfter(t.deadline()) ? Outcome.MISSED : Outcome.PENDING;
    }

    /**
     * The compliance row of one severity over the tickets given (those of other severities are ignored).
     *
     * @param targetSeconds the response target shown with the row
     * @param clock measures response times (business seconds received → first contact)
     */
    public static Compliance of(Severity s, long targetSeconds, Collection<Ticket> tickets, ResponseClock clock,
                                Instant now) {
        int count = 0;
        int met = 0;
        int missed = 0;
        int pending = 0;
        long[] times = new long[tickets.size()];
        int n = 0;
        for (Ticket t : tickets) {
            if (t.severity() != s) {
                continue;
            }
            count++;
            switch (outcome(t, now)) {
                case MET -> met++;
                case MISSED -> missed++;
                default -> pending++;
            }
            if (t.firstContactAt() != null) {
                times[n++] = clock.businessSeconds(t.received(), t.firstContactAt());
            }
        }
        long[] sorted = Arrays.copyOf(times, n);
        Arrays.sort(sorted);
        Double pct = met + missed == 0 ? null : 100.0 * met / (met + missed);
        return new Compliance(s, targetSeconds, count, met, missed, pending, pct, nearestRank(sorted, 50),
                nearestRank(sorted, 90));
    }

    /**
     * The next instant after which an outcome among these tickets changes by itself (a pending ticket's deadline
     * passes and it becomes missed), or null when none will.
     */
    public static Instant nextChange(Collection<Ticket> tickets, Instant now) {
        Instant next = null;
        for (Ticket t : tickets) {
            if (t.firstContactAt() == null && !now.isAfter(t.deadline()) && (next == null || t.deadline().isBefore(next))) {
                next = t.deadline();
            }
        }
        return next;
    }

    /** The nearest-rank percentile: the value at rank ⌈p/100 × n⌉ (1-based) of the sorted values; null if none. */
    public static Long nearestRank(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.max(1, ((long) percent * sorted.length + 99) / 100);
        return sorted[rank - 1];
    }
}
