package com.supportdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.sla.HolidayImport.ImportException;
import com.supportdesk.sla.HolidayImport.ImportedDate;
import com.supportdesk.sla.HolidayImport.Result;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HolidayImportTest {

    private static final ZoneId GMT = CalendarSpec.GMT;

    private static Path sample(String name) throws URISyntaxException {
        return Path.of(HolidayImportTest.class.getResource(name).toURI());
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void icsAllDayMultiDayFoldedDateTimeDurationCancelledAndRepeatingEvents() throws Exception {
        Result r = HolidayImport.read(sample("office-closures.ics"), HolidayRegion.ENGLAND_AND_WALES, GMT);
        assertThat(r.kind()).isEqualTo("iCalendar");
        assertThat(r.dates()).extracting(ImportedDate::date).containsExactly(
                d("2026-04-01"),                   // repeating: first occurrence only
                d("2026-06-02"),                   // one all-day event without DTEND
                d("2026-07-10"), d("2026-07-11"),  // DURATION:P2D
                d("2026-09-17"), d("2026-09-18"),  // date-times over two days (TZID)
                d("2026-10-16"),                   // UTC midnight to midnight: one day
                d("2026-12-29"), d("2026-12-30"), d("2026-12-31")); // DTEND;VALUE=DATE is exclusive
        assertThat(r.dates().get(1).title()).isEqualTo("Company away day (whole office, folded line)");
        assertThat(r.dates().get(7).title()).isEqualTo("Christmas shutdown, between the holidays");
        assertThat(r.dates()).noneMatch(x -> x.date().equals(d("2026-08-07")));
        assertThat(r.notes()).anyMatch(n -> n.contains("'Cancelled closure'") && n.contains("cancelled"))
                .anyMatch(n -> n.contains("'Stocktake' repeats"));
    }

    @Test
    void icsDateTimesInUtcFallOnTheCalendarZonesDay() {
        String ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260716T230000Z\nDTEND:20260717T010000Z\nSUMMARY:Late\nEND:VEVENT\nEND:VCALENDAR\n";
        assertThat(HolidayImport.ics(ics, GMT).dates()).extracting(ImportedDate::date)
                .containsExactly(d("2026-07-16"), d("2026-07-17"));
        // 23:00Z in July is midnight in London: the event is on the 17th only
        assertThat(HolidayImport.ics(ics, ZoneId.of("Europe/London")).dates()).extracting(ImportedDate::date)
                .containsExactly(d("2026-07-17"));
    }

    @Test
    void govUkJsonTakesTheDivisionOfTheRegion() throws Exception {
        Result ew = HolidayImport.read(sample("bank-holidays.json"), HolidayRegion.ENGLAND_AND_WALES, GMT);
        assertThat(ew.kind()).isEqualTo("gov.uk bank holidays (England and Wales)");
        assertThat(ew.dates()).hasSize(8).extracting(ImportedDate::date).contains(d("2026-12-25"), d("2026-12-28"))
                .doesNotContain(d("2026-11-30"));
        assertThat(ew.dates().get(0).title()).isEqualTo("New Year\u2019s Day");
        Result sc = HolidayImport.read(sample("bank-holidays.json"), HolidayRegion.SCOTLAND, GMT);
        assertThat(sc.dates()).extracting(ImportedDate::date).contains(d("2026-01-02"), d("2026-11-30"))
                .doesNotContain(d("2026-04-06"));
        Result ni = HolidayImport.read(sample("bank-holidays.json"), HolidayRegion.NORTHERN_IRELAND, GMT);
        assertThat(ni.dates()).extracting(ImportedDate::title).contains("Battle of the Boyne (Orangemen\u2019s Day)");
    }

    @Test
    void malformedFilesGiveAClearMessage() {
        assertThatThrownBy(() -> HolidayImport.read(sample("bad-date.ics"), HolidayRegion.ENGLAND_AND_WALES, GMT))
                .isInstanceOf(ImportException.class)
                .hasMessage("Line 4: '2026-12-24' in DTSTART is not a date (YYYYMMDD) or a date and time (YYYYMMDDTHHMMSS).");
        assertThatThrownBy(() -> HolidayImport.read(sample("no-start.ics"), HolidayRegion.ENGLAND_AND_WALES, GMT))
                .isInstanceOf(ImportException.class)
                .hasMessage("The event 'No start' (line 3) has no start date (DTSTART).");
        assertThatThrownBy(() -> HolidayImport.read(sample("broken.json"), HolidayRegion.ENGLAND_AND_WALES, GMT))
                .isInstanceOf(ImportException.class)
                .hasMessage("This is not valid JSON: unexpected ']' at line 3, column 1.");
        assertThatThrownBy(() -> HolidayImport.parse("{\"england-and-wales\": {\"events\": [",
                HolidayRegion.ENGLAND_AND_WALES, GMT))
                .isInstanceOf(ImportException.class)
                .hasMessage("This is not valid JSON: the file ends too early at line 1, column 35.");
        assertThatThrownBy(() -> HolidayImport.parse("{\"england-and-wales\": {}} trailing",
                HolidayRegion.ENGLAND_AND_WALES, GMT))
                .isInstanceOf(ImportException.class)
                .hasMessage("This is not valid JSON: unrecognized token 'trailing' at line 1, column 35.");
        assertThatThrownBy(() -> HolidayImport.parse("{\"wales-only\": {}}", HolidayRegion.SCOTLAND, GMT))
                .hasMessage("This is not the gov.uk bank-holidays file, or it has no 'scotland' division (it has: wales-only).");
        assertThatThrownBy(() -> HolidayImport.parse("Date,Title\n2026-12-24,Closed\n", HolidayRegion.SCOTLAND, GMT))
                .hasMessageStartingWith("This file is neither an iCalendar file");
        assertThatThrownBy(() -> HolidayImport.parse("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n",
                HolidayRegion.SCOTLAND, GMT)).hasMessage("The calendar has no events (VEVENT) to import.");
        assertThatThrownBy(() -> HolidayImport.parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\n",
                HolidayRegion.SCOTLAND, GMT)).hasMessageContaining("has no END:VEVENT");
        assertThatThrownBy(() -> HolidayImport.parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\n"
                + "DTEND;VALUE=DATE:20280101\nEND:VEVENT\nEND:VCALENDAR", HolidayRegion.SCOTLAND, GMT))
                .hasMessageContaining("lasts more than a year");
    }

    @Test
    void deeplyNestedJsonGivesAPlainMessageNotAStackOverflow() {
        String nested = "{\"england-and-wales\": " + "[".repeat(200_000);
        assertThatThrownBy(() -> HolidayImport.parse(nested, HolidayRegion.ENGLAND_AND_WALES, GMT))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("This is not the gov.uk bank-holidays file: its JSON is nested too deeply");
    }

    @Test
    void tooLargeAFileIsRefused(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.ics");
        Files.write(big, new byte[(int) HolidayImport.MAX_BYTES + 1]);
        assertThatThrownBy(() -> HolidayImport.read(big, HolidayRegion.ENGLAND_AND_WALES, GMT))
                .isInstanceOf(ImportException.class).hasMessageContaining("too large");
    }
}
