package com.supportdesk.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter such as {@code 2026-Q3} (July to September 2026). */
public record Quarter(int year, int number) implements Comparable<Quarter> {

    /** Years the business calendar covers. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})\\s*-?\\s*Q([1-4])", Pattern.CASE_INSENSITIVE);

    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("A quarter is numbered 1 to 4, not " + number + ".");
        }
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("Reports cover the years " + FIRST_YEAR + " to " + LAST_YEAR
                    + ", not " + year + ".");
        }
    }

    /**
     * Parses {@code 2026-Q3} (also {@code 2026Q3}, {@code 2026-q3}).
     *
     * @throws IllegalArgumentException with a message for people when the text is not a quarter
     */
    public static Quarter parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = FORMAT.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + t + "' is not a calendar quarter: write the year and the quarter"
                    + " number 1 to 4, e.g. 2026-Q3 for July to September 2026.");
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The quarter that contains the date. */
    public static Quarter of(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return endExclusive().minusDays(1);
    }

    /** The first day of the next quarter. */
    public LocalDate endExclusive() {
        return firstDay().plusMonths(3);
    }

    /** The three months, in order. */
    public List<YearMonth> months() {
        YearMonth first = YearMonth.from(firstDay());
        return List.of(first, first.plusMonths(1), first.plusMonths(2));
    }

    /** Midnight starting the quarter in the zone. */
    public Instant start(ZoneId zone) {
        return firstDay().atStartOfDay(zone).toInstant();
    }

    /** Midnight starting the next quarter in the zone (exclusive end). */
    public Instant end(ZoneId zone) {
        return endExclusive().atStartOfDay(zone).toInstant();
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && date.isBefore(endExclusive());
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    /** {@code July to September 2026}. */
    public String months(Locale locale) {
        Month a = firstDay().getMonth();
        Month b = lastDay().getMonth();
        return a.getDisplayName(TextStyle.FULL, locale) + " to " + b.getDisplayName(TextStyle.FULL, locale) + " " + year;
    }

    @Override
    public int compareTo(Quarter o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(number, o.number);
    }

    /** {@code 2026-Q3}. */
    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
