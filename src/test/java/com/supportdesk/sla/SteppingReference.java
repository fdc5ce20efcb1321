package com.supportdesk.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.BitSet;
import java.util.Collection;

/**
 * The slow, obviously-correct business calendar the fast engine is checked against: it asks "is the desk
 * open at this instant?" from the local date and time, and walks time minute by minute (second by
 * second at the ragged ends). Opening hours and the zone's offsets must be whole minutes, so that
 * openness is constant within each UTC minute.
 */
final class SteppingReference {

    private final ZoneRules rules;
    private final LocalTime opens;
    private final LocalTime closes;
    private final BitSet closedEpochDays = new BitSet();
    private final long base;

    SteppingReference(ZoneId zone, LocalTime opens, LocalTime closes, Collection<LocalDate> closedDates) {
        this.rules = zone.getRules();
        this.opens = opens;
        this.closes = closes;
        this.base = LocalDate.of(1999, 1, 1).toEpochDay();
        for (LocalDate d : closedDates) {
            closedEpochDays.set((int) (d.toEpochDay() - base));
        }
    }

    boolean isOpen(long sec) {
        ZoneOffset offset = rules.getOffset(Instant.ofEpochSecond(sec));
        LocalDateTime local = LocalDateTime.ofEpochSecond(sec, 0, offset);
        DayOfWeek dow = local.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return false;
        }
        if (closedEpochDays.get((int) (local.toLocalDate().toEpochDay() - base))) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return !time.isBefore(opens) && time.isBefore(closes);
    }

    /** Business seconds in [from, to). */
    long businessSeconds(long from, long to) {
        long sum = 0;
        long t = from;
        while (t < to && Math.floorMod(t, 60) != 0) {
            sum += isOpen(t) ? 1 : 0;
            t++;
        }
        while (t + 60 <= to) {
            sum += isOpen(t) ? 60 : 0;
            t += 60;
        }
        while (t < to) {
            sum += isOpen(t) ? 1 : 0;
            t++;
        }
        return sum;
    }

    /** Earliest t >= from with businessSeconds(from, t) == target. */
    long addBusinessSeconds(long from, long target) {
        if (target == 0) {
            return from;
        }
        long acc = 0;
        long t = from;
        while (Math.floorMod(t, 60) != 0) {
            if (isOpen(t) && ++acc == target) {
                return t + 1;
            }
            t++;
        }
        while (true) {
            if (isOpen(t)) {
                if (acc + 60 >= target) {
                    return t + (target - acc);
                }
                acc += 60;
            }
            t += 60;
        }
    }

    long nextOpening(long from) {
        long t = from;
        while (Math.floorMod(t, 60) != 0) {
            if (isOpen(t)) {
                return t;
            }
            t++;
        }
        while (!isOpen(t)) {
            t += 60;
        }
        return t;
    }
}
