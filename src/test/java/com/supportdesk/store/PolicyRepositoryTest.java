package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.EventKind;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.sla.CalendarSpec;
import com.supportdesk.sla.PolicyVersion;
import com.supportdesk.sla.ResponseTargets;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void aNewVersionMovesOnlyTicketsReceivedAfterItTakesEffect() {
        MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
        try (Store store = TestStores.open(dir, clock)) {
            Agent admin = TestStores.admin(store);
            Agent agent = TestStores.agent(store, admin, "al", Clearance.NONE);
            Ticket before = store.tickets().create(agent, NewTicket.of("before", Severity.S2, Channel.EMAIL,
                    Instant.parse("2026-11-24T10:00:00Z")));
            Ticket after = store.tickets().create(agent, NewTicket.of("after", Severity.S2, Channel.EMAIL,
                    Instant.parse("2026-11-25T10:00:00Z")));
            assertThat(after.deadline()).isEqualTo(Instant.parse("2026-11-25T14:00:00Z"));

            PolicyVersion faster = new PolicyVersion(Instant.parse("2026-11-25T00:00:00Z"),
                    ResponseTargets.standard().with(Severity.S2, Duration.ofHours(2)), CalendarSpec.standard());
            assertThatThrownBy(() -> store.policy().add(agent, faster, "x", store.tickets()))
                    .isInstanceOf(StoreException.AccessDenied.class);
            store.policy().add(admin, faster, "S2 now 2 h", store.tickets());

            assertThat(store.tickets().get(agent, before.id()).deadline()).isEqualTo(before.deadline());
            assertThat(store.tickets().get(agent, after.id()).deadline()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
            assertThat(store.tickets().history(agent, after.id())).extracting(e -> e.kind())
                    .contains(EventKind.DEADLINE_RECOMPUTED);
            assertThat(store.policy().versions()).hasSize(2);
            Ticket later = store.tickets().create(agent, NewTicket.of("later", Severity.S2, Channel.EMAIL,
                    Instant.parse("2026-11-25T15:00:00Z")));
            assertThat(later.deadline()).isEqualTo(Instant.parse("2026-11-25T17:00:00Z"));
        }
    }
}
