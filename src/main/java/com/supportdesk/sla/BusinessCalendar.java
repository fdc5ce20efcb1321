package com.supportdesk.sla;
import java.time.*;
// TEMPORARY STUB (no holidays)
public final class BusinessCalendar {
    private final CalendarSpec spec;
    private BusinessCalendar(CalendarSpec s) { spec = s; }
    public static BusinessCalendar of(CalendarSpec s) { return new BusinessCalendar(s); }
    public CalendarSpec spec() { return spec; }
    public boolean isOpen(Instant t) { ZonedDateTime z = t.atZone(spec.zone()); DayOfWeek d = z.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !spec.extraClosures().contains(z.toLocalDate()) && !z.toLocalTime().isBefore(spec.opens()) && z.toLocalTime().isBefore(spec.closes()); }
    public Instant nextOpening(Instant t) { Instant x = t; while (!isOpen(x)) x = x.plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MINUTES); return x; }
    public long businessSecondsBetween(Instant a, Instant b) { long s = 0; for (Instant x = a; x.isBefore(b); x = x.plusSeconds(60)) if (isOpen(x)) s += 60; return s; }
    public Instant addBusinessSeconds(Instant a, long secs) { Instant x = a; long left = secs; while (left > 0) { if (isOpen(x)) left -= 60; x = x.plusSeconds(60);} return x; }
}
