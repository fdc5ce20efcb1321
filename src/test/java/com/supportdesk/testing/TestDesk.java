package com.supportdesk.testing;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.store.AgentRepository.AgentSpec;
import com.supportdesk.store.DataLocation;
import com.supportdesk.store.Database;
import com.supportdesk.store.Passwords;
import com.supportdesk.store.Store;
import com.supportdesk.store.TeamSetup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A desk for store tests on either engine. On the embedded H2 file every agent uses the one store, as on a
 * desktop; on PostgreSQL every agent signs in with their own login and gets their own store, as every desktop
 * does on a team database, so the database's own rules apply to each of them. {@link #as(Agent)} is the store
 * that agent works with.
 */
public final class TestDesk implements AutoCloseable {

    public enum Engine { H2, POSTGRES }

    /** Every test agent's password (long enough for any minimum length). */
    public static final String PASSWORD = "correct horse battery staple";

    private final Engine engine;
    private final Path dir;
    private final Clock clock;
    private final String url;
    private final Store store;
    private final Agent admin;
    private final Map<String, Store> signedIn = new LinkedHashMap<>();

    private TestDesk(Engine engine, Path dir, Clock clock) {
        this.engine = engine;
        this.dir = dir;
        this.clock = clock;
        if (engine == Engine.H2) {
            url = null;
            store = TestStores.open(dir, clock);
            admin = store.agents().create(null, adminSpec(), PASSWORD.toCharArray());
        } else {
            url = TestPostgres.freshDatabase();
            new TeamSetup(url, TestPostgres.OWNER, TestPostgres.OWNER_PASSWORD, clock)
                    .init(null, new TeamSetup.NewLogin("admin", "Ada Admin", PASSWORD.toCharArray()), true, null);
            store = signIn("admin");
            Agent created = store.agents().findByUsername("admin").orElseThrow();
            // the same admin as on H2: level 2
            admin = store.agents().update(created, created.id(), adminSpec());
            signedIn.put("admin", store);
        }
    }

    public static TestDesk open(Engine engine, Path dir, Clock clock) {
        return new TestDesk(engine, dir, clock);
    }

    private static AgentSpec adminSpec() {
        return new AgentSpec("admin", "Ada Admin", Clearance.CLEARED, SupportLevel.L2, true, true, true);
    }

    public Engine engine() {
        return engine;
    }

    public boolean postgres() {
        return engine == Engine.POSTGRES;
    }

    /** The team database's URL (PostgreSQL only). */
    public String url() {
        return url;
    }

    /** The admin's store. */
    public Store store() {
        return store;
    }

    public Agent admin() {
        return admin;
    }

    /** Creates an agent (by the admin) at level 1, neither lead nor admin, with {@link #PASSWORD}. */
    public Agent agent(String username, Clearance clearance) {
        return create(new AgentSpec(username, Character.toUpperCase(username.charAt(0)) + username.substring(1),
                clearance, SupportLevel.L1, false, false, true));
    }

    public Agent create(AgentSpec spec) {
        return store.agents().create(admin, spec, PASSWORD.toCharArray());
    }

    /** The store this agent works with (their own sign-in on PostgreSQL). */
    public Store as(Agent agent) {
        return as(agent.username());
    }

    public synchronized Store as(String username) {
        if (engine == Engine.H2) {
            return store;
        }
        return signedIn.computeIfAbsent(username, this::signIn);
    }

    /** The mail gateway's login on PostgreSQL ({@code team init --intake-user gateway}); the one store on H2. */
    public synchronized Store intake() {
        if (engine == Engine.H2) {
            return store;
        }
        if (!signedIn.containsKey(INTAKE)) {
            new TeamSetup(url, TestPostgres.OWNER, TestPostgres.OWNER_PASSWORD, clock)
                    .init(null, null, false, new TeamSetup.NewLogin(INTAKE, null, PASSWORD.toCharArray()));
        }
        return signedIn.computeIfAbsent(INTAKE, this::signIn);
    }

    /** The mail gateway's login name on PostgreSQL. */
    public static final String INTAKE = "gateway";

    /** A new sign-in of this user (a second desktop), closed by the caller. */
    public Store signIn(String username) {
        return signIn(username, PASSWORD.toCharArray());
    }

    public Store signIn(String username, char[] password) {
        if (engine == Engine.H2) {
            return store;
        }
        return new Store(Database.openTeam(DataLocation.resolve(dir, url), username, password, clock, false),
                new Passwords(1_000), ZoneOffset.UTC);
    }

    @Override
    public void close() {
        if (engine == Engine.POSTGRES) {
            signedIn.values().forEach(Store::close);
            signedIn.clear();
        }
        store.close();
    }
}
