package com.supportdesk.sla;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * Serializable description of a business calendar: what an admin edits and the store persists.
 * Business time is {@code [opens, closes)} in {@code zone}, Monday to Friday, minus the region's bank
 * holidays, minus {@code extraClosures}, plus back any {@code removedHolidays}.
 */
public record CalendarSpec(ZoneId zone, LocalTime opens, LocalTime closes, HolidayRegion region,
        Set<LocalDate> extraClosures, Set<LocalDate> removedHolidays) {

    /** The policy's zone: the fixed offset GMT (UTC+0 all year, so in summer the desk opens 10:00 London time). */
    public static final ZoneId GMT = ZoneId.of("GMT");
    public static final LocalTime STANDARD_OPENS = LocalTime.of(9, 0);
    public static final LocalTime STANDARD_CLOSES = LocalTime.of(18, 0);

    public CalendarSpec {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(region, "region");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("opening time " + opens + " must be before closing time " + closes);
        }
        extraClosures = extraClosures == null ? Set.of() : Set.copyOf(extraClosures);
        removedHolidays = removedHolidays == null ? Set.of() : Set.copyOf(removedHolidays);
    }

    /** GMT, 09:00–18:00, England and Wales bank holidays, no extra or removed dates. */
    public static CalendarSpec standard() {
        return new CalendarSpec(GMT, STANDARD_OPENS, STANDARD_CLOSES, HolidayRegion.ENGLAND_AND_WALES, Set.of(), Set.of());
    }

    /** The opening hours as the policy words them: "09:00–18:00 GMT". */
    public String hoursText() {
        java.time.format.DateTimeFormatter hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        String id = zone.normalized().getId();
        boolean gmt = zone.normalized().equals(java.time.ZoneOffset.UTC) || "GMT".equals(zone.getId()) || "Z".equals(id);
        return hhmm.format(opens) + "\u2013" + hhmm.format(closes) + " " + (gmt ? "GMT" : zone.getId());
    }

    public CalendarSpec withZone(ZoneId newZone) {
        return new CalendarSpec(newZone, opens, closes, region, extraClosures, removedHolidays);
    }

    public CalendarSpec withRegion(HolidayRegion newRegion) {
        return new CalendarSpec(zone, opens, closes, newRegion, extraClosures, removedHolidays);
    }

    public CalendarSpec withHours(LocalTime newOpens, LocalTime newCloses) {
        return new CalendarSpec(zone, newOpens, newCloses, region, extraClosures, removedHolidays);
    }

    public CalendarSpec withExtraClosures(Set<LocalDate> dates) {
        return new CalendarSpec(zone, opens, closes, region, dates, removedHolidays);
    }

    public CalendarSpec withRemovedHolidays(Set<LocalDate> dates) {
        return new CalendarSpec(zone, opens, closes, region, extraClosures, dates);
    }
}
