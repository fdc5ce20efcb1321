package com.supportdesk.ui.common;

import com.supportdesk.domain.Agent;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.store.Store;
import java.time.ZoneId;

/**
 * Who is signed in, on which store, the zone times are shown in, and the response clock (read from the store
 * off the FX thread when the session starts; a policy change takes effect at the next sign-in).
 */
public record Session(Store store, Agent agent, ZoneId zone, ResponseClock clock) {

    /** Reads the response clock from the store: call off the FX thread. */
    public static Session open(Store store, Agent agent, ZoneId zone) {
        return new Session(store, agent, zone, store.policy().clock());
    }
}
