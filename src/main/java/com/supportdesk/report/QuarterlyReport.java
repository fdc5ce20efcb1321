package com.supportdesk.report;

import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.store.TrainingRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The quarterly incident and activity report for one customer, as one reader may see it: plain data, built
 * by {@link ReportService} and written as PDF or CSV (or shown by a UI). Built for a reader without clearance
 * it counts Official Sensitive tickets but describes none of them: such tickets appear only as their ref with
 * {@link com.supportdesk.domain.Ticket#PLACEHOLDER} ({@code withheld} true), so even {@link #toString()}
 * holds no sensitive content.
 *
 * @param zone the calendar zone the quarter, months and times are expressed in
 * @param generatedAt the instant the figures are "as of": open tickets past their deadline then count as missed
 * @param preparedFor who the report was built for (the reader's name, or that nobody signed in)
 * @param readerCleared whether the reader holds security clearance
 * @param policySummary the response targets and Business Hours in force at the start of the quarter
 * @param withheldTickets Official Sensitive tickets counted but not described (reader without clearance)
 * @param sensitiveDescribed Official Sensitive tickets described in this report (cleared reader; each audited)
 * @param bySeverity tickets received in the quarter per (current) severity; every severity present
 * @param byChannel tickets per channel; every channel present
 * @param byLevel tickets per (current) support level; every level present
 * @param compliance response compliance, one row per severity S1, S2, S3
 * @param breaches tickets whose response deadline was missed, by received time
 * @param incidents the quarter's Severity 1 incidents with their timelines, by received time
 * @param availability the quarter's three months against the 99.5 % target
 * @param outages outages in the quarter that affected the customer (its own and those for every customer)
 */
public record QuarterlyReport(String customerName, Quarter quarter, ZoneId zone, Instant generatedAt,
                              String preparedFor, boolean readerCleared, String policySummary, int totalTickets,
                              int withheldTickets, int sensitiveDescribed, Map<Severity, Integer> bySeverity,
                              Map<Channel, Integer> byChannel, Map<SupportLevel, Integer> byLevel,
                              List<Compliance> compliance, List<Breach> breaches, List<Incident> incidents,
                              Training training, List<Availability.Month> availability, List<OutageLine> outages) {

    public QuarterlyReport {
        bySeverity = Collections.unmodifiableMap(new EnumMap<>(bySeverity));
        byChannel = Collections.unmodifiableMap(new EnumMap<>(byChannel));
        byLevel = Collections.unmodifiableMap(new EnumMap<>(byLevel));
        compliance = List.copyOf(compliance);
        breaches = List.copyOf(breaches);
        incidents = List.copyOf(incidents);
        availability = List.copyOf(availability);
        outages = List.copyOf(outages);
    }

    /** How a ticket stands against its response deadline. */
    public enum Outcome {
        /** First contact at or before the deadline. */
        MET,
        /** First contact after the deadline, or none and the deadline has passed. */
        MISSED,
        /** No contact yet and the deadline is still ahead: neither met nor missed. */
        PENDING
    }

    /**
     * Response compliance for one severity.
     *
     * @param targetSeconds the response target in business seconds (policy in force at the quarter's start)
     * @param tickets tickets of this severity received in the quarter
     * @param pending tickets with no contact yet whose deadline has not passed (in neither met nor missed)
     * @param pctMet met / (met + missed) × 100; null when there is neither
     * @param medianResponseSeconds nearest-rank 50th percentile of business seconds from received to first
     *     contact, over the tickets that had a first contact; null when none had
     * @param p90ResponseSeconds nearest-rank 90th percentile of the same; null when none had
     */
    public record Compliance(Severity severity, long targetSeconds, int tickets, int met, int missed, int pending, Double pctMet,
                             Long medianResponseSeconds, Long p90ResponseSeconds) {
    }

    /**
     * A missed response deadline.
     *
     * @param subject the ticket's subject, or the placeholder when {@code withheld}
     * @param respondedAt the first contact, or null: "no response" yet
     * @param businessSecondsLate Business Hours between the deadline and the first contact (or, with none, the
     *     report's instant); 0 when the late contact came outside Business Hours before they reopened
     */
    public record Breach(String ref, Severity severity, String subject, boolean withheld, Instant received,
                         Instant deadline, Instant respondedAt, long businessSecondsLate) {
    }

    /** One line of an incident's timeline. */
    public record TimelineEntry(Instant at, String what) {
    }

    /**
     * A Severity 1 incident. When {@code withheld} only the ref, the placeholder, status and received time are
     * given: the other times are null and the timeline is empty.
     */
    public record Incident(String ref, String subject, boolean withheld, TicketStatus status, Instant received,
                           Instant deadline, Instant firstContactAt, Instant resolvedAt, Outcome outcome,
                           List<TimelineEntry> timeline) {
        public Incident {
            timeline = List.copyOf(timeline);
        }
    }

    /**
     * Training sessions: contracted vs delivered as of {@code asOf} (the end of the quarter, or today while
     * the quarter runs), and the sessions dated in the quarter.
     */
    public record Training(int contracted, int delivered, int remaining, int planned, LocalDate asOf,
                           List<TrainingRepository.Session> sessions) {
        public Training {
            sessions = List.copyOf(sessions);
        }
    }

    /**
     * An outage that affected the customer in the quarter.
     *
     * @param businessHoursOverlap for scheduled maintenance, the part inside Business Hours (counted as
     *     unscheduled); zero for unscheduled outages
     * @param ticketRefs linked Severity 1 tickets of this customer
     */
    public record OutageLine(long id, Instant start, Instant end, String description, boolean scheduled,
                             boolean allCustomers, Duration businessHoursOverlap, List<String> ticketRefs) {
        public OutageLine {
            ticketRefs = List.copyOf(ticketRefs);
        }

        /** Scheduled maintenance that overlapped Business Hours, against the policy. */
        public boolean flagged() {
            return scheduled && !businessHoursOverlap.isZero();
        }
    }

    /** The compliance row of a severity. */
    public Compliance compliance(Severity s) {
        return compliance.stream().filter(c -> c.severity() == s).findFirst().orElseThrow();
    }

    /** True when the report describes Official Sensitive content (then every page is marked). */
    public boolean describesSensitive() {
        return sensitiveDescribed > 0;
    }
}
