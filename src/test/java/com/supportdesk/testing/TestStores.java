package com.supportdesk.testing;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.store.AgentRepository.AgentSpec;
import com.supportdesk.store.DataLocation;
import com.supportdesk.store.Database;
import com.supportdesk.store.Passwords;
import com.supportdesk.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

/** Real H2 files on disk for tests, with fast password hashing. */
public final class TestStores {

    private TestStores() {
    }

    public static Store open(Path dir, Clock clock) {
        if (dir == null) {
            // never fall back to the real OS data folder from a test
            throw new IllegalArgumentException("a test store needs an explicit temporary folder");
        }
        return new Store(Database.open(DataLocation.resolve(dir, null), clock), new Passwords(1_000), ZoneOffset.UTC);
    }

    /** Creates the first (admin) agent. */
    public static Agent admin(Store store) {
        return store.agents().create(null, new AgentSpec("admin", "Ada Admin", Clearance.CLEARED, SupportLevel.L2,
                true, true, true), password("admin").toCharArray());
    }

    public static Agent agent(Store store, Agent admin, String username, Clearance clearance) {
        return store.agents().create(admin, new AgentSpec(username, Character.toUpperCase(username.charAt(0))
                + username.substring(1), clearance, SupportLevel.L1, false, false, true), password(username).toCharArray());
    }

    /** The password the helpers give {@code username}: long enough for the desk's minimum length. */
    public static String password(String username) {
        return username + "-test-password";
    }
}
