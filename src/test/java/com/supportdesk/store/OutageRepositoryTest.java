package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.store.OutageRepository.NewOutage;
import com.supportdesk.store.OutageRepository.Outage;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestDesk;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutageRepositoryTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-09-15T10:00:00Z");
    TestDesk desk;
    Store store;

    /** The engine these tests run on; {@code OutageRepositoryPostgresTest} runs them all on PostgreSQL. */
    TestDesk.Engine engine() {
        return TestDesk.Engine.H2;
    }

    Store as(Agent agent) {
        return desk.as(agent);
    }
    Agent admin;
    Customer acme;
    Customer other;

    @BeforeEach
    void open() {
        desk = TestDesk.open(engine(), dir, clock);
        store = desk.store();
        admin = desk.admin();
        acme = as(admin).customers().create(admin, "Acme", false, 0);
        other = as(admin).customers().create(admin, "Other", false, 0);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    static Instant t(String iso) {
        return Instant.parse(iso);
    }

    long s1(Customer c) {
        return as(admin).changes().create(admin, NewTicket.of("down", Severity.S1, Channel.PHONE, clock.instant())
                .withCustomer(c.id(), null)).id();
    }

    @Test
    void addsAndListsOutagesWithLinkedTickets() {
        long mine = s1(acme);
        long theirs = s1(other);
        Outage o = as(admin).outages().add(admin, new NewOutage(t("2026-09-01T10:00:00Z"), t("2026-09-01T11:30:00Z"),
                " Database down ", false, null, List.of(mine, theirs, mine)));
        assertThat(o.description()).isEqualTo("Database down");
        assertThat(o.duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(o.allCustomers()).isTrue();
        assertThat(o.ticketRefs()).containsExactly("SD-" + mine, "SD-" + theirs);
        as(admin).outages().add(admin, new NewOutage(t("2026-08-01T02:00:00Z"), t("2026-08-01T04:00:00Z"), "Upgrade", true,
                acme.id(), List.of()));
        as(admin).outages().add(admin, new NewOutage(t("2026-09-05T02:00:00Z"), t("2026-09-05T04:00:00Z"), "Their upgrade",
                true, other.id(), List.of()));
        assertThat(as(admin).outages().list(admin)).extracting(Outage::description, Outage::scheduled, Outage::customerName)
                .containsExactly(tuple("Upgrade", true, "Acme"), tuple("Database down", false, null),
                        tuple("Their upgrade", true, "Other"));
        // For Acme in September: the all-customer outage, naming only Acme's linked ticket.
        assertThat(as(admin).outages().affecting(admin, acme.id(), t("2026-09-01T00:00:00Z"), t("2026-10-01T00:00:00Z")))
                .singleElement().satisfies(x -> {
                    assertThat(x.description()).isEqualTo("Database down");
                    assertThat(x.ticketRefs()).containsExactly("SD-" + mine);
                });
        // Overlap with the range is enough; touching its edge is not.
        assertThat(as(admin).outages().affecting(admin, acme.id(), t("2026-09-01T11:00:00Z"), t("2026-09-01T11:01:00Z"))).hasSize(1);
        assertThat(as(admin).outages().affecting(admin, acme.id(), t("2026-09-01T11:30:00Z"), t("2026-09-02T00:00:00Z"))).isEmpty();
        assertThat(as(admin).outages().affecting(admin, acme.id(), t("2026-08-01T00:00:00Z"), t("2026-08-01T02:00:00Z"))).isEmpty();
    }

    @Test
    void validatesAndRequiresALeadOrAdmin() {
        Agent ann = desk.agent("ann", Clearance.NONE);
        NewOutage ok = new NewOutage(t("2026-09-01T10:00:00Z"), t("2026-09-01T11:00:00Z"), "x", false, null, List.of());
        assertThatThrownBy(() -> as(ann).outages().add(ann, ok)).isInstanceOf(StoreException.AccessDenied.class)
                .hasMessageContaining("only team leads and admins may record outages");
        assertThatThrownBy(() -> as(admin).outages().add(admin, new NewOutage(t("2026-09-01T10:00:00Z"),
                t("2026-09-01T10:00:00Z"), "x", false, null, List.of()))).isInstanceOf(StoreException.Invalid.class)
                .hasMessage("An outage must end after it starts.");
        assertThatThrownBy(() -> as(admin).outages().add(admin, new NewOutage(ok.start(), ok.end(), " ", false, null,
                List.of()))).isInstanceOf(StoreException.Invalid.class).hasMessageContaining("needs a description");
        long s2 = as(admin).changes().create(admin, NewTicket.of("slow", Severity.S2, Channel.PHONE, clock.instant())).id();
        assertThatThrownBy(() -> as(admin).outages().add(admin, new NewOutage(ok.start(), ok.end(), "x", false, null,
                List.of(s2)))).isInstanceOf(StoreException.Invalid.class)
                .hasMessage("SD-" + s2 + " is Severity 2; only Severity 1 incidents are linked to outages.");
        assertThatThrownBy(() -> as(admin).outages().add(admin, new NewOutage(ok.start(), ok.end(), "x", false, null,
                List.of(99_999L)))).isInstanceOf(StoreException.NotFound.class).hasMessageContaining("SD-99999");
        assertThatThrownBy(() -> as(admin).outages().add(admin, new NewOutage(t("1999-12-31T10:00:00Z"), ok.end(), "x",
                false, null, List.of()))).isInstanceOf(StoreException.Invalid.class).hasMessageContaining("2000 and 2099");
        assertThat(as(admin).outages().list(admin)).isEmpty();
    }

    @Test
    void deletesAnOutageAndItsLinks() {
        long t = s1(acme);
        Outage o = as(admin).outages().add(admin, new NewOutage(t("2026-09-01T10:00:00Z"), t("2026-09-01T11:00:00Z"), "x",
                false, acme.id(), List.of(t)));
        as(admin).outages().delete(admin, o.id());
        assertThat(as(admin).outages().list(admin)).isEmpty();
        assertThatThrownBy(() -> as(admin).outages().delete(admin, o.id())).isInstanceOf(StoreException.NotFound.class);
    }
}
