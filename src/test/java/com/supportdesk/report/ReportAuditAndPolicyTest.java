package com.supportdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.supportdesk.domain.Ticket;
import com.supportdesk.sla.CalendarSpec;
import com.supportdesk.sla.PolicyVersion;
import com.supportdesk.sla.ResponseTargets;
import com.supportdesk.store.AuditRepository.AuditEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What building a report changes or must not change: the access audit, and results under policy edits. */
class ReportAuditAndPolicyTest {

    static final Quarter Q3 = ReportServiceTest.Q3;
    static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    @TempDir
    Path dir;
    QuarterFixture f;

    @BeforeEach
    void seed() {
        f = new QuarterFixture(dir);
    }

    @AfterEach
    void close() {
        f.store.close();
    }

    static Instant t(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void aClearedReadersReportIsAuditedOncePerSensitiveTicket() {
        f.reports().build(f.cleared, QuarterFixture.CUSTOMER, Q3);
        List<AuditEntry> audit = f.store.audit().list(f.admin, Instant.EPOCH, FAR);
        assertThat(audit).filteredOn(a -> a.view().equals("report"))
                .extracting(AuditEntry::ref, AuditEntry::agentId, AuditEntry::at)
                .containsExactlyInAnyOrder(tuple("SD-1004", f.cleared.id(), QuarterFixture.NOW),
                        tuple("SD-1009", f.cleared.id(), QuarterFixture.NOW));
        f.reports().build(f.uncleared, QuarterFixture.CUSTOMER, Q3);
        assertThat(f.store.audit().list(f.admin, Instant.EPOCH, FAR)).hasSize(audit.size());
    }

    @Test
    void aPolicyEditLeavesLastQuartersReportUnchanged() {
        QuarterlyReport before = f.reports().build(f.cleared, QuarterFixture.CUSTOMER, Q3);
        // From 1 October: longer hours and tighter targets.
        f.store.policy().add(f.admin, new PolicyVersion(t("2026-10-01T00:00:00Z"),
                new ResponseTargets(Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(4)),
                CalendarSpec.standard().withHours(LocalTime.of(7, 0), LocalTime.of(20, 0))), "Extended hours");
        QuarterlyReport after = f.reports().build(f.cleared, QuarterFixture.CUSTOMER, Q3);
        assertThat(after).isEqualTo(before);
        // ...while the next quarter's ticket (received 1 Oct 00:00) is measured under the new version.
        Ticket q4 = f.store.tickets().get(f.admin, 1018);
        assertThat(q4.deadline()).isEqualTo(t("2026-10-01T07:30:00Z"));
    }
}
