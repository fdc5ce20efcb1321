package com.supportdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The holiday data: official lists, statutory rules for every supported year, Scotland/NI spot checks. */
class BankHolidayDataTest {

    private static final BusinessCalendar ENGLAND = BusinessCalendar.of(CalendarSpec.standard());
    private static final BusinessCalendar SCOTLAND =
            BusinessCalendar.of(CalendarSpec.standard().withRegion(HolidayRegion.SCOTLAND));
    private static final BusinessCalendar NORTHERN_IRELAND =
            BusinessCalendar.of(CalendarSpec.standard().withRegion(HolidayRegion.NORTHERN_IRELAND));

    /**
     * England and Wales bank holidays as published on gov.uk (2018–2026), and for 2027–2030 worked out by
     * hand from the rules: New Year's Day (substitute), Good Friday, Easter Monday, first Monday of May,
     * last Monday of May, last Monday of August, Christmas and Boxing Day (substitutes).
     */
    private static final Map<Integer, List<String>> OFFICIAL_ENGLAND_AND_WALES = Map.ofEntries(
            Map.entry(2018, List.of("01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26")),
            Map.entry(2019, List.of("01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26")),
            // 2020: Early May bank holiday moved to Friday 8 May (VE Day 75); Boxing Day (Sat) substitute 28 Dec
            Map.entry(2020, List.of("01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28")),
            // 2021: Christmas (Sat) and Boxing Day (Sun) substitutes 27 and 28 Dec
            Map.entry(2021, List.of("01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28")),
            // 2022: New Year (Sat) -> 3 Jan; Spring bank holiday moved to Thu 2 Jun, Platinum Jubilee Fri 3 Jun;
            // State Funeral of Queen Elizabeth II 19 Sep; Christmas (Sun) substitute Tue 27 Dec
            Map.entry(2022, List.of("01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27")),
            // 2023: New Year (Sun) -> 2 Jan; Coronation of King Charles III 8 May
            Map.entry(2023, List.of("01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26")),
            Map.entry(2024, List.of("01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26")),
            Map.entry(2025, List.of("01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26")),
            // 2026: Boxing Day (Sat) substitute Mon 28 Dec
            Map.entry(2026, List.of("01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28")),
            // 2027: Easter Sunday 28 Mar; Christmas Sat, Boxing Day Sun -> 27, 28 Dec
            Map.entry(2027, List.of("01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28")),
            // 2028: New Year Sat -> 3 Jan; Easter Sunday 16 Apr; 1 May is a Monday
            Map.entry(2028, List.of("01-03", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26")),
            // 2029: Easter Sunday 1 Apr
            Map.entry(2029, List.of("01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26")),
            // 2030: Easter Sunday 21 Apr
            Map.entry(2030, List.of("01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26")));

    static IntStream officialYears() {
        return IntStream.rangeClosed(2018, 2030);
    }

    @ParameterizedTest(name = "England and Wales {0}")
    @MethodSource("officialYears")
    void englandAndWalesMatchesTheOfficialList(int year) {
        List<LocalDate> expected = OFFICIAL_ENGLAND_AND_WALES.get(year).stream()
                .map(md -> LocalDate.parse(year + "-" + md)).collect(Collectors.toList());
        assertThat(ENGLAND.holidays(year)).containsExactlyElementsOf(expected);
    }

    @Test
    void englandAndWalesFollowsTheStatutoryRulesInEverySupportedYear() {
        for (int year = 2000; year <= 2100; year++) {
            assertThat(ENGLAND.holidays(year)).as("England and Wales %d", year)
                    .containsExactlyElementsOf(statutoryEnglandAndWales(year));
        }
    }

    @Test
    void oneOffDaysAreNamed() {
        assertThat(names(ENGLAND, 2011)).contains("2011-04-29 Royal wedding");
        assertThat(names(ENGLAND, 2012)).contains("2012-06-04 Spring bank holiday", "2012-06-05 Queen's Diamond Jubilee")
                .noneMatch(s -> s.startsWith("2012-05-28"));
        assertThat(names(ENGLAND, 2002)).contains("2002-06-03 Golden Jubilee bank holiday", "2002-06-04 Spring bank holiday");
        assertThat(names(ENGLAND, 2020)).contains("2020-05-08 Early May bank holiday").noneMatch(s -> s.startsWith("2020-05-04"));
        assertThat(names(ENGLAND, 2022)).contains("2022-06-02 Spring bank holiday", "2022-06-03 Queen's Platinum Jubilee",
                "2022-09-19 Bank Holiday for the State Funeral of Queen Elizabeth II");
        assertThat(names(ENGLAND, 2023)).contains("2023-05-08 King's Coronation");
        assertThat(names(ENGLAND, 2026)).containsExactly("2026-01-01 New Year's Day", "2026-04-03 Good Friday",
                "2026-04-06 Easter Monday", "2026-05-04 Early May bank holiday", "2026-05-25 Spring bank holiday",
                "2026-08-31 Summer bank holiday", "2026-12-25 Christmas Day", "2026-12-28 Boxing Day (substitute day)");
        assertThat(names(ENGLAND, 2022)).contains("2022-01-03 New Year's Day (substitute day)",
                "2022-12-27 Christmas Day (substitute day)");
    }

    /** Documents the one place Jollyday 1.5.0 is wrong; if this fails, Jollyday was fixed and the correction can go. */
    @Test
    void jollydayGetsTheGoldenJubileeYearWrongSoTheBundledCorrectionsFixIt() {
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
        Set<LocalDate> raw = new TreeSet<>();
        for (Holiday h : manager.getHolidays(Year.of(2002), "eng")) {
            raw.add(h.getDate());
        }
        assertThat(raw).contains(LocalDate.of(2002, 5, 27)).doesNotContain(LocalDate.of(2002, 6, 3), LocalDate.of(2002, 6, 4));
        assertThat(ENGLAND.holidays(2002)).doesNotContain(LocalDate.of(2002, 5, 27))
                .contains(LocalDate.of(2002, 6, 3), LocalDate.of(2002, 6, 4));
        assertThat(SCOTLAND.holidays(2002)).doesNotContain(LocalDate.of(2002, 5, 27))
                .contains(LocalDate.of(2002, 6, 3), LocalDate.of(2002, 6, 4));
    }

    /** "en" is not a UK subdivision: Jollyday then answers with the UK-wide days only. */
    @Test
    void theEnglandSubdivisionIsEngNotEn() {
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
        Set<LocalDate> en = new TreeSet<>();
        manager.getHolidays(Year.of(2026), "en").forEach(h -> en.add(h.getDate()));
        assertThat(en).doesNotContain(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 8, 31));
        assertThat(HolidayRegion.ENGLAND_AND_WALES.jollydaySubdivision()).isEqualTo("eng");
    }

    @Test
    void scotlandSpotChecks() {
        assertThat(SCOTLAND.holidays(2026)).containsExactly(d("2026-01-01"), d("2026-01-02"), d("2026-04-03"),
                d("2026-05-04"), d("2026-05-25"), d("2026-08-03"), d("2026-11-30"), d("2026-12-25"), d("2026-12-28"));
        // 2 January substitutes: 2021 (Sat) -> Mon 4 Jan; 2022 New Year Sat, 2 Jan Sun -> 3 and 4 Jan;
        // 2023 New Year Sun -> Mon 2 Jan, so 2 January -> Tue 3 Jan
        assertThat(SCOTLAND.holidays(2021)).contains(d("2021-01-01"), d("2021-01-04"));
        assertThat(SCOTLAND.holidays(2022)).contains(d("2022-01-03"), d("2022-01-04"), d("2022-09-19"), d("2022-06-03"));
        assertThat(SCOTLAND.holidays(2023)).contains(d("2023-01-02"), d("2023-01-03"), d("2023-05-08"));
        // St Andrew's Day substitutes: 2019 (Sat) -> Mon 2 Dec; 2025 (Sun) -> Mon 1 Dec
        assertThat(SCOTLAND.holidays(2019)).contains(d("2019-12-02")).doesNotContain(d("2019-11-29"));
        assertThat(SCOTLAND.holidays(2025)).contains(d("2025-12-01"));
        assertThat(SCOTLAND.holidays(2024)).contains(d("2024-12-02"));
        // no Easter Monday, summer bank holiday is the first Monday of August
        assertThat(SCOTLAND.holidays(2025)).doesNotContain(d("2025-04-21"), d("2025-08-25")).contains(d("2025-08-04"));
        assertThat(names(SCOTLAND, 2025)).contains("2025-12-01 St Andrew's Day (substitute day)");
    }

    @Test
    void northernIrelandSpotChecks() {
        assertThat(NORTHERN_IRELAND.holidays(2026)).containsExactly(d("2026-01-01"), d("2026-03-17"), d("2026-04-03"),
                d("2026-04-06"), d("2026-05-04"), d("2026-05-25"), d("2026-07-13"), d("2026-08-31"), d("2026-12-25"),
                d("2026-12-28"));
        // St Patrick's Day substitutes: 2018 (Sat) -> Mon 19 Mar; 2024 (Sun) -> Mon 18 Mar
        assertThat(NORTHERN_IRELAND.holidays(2018)).contains(d("2018-03-19"), d("2018-07-12"));
        assertThat(NORTHERN_IRELAND.holidays(2024)).contains(d("2024-03-18"), d("2024-07-12"));
        // Battle of the Boyne substitutes: 2020 (Sun) -> Mon 13 Jul; 2025 (Sat) -> Mon 14 Jul
        assertThat(NORTHERN_IRELAND.holidays(2020)).contains(d("2020-07-13"));
        assertThat(NORTHERN_IRELAND.holidays(2025)).contains(d("2025-03-17"), d("2025-07-14"));
        assertThat(NORTHERN_IRELAND.holidays(2023)).contains(d("2023-07-12"), d("2023-05-08"));
        assertThat(names(NORTHERN_IRELAND, 2025)).contains("2025-07-14 Battle of the Boyne (Orangemen's Day) (substitute day)");
    }

    @Test
    void correctionsFileRejectsMalformedLines() {
        assertThatThrownBy(() -> RegionHolidays.parseCorrections(new BufferedReader(new StringReader("* 2002-01-01 all x"))))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> RegionHolidays.parseCorrections(new BufferedReader(new StringReader("+ 2002-01-01 wales x"))))
                .hasMessageContaining("unknown region 'wales'");
    }

    @Test
    void regionParsing() {
        assertThat(HolidayRegion.parse("england-and-wales")).isEqualTo(HolidayRegion.ENGLAND_AND_WALES);
        assertThat(HolidayRegion.parse(" Scotland ")).isEqualTo(HolidayRegion.SCOTLAND);
        assertThat(HolidayRegion.parse("NORTHERN_IRELAND")).isEqualTo(HolidayRegion.NORTHERN_IRELAND);
        assertThat(HolidayRegion.parse("Northern-Ireland").id()).isEqualTo("northern-ireland");
        assertThatThrownBy(() -> HolidayRegion.parse("england")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown region 'england' (expected england-and-wales, scotland or northern-ireland)");
        assertThatThrownBy(() -> HolidayRegion.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ an independent statement of the rules

    /** England and Wales weekday bank holidays from the Banking and Financial Dealings Act 1971 and proclamations. */
    static List<LocalDate> statutoryEnglandAndWales(int y) {
        TreeSet<LocalDate> s = new TreeSet<>();
        s.add(nextWeekday(LocalDate.of(y, 1, 1)));
        LocalDate easter = easterSunday(y);
        s.add(easter.minusDays(2));
        s.add(easter.plusDays(1));
        s.add(y == 2020 ? LocalDate.of(2020, 5, 8) : LocalDate.of(y, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        switch (y) {
            case 2002 -> s.addAll(List.of(LocalDate.of(2002, 6, 3), LocalDate.of(2002, 6, 4)));
            case 2012 -> s.addAll(List.of(LocalDate.of(2012, 6, 4), LocalDate.of(2012, 6, 5)));
            case 2022 -> s.addAll(List.of(LocalDate.of(2022, 6, 2), LocalDate.of(2022, 6, 3), LocalDate.of(2022, 9, 19)));
            default -> s.add(YearMonth.of(y, 5).atEndOfMonth().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        }
        if (y == 2011) {
            s.add(LocalDate.of(2011, 4, 29));
        }
        if (y == 2023) {
            s.add(LocalDate.of(2023, 5, 8));
        }
        s.add(YearMonth.of(y, 8).atEndOfMonth().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        LocalDate christmas = nextWeekday(LocalDate.of(y, 12, 25));
        s.add(christmas);
        s.add(nextWeekday(christmas.plusDays(1)));
        return new ArrayList<>(s);
    }

    private static LocalDate nextWeekday(LocalDate d) {
        while (RegionHolidays.isWeekend(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int y) {
        int a = y % 19;
        int b = y / 100;
        int c = y % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(y, month, day);
    }

    private static List<String> names(BusinessCalendar cal, int year) {
        return cal.namedHolidays(year).stream().map(h -> h.date() + " " + h.name()).collect(Collectors.toList());
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }
}
