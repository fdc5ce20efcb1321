package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.store.AgentRepository.AgentSpec;
import com.supportdesk.store.TrainingRepository.Session;
import com.supportdesk.store.TrainingRepository.Summary;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestDesk;
import com.supportdesk.testing.TestStores;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRepositoryTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-09-15T10:00:00Z");
    TestDesk desk;
    Store store;

    /** The engine these tests run on; {@code TrainingRepositoryPostgresTest} runs them all on PostgreSQL. */
    TestDesk.Engine engine() {
        return TestDesk.Engine.H2;
    }

    Store as(Agent agent) {
        return desk.as(agent);
    }
    Agent admin;
    Agent lead;
    Agent agent;
    Customer acme;

    @BeforeEach
    void open() {
        desk = TestDesk.open(engine(), dir, clock);
        store = desk.store();
        admin = desk.admin();
        lead = as(admin).agents().create(admin, new AgentSpec("lee", "Lee Lead", Clearance.NONE, SupportLevel.L2, true, false,
                true), TestStores.password("lee").toCharArray());
        agent = desk.agent("ann", Clearance.NONE);
        acme = as(admin).customers().create(admin, "Acme", false, 4);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void addListAndSummariseContractedDeliveredRemaining() {
        Session a = store.training().add(lead, acme.id(), LocalDate.of(2026, 9, 15), "  Onboarding ",
                " Ann ,Bob;; Cy ", " Tess ");
        assertThat(a).isEqualTo(new Session(a.id(), acme.id(), LocalDate.of(2026, 9, 15), "Onboarding", "Ann, Bob, Cy",
                "Tess"));
        as(admin).training().add(admin, acme.id(), LocalDate.of(2026, 7, 1), "Reporting", null, "  ");
        as(admin).training().add(admin, acme.id(), LocalDate.of(2026, 9, 16), "Advanced", "", null);
        assertThat(store.training().list(acme.id())).extracting(Session::topic)
                .containsExactly("Reporting", "Onboarding", "Advanced");
        assertThat(store.training().list(acme.id()).get(0).attendees()).isNull();
        assertThat(store.training().list(acme.id()).get(0).deliveredBy()).isNull();
        // delivered = held on or before the day asked about (today counts)
        assertThat(store.training().summary(acme.id(), LocalDate.of(2026, 9, 15))).isEqualTo(new Summary(4, 2, 2, 1));
        assertThat(store.training().summary(acme.id(), LocalDate.of(2026, 9, 14))).isEqualTo(new Summary(4, 1, 3, 2));
        assertThat(store.training().between(acme.id(), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 16)))
                .extracting(Session::topic).containsExactly("Reporting", "Onboarding");
    }

    @Test
    void remainingNeverGoesBelowZero() {
        Customer small = as(admin).customers().create(admin, "Small", false, 1);
        as(admin).training().add(admin, small.id(), LocalDate.of(2026, 1, 1), "One", null, null);
        as(admin).training().add(admin, small.id(), LocalDate.of(2026, 2, 1), "Two", null, null);
        assertThat(store.training().summary(small.id(), LocalDate.of(2026, 9, 1))).isEqualTo(new Summary(1, 2, 0, 0));
        assertThat(store.training().summary(acme.id(), LocalDate.of(2026, 9, 1))).isEqualTo(new Summary(4, 0, 4, 0));
    }

    @Test
    void onlyLeadsAndAdminsMayAddOrDelete() {
        assertThatThrownBy(() -> as(agent).training().add(agent, acme.id(), LocalDate.of(2026, 9, 1), "x", null, null))
                .isInstanceOf(StoreException.AccessDenied.class)
                .hasMessage("ann is not a team lead or admin: only team leads and admins may record training sessions.");
        assertThatThrownBy(() -> store.training().add(AccessPolicy.NOBODY, acme.id(), LocalDate.of(2026, 9, 1), "x",
                null, null)).isInstanceOf(StoreException.AccessDenied.class).hasMessageStartingWith("Nobody is signed in");
        Session s = store.training().add(lead, acme.id(), LocalDate.of(2026, 9, 1), "Kept", null, null);
        assertThatThrownBy(() -> as(agent).training().delete(agent, s.id())).isInstanceOf(StoreException.AccessDenied.class);
        store.training().delete(lead, s.id());
        assertThat(store.training().list(acme.id())).isEmpty();
        assertThatThrownBy(() -> store.training().delete(lead, s.id())).isInstanceOf(StoreException.NotFound.class);
    }

    @Test
    void rejectsIncompleteSessions() {
        assertThatThrownBy(() -> as(admin).training().add(admin, acme.id(), null, "x", null, null))
                .isInstanceOf(StoreException.Invalid.class).hasMessageContaining("needs a date");
        assertThatThrownBy(() -> as(admin).training().add(admin, acme.id(), LocalDate.of(2026, 9, 1), " ", null, null))
                .isInstanceOf(StoreException.Invalid.class).hasMessageContaining("needs a topic");
        assertThatThrownBy(() -> as(admin).training().add(admin, 999, LocalDate.of(2026, 9, 1), "x", null, null))
                .isInstanceOf(StoreException.NotFound.class).hasMessageContaining("No customer with id 999");
    }
}
