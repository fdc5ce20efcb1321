package com.supportdesk.ui.phone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link RepeatingTimer} tests fire by hand: no sleeping, no timelines. Call from the thread the view-model lives on. */
final class ManualTimer implements RepeatingTimer {

    private record Entry(Duration period, Runnable action) {
    }

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public synchronized Runnable every(Duration period, Runnable action) {
        Entry e = new Entry(period, action);
        entries.add(e);
        return () -> {
            synchronized (this) {
                entries.remove(e);
            }
        };
    }

    /** Runs every action registered with this period, as if it had elapsed. */
    void fire(Duration period) {
        List<Entry> due;
        synchronized (this) {
            due = entries.stream().filter(e -> e.period().equals(period)).toList();
        }
        due.forEach(e -> e.action().run());
    }

    synchronized int registered() {
        return entries.size();
    }
}
