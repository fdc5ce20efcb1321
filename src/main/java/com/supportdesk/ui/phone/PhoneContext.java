package com.supportdesk.ui.phone;

import com.supportdesk.store.Store;
import com.supportdesk.ui.common.TaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What every phone screen needs: the store, the clock the call start is read from, the agent's zone (for
 * transcript times and display), the executor their store work runs on (off the FX thread, one thread so a
 * call's writes stay in order) and the timer of the call clock and the autosave.
 */
public record PhoneContext(Store store, Clock clock, ZoneId zone, TaskExecutor executor, RepeatingTimer timer,
                           Duration autosaveEvery) {

    /** How often the console autosaves the call's notes as a draft. */
    public static final Duration AUTOSAVE_EVERY = Duration.ofSeconds(5);

    public PhoneContext {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(timer, "timer");
        autosaveEvery = autosaveEvery == null ? AUTOSAVE_EVERY : autosaveEvery;
    }
}
