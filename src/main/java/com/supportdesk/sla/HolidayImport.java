package com.supportdesk.sla;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads closure dates for the business calendar from files admins already have: an iCalendar file ({@code .ics},
 * e.g. an office-closures calendar exported from Outlook or Google) or the gov.uk bank-holidays JSON
 * ({@code https://www.gov.uk/bank-holidays.json}, read with Jackson). No I/O beyond {@link #read}; every problem is an
 * {@link ImportException} whose message says what is wrong in plain words (with the line where that helps).
 *
 * <p>iCalendar: each {@code VEVENT}'s {@code DTSTART} — a date ({@code DTSTART;VALUE=DATE:20261224}) or a date-time
 * ({@code 20261224T090000Z}, {@code TZID=…} or floating) — up to its {@code DTEND}, which is exclusive for dates (an
 * event from the 24th with {@code DTEND;VALUE=DATE:20261229} closes the 24th to the 28th) or a {@code DURATION} in
 * days. A date-time event covers each day it touches (an end at exactly midnight does not touch the next day).
 * Cancelled events are skipped; a repeating event contributes its first occurrence only (said in the notes).
 *
 * <p>gov.uk JSON: the division of the calendar's region ({@code england-and-wales}, {@code scotland},
 * {@code northern-ireland}), each event's {@code date} and {@code title}.
 */
public final class HolidayImport {

    /** Files larger than this are not closure calendars. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final int MAX_EVENT_DAYS = 366;

    /** One date read from the file with the event's title. */
    public record ImportedDate(LocalDate date, String title) {
    }

    /**
     * What a file held: its kind ("iCalendar" or "gov.uk bank holidays (Scotland)"), the dates in order (one
     * entry per date, the first title wins) and notes about anything left out.
     */
    public record Result(String kind, List<ImportedDate> dates, List<String> notes) {
        public Result {
            dates = List.copyOf(dates);
            notes = List.copyOf(notes);
        }
    }

    /** The file cannot be imported; the message is for people. */
    public static final class ImportException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public ImportException(String message) {
            super(message);
        }
    }

    private HolidayImport() {
    }

    /** Reads a file (UTF-8) and parses it by its content: JSON or iCalendar. */
    public static Result read(Path file, HolidayRegion region, ZoneId zone) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new ImportException(file.getFileName() + " is " + (size / 1024 / 1024) + " MB: too large for a"
                    + " closures calendar.");
        }
        return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), region, zone);
    }

    /**
     * Parses iCalendar or gov.uk JSON text, told apart by content.
     *
     * @param region the calendar's region: which gov.uk division to take
     * @param zone the calendar's zone: the day a UTC date-time ({@code …Z}) falls on
     */
    public static Result parse(String text, HolidayRegion region, ZoneId zone) {
        String t = text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
        String head = t.stripLeading();
        if (head.startsWith("{")) {
            return govUk(t, region);
        }
        if (head.regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15)) {
            return ics(t, zone);
        }
        throw new ImportException("This file is neither an iCalendar file (.ics, starting with BEGIN:VCALENDAR) nor the"
                + " gov.uk bank-holidays JSON.");
    }

    // ---------------------------------------------------------------- iCalendar (RFC 5545)

    /** Parses iCalendar text. */
    public static Result ics(String text, ZoneId zone) {
        List<Line> lines = unfold(text == null ? "" : text);
        if (lines.isEmpty() || !lines.get(0).text().strip().equalsIgnoreCase("BEGIN:VCALENDAR")) {
            throw new ImportException("This is not an iCalendar file: it does not start with BEGIN:VCALENDAR.");
        }
        TreeMap<LocalDate, String> dates = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        int events = 0;
        Map<String, Prop> event = null;
        int eventLine = 0;
        boolean ended = false;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).text();
            int no = lines.get(i).number();
            if (line.isBlank()) {
                continue;
            }
            Prop p = prop(line, no);
            if (p.name.equals("BEGIN") && p.value.equalsIgnoreCase("VEVENT")) {
                if (event != null) {
                    throw new ImportException("Line " + no + ": an event starts inside the event that began on line "
                            + eventLine + " (END:VEVENT missing).");
                }
                event = new LinkedHashMap<>();
                eventLine = no;
            } else if (p.name.equals("END") && p.value.equalsIgnoreCase("VEVENT")) {
                if (event == null) {
                    throw new ImportException("Line " + no + ": END:VEVENT without BEGIN:VEVENT.");
                }
                events++;
                addEvent(event, eventLine, zone, dates, notes);
                event = null;
            } else if (p.name.equals("END") && p.value.equalsIgnoreCase("VCALENDAR")) {
                ended = true;
                break;
            } else if (event != null && !event.containsKey(p.name)) {
                event.put(p.name, p);
            }
        }
        if (event != null) {
            throw new ImportException("The event that begins on line " + eventLine + " has no END:VEVENT: the file is cut"
                    + " short.");
        }
        if (!ended) {
            notes.add("The file has no END:VCALENDAR; it may be cut short.");
        }
        if (events == 0) {
            throw new ImportException("The calendar has no events (VEVENT) to import.");
        }
        List<ImportedDate> out = new ArrayList<>();
        dates.forEach((d, title) -> out.add(new ImportedDate(d, title)));
        return new Result("iCalendar", out, notes);
    }

    private record Prop(String name, Map<String, String> params, String value, int line) {
    }

    private static void addEvent(Map<String, Prop> e, int line, ZoneId zone, TreeMap<LocalDate, String> dates,
                                 List<String> notes) {
        String title = e.containsKey("SUMMARY") ? unescape(e.get("SUMMARY").value).strip() : "";
        String name = title.isEmpty() ? "the event on line " + line : "'" + title + "'";
        if (e.containsKey("STATUS") && e.get("STATUS").value.strip().equalsIgnoreCase("CANCELLED")) {
            notes.add("Skipped " + name + ": it is cancelled.");
            return;
        }
        Prop start = e.get("DTSTART");
        if (start == null) {
            throw new ImportException("The event " + (title.isEmpty() ? "on line " + line : name + " (line " + line + ")")
                    + " has no start date (DTSTART).");
        }
        When from = when(start, zone);
        LocalDate last;
        Prop end = e.get("DTEND");
        if (end != null) {
            When to = when(end, zone);
            if (from.dateOnly && to.dateOnly) {
                last = to.date.isAfter(from.date) ? to.date.minusDays(1) : from.date;
            } else {
                last = to.midnight && to.date.isAfter(from.date) ? to.date.minusDays(1) : to.date;
            }
        } else if (e.containsKey("DURATION")) {
            Prop d = e.get("DURATION");
            int days = durationDays(d);
            last = days <= 1 ? from.date : from.date.plusDays(days - 1L);
        } else {
            last = from.date;
        }
        if (last.isBefore(from.date)) {
            throw new ImportException("Line " + end.line + ": the event " + name + " ends before it starts.");
        }
        if (from.date.plusDays(MAX_EVENT_DAYS).isBefore(last)) {
            throw new ImportException("Line " + start.line + ": the event " + name + " lasts more than a year; that is"
                    + " not an office closure.");
        }
        if (e.containsKey("RRULE")) {
            notes.add("The event " + name + " repeats (RRULE); only its first occurrence was imported.");
        }
        String label = title.isEmpty() ? "Office closure" : title;
        for (LocalDate d = from.date; !d.isAfter(last); d = d.plusDays(1)) {
            dates.putIfAbsent(d, label);
        }
    }

    private record When(LocalDate date, boolean dateOnly, boolean midnight) {
    }

    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter BASIC_DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);

    private static When when(Prop p, ZoneId zone) {
        String v = p.value.strip();
        String type = p.params.getOrDefault("VALUE", "");
        try {
            if (type.equalsIgnoreCase("DATE") || v.matches("\\d{8}")) {
                return new When(LocalDate.parse(v, BASIC_DATE), true, true);
            }
            boolean utc = v.endsWith("Z") || v.endsWith("z");
            LocalDateTime local = LocalDateTime.parse(utc ? v.substring(0, v.length() - 1) : v, BASIC_DATE_TIME);
            if (utc) {
                local = local.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime();
            } else if (p.params.containsKey("TZID")) {
                try {
                    local = local.atZone(ZoneId.of(p.params.get("TZID"))).withZoneSameInstant(zone).toLocalDateTime();
                } catch (DateTimeException unknownZone) {
                    // an Outlook zone name such as "GMT Standard Time": take the time as written
                }
            }
            return new When(local.toLocalDate(), false, local.toLocalTime().equals(LocalTime.MIDNIGHT));
        } catch (DateTimeParseException e) {
            throw new ImportException("Line " + p.line + ": '" + v + "' in " + p.name + " is not a date (YYYYMMDD) or a"
                    + " date and time (YYYYMMDDTHHMMSS).");
        }
    }

    private static int durationDays(Prop d) {
        String v = d.value.strip().toUpperCase(Locale.ROOT);
        try {
            if (v.matches("P\\d+W")) {
                return Integer.parseInt(v.substring(1, v.length() - 1)) * 7;
            }
            if (v.matches("P\\d+D")) {
                return Period.parse(v).getDays();
            }
            if (v.startsWith("PT") || v.matches("P0D")) {
                return 1;
            }
            if (v.matches("P\\d+DT.*")) {
                return Integer.parseInt(v.substring(1, v.indexOf('D'))) + 1;
            }
        } catch (RuntimeException e) {
            // fall through to the message
        }
        throw new ImportException("Line " + d.line + ": '" + d.value.strip() + "' is not a duration such as P1D.");
    }

    private static Prop prop(String line, int no) {
        int colon = -1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                colon = i;
                break;
            }
        }
        if (colon <= 0) {
            throw new ImportException("Line " + no + ": '" + shorten(line) + "' is not an iCalendar line (NAME:value).");
        }
        String[] head = line.substring(0, colon).split(";");
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int eq = head[i].indexOf('=');
            if (eq > 0) {
                params.put(head[i].substring(0, eq).strip().toUpperCase(Locale.ROOT),
                        head[i].substring(eq + 1).strip().replace("\"", ""));
            }
        }
        return new Prop(head[0].strip().toUpperCase(Locale.ROOT), params, line.substring(colon + 1), no);
    }

    /** A logical (unfolded) line and the file line it starts on. */
    private record Line(String text, int number) {
    }

    /** Joins folded lines (a line starting with a space or tab continues the previous one); drops leading blanks. */
    private static List<Line> unfold(String text) {
        String[] raw = text.split("\r\n|\r|\n", -1);
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            String l = raw[i];
            if (!out.isEmpty() && !l.isEmpty() && (l.charAt(0) == ' ' || l.charAt(0) == '\t')) {
                Line last = out.get(out.size() - 1);
                out.set(out.size() - 1, new Line(last.text() + l.substring(1), last.number()));
            } else if (!out.isEmpty() || !l.isBlank()) {
                out.add(new Line(l, i + 1));
            }
        }
        return out;
    }

    private static String unescape(String v) {
        return v.replace("\\n", " ").replace("\\N", " ").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\");
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    // ---------------------------------------------------------------- gov.uk bank-holidays JSON

    /** Parses the gov.uk bank-holidays JSON and takes the region's division. */
    public static Result govUk(String json, HolidayRegion region) {
        JsonNode root = readJson(json == null ? "" : json);
        if (!root.isObject()) {
            throw new ImportException("This is not the gov.uk bank-holidays file: it should be an object with the"
                    + " divisions england-and-wales, scotland and northern-ireland.");
        }
        JsonNode division = root.get(region.id());
        if (division == null || !division.isObject()) {
            List<String> names = new ArrayList<>();
            root.fieldNames().forEachRemaining(names::add);
            throw new ImportException("This is not the gov.uk bank-holidays file, or it has no '" + region.id()
                    + "' division" + (names.isEmpty() ? "." : " (it has: " + String.join(", ", names) + ")."));
        }
        JsonNode events = division.get("events");
        if (events == null || !events.isArray()) {
            throw new ImportException("The '" + region.id() + "' division has no list of events.");
        }
        TreeMap<LocalDate, String> dates = new TreeMap<>();
        int n = 0;
        for (JsonNode ev : events) {
            n++;
            JsonNode date = ev.get("date");
            if (date == null || !date.isTextual()) {
                throw new ImportException("Event " + n + " of '" + region.id() + "' has no date.");
            }
            LocalDate d;
            try {
                d = LocalDate.parse(date.asText().strip());
            } catch (DateTimeParseException e) {
                throw new ImportException("Event " + n + " of '" + region.id() + "': '" + date.asText() + "' is not a"
                        + " date (YYYY-MM-DD).");
            }
            JsonNode title = ev.get("title");
            dates.putIfAbsent(d, title != null && title.isTextual() && !title.asText().isBlank()
                    ? title.asText().strip() : "Bank holiday");
        }
        if (dates.isEmpty()) {
            throw new ImportException("The '" + region.id() + "' division lists no dates.");
        }
        List<ImportedDate> out = new ArrayList<>();
        dates.forEach((d, title) -> out.add(new ImportedDate(d, title)));
        return new Result("gov.uk bank holidays (" + region.displayName() + ")", out, List.of());
    }

    /** Jackson's own limits apply (nesting depth, string length), so no file can exhaust the stack or the heap. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (StreamConstraintsException e) {
            throw new ImportException("This is not the gov.uk bank-holidays file: its JSON is nested too deeply or"
                    + " holds too long a value" + at(e.getLocation()) + ".");
        } catch (JsonProcessingException e) {
            throw new ImportException("This is not valid JSON: " + reason(e) + at(e.getLocation()) + ".");
        }
    }

    /**
     * Jackson's reason without its internals: "Unexpected character (']' (code 93)): expected a value" becomes
     * "unexpected ']'", "Unexpected end-of-input: …" becomes "the file ends too early", and "Unrecognized token
     * 'tru': was expecting (JSON String, …)" becomes "unrecognized token 'tru'".
     */
    private static String reason(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "a syntax error" : e.getOriginalMessage();
        m = m.lines().findFirst().orElse(m);
        int marker = m.indexOf(" (start marker");
        if (marker > 0) {
            m = m.substring(0, marker);
        }
        m = m.replaceAll("^Unexpected character \\((.+?) \\(code \\d+\\)\\).*", "unexpected $1")
                .replaceAll("^Unexpected end-of-input.*", "the file ends too early")
                .replaceAll("(: was expecting)? \\(JSON String[^)]*\\)", "").strip();
        return m.isEmpty() ? "a syntax error" : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    private static String at(JsonLocation where) {
        return where == null || where.getLineNr() < 1 ? ""
                : " at line " + where.getLineNr() + ", column " + Math.max(1, where.getColumnNr());
    }
}
