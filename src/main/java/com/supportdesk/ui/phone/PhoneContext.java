package com.supportdesk.ui.phone;

import com.supportdesk.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What every phone screen needs: the store, the clock the call start is read from, the agent's zone (for
 * transcript times and display), background work and the ticker.
 */
public record PhoneContext(Store store, Clock clock, ZoneId zone, Background background, Ticker ticker,
                           Duration autosaveEvery) {

    /** How often the console autosaves the call's notes as a draft. */
    public static final Duration AUTOSAVE_EVERY = Duration.ofSeconds(5);

    public PhoneContext {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(ticker, "ticker");
        autosaveEvery = autosaveEvery == null ? AUTOSAVE_EVERY : autosaveEvery;
    }
}
