package com.supportdesk.ui.common;

import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.sla.SlaState;
import com.supportdesk.sla.SlaStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Turns a ticket's response clock into the words on its card: "2h 13m 05s left", "paused — resumes Mon
 * 09:00", "overdue 1h 12m", "met in 42m", "missed by 20m", and a {@link Tone} for its colour. Times are shown
 * in the agent's zone. One instance serves every cell (formatters are reused); not thread-safe, FX thread only.
 */
public final class Countdown {

    /** The colour state of a countdown; the CSS class is {@link #styleClass()}. */
    public enum Tone {
        RUNNING, PAUSED, AT_RISK, OVERDUE, MET, MISSED;

        private final String styleClass = "countdown-" + name().toLowerCase(Locale.ROOT).replace('_', '-');

        public String styleClass() {
            return styleClass;
        }

        public static Tone of(SlaState s) {
            return switch (s) {
                case RUNNING -> RUNNING;
                case PAUSED -> PAUSED;
                case AT_RISK -> AT_RISK;
                case OVERDUE -> OVERDUE;
                case MET -> MET;
                case MISSED -> MISSED;
            };
        }
    }

    private final ZoneId zone;
    private final DateTimeFormatter weekdayTime;
    private final DateTimeFormatter dateTime;
    private final StringBuilder sb = new StringBuilder(48);

    public Countdown(ZoneId zone) {
        this.zone = zone;
        this.weekdayTime = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.UK).withZone(zone);
        this.dateTime = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK).withZone(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The card text for a status seen at {@code now}. */
    public String text(SlaStatus s, Instant now) {
        sb.setLength(0);
        switch (s.state()) {
            case RUNNING, AT_RISK -> appendHms(s.remainingSeconds()).append(" left");
            case PAUSED -> sb.append("paused \u2014 resumes ").append(when(s.resumesAt(), now));
            case OVERDUE -> {
                if (s.remainingSeconds() >= 0) {
                    sb.append("overdue since ").append(when(s.deadline(), now));
                } else {
                    appendHm(sb.append("overdue "), -s.remainingSeconds());
                }
            }
            case MET -> appendHm(sb.append("met in "), s.responseBusinessSeconds());
            case MISSED -> appendHm(sb.append("missed by "), Math.max(0, -s.remainingSeconds()));
        }
        return sb.toString();
    }

    /** "Mon 09:00" within four days (a weekend, a bank-holiday weekend), else "Tue 29 Dec 09:00". */
    public String when(Instant t, Instant now) {
        if (t == null) {
            return "";
        }
        long ahead = t.getEpochSecond() - now.getEpochSecond();
        return Math.abs(ahead) < 4 * 86_400L ? weekdayTime.format(t) : dateTime.format(t);
    }

    /** A full date and time in the agent's zone, for the detail pane. */
    public String dateTime(Instant t) {
        return t == null ? "" : dateTime.format(t);
    }

    public ZonedDateTime local(Instant t) {
        return t.atZone(zone);
    }

    /** The status of a ticket's clock at {@code now}. */
    public static SlaStatus status(ResponseClock clock, Ticket t, Instant now) {
        return clock.status(t.severity(), t.received(), t.firstContactAt(), now);
    }

    private StringBuilder appendHms(long seconds) {
        long s = Math.max(0, seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        if (h > 0) {
            sb.append(h).append("h ");
            two(m).append("m ");
        } else {
            sb.append(m).append("m ");
        }
        return two(sec).append('s');
    }

    private StringBuilder two(long v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

    /** "1h 12m", "42m", "30s" (under a minute). */
    public static StringBuilder appendHm(StringBuilder out, long seconds) {
        long s = Math.max(0, seconds);
        if (s < 60) {
            return out.append(s).append('s');
        }
        long h = s / 3600;
        long m = (s % 3600) / 60;
        if (h > 0) {
            out.append(h).append("h ");
            if (m < 10) {
                out.append('0');
            }
            return out.append(m).append('m');
        }
        return out.append(m).append('m');
    }

    public static String hm(long seconds) {
        return appendHm(new StringBuilder(), seconds).toString();
    }

    /** Short text for a severity: "S1 Critical"… colour-blind safe together with the icon. */
    public static String severityText(Severity s) {
        return switch (s) {
            case S1 -> "S1 Critical";
            case S2 -> "S2 Major";
            case S3 -> "S3 Minor";
        };
    }
}
