package com.supportdesk.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * An immutable, compiled business calendar: {@code [opens, closes)} in the spec's zone, Monday to Friday,
 * minus the closures in force. Valid for local dates 2000-01-01..2100-12-31; instants outside that range
 * are rejected with {@link IllegalArgumentException}.
 *
 * <p>Compilation lays out one opening interval per local day (a zero-length one on closed days) as
 * epoch seconds, plus a prefix sum of business seconds. Business time up to an instant is then one array
 * lookup (the day is found from a constant-offset estimate corrected by at most a step or two, so DST days
 * are handled exactly), and adding business time is a galloping binary search over the prefix sums:
 * O(log days), allocation-free apart from the {@link Instant} returned. The {@code long} overloads work on
 * whole epoch seconds and allocate nothing.
 */
public final class BusinessCalendar {

    public static final LocalDate FIRST_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);

    private static final long FIRST_EPOCH_DAY = FIRST_DATE.toEpochDay();
    private static final int DAYS = (int) (LAST_DATE.toEpochDay() - FIRST_EPOCH_DAY + 1);
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final long NANOS = 1_000_000_000L;
    private static final int CACHE_SIZE = 16;

    /**
     * Small cache of compiled calendars by spec (specs are values; compiled calendars are immutable). Each entry is
     * compiled once: a second caller asking for a spec being compiled waits for it instead of compiling it again (a
     * command warms the standard calendar up on another thread while it opens the database).
     */
    private static final Map<CalendarSpec, FutureTask<BusinessCalendar>> CACHE = new LinkedHashMap<>(32, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<CalendarSpec, FutureTask<BusinessCalendar>> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private final CalendarSpec spec;
    /** openAt[i]: epoch second the desk opens (or would open) on local day i. Non-decreasing. */
    private final long[] openAt;
    /** cum[i]: business seconds in days [0, i). Length DAYS + 1; day i is open for cum[i+1] - cum[i] seconds. */
    private final long[] cum;
    /** First and one-past-last supported epoch second: local midnight of FIRST_DATE and of the day after LAST_DATE. */
    private final long rangeStart;
    private final long rangeEnd;
    /** Weekday closures in force, sorted. */
    private final List<NamedHoliday> closures;

    private BusinessCalendar(CalendarSpec spec) {
        this.spec = spec;
        ZoneId zone = spec.zone();
        this.rangeStart = FIRST_DATE.atStartOfDay(zone).toEpochSecond();
        this.rangeEnd = LAST_DATE.plusDays(1).atStartOfDay(zone).toEpochSecond();
        this.closures = closures(spec);

        boolean[] closed = new boolean[DAYS];
        for (NamedHoliday h : closures) {
            closed[(int) (h.date().toEpochDay() - FIRST_EPOCH_DAY)] = true;
        }
        this.openAt = new long[DAYS];
        this.cum = new long[DAYS + 1];
        ZoneRules rules = zone.getRules();
        ZoneOffset fixed = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
        int opensSod = spec.opens().toSecondOfDay();
        int closesSod = spec.closes().toSecondOfDay();
        long prevClose = Long.MIN_VALUE;
        for (int i = 0; i < DAYS; i++) {
            long epochDay = FIRST_EPOCH_DAY + i;
            long open;
            long close;
            if (fixed != null) {
                long midnight = epochDay * SECONDS_PER_DAY - fixed.getTotalSeconds();
                open = midnight + opensSod;
                close = midnight + closesSod;
            } else {
                LocalDate date = LocalDate.ofEpochDay(epochDay);
                open = toEpochSecond(LocalDateTime.of(date, spec.opens()), zone);
                close = toEpochSecond(LocalDateTime.of(date, spec.closes()), zone);
            }
            // Guard against zones that skip or repeat whole days: keep the intervals ordered and disjoint.
            open = Math.max(open, prevClose);
            close = Math.max(close, open);
            openAt[i] = open;
            boolean business = !closed[i] && !isWeekend(epochDay);
            long length = business ? close - open : 0;
            cum[i + 1] = cum[i] + length;
            prevClose = business ? close : Math.max(prevClose, open);
        }
    }

    private static long toEpochSecond(LocalDateTime local, ZoneId zone) {
        // atZone moves a time in a DST gap forward by the gap's length and takes the earlier offset in an overlap.
        return local.atZone(zone).toEpochSecond();
    }

    private static boolean isWeekend(long epochDay) {
        // 1970-01-01 was a Thursday; floorMod gives 0 = Thursday, 2 = Saturday, 3 = Sunday.
        int dow = (int) Math.floorMod(epochDay, 7L);
        return dow == 2 || dow == 3;
    }

    private static List<NamedHoliday> closures(CalendarSpec spec) {
        for (LocalDate d : spec.extraClosures()) {
            checkDate(d, "extra closure");
        }
        for (LocalDate d : spec.removedHolidays()) {
            checkDate(d, "removed holiday");
        }
        List<NamedHoliday> out = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (NamedHoliday h : RegionHolidays.of(spec.region())) {
            if (!spec.removedHolidays().contains(h.date())) {
                out.add(h);
                seen.add(h.date());
            }
        }
        for (LocalDate d : spec.extraClosures()) {
            if (!RegionHolidays.isWeekend(d) && !spec.removedHolidays().contains(d) && seen.add(d)) {
                out.add(new NamedHoliday(d, NamedHoliday.OFFICE_CLOSURE));
            }
        }
        Collections.sort(out);
        return List.copyOf(out);
    }

    private static void checkDate(LocalDate d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isBefore(FIRST_DATE) || d.isAfter(LAST_DATE)) {
            throw new IllegalArgumentException(what + " " + d + " is outside the supported range "
                    + FIRST_DATE + ".." + LAST_DATE);
        }
    }

    /** The compiled calendar for {@code spec} (compiled calendars are cached by spec). */
    public static BusinessCalendar of(CalendarSpec spec) {
        Objects.requireNonNull(spec, "spec");
        FutureTask<BusinessCalendar> task;
        synchronized (CACHE) {
            task = CACHE.computeIfAbsent(spec, s -> new FutureTask<>(() -> new BusinessCalendar(s)));
        }
        task.run(); // compiles it, unless it is compiled or being compiled already
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // a calendar is a fraction of a second away: finish, then keep the interrupt
                } catch (ExecutionException e) {
                    synchronized (CACHE) {
                        CACHE.remove(spec, task);
                    }
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public CalendarSpec spec() {
        return spec;
    }

    // ---------------------------------------------------------------- core, on epoch seconds + nanos

    private void check(long sec) {
        if (sec < rangeStart || sec >= rangeEnd) {
            throw new IllegalArgumentException("instant " + Instant.ofEpochSecond(sec) + " is outside the supported range "
                    + FIRST_DATE + ".." + LAST_DATE + " (calendar zone " + spec.zone().getId() + ")");
        }
    }

    /** The last day whose opening is at or before {@code sec}, or -1 if none. {@code sec} must be in range. */
    private int dayOf(long sec) {
        long estimate = Math.floorDiv(sec - openAt[0], SECONDS_PER_DAY);
        int i = (int) Math.max(-1, Math.min(DAYS - 1, estimate));
        while (i >= 0 && openAt[i] > sec) {
            i--;
        }
        while (i + 1 < DAYS && openAt[i + 1] <= sec) {
            i++;
        }
        return i;
    }

    /** Business nanoseconds from the start of the range up to the instant (sec, nano). */
    private long businessNanosAt(long sec, int nano, int day) {
        if (day < 0) {
            return 0;
        }
        long into = (sec - openAt[day]) * NANOS + nano;
        long length = (cum[day + 1] - cum[day]) * NANOS;
        return cum[day] * NANOS + Math.min(into, length);
    }

    /**
     * The first day, at or after {@code from}, by whose close the business time from the range start reaches
     * {@code targetNanos}. Gallops forward from {@code from} (deadlines are usually days away), then bisects.
     */
    private int dayReaching(long targetNanos, int from) {
        long targetSec = Math.floorDiv(targetNanos + NANOS - 1, NANOS); // cum[k+1] >= targetSec <=> cum[k+1]*N >= target
        if (cum[DAYS] < targetSec) {
            return -1;
        }
        int lo = Math.max(from, 0);
        int step = 1;
        int hi = lo;
        while (cum[hi + 1] < targetSec) {
            lo = hi + 1;
            hi = Math.min(DAYS - 1, lo + step);
            step <<= 1;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid + 1] >= targetSec) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private IllegalArgumentException beyondRange() {
        return new IllegalArgumentException("the result falls after " + LAST_DATE
                + ", the end of the supported range (calendar zone " + spec.zone().getId() + ")");
    }

    // ---------------------------------------------------------------- public API on Instants

    /** True when {@code t} lies in {@code [opens, closes)} of a business day. */
    public boolean isOpen(Instant t) {
        return isOpen(t.getEpochSecond());
    }

    /** {@code t} itself if the calendar is open then, else the next instant it opens. */
    public Instant nextOpening(Instant t) {
        long sec = t.getEpochSecond();
        check(sec);
        int day = dayOf(sec);
        if (day >= 0 && sec < openAt[day] + (cum[day + 1] - cum[day])) {
            return t;
        }
        return Instant.ofEpochSecond(nextOpeningAfterClosed(sec, t.getNano(), day));
    }

    private long nextOpeningAfterClosed(long sec, int nano, int day) {
        int next = dayReaching(businessNanosAt(sec, nano, day) + 1, day);
        if (next < 0) {
            throw beyondRange();
        }
        return openAt[next];
    }

    /** Business seconds in {@code [from, to)} (whole seconds, rounded down); 0 if {@code to <= from}. */
    public long businessSecondsBetween(Instant from, Instant to) {
        long fs = from.getEpochSecond();
        long ts = to.getEpochSecond();
        check(fs);
        check(ts);
        if (to.compareTo(from) <= 0) {
            return 0;
        }
        long nanos = businessNanosAt(ts, to.getNano(), dayOf(ts)) - businessNanosAt(fs, from.getNano(), dayOf(fs));
        return nanos / NANOS;
    }

    /**
     * The earliest {@code t >= from} with {@code businessSecondsBetween(from, t) == seconds}. A result landing
     * exactly on closing time stays there (18:00), it does not roll to the next opening.
     */
    public Instant addBusinessSeconds(Instant from, long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must not be negative: " + seconds);
        }
        long fs = from.getEpochSecond();
        check(fs);
        if (seconds == 0) {
            return from;
        }
        if (seconds > cum[DAYS]) {
            throw beyondRange();
        }
        int day = dayOf(fs);
        long target = businessNanosAt(fs, from.getNano(), day) + seconds * NANOS;
        int k = dayReaching(target, day);
        if (k < 0) {
            throw beyondRange();
        }
        long into = target - cum[k] * NANOS;
        return Instant.ofEpochSecond(openAt[k] + into / NANOS, into % NANOS);
    }

    // ---------------------------------------------------------------- allocation-free API on epoch seconds

    /** {@link #isOpen(Instant)} for an epoch second. */
    public boolean isOpen(long epochSecond) {
        check(epochSecond);
        int day = dayOf(epochSecond);
        return day >= 0 && epochSecond < openAt[day] + (cum[day + 1] - cum[day]);
    }

    /** {@link #nextOpening(Instant)} for an epoch second. */
    public long nextOpening(long epochSecond) {
        check(epochSecond);
        int day = dayOf(epochSecond);
        if (day >= 0 && epochSecond < openAt[day] + (cum[day + 1] - cum[day])) {
            return epochSecond;
        }
        return nextOpeningAfterClosed(epochSecond, 0, day);
    }

    /** {@link #businessSecondsBetween(Instant, Instant)} for epoch seconds. */
    public long businessSecondsBetween(long fromEpochSecond, long toEpochSecond) {
        check(fromEpochSecond);
        check(toEpochSecond);
        if (toEpochSecond <= fromEpochSecond) {
            return 0;
        }
        return businessSecondsAt(toEpochSecond) - businessSecondsAt(fromEpochSecond);
    }

    private long businessSecondsAt(long sec) {
        int day = dayOf(sec);
        return day < 0 ? 0 : cum[day] + Math.min(sec - openAt[day], cum[day + 1] - cum[day]);
    }

    /** {@link #addBusinessSeconds(Instant, long)} for epoch seconds. */
    public long addBusinessSeconds(long fromEpochSecond, long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must not be negative: " + seconds);
        }
        check(fromEpochSecond);
        if (seconds == 0) {
            return fromEpochSecond;
        }
        if (seconds > cum[DAYS]) {
            throw beyondRange();
        }
        int day = dayOf(fromEpochSecond);
        long target = (day < 0 ? 0 : cum[day] + Math.min(fromEpochSecond - openAt[day], cum[day + 1] - cum[day])) + seconds;
        int k = dayReaching(target * NANOS, day);
        if (k < 0) {
            throw beyondRange();
        }
        return openAt[k] + (target - cum[k]);
    }

    // ---------------------------------------------------------------- holidays for display

    /** Weekday closures in force in {@code year}: region holidays + extra closures − removed dates, sorted. */
    public List<LocalDate> holidays(int year) {
        List<LocalDate> out = new ArrayList<>();
        for (NamedHoliday h : namedHolidays(year)) {
            out.add(h.date());
        }
        return List.copyOf(out);
    }

    /** As {@link #holidays(int)}, with names; admin-added dates are named {@value NamedHoliday#OFFICE_CLOSURE}. */
    public List<NamedHoliday> namedHolidays(int year) {
        if (year < FIRST_DATE.getYear() || year > LAST_DATE.getYear()) {
            throw new IllegalArgumentException("year " + year + " is outside the supported range "
                    + FIRST_DATE.getYear() + ".." + LAST_DATE.getYear());
        }
        List<NamedHoliday> out = new ArrayList<>();
        for (NamedHoliday h : closures) {
            if (h.date().getYear() == year) {
                out.add(h);
            }
        }
        return List.copyOf(out);
    }

    /** True when {@code date} is a weekday closure in force. */
    public boolean isHoliday(LocalDate date) {
        checkDate(date, "date");
        int i = (int) (date.toEpochDay() - FIRST_EPOCH_DAY);
        return cum[i + 1] == cum[i] && date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Override
    public String toString() {
        return "BusinessCalendar" + spec;
    }
}
