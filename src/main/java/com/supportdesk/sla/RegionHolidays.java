package com.supportdesk.sla;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The bank holidays of each UK region for every year the calendar supports, computed once per region
 * from Jollyday ({@code HolidayCalendar.UNITED_KINGDOM}) and then corrected from the bundled
 * {@code uk-bank-holiday-corrections.txt}. Only weekdays are kept: a holiday falling on a weekend is
 * represented by its substitute day, which Jollyday reports as the holiday's date.
 */
final class RegionHolidays {

    static final String CORRECTIONS_RESOURCE = "uk-bank-holiday-corrections.txt";
    private static final String SUBSTITUTE = " (substitute day)";

    /** gov.uk spellings for Jollyday's property keys; anything else keeps Jollyday's English description. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("NEW_YEAR", "New Year's Day"),
            Map.entry("2ND_JANUARY", "2nd January"),
            Map.entry("ST_PATRICK", "St Patrick's Day"),
            Map.entry("christian.GOOD_FRIDAY", "Good Friday"),
            Map.entry("christian.EASTER_MONDAY", "Easter Monday"),
            Map.entry("EARLY_MAY_BANK_HOLIDAY", "Early May bank holiday"),
            Map.entry("SPRING_BANK_HOLIDAY", "Spring bank holiday"),
            Map.entry("BATTLE_BOYNE", "Battle of the Boyne (Orangemen's Day)"),
            Map.entry("SUMMER_BANK_HOLIDAY", "Summer bank holiday"),
            Map.entry("ST_ANDREW", "St Andrew's Day"),
            Map.entry("CHRISTMAS", "Christmas Day"),
            Map.entry("BOXING_DAY", "Boxing Day"));

    private static final Map<HolidayRegion, List<NamedHoliday>> CACHE = new EnumMap<>(HolidayRegion.class);

    private RegionHolidays() {
    }

    /** Weekday bank holidays of {@code region}, 2000-01-01..2100-12-31, sorted by date. */
    static synchronized List<NamedHoliday> of(HolidayRegion region) {
        return CACHE.computeIfAbsent(region, RegionHolidays::load);
    }

    private static List<NamedHoliday> load(HolidayRegion region) {
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
        TreeMap<LocalDate, String> days = new TreeMap<>();
        for (int y = BusinessCalendar.FIRST_DATE.getYear(); y <= BusinessCalendar.LAST_DATE.getYear(); y++) {
            for (Holiday h : manager.getHolidays(Year.of(y), region.jollydaySubdivision())) {
                LocalDate date = h.getDate();
                if (isWeekend(date) || date.getYear() != y) {
                    continue;
                }
                String name = NAMES.getOrDefault(h.getPropertiesKey(), h.getDescription(Locale.ENGLISH));
                if (!h.getActualDate().equals(date)) {
                    name += SUBSTITUTE;
                }
                days.merge(date, name, (a, b) -> a + ", " + b);
            }
        }
        for (Correction c : corrections()) {
            if (c.regions().contains(region)) {
                if (c.add()) {
                    days.put(c.date(), c.name());
                } else {
                    days.remove(c.date());
                }
            }
        }
        List<NamedHoliday> list = new ArrayList<>(days.size());
        days.forEach((d, n) -> list.add(new NamedHoliday(d, n)));
        return List.copyOf(list);
    }

    static boolean isWeekend(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
    }

    record Correction(boolean add, LocalDate date, Set<HolidayRegion> regions, String name) {
    }

    /** Parses the bundled corrections file. */
    static List<Correction> corrections() {
        try (InputStream in = RegionHolidays.class.getResourceAsStream(CORRECTIONS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + CORRECTIONS_RESOURCE);
            }
            return parseCorrections(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Correction> parseCorrections(BufferedReader reader) throws IOException {
        List<Correction> out = new ArrayList<>();
        String line;
        int no = 0;
        while ((line = reader.readLine()) != null) {
            no++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\s+", 4);
            if (f.length < 4 || !(f[0].equals("+") || f[0].equals("-"))) {
                throw new IllegalStateException(CORRECTIONS_RESOURCE + " line " + no + ": expected '<+|-> <date> <regions> <name>'");
            }
            LocalDate date = LocalDate.parse(f[1]);
            Set<HolidayRegion> regions = EnumSet.noneOf(HolidayRegion.class);
            for (String r : f[2].split(",")) {
                if (r.equals("all")) {
                    regions.addAll(EnumSet.allOf(HolidayRegion.class));
                } else {
                    regions.add(HolidayRegion.parse(r));
                }
            }
            out.add(new Correction(f[0].equals("+"), date, regions, f[3].strip()));
        }
        return out;
    }
}
