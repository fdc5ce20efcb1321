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
import com.supportdesk.testing.TestDesk;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyRepositoryTest {

    @TempDir
    Path dir;

    /** The engine these tests run on; {@code PolicyRepositoryPostgresTest} runs them all on PostgreSQL. */
    TestDesk.Engine engine() {
        return TestDesk.Engine.H2;
    }

    @Test
    void aNewVersionMovesOnlyTicketsReceivedAfterItTakesEffect() {
        MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
        try (TestDesk desk = TestDesk.open(engine(), dir, clock)) {
            Function<Agent, Store> as = desk::as;
            Agent admin = desk.admin();
            Agent agent = desk.agent("al", Clearance.NONE);
            Ticket before = as.apply(agent).changes().create(agent, NewTicket.of("before", Severity.S2, Channel.EMAIL,
                    Instant.parse("2026-11-24T10:00:00Z")));
            Ticket after = as.apply(agent).changes().create(agent, NewTicket.of("after", Severity.S2, Channel.EMAIL,
                    Instant.parse("2026-11-25T10:00:00Z")));
            assertThat(after.deadline()).isEqualTo(Instant.parse("2026-11-25T14:00:00Z"));

            PolicyVersion faster = new PolicyVersion(Instant.parse("2026-11-25T00:00:00Z"),
                    ResponseTargets.standard().with(Severity.S2, Duration.ofHours(2)), CalendarSpec.standard());
            assertThatThrownBy(() -> as.apply(agent).policy().add(agent, faster, "x"))
                    .isInstanceOf(StoreException.AccessDenied.class);
            as.apply(admin).policy().add(admin, faster, "S2 now 2 h");

            assertThat(as.apply(agent).tickets().get(agent, before.id()).deadline()).isEqualTo(before.deadline());
            assertThat(as.apply(agent).tickets().get(agent, after.id()).deadline()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
            assertThat(as.apply(agent).history().history(agent, after.id())).extracting(e -> e.kind())
                    .contains(EventKind.DEADLINE_RECOMPUTED);
            assertThat(as.apply(agent).policy().versions()).hasSize(2);
            Ticket later = as.apply(agent).changes().create(agent, NewTicket.of("later", Severity.S2, Channel.EMAIL,
                    Instant.parse("2026-11-25T15:00:00Z")));
            assertThat(later.deadline()).isEqualTo(Instant.parse("2026-11-25T17:00:00Z"));
        }
    }
}
