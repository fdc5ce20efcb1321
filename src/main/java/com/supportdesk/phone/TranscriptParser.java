package com.supportdesk.phone;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads plain-text chat transcripts, leniently:
 * <ul>
 *   <li>messages {@code [HH:MM] Name: text} or {@code [HH:MM:SS] Name: text}, also with a 12-hour
 *       {@code am/pm} time or a date in the brackets ({@code [2026-11-25 10:02]}, {@code [25/11/2026 10:02]});</li>
 *   <li>a date line ({@code 2026-11-25}, {@code Date: 25/11/2026}, {@code Wednesday 25 November 2026}) sets the
 *       date of the times after it; before the first message any line holding such a date counts (a header
 *       like {@code Chat with Support – 25/11/2026});</li>
 *   <li>a line without a time belongs to the message before it (continuation); blank lines are skipped;</li>
 *   <li>a time earlier than the previous message's, with no new date, is taken to be after midnight.</li>
 * </ul>
 * Times without a date are on {@code defaultDate} (today, in the agent's zone). Anything else is refused
 * with a {@link TranscriptException} naming the line.
 */
public final class TranscriptParser {

    /** Longest transcript accepted, in characters. */
    public static final int MAX_CHARS = 2_000_000;

    private static final Pattern MESSAGE = Pattern.compile("^\\s*\\[([^\\]]*)\\]\\s*(.*)$");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([AaPp])\\.?[Mm]\\.?)?");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern UK_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern WORD_DATE = Pattern.compile("(\\d{1,2})\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{4})");
    private static final Pattern DATE_LINE = Pattern.compile(
            "^\\s*(?:date\\s*:?\\s*)?(?:[A-Za-z]{3,9},?\\s+)?(.+?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter MONTH = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMM").toFormatter(Locale.UK);
    private static final DateTimeFormatter FULL_MONTH = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMMM").toFormatter(Locale.UK);

    private TranscriptParser() {
    }

    public static Transcript parse(String text, LocalDate defaultDate) {
        if (text == null || text.isBlank()) {
            throw new TranscriptException(0, "The transcript is empty: paste lines like [10:02] Name: text.");
        }
        if (text.length() > MAX_CHARS) {
            throw new TranscriptException(0, "The transcript is too long (over " + MAX_CHARS / 1_000_000
                    + " million characters).");
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] raw = body.split("\r\n|\r|\n", -1);
        List<Transcript.Line> lines = new ArrayList<>();
        LocalDate date = defaultDate;
        LocalDateTime previous = null;
        int number = 0;
        int startLine = 0;
        LocalDateTime at = null;
        String name = null;
        StringBuilder message = null;
        for (String line : raw) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            Matcher m = MESSAGE.matcher(line);
            if (m.matches()) {
                if (message != null) {
                    lines.add(new Transcript.Line(startLine, at, name, message.toString().strip()));
                }
                Stamp stamp = stamp(m.group(1).strip(), number, line);
                if (stamp.date() != null) {
                    date = stamp.date();
                } else if (previous != null && LocalDateTime.of(date, stamp.time()).isBefore(previous)) {
                    date = date.plusDays(1); // past midnight
                }
                at = LocalDateTime.of(date, stamp.time());
                String rest = m.group(2);
                int colon = rest.indexOf(':');
                if (colon <= 0 || rest.substring(0, colon).isBlank()) {
                    throw new TranscriptException(number, "no \u201cName:\u201d after the time in \u201c"
                            + shorten(line) + "\u201d (expected [10:02] Name: text).");
                }
                name = rest.substring(0, colon).strip();
                if (name.length() > 100) {
                    throw new TranscriptException(number, "the name before the colon is too long in \u201c"
                            + shorten(line) + "\u201d (expected [10:02] Name: text).");
                }
                message = new StringBuilder(rest.substring(colon + 1).strip());
                startLine = number;
                previous = at;
                continue;
            }
            LocalDate lineDate = message == null ? dateIn(line) : dateLine(line);
            if (lineDate != null) {
                date = lineDate;
                previous = null;
                continue;
            }
            if (message == null) {
                throw new TranscriptException(number, "expected a line like [10:02] Name: text, or a date, but found \u201c"
                        + shorten(line) + "\u201d.");
            }
            if (message.length() > 0) {
                message.append('\n');
            }
            message.append(line.strip());
        }
        if (message == null) {
            throw new TranscriptException(0, "The transcript has no lines like [10:02] Name: text.");
        }
        lines.add(new Transcript.Line(startLine, at, name, message.toString().strip()));
        return new Transcript(lines, body.strip());
    }

    private record Stamp(LocalDate date, LocalTime time) {
    }

    private static Stamp stamp(String s, int number, String line) {
        String rest = s;
        LocalDate date = null;
        Matcher iso = ISO_DATE.matcher(s);
        Matcher uk = UK_DATE.matcher(s);
        if (iso.lookingAt()) {
            date = date(iso.group(1), iso.group(2), iso.group(3), number);
            rest = s.substring(iso.end());
        } else if (uk.lookingAt()) {
            date = date(uk.group(3), uk.group(2), uk.group(1), number);
            rest = s.substring(uk.end());
        }
        rest = rest.replaceFirst("^[T,\\s]+", "");
        Matcher t = TIME.matcher(rest);
        if (!t.matches()) {
            throw new TranscriptException(number, "\u201c[" + s + "]\u201d is not a time like [10:02] or [10:02:30] in \u201c"
                    + shorten(line) + "\u201d.");
        }
        int h = Integer.parseInt(t.group(1));
        int min = Integer.parseInt(t.group(2));
        int sec = t.group(3) == null ? 0 : Integer.parseInt(t.group(3));
        if (t.group(4) != null) {
            if (h < 1 || h > 12) {
                throw new TranscriptException(number, "\u201c" + s + "\u201d is not a time of day.");
            }
            boolean pm = Character.toLowerCase(t.group(4).charAt(0)) == 'p';
            h = (h % 12) + (pm ? 12 : 0);
        }
        if (h > 23 || min > 59 || sec > 59) {
            throw new TranscriptException(number, "\u201c" + s + "\u201d is not a time of day.");
        }
        return new Stamp(date, LocalTime.of(h, min, sec));
    }

    /** A line that is only a date (optionally "Date:" and a weekday before it). */
    private static LocalDate dateLine(String line) {
        Matcher m = DATE_LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String d = m.group(1);
        for (Pattern p : new Pattern[] {ISO_DATE, UK_DATE, WORD_DATE}) {
            Matcher dm = p.matcher(d);
            if (dm.matches()) {
                return parseDate(p, dm);
            }
        }
        return null;
    }

    /** A date anywhere in a header line before the first message. */
    private static LocalDate dateIn(String line) {
        for (Pattern p : new Pattern[] {ISO_DATE, UK_DATE, WORD_DATE}) {
            Matcher dm = p.matcher(line);
            if (dm.find()) {
                LocalDate d = parseDate(p, dm);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    private static LocalDate parseDate(Pattern p, Matcher m) {
        try {
            if (p == ISO_DATE) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if (p == UK_DATE) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            }
            int month = month(m.group(2));
            return month < 0 ? null : LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int month(String word) {
        for (DateTimeFormatter f : new DateTimeFormatter[] {MONTH, FULL_MONTH}) {
            try {
                return f.parse(word).get(ChronoField.MONTH_OF_YEAR);
            } catch (DateTimeException e) {
                // try the other form
            }
        }
        return "sept".equalsIgnoreCase(word) ? 9 : -1;
    }

    private static LocalDate date(String y, String m, String d, int number) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException e) {
            throw new TranscriptException(number, y + "-" + m + "-" + d + " is not a date.");
        }
    }

    private static String shorten(String line) {
        String s = line.strip();
        return s.length() > 60 ? s.substring(0, 59) + "\u2026" : s;
    }
}
