package com.supportdesk.app;

import com.supportdesk.store.Store;
import java.time.Clock;

/** Fills an empty database with a realistic demo desk. (Filled in by the board issue.) */
final class DemoData {

    private final Store store;
    private final Clock clock;

    DemoData(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void seedIfEmpty(Integer tickets) {
        // placeholder: demo data arrives with the board
    }
}
