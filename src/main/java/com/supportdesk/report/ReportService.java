package com.supportdesk.report;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketEvent;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.report.QuarterlyReport.Breach;
import com.supportdesk.report.QuarterlyReport.Compliance;
import com.supportdesk.report.QuarterlyReport.Incident;
import com.supportdesk.report.QuarterlyReport.OutageLine;
import com.supportdesk.report.QuarterlyReport.Outcome;
import com.supportdesk.report.QuarterlyReport.TimelineEntry;
import com.supportdesk.report.QuarterlyReport.Training;
import com.supportdesk.sla.CalendarSpec;
import com.supportdesk.sla.PolicyVersion;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.sla.ResponsePolicy;
import com.supportdesk.store.AccessPolicy;
import com.supportdesk.store.OutageRepository;
import com.supportdesk.store.DiskSpace;
import com.supportdesk.store.Store;
import com.supportdesk.store.TrainingRepository;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the quarterly incident/activity report of a customer from the store, as a reader may see it, and
 * writes it as PDF or CSV. Every ticket comes through the store's access lens. Which customer an Official
 * Sensitive ticket belongs to is itself sensitive, so a reader without clearance gets a report without them
 * (and a note saying so); for a cleared reader each sensitive ticket is recorded in the access audit (view
 * {@value #AUDIT_VIEW}) as the store reads it, before the report describes it.
 *
 * <p>Response compliance (per severity, over the tickets received in the quarter, in the policy's calendar
 * zone): met = first contact at or before the ticket's stored deadline; missed = first contact after it, or no
 * contact and the deadline already passed when the report is built (open tickets past their deadline count as
 * missed); the rest are pending and in neither. Response times are Business Hours from received to first
 * contact under the policy version in force at received; median and 90th percentile use the nearest-rank
 * method (the value at rank ⌈p/100 × n⌉ of the n sorted times, so the median of an even count is the lower
 * middle value). Deadlines are stored per ticket, so adding a policy version never changes a past quarter.
 *
 * <p>Thread-safe; building and writing can run on a background thread with a progress callback (0..1). A
 * thread interrupted while building or writing stops with {@link java.util.concurrent.CancellationException}.
 */
public final class ReportService {

    /** The view name recorded in the access audit for sensitive tickets a report describes. */
    public static final String AUDIT_VIEW = "report";

    private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);
    private static final Pattern LEVELS = Pattern.compile("Level (\\d) \u2192 Level (\\d)");

    private final Store store;
    private final Clock clock;

    public ReportService(Store store) {
        this.store = store;
        this.clock = store.database().clock();
    }

    /** Builds the report of the named customer (case-insensitive; unknown names fail with the known ones). */
    public QuarterlyReport build(Agent reader, String customerName, Quarter quarter) {
        return build(reader, customerName, quarter, null);
    }

    public QuarterlyReport build(Agent reader, String customerName, Quarter quarter, DoubleConsumer progress) {
        Progress.of(progress).at(0);
        return build(reader, store.customers().require(customerName), quarter, progress);
    }

    /**
     * Builds the report.
     *
     * @param reader who it is for; null is {@link AccessPolicy#NOBODY}, who sees no sensitive content
     * @param progress called with 0..1 as the work advances (on the calling thread); may be null
     */
    public QuarterlyReport build(Agent reader, Customer customer, Quarter quarter, DoubleConsumer progress) {
        // one transaction: every sensitive ticket described is recorded in the audit once, before it is described
        return store.database().inTx(tx -> buildIn(reader, customer, quarter, progress));
    }

    private QuarterlyReport buildIn(Agent reader, Customer customer, Quarter quarter, DoubleConsumer progress) {
        Progress p = Progress.of(progress);
        p.at(0);
        Agent who = reader == null ? AccessPolicy.NOBODY : reader;
        Instant now = clock.instant();
        ResponseClock responseClock = store.policy().clock();
        ResponsePolicy policy = responseClock.policy();
        ZoneId zone = policy.calendarAt(quarter.firstDay().atStartOfDay(ZoneOffset.UTC).toInstant()).spec().zone();
        Instant from = quarter.start(zone);
        Instant to = quarter.end(zone);

        List<Ticket> tickets = store.tickets().receivedBetween(who, customer.id(), from, to);
        p.at(0.15);

        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        Map<Channel, Integer> byChannel = new EnumMap<>(Channel.class);
        Map<SupportLevel, Integer> byLevel = new EnumMap<>(SupportLevel.class);
        Arrays.stream(Severity.values()).forEach(s -> bySeverity.put(s, 0));
        Arrays.stream(Channel.values()).forEach(c -> byChannel.put(c, 0));
        Arrays.stream(SupportLevel.values()).forEach(l -> byLevel.put(l, 0));
        int withheld = 0;
        for (Ticket t : tickets) {
            bySeverity.merge(t.severity(), 1, Integer::sum);
            byChannel.merge(t.channel(), 1, Integer::sum);
            byLevel.merge(t.level(), 1, Integer::sum);
            withheld += t.redacted() ? 1 : 0;
        }

        List<Compliance> compliance = new ArrayList<>();
        for (Severity s : Severity.values()) {
            long target = policy.versionAt(from).targets().secondsOf(s);
            compliance.add(compliance(s, target, tickets.stream().filter(t -> t.severity() == s).toList(), responseClock,
                    now));
        }
        List<Breach> breaches = new ArrayList<>();
        List<Long> described = new ArrayList<>();
        for (Ticket t : tickets) {
            if (outcome(t, now) == Outcome.MISSED) {
                Instant until = t.firstContactAt() != null ? t.firstContactAt() : now;
                long late = policy.calendarAt(t.received()).businessSecondsBetween(t.deadline(), until);
                breaches.add(new Breach(t.ref(), t.severity(), t.subject(), t.redacted(), t.received(), t.deadline(),
                        t.firstContactAt(), late));
                if (t.sensitive() && !t.redacted() && t.severity() != Severity.S1) {
                    described.add(t.id());
                }
            }
        }
        p.at(0.3);

        List<Ticket> s1 = tickets.stream().filter(t -> t.severity() == Severity.S1).toList();
        List<Incident> incidents = new ArrayList<>();
        Progress ip = p.part(0.3, 0.75);
        for (int i = 0; i < s1.size(); i++) {
            incidents.add(incident(who, s1.get(i), now));
            ip.at((i + 1.0) / s1.size());
        }
        int sensitiveDescribed = described.size()
                + (int) s1.stream().filter(t -> t.sensitive() && !t.redacted()).count();
        p.at(0.8);

        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate asOf = today.isBefore(quarter.lastDay()) ? today : quarter.lastDay();
        TrainingRepository.Summary ts = store.training().summary(customer.id(), asOf);
        Training training = new Training(ts.contracted(), ts.delivered(), ts.remaining(), ts.planned(), asOf,
                store.training().between(customer.id(), quarter.firstDay(), quarter.endExclusive()));
        p.at(0.85);

        List<OutageRepository.Outage> outages = store.outages().affecting(who, customer.id(), from, to);
        List<Availability.Window> windows = outages.stream()
                .map(o -> new Availability.Window(o.start(), o.end(), o.scheduled())).toList();
        List<Availability.Month> months = quarter.months().stream()
                .map(m -> Availability.month(m, zone, windows, policy, now)).toList();
        List<OutageLine> outageLines = new ArrayList<>();
        for (int i = 0; i < outages.size(); i++) {
            OutageRepository.Outage o = outages.get(i);
            Duration overlap = o.scheduled() ? Availability.businessOverlap(windows.get(i), policy) : Duration.ZERO;
            outageLines.add(new OutageLine(o.id(), o.start(), o.end(), o.description(), o.scheduled(),
                    o.allCustomers(), overlap, o.ticketRefs()));
        }
        p.at(1);

        LOG.info("Built the {} report of customer #{} for agent #{}: {} tickets, {} withheld, {} sensitive described",
                quarter, customer.id(), who.id(), tickets.size(), withheld, sensitiveDescribed);
        return new QuarterlyReport(customer.name(), quarter, zone, now, preparedFor(who), who.cleared(),
                policySummary(policy, from, to), tickets.size(), withheld, sensitiveDescribed, bySeverity, byChannel,
                byLevel, compliance, breaches, incidents, training, months, outageLines);
    }

    /** Writes the report in the format to the stream (not closed). */
    public void write(QuarterlyReport report, ReportFormat format, OutputStream out, DoubleConsumer progress) {
        Progress p = Progress.of(progress);
        try {
            if (format == ReportFormat.PDF) {
                new QuarterlyReportPdf(report).write(out, p);
            } else {
                QuarterlyReportCsv.write(report, out);
                p.at(1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the report to the file, in the format its extension names ({@code .pdf} or {@code .csv}). The file
     * is written beside its final name and moved into place when complete, so a failure never leaves half a
     * report.
     *
     * @throws IllegalArgumentException when the extension is neither
     * @throws UncheckedIOException with a plain message when the file cannot be written
     */
    public void write(QuarterlyReport report, Path file, DoubleConsumer progress) {
        ReportFormat format = ReportFormat.of(file);
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            if (Files.isDirectory(target)) {
                throw new IOException(target + " is a folder");
            }
            tmp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                write(report, format, out, progress);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("Cannot write the report to " + target + ": the folder " + dir
                    + " does not exist.", e);
        } catch (AccessDeniedException e) {
            throw new UncheckedIOException("Cannot write the report to " + target + ": permission denied.", e);
        } catch (IOException e) {
            DiskSpace.SYSTEM.diskFull(e, dir).ifPresent(full -> {
                throw full;
            });
            throw new UncheckedIOException("Cannot write the report to " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named after the report
                }
            }
        }
    }

    /**
     * Builds the report and writes it to the file: the UI's one call. Progress runs 0..0.5 while building
     * and 0.5..1 while writing.
     */
    public QuarterlyReport export(Agent reader, String customerName, Quarter quarter, Path file,
                                  DoubleConsumer progress) {
        ReportFormat.of(file);
        Progress p = Progress.of(progress);
        QuarterlyReport report = build(reader, customerName, quarter, p.part(0, 0.5).asConsumer());
        write(report, file, p.part(0.5, 1).asConsumer());
        return report;
    }

    // ---------------------------------------------------------------- figures

    static Outcome outcome(Ticket t, Instant now) {
        return ResponseCompliance.outcome(t, now);
    }

    private static Compliance compliance(Severity s, long target, List<Ticket> tickets, ResponseClock clock,
                                         Instant now) {
        return ResponseCompliance.of(s, target, tickets, clock, now);
    }

    /** The nearest-rank percentile: the value at rank ⌈p/100 × n⌉ (1-based) of the sorted values; null if none. */
    static Long nearestRank(long[] sorted, int percent) {
        return ResponseCompliance.nearestRank(sorted, percent);
    }

    private Incident incident(Agent reader, Ticket t, Instant now) {
        if (t.redacted()) {
            return new Incident(t.ref(), t.subject(), true, t.status(), t.received(), null, null, null, null, List.of());
        }
        List<TicketEvent> history = t.sensitive()
                ? store.tickets().open(reader, t.id(), AUDIT_VIEW).history()
                : store.history().history(reader, t.id());
        return new Incident(t.ref(), t.subject(), false, t.status(), t.received(), t.deadline(), t.firstContactAt(),
                t.resolvedAt(), outcome(t, now), timeline(t, history, now));
    }

    /**
     * Received, response due, first response, escalations, severity changes, resolution and reopening, in time
     * order. Internal reasons and notes are left out: the report goes to the customer.
     */
    static List<TimelineEntry> timeline(Ticket t, List<TicketEvent> history, Instant now) {
        List<TimelineEntry> out = new ArrayList<>();
        out.add(new TimelineEntry(t.received(), "Received by " + channel(t.channel())));
        out.add(new TimelineEntry(t.deadline(), "Response due"));
        if (t.firstContactAt() != null) {
            out.add(new TimelineEntry(t.firstContactAt(), "First response: " + contact(t.firstContactEvent())
                    + (outcome(t, now) == Outcome.MET ? " (in time)" : " (late)")));
        }
        boolean resolvedSeen = false;
        for (TicketEvent e : history) {
            String detail = e.detail() == null ? "" : e.detail();
            switch (e.kind()) {
                case LEVEL_CHANGED -> {
                    Matcher m = LEVELS.matcher(detail);
                    if (m.find()) {
                        boolean up = Integer.parseInt(m.group(2)) > Integer.parseInt(m.group(1));
                        out.add(new TimelineEntry(e.at(), (up ? "Escalated to level " : "Returned to level ") + m.group(2)));
                    }
                }
                case SEVERITY_CHANGED -> {
                    int semi = detail.indexOf(';');
                    out.add(new TimelineEntry(e.at(), "Severity changed: "
                            + (semi < 0 ? detail : detail.substring(0, semi)).replace("\u2192", "to")));
                }
                case STATUS_CHANGED -> {
                    for (TicketStatus s : List.of(TicketStatus.RESOLVED, TicketStatus.CLOSED)) {
                        if (detail.endsWith(s.label())) {
                            out.add(new TimelineEntry(e.at(), s.label()));
                            resolvedSeen = true;
                        }
                    }
                }
                case REOPENED -> out.add(new TimelineEntry(e.at(), "Reopened"));
                default -> {
                    // assignment, notes, mail and other housekeeping are not part of the customer's timeline
                }
            }
        }
        if (!resolvedSeen && t.resolvedAt() != null) {
            out.add(new TimelineEntry(t.resolvedAt(), TicketStatus.RESOLVED.label()));
        }
        out.sort(Comparator.comparing(TimelineEntry::at));
        return out;
    }

    private static String channel(Channel c) {
        return switch (c) {
            case EMAIL -> "e-mail";
            case PHONE -> "phone";
            case CHAT -> "chat";
            case AGENT -> "an agent on the customer's behalf";
        };
    }

    private static String contact(ContactEvent e) {
        if (e == null) {
            return "contact";
        }
        return switch (e) {
            case EMAIL_REPLY -> "e-mail reply";
            case PHONE_CALL -> "phone call";
            case CHAT_REPLY -> "chat reply";
        };
    }

    private static String preparedFor(Agent reader) {
        if (reader == AccessPolicy.NOBODY) {
            return "nobody signed in (Official Sensitive tickets left out)";
        }
        return reader.displayName() + (reader.cleared() ? " (security cleared)" : " (Official Sensitive tickets left out)");
    }

    static String policySummary(ResponsePolicy policy, Instant from, Instant to) {
        PolicyVersion v = policy.versionAt(from);
        CalendarSpec cal = v.calendar();
        String s = "Response targets in Business Hours: S1 " + Durations.compact(v.targets().s1()) + ", S2 "
                + Durations.compact(v.targets().s2()) + ", S3 " + Durations.compact(v.targets().s3())
                + ". Business Hours: " + cal.opens() + "\u2013" + cal.closes() + " " + cal.zone().getId()
                + ", Monday to Friday, excluding " + cal.region().displayName() + " bank holidays"
                + (cal.extraClosures().isEmpty() ? "" : " and office closures") + ".";
        boolean changed = policy.versions().stream()
                .anyMatch(x -> x.effectiveFrom().isAfter(from) && x.effectiveFrom().isBefore(to));
        return changed ? s + " The policy changed during the quarter; each ticket is measured under the version in"
                + " force when it was received." : s;
    }
}
