package com.supportdesk.ui;

import com.supportdesk.domain.Agent;
import com.supportdesk.store.Store;
import java.time.ZoneId;

/** Who is signed in, on which store, and the zone times are shown in. */
public record Session(Store store, Agent agent, ZoneId zone) {
}
