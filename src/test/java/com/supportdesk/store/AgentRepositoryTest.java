package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.store.AgentRepository.AgentSpec;
import com.supportdesk.store.AgentRepository.RoleChange;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestDesk;
import java.nio.file.Path;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roles: who may give which, and the record of who changed whose. */
class AgentRepositoryTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    TestDesk desk;
    Agent admin;
    Agent una;

    /** The engine these tests run on; {@code AgentRepositoryPostgresTest} runs them all on PostgreSQL. */
    TestDesk.Engine engine() {
        return TestDesk.Engine.H2;
    }

    @BeforeEach
    void open() {
        desk = TestDesk.open(engine(), dir, clock);
        admin = desk.admin();
        una = desk.agent("una", Clearance.NONE);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    private Store as(Agent a) {
        return desk.as(a);
    }

    @Test
    void newPasswordsNeedTwelveCharactersWhenCreatingAndChanging() {
        AgentSpec vera = new AgentSpec("vera", "Vera", Clearance.NONE, SupportLevel.L1, false, false, true);
        assertThatThrownBy(() -> as(admin).agents().create(admin, vera, "elevenchars".toCharArray()))
                .isInstanceOf(StoreException.Invalid.class)
                .hasMessageStartingWith("A password needs at least 12 characters");
        assertThat(as(admin).agents().findByUsername("vera")).isEmpty();
        assertThatThrownBy(() -> as(una).agents().resetPassword(una, una.id(), "short-pw".toCharArray()))
                .isInstanceOf(StoreException.Invalid.class)
                .hasMessageStartingWith("A password needs at least 12 characters");
        assertThatThrownBy(() -> as(admin).agents().resetPassword(admin, una.id(), "short-pw".toCharArray()))
                .isInstanceOf(StoreException.Invalid.class);
        // twelve is enough, and the old password still works after the refusals
        Agent made = as(admin).agents().create(admin, vera, "twelve chars".toCharArray());
        assertThat(made.username()).isEqualTo("vera");
        as(una).agents().resetPassword(una, una.id(), "una's own long one".toCharArray());
    }

    @Test
    void roleChangesAreRecordedWithWhoAndWhat() {
        as(admin).agents().update(admin, una.id(), new AgentSpec("una", "Una", Clearance.CLEARED, SupportLevel.L1,
                true, false, true));
        assertThat(as(admin).agents().roleChanges(admin, una.id())).extracting(RoleChange::change, RoleChange::changedBy)
                .containsExactly(
                        Tuple.tuple("not cleared, active -> cleared, lead, active", admin.id()),
                        Tuple.tuple("created: not cleared, active", admin.id()));
        assertThatThrownBy(() -> as(una).agents().roleChanges(AccessPolicy.NOBODY, null))
                .isInstanceOf(StoreException.AccessDenied.class);
    }

    @Test
    void anUnclearedAdminCannotGiveClearanceAndNobodyGivesThemselvesARole() {
        Agent root = as(admin).agents().update(admin, una.id(), new AgentSpec("una", "Una", Clearance.NONE,
                SupportLevel.L1, false, true, true));
        assertThatThrownBy(() -> as(root).agents().update(root, root.id(), new AgentSpec("una", "Una", Clearance.CLEARED,
                SupportLevel.L1, false, true, true))).isInstanceOf(StoreException.AccessDenied.class);
        Agent bob = desk.agent("bob", Clearance.NONE);
        assertThatThrownBy(() -> as(root).agents().update(root, bob.id(), new AgentSpec("bob", "Bob", Clearance.CLEARED,
                SupportLevel.L1, false, false, true))).isInstanceOf(StoreException.AccessDenied.class)
                .hasMessageContaining("cleared admin");
        assertThat(as(admin).agents().findByUsername("bob").orElseThrow().cleared()).isFalse();
        // giving up one's own clearance is allowed
        Agent a = as(admin).agents().update(admin, admin.id(), new AgentSpec("admin", "Ada Admin", Clearance.NONE,
                SupportLevel.L2, true, true, true));
        assertThat(a.cleared()).isFalse();
    }
}
