package com.supportdesk.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The versions of the response policy. A ticket is measured under the version in force at its
 * {@code received} instant, so editing the policy never moves a past result. An instant before the
 * earliest version is measured under the earliest version.
 */
public final class ResponsePolicy {

    private final List<PolicyVersion> versions;
    private final long[] fromSeconds;
    private final int[] fromNanos;
    private final AtomicReferenceArray<BusinessCalendar> calendars;

    private ResponsePolicy(List<PolicyVersion> sorted) {
        this.versions = List.copyOf(sorted);
        int n = sorted.size();
        this.fromSeconds = new long[n];
        this.fromNanos = new int[n];
        for (int i = 0; i < n; i++) {
            Instant from = sorted.get(i).effectiveFrom();
            fromSeconds[i] = from.getEpochSecond();
            fromNanos[i] = from.getNano();
        }
        this.calendars = new AtomicReferenceArray<>(n);
    }

    /** The standard policy: one version with standard targets and calendar. */
    public static ResponsePolicy standard() {
        return of(List.of(PolicyVersion.standard()));
    }

    /** A policy of the given versions, in any order; non-empty, no two with the same effective instant. */
    public static ResponsePolicy of(List<PolicyVersion> versions) {
        Objects.requireNonNull(versions, "versions");
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a response policy needs at least one version");
        }
        List<PolicyVersion> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(PolicyVersion::effectiveFrom));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).effectiveFrom().equals(sorted.get(i - 1).effectiveFrom())) {
                throw new IllegalArgumentException("two policy versions take effect at " + sorted.get(i).effectiveFrom());
            }
        }
        return new ResponsePolicy(sorted);
    }

    /** The versions, sorted by effective instant. */
    public List<PolicyVersion> versions() {
        return versions;
    }

    public PolicyVersion versionAt(Instant received) {
        return versions.get(indexAt(received.getEpochSecond(), received.getNano()));
    }

    /** The compiled calendar of the version in force at {@code received}; compiled once per version. */
    public BusinessCalendar calendarAt(Instant received) {
        return calendar(indexAt(received.getEpochSecond(), received.getNano()));
    }

    /** Index of the version in force at (sec, nano): the last one taking effect at or before it, else 0. */
    int indexAt(long sec, int nano) {
        int lo = 0;
        int hi = fromSeconds.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (fromSeconds[mid] < sec || (fromSeconds[mid] == sec && fromNanos[mid] <= nano)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    PolicyVersion version(int index) {
        return versions.get(index);
    }

    BusinessCalendar calendar(int index) {
        BusinessCalendar c = calendars.get(index);
        if (c == null) {
            c = BusinessCalendar.of(versions.get(index).calendar());
            calendars.compareAndSet(index, null, c);
        }
        return c;
    }

    @Override
    public String toString() {
        return "ResponsePolicy" + versions;
    }
}
