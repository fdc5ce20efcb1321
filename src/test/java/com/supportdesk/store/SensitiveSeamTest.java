package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.EventKind;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestDesk;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store decides what an agent may see: Official Sensitive content reaches cleared staff only. */
class SensitiveSeamTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    TestDesk desk;
    Store store;

    /** The engine these tests run on; {@code SensitiveSeamPostgresTest} runs them all on PostgreSQL. */
    TestDesk.Engine engine() {
        return TestDesk.Engine.H2;
    }

    Store as(Agent agent) {
        return desk.as(agent);
    }
    Agent admin;
    Agent uncleared;
    Agent cleared;
    Customer gov;

    @BeforeEach
    void open() {
        desk = TestDesk.open(engine(), dir, clock);
        store = desk.store();
        admin = desk.admin();
        uncleared = desk.agent("una", Clearance.NONE);
        cleared = desk.agent("sam", Clearance.CLEARED);
        gov = as(admin).customers().create(admin, "Ministry of Markers", true, 2);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    private Ticket sensitive() {
        return as(uncleared).changes().create(uncleared, NewTicket.of("SECRET-SUBJECT-1", Severity.S1, Channel.EMAIL, clock.instant())
                .withCustomer(gov.id(), null).withBody("SECRET-BODY-1").withClassification(Classification.OFFICIAL_SENSITIVE));
    }

    @Test
    void uncleardAgentGetsAPlaceholderOnEveryReadPath() {
        Ticket t = sensitive();
        assertThat(t.redacted()).isTrue();
        assertThat(t.subject()).isEqualTo(Ticket.PLACEHOLDER);
        assertThat(as(uncleared).tickets().get(uncleared, t.id())).satisfies(x -> {
            assertThat(x.subject()).isEqualTo(Ticket.PLACEHOLDER);
            assertThat(x.customerName()).isNull();
            assertThat(x.severity()).isEqualTo(Severity.S1);
            assertThat(x.deadline()).isNotNull();
        });
        assertThat(as(uncleared).tickets().board(uncleared, Instant.EPOCH)).singleElement()
                .satisfies(x -> assertThat(x.toString()).doesNotContain("SECRET").doesNotContain("Markers"));
        assertThat(as(uncleared).tickets().search(uncleared, "SECRET", 10)).isEmpty();
        assertThat(as(uncleared).tickets().search(uncleared, "Markers", 10)).isEmpty();
        assertThat(as(uncleared).tickets().search(uncleared, t.ref(), 10)).singleElement()
                .satisfies(x -> assertThat(x.redacted()).isTrue());
        assertThatThrownBy(() -> as(uncleared).tickets().open(uncleared, t.id(), "board"))
                .isInstanceOf(StoreException.AccessDenied.class).hasMessageNotContaining("SECRET");
        assertThatThrownBy(() -> as(uncleared).tickets().sensitiveBoard(uncleared, Instant.EPOCH))
                .isInstanceOf(StoreException.AccessDenied.class);
    }

    @Test
    void clearedAgentReadsItAndTheReadIsAudited() {
        Ticket t = sensitive();
        assertThat(as(cleared).tickets().get(cleared, t.id()).subject()).isEqualTo("SECRET-SUBJECT-1");
        assertThat(as(cleared).tickets().open(cleared, t.id(), "board").messages()).singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo("SECRET-BODY-1"));
        // every read of the content is recorded, newest first, each under the view it came from
        assertThat(as(admin).audit().list(admin, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
                .allSatisfy(a -> {
                    assertThat(a.agentId()).isEqualTo(cleared.id());
                    assertThat(a.ticketId()).isEqualTo(t.id());
                }).extracting(AuditRepository.AuditEntry::view).containsExactly("board", "ticket");
    }

    @Test
    void arrivingUnassignedItIsRedirectedToTheLeastLoadedClearedAgent() {
        // admin (cleared) already holds an open ticket, sam (cleared) holds none
        as(admin).changes().create(admin, NewTicket.of("busy", Severity.S3, Channel.AGENT, clock.instant()).withAssignee(admin.id()));
        Ticket t = sensitive();
        Ticket seen = as(cleared).tickets().get(cleared, t.id());
        assertThat(seen.assigneeId()).isEqualTo(cleared.id());
        assertThat(as(cleared).history().history(cleared, t.id())).extracting(e -> e.kind()).contains(EventKind.REDIRECTED);
        assertThatThrownBy(() -> as(cleared).changes().assign(cleared, t.id(), seen.version(), uncleared.id()))
                .isInstanceOf(StoreException.AccessDenied.class).hasMessageContaining("no security clearance");
    }

    @Test
    void onlyClearedStaffMayLowerTheClassificationAndOnlyWithAReason() {
        Ticket t = sensitive();
        int v = as(cleared).tickets().get(cleared, t.id()).version();
        assertThatThrownBy(() -> as(uncleared).changes().classify(uncleared, t.id(), v, Classification.OFFICIAL, "why not"))
                .isInstanceOf(StoreException.AccessDenied.class);
        assertThatThrownBy(() -> as(cleared).changes().classify(cleared, t.id(), v, Classification.OFFICIAL, " "))
                .isInstanceOf(StoreException.Invalid.class);
        Ticket lowered = as(cleared).changes().classify(cleared, t.id(), v, Classification.OFFICIAL, "customer confirmed no OS data");
        assertThat(lowered.classification()).isEqualTo(Classification.OFFICIAL);
        assertThat(as(uncleared).tickets().get(uncleared, t.id()).subject()).isEqualTo("SECRET-SUBJECT-1");
    }

    @Test
    void withNoClearedAgentItIsFlaggedForTheLead() {
        as(admin).agents().update(admin, cleared.id(), new AgentRepository.AgentSpec("sam", "Sam", cleared.clearance(),
                cleared.level(), false, false, false));
        as(admin).agents().update(admin, admin.id(), new AgentRepository.AgentSpec("admin", "Ada Admin",
                Clearance.NONE, admin.level(), true, true, true));
        Ticket t = sensitive();
        Ticket seen = as(uncleared).tickets().get(uncleared, t.id());
        assertThat(seen.needsClearedAgent()).isTrue();
        assertThat(seen.assigneeId()).isNull();
    }

    @Test
    void anExportThatFailsMidwayStillLeavesTheAuditOfWhatItRead() {
        Ticket t = sensitive();
        RuntimeException diskFull = new RuntimeException("No space left on device");
        assertThatThrownBy(() -> as(cleared).tickets().forEach(cleared, "export", x -> {
            throw diskFull;
        })).isSameAs(diskFull);
        assertThat(as(admin).audit().list(admin, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
                .anySatisfy(a -> {
                    assertThat(a.ticketId()).isEqualTo(t.id());
                    assertThat(a.view()).isEqualTo("export");
                });
    }

    @Test
    void revokingClearanceAppliesToTheNextChangeEvenWithTheAgentReadAtSignIn() {
        Ticket t = sensitive();
        Agent signedInAsCleared = cleared; // what the desk captured at sign-in
        as(admin).agents().update(admin, cleared.id(), new AgentRepository.AgentSpec("sam", "Sam",
                Clearance.NONE, cleared.level(), false, false, true));
        int v = as(admin).tickets().get(admin, t.id()).version();
        assertThatThrownBy(() -> as(cleared).changes().changeStatus(signedInAsCleared, t.id(), v,
                TicketStatus.RESOLVED)).isInstanceOf(StoreException.AccessDenied.class);
        assertThat(as(admin).tickets().get(admin, t.id()).status()).isEqualTo(TicketStatus.NEW);
    }
}
