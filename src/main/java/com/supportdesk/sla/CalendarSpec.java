package com.supportdesk.sla;
import java.time.*; import java.util.Set;
// TEMPORARY STUB
public record CalendarSpec(ZoneId zone, LocalTime opens, LocalTime closes, HolidayRegion region, Set<LocalDate> extraClosures, Set<LocalDate> removedHolidays) {
    public static CalendarSpec standard() { return new CalendarSpec(ZoneId.of("GMT"), LocalTime.of(9,0), LocalTime.of(18,0), HolidayRegion.ENGLAND_AND_WALES, Set.of(), Set.of()); }
}
