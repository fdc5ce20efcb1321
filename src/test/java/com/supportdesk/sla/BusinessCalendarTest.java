package com.supportdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessCalendarTest {

    private static final long HOUR = 3600;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final BusinessCalendar GMT = BusinessCalendar.of(CalendarSpec.standard());
    private static final BusinessCalendar BST = BusinessCalendar.of(CalendarSpec.standard().withZone(LONDON));

    static Instant t(String iso) {
        return Instant.parse(iso);
    }

    @Nested
    class OpeningHours {

        @ParameterizedTest(name = "{0} open={1}")
        @CsvSource({
            "2026-11-23T00:00:00Z, false", // Monday midnight
            "2026-11-23T08:59:59Z, false",
            "2026-11-23T09:00:00Z, true",
            "2026-11-23T12:00:00Z, true",
            "2026-11-23T17:59:59Z, true",
            "2026-11-23T18:00:00Z, false",
            "2026-11-23T23:59:59Z, false",
            "2026-11-28T12:00:00Z, false", // Saturday
            "2026-11-29T12:00:00Z, false", // Sunday
            "2026-12-25T12:00:00Z, false", // Christmas Day
            "2026-12-28T12:00:00Z, false", // Boxing Day substitute
            "2026-12-24T17:59:59Z, true",  // Christmas Eve is an ordinary day
            "2028-02-29T09:00:00Z, true",  // leap day, a Tuesday
        })
        void isOpen(String instant, boolean open) {
            assertThat(GMT.isOpen(t(instant))).isEqualTo(open);
            assertThat(GMT.isOpen(t(instant).getEpochSecond())).isEqualTo(open);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "2026-11-23T08:59:59Z, 2026-11-23T09:00:00Z",
            "2026-11-23T09:00:00Z, 2026-11-23T09:00:00Z",
            "2026-11-23T17:59:59Z, 2026-11-23T17:59:59Z",
            "2026-11-23T18:00:00Z, 2026-11-24T09:00:00Z",
            "2026-11-24T00:00:00Z, 2026-11-24T09:00:00Z",
            "2026-11-27T18:00:00Z, 2026-11-30T09:00:00Z", // Friday evening -> Monday
            "2026-11-28T10:00:00Z, 2026-11-30T09:00:00Z",
            "2026-12-24T18:00:00Z, 2026-12-29T09:00:00Z", // over Christmas
            "2026-12-31T18:00:00Z, 2027-01-04T09:00:00Z", // over New Year
            "2026-11-23T08:59:59.999Z, 2026-11-23T09:00:00Z",
            "2026-11-23T10:00:00.25Z, 2026-11-23T10:00:00.25Z",
        })
        void nextOpening(String instant, String expected) {
            assertThat(GMT.nextOpening(t(instant))).isEqualTo(t(expected));
            if (t(instant).getNano() == 0) {
                assertThat(GMT.nextOpening(t(instant).getEpochSecond())).isEqualTo(t(expected).getEpochSecond());
            }
        }
    }

    @Nested
    class BusinessTime {

        @ParameterizedTest(name = "[{0}, {1}) = {2}s")
        @CsvSource({
            "2026-11-23T09:00:00Z, 2026-11-23T18:00:00Z, 32400",
            "2026-11-23T08:59:59Z, 2026-11-23T09:00:01Z, 1",
            "2026-11-23T17:59:59Z, 2026-11-24T09:00:01Z, 2",
            "2026-11-23T18:00:00Z, 2026-11-24T09:00:00Z, 0",
            "2026-11-23T12:00:00Z, 2026-11-23T12:00:00Z, 0",
            "2026-11-23T13:00:00Z, 2026-11-23T12:00:00Z, 0", // to before from
            "2026-11-27T17:00:00Z, 2026-11-30T10:00:00Z, 7200", // over a weekend
            "2026-12-24T17:30:00Z, 2026-12-29T09:30:00Z, 3600", // over Christmas
            "2026-12-31T12:00:00Z, 2027-01-04T12:00:00Z, 32400", // year end: 6h + New Year + weekend + 3h
            "2028-02-28T09:00:00Z, 2028-03-01T09:00:00Z, 64800", // leap day counts
            "2026-01-01T00:00:00Z, 2027-01-01T00:00:00Z, 8197200", // 2026: 261 weekdays - 8 holidays = 253 days * 9 h
        })
        void businessSecondsBetween(String from, String to, long seconds) {
            assertThat(GMT.businessSecondsBetween(t(from), t(to))).isEqualTo(seconds);
            assertThat(GMT.businessSecondsBetween(t(from).getEpochSecond(), t(to).getEpochSecond())).isEqualTo(seconds);
        }

        @ParameterizedTest(name = "{0} + {1}s = {2}")
        @CsvSource({
            "2026-11-23T09:00:00Z, 3600, 2026-11-23T10:00:00Z",
            "2026-11-23T08:59:59Z, 3600, 2026-11-23T10:00:00Z",
            "2026-11-23T00:00:00Z, 3600, 2026-11-23T10:00:00Z", // midnight
            "2026-11-23T17:59:59Z, 3600, 2026-11-24T09:59:59Z",
            "2026-11-23T18:00:00Z, 3600, 2026-11-24T10:00:00Z",
            "2026-11-23T17:00:00Z, 3600, 2026-11-23T18:00:00Z", // lands on closing time: stays at 18:00
            "2026-11-27T14:00:00Z, 14400, 2026-11-27T18:00:00Z", // ... also on a Friday, not Monday 09:00
            "2026-11-27T14:00:00Z, 14401, 2026-11-30T09:00:01Z",
            "2026-12-24T17:30:00Z, 3600, 2026-12-29T09:30:00Z",
            "2026-11-28T15:00:00Z, 3600, 2026-11-30T10:00:00Z", // Saturday
            "2026-12-31T17:00:00Z, 7200, 2027-01-04T10:00:00Z", // year end
            "2027-12-24T17:00:00Z, 14400, 2027-12-29T12:00:00Z", // Christmas Sat, Boxing Day Sun: 27, 28 closed
            "2028-02-28T14:00:00Z, 28800, 2028-02-29T13:00:00Z", // into the leap day
            "2028-02-29T16:00:00Z, 14400, 2028-03-01T11:00:00Z", // out of the leap day
            "2026-11-23T12:00:00Z, 0, 2026-11-23T12:00:00Z",
            "2026-11-28T12:00:00Z, 0, 2026-11-28T12:00:00Z",
            "2026-11-23T09:00:00.5Z, 3600, 2026-11-23T10:00:00.5Z",
            "2026-11-23T17:59:59.75Z, 1, 2026-11-24T09:00:00.75Z",
            "2026-11-28T12:00:00.5Z, 3600, 2026-11-30T10:00:00Z",
        })
        void addBusinessSeconds(String from, long seconds, String expected) {
            Instant result = GMT.addBusinessSeconds(t(from), seconds);
            assertThat(result).isEqualTo(t(expected));
            assertThat(GMT.businessSecondsBetween(t(from), result)).isEqualTo(seconds);
            if (t(from).getNano() == 0) {
                assertThat(GMT.addBusinessSeconds(t(from).getEpochSecond(), seconds)).isEqualTo(t(expected).getEpochSecond());
            }
        }

        @Test
        void subSecondBusinessTimeIsRoundedDown() {
            assertThat(GMT.businessSecondsBetween(t("2026-11-23T09:00:00.700Z"), t("2026-11-23T10:00:00.200Z"))).isEqualTo(3599);
            assertThat(GMT.businessSecondsBetween(t("2026-11-23T08:00:00.700Z"), t("2026-11-23T09:00:00.200Z"))).isZero();
        }

        @Test
        void negativeSecondsAreRejected() {
            assertThatThrownBy(() -> GMT.addBusinessSeconds(t("2026-11-23T09:00:00Z"), -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** The UK changes clocks on Sundays; the GMT calendar ignores it, the Europe/London one follows local time. */
    @Nested
    class SummerTime {

        @Test
        void springForwardWeekend() {
            // Sunday 2026-03-29 01:00 GMT -> 02:00 BST
            assertThat(BST.isOpen(t("2026-03-27T17:59:59Z"))).isTrue(); // Friday 17:59:59 GMT
            assertThat(BST.isOpen(t("2026-03-30T07:59:59Z"))).isFalse();
            assertThat(BST.isOpen(t("2026-03-30T08:00:00Z"))).isTrue(); // Monday 09:00 BST
            assertThat(BST.isOpen(t("2026-03-30T16:59:59Z"))).isTrue();
            assertThat(BST.isOpen(t("2026-03-30T17:00:00Z"))).isFalse(); // 18:00 BST
            assertThat(GMT.isOpen(t("2026-03-30T08:00:00Z"))).isFalse(); // 09:00 BST, but the GMT desk opens at 10:00 BST
            assertThat(GMT.isOpen(t("2026-03-30T17:59:59Z"))).isTrue();
            assertThat(BST.nextOpening(t("2026-03-27T18:00:00Z"))).isEqualTo(t("2026-03-30T08:00:00Z"));
            assertThat(GMT.nextOpening(t("2026-03-27T18:00:00Z"))).isEqualTo(t("2026-03-30T09:00:00Z"));
            assertThat(BST.isOpen(t("2026-03-29T10:00:00Z"))).isFalse();

            Instant friday = t("2026-03-27T12:00:00Z");
            Instant monday = t("2026-03-30T12:00:00Z");
            assertThat(BST.businessSecondsBetween(friday, monday)).isEqualTo(10 * HOUR); // 6 h Fri + 4 h Mon (08-12 UTC)
            assertThat(GMT.businessSecondsBetween(friday, monday)).isEqualTo(9 * HOUR); // 6 h Fri + 3 h Mon (09-12 UTC)
            Instant received = t("2026-03-27T14:00:00Z");
            assertThat(BST.addBusinessSeconds(received, 8 * HOUR)).isEqualTo(t("2026-03-30T12:00:00Z"));
            assertThat(GMT.addBusinessSeconds(received, 8 * HOUR)).isEqualTo(t("2026-03-30T13:00:00Z"));
            // through the changeover day itself
            assertThat(BST.businessSecondsBetween(t("2026-03-29T00:00:00Z"), t("2026-03-30T00:00:00Z"))).isZero();
        }

        @Test
        void fallBackWeekend() {
            // Sunday 2026-10-25 02:00 BST -> 01:00 GMT
            assertThat(BST.isOpen(t("2026-10-23T16:59:59Z"))).isTrue(); // Friday 17:59:59 BST
            assertThat(BST.isOpen(t("2026-10-23T17:00:00Z"))).isFalse();
            assertThat(BST.isOpen(t("2026-10-26T08:59:59Z"))).isFalse();
            assertThat(BST.isOpen(t("2026-10-26T09:00:00Z"))).isTrue(); // Monday 09:00 GMT
            Instant received = t("2026-10-23T14:00:00Z"); // 15:00 BST
            assertThat(BST.addBusinessSeconds(received, 8 * HOUR)).isEqualTo(t("2026-10-26T14:00:00Z")); // 3 h + 5 h
            assertThat(GMT.addBusinessSeconds(received, 8 * HOUR)).isEqualTo(t("2026-10-26T13:00:00Z")); // 4 h + 4 h
            assertThat(BST.businessSecondsBetween(t("2026-10-25T00:00:00Z"), t("2026-10-26T00:00:00Z"))).isZero();
            assertThat(BST.businessSecondsBetween(t("2026-10-19T00:00:00Z"), t("2026-10-31T00:00:00Z")))
                    .isEqualTo(GMT.businessSecondsBetween(t("2026-10-19T00:00:00Z"), t("2026-10-31T00:00:00Z")));
        }

        @Test
        void dstInsideOpeningHoursOnAWeekday() {
            // Tehran moved its clocks at local midnight on weekdays until 2022: 2021-03-22 (Mon) 00:00 -> 01:00.
            CalendarSpec spec = CalendarSpec.standard().withZone(ZoneId.of("Asia/Tehran"))
                    .withHours(LocalTime.of(0, 0), LocalTime.of(23, 59));
            BusinessCalendar tehran = BusinessCalendar.of(spec);
            // Monday: opens at 01:00 local (00:00 does not exist) = 2021-03-21T20:30Z, closes 23:59 +04:30 = 19:29Z
            assertThat(tehran.nextOpening(t("2021-03-21T12:00:00Z"))).isEqualTo(t("2021-03-21T20:30:00Z"));
            assertThat(tehran.businessSecondsBetween(t("2021-03-21T20:00:00Z"), t("2021-03-22T19:30:00Z")))
                    .isEqualTo(22 * HOUR + 59 * 60);
            // Tuesday opens at 00:00 +04:30 = Monday 19:30Z
            assertThat(tehran.nextOpening(t("2021-03-22T19:29:00Z"))).isEqualTo(t("2021-03-22T19:30:00Z"));
        }
    }

    @Nested
    class Closures {

        @Test
        void extraClosureAddsADay() {
            BusinessCalendar cal = BusinessCalendar.of(CalendarSpec.standard().withExtraClosures(Set.of(LocalDate.of(2026, 11, 27))));
            assertThat(cal.isOpen(t("2026-11-27T12:00:00Z"))).isFalse();
            assertThat(cal.addBusinessSeconds(t("2026-11-26T16:00:00Z"), 4 * HOUR)).isEqualTo(t("2026-11-30T11:00:00Z"));
            assertThat(cal.namedHolidays(2026)).contains(new NamedHoliday(LocalDate.of(2026, 11, 27), "Office closure"));
            assertThat(cal.holidays(2026)).hasSize(9).contains(LocalDate.of(2026, 11, 27));
            assertThat(cal.isHoliday(LocalDate.of(2026, 11, 27))).isTrue();
            assertThat(GMT.isHoliday(LocalDate.of(2026, 11, 27))).isFalse();
        }

        @Test
        void removedHolidayOpensTheDesk() {
            BusinessCalendar cal = BusinessCalendar.of(CalendarSpec.standard().withRemovedHolidays(Set.of(LocalDate.of(2026, 12, 28))));
            assertThat(cal.isOpen(t("2026-12-28T12:00:00Z"))).isTrue();
            assertThat(cal.addBusinessSeconds(t("2026-12-24T17:30:00Z"), HOUR)).isEqualTo(t("2026-12-28T09:30:00Z"));
            assertThat(cal.holidays(2026)).hasSize(7).doesNotContain(LocalDate.of(2026, 12, 28));
        }

        @Test
        void weekendAndDuplicateClosuresAreIgnored() {
            BusinessCalendar cal = BusinessCalendar.of(CalendarSpec.standard()
                    .withExtraClosures(Set.of(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 25))));
            assertThat(cal.holidays(2026)).isEqualTo(GMT.holidays(2026));
            assertThat(cal.namedHolidays(2026)).contains(new NamedHoliday(LocalDate.of(2026, 12, 25), "Christmas Day"));
        }

        @Test
        void customHours() {
            BusinessCalendar cal = BusinessCalendar.of(CalendarSpec.standard().withHours(LocalTime.of(8, 30), LocalTime.of(17, 0)));
            assertThat(cal.isOpen(t("2026-11-23T08:29:59Z"))).isFalse();
            assertThat(cal.isOpen(t("2026-11-23T08:30:00Z"))).isTrue();
            assertThat(cal.addBusinessSeconds(t("2026-11-23T16:30:00Z"), HOUR)).isEqualTo(t("2026-11-24T09:00:00Z"));
        }
    }

    @Nested
    class SpecAndRange {

        @Test
        void standardSpec() {
            CalendarSpec s = CalendarSpec.standard();
            assertThat(s.zone()).isEqualTo(ZoneId.of("GMT"));
            assertThat(s.opens()).isEqualTo(LocalTime.of(9, 0));
            assertThat(s.closes()).isEqualTo(LocalTime.of(18, 0));
            assertThat(s.region()).isEqualTo(HolidayRegion.ENGLAND_AND_WALES);
            assertThat(s.extraClosures()).isEmpty();
            assertThat(s.removedHolidays()).isEmpty();
            assertThat(s.withZone(LONDON).withZone(ZoneId.of("GMT"))).isEqualTo(s);
            assertThat(BusinessCalendar.of(s)).isSameAs(GMT);
            assertThat(GMT.spec()).isEqualTo(s);
        }

        @Test
        void invalidSpecs() {
            assertThatThrownBy(() -> CalendarSpec.standard().withHours(LocalTime.of(18, 0), LocalTime.of(9, 0)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be before");
            assertThatThrownBy(() -> BusinessCalendar.of(CalendarSpec.standard().withExtraClosures(Set.of(LocalDate.of(1999, 12, 31)))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the supported range");
        }

        @Test
        void instantsOutsideTheRangeAreRejected() {
            assertThatThrownBy(() -> GMT.isOpen(t("1999-12-31T23:59:59Z")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("instant 1999-12-31T23:59:59Z is outside the supported range 2000-01-01..2100-12-31 (calendar zone GMT)");
            assertThatThrownBy(() -> GMT.businessSecondsBetween(t("2026-01-01T00:00:00Z"), t("2101-01-01T00:00:00Z")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> GMT.addBusinessSeconds(t("2100-12-31T17:00:00Z"), 8 * HOUR))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("falls after 2100-12-31");
            assertThatThrownBy(() -> GMT.nextOpening(t("2100-12-31T18:00:00Z")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> GMT.addBusinessSeconds(t("2026-01-01T00:00:00Z"), Long.MAX_VALUE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("falls after 2100-12-31");
            assertThatThrownBy(() -> GMT.addBusinessSeconds(t("2026-01-01T00:00:00Z").getEpochSecond(), Long.MAX_VALUE / 2))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("falls after 2100-12-31");
            assertThatThrownBy(() -> GMT.holidays(2101)).isInstanceOf(IllegalArgumentException.class);
            // the edges themselves are fine
            assertThat(GMT.isOpen(t("2000-01-01T00:00:00Z"))).isFalse();
            assertThat(GMT.nextOpening(t("2000-01-01T00:00:00Z"))).isEqualTo(t("2000-01-04T09:00:00Z")); // 3 Jan: New Year substitute
            assertThat(GMT.addBusinessSeconds(t("2100-12-31T17:00:00Z"), HOUR)).isEqualTo(t("2100-12-31T18:00:00Z"));
            assertThat(GMT.holidays(2000)).startsWith(LocalDate.of(2000, 1, 3));
        }

        @Test
        void longSpansUseTheWholeTable() {
            Instant from = t("2000-01-01T00:00:00Z");
            Instant to = t("2100-12-31T23:59:59Z");
            long total = GMT.businessSecondsBetween(from, to);
            assertThat(GMT.addBusinessSeconds(from, total)).isEqualTo(t("2100-12-31T18:00:00Z"));
            assertThat(GMT.addBusinessSeconds(from, total / 2)).isBetween(t("2050-01-01T00:00:00Z"), t("2051-01-01T00:00:00Z"));
        }
    }
}
