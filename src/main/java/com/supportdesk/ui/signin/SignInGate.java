package com.supportdesk.ui.signin;

import com.supportdesk.domain.Agent;
import com.supportdesk.store.AgentRepository.AgentSpec;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;

/**
 * Where agents sign in. On this desktop's own database the store checks the password; on a team database
 * (PostgreSQL) the database does, and each sign-in opens a store with that agent's own login. Calls run in the
 * background, never on the FX thread.
 */
public interface SignInGate {

    /** A signed-in agent and the store they work with; {@code mustChangePassword} for a one-time password. */
    record SignedIn(Store store, Agent agent, boolean mustChangePassword) {
    }

    /** Signs in (a plain {@link StoreException} for a wrong password, an unreachable server...). */
    SignedIn signIn(String username, char[] password);

    /** True when the database has no agents yet (the first-admin form); never for a team database. */
    boolean firstRun();

    /** Creates the first admin of an empty database and signs them in. */
    SignedIn createFirstAdmin(AgentSpec spec, char[] password);

    /** What the sign-in screen says about where it signs in (e.g. the team database's host), or "" for this computer. */
    String where();

    /** True for a team database: no first-run form, no demo data. */
    boolean team();

    /** This desktop's own database, already open. */
    static SignInGate embedded(Store store) {
        return new SignInGate() {
            @Override
            public SignedIn signIn(String username, char[] password) {
                Agent a = store.agents().authenticate(username, password);
                return new SignedIn(store, a, store.agents().mustChangePassword(a.id()));
            }

            @Override
            public boolean firstRun() {
                return store.agents().count() == 0;
            }

            @Override
            public SignedIn createFirstAdmin(AgentSpec spec, char[] password) {
                return new SignedIn(store, store.agents().create(null, spec, password), false);
            }

            @Override
            public String where() {
                return "";
            }

            @Override
            public boolean team() {
                return false;
            }
        };
    }
}
