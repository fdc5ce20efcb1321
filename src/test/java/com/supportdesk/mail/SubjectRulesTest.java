package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Severity;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectRulesTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Severity 1: site down                | S1",
            "severity: 2 – slow reports           | S2",
            "Sev1 outage                          | S1",
            "SEV 2 degraded                       | S2",
            "sev-3 typo on page                   | S3",
            "Sev. 2 slow                          | S2",
            "S1 all users locked out              | S1",
            "[S2] exports slow                    | S2",
            "(s3) cosmetic                        | S3",
            "P1 - payments failing                | S1",
            "Priority 2: one user affected        | S2",
            "prio 1                               | S1",
            "Re: [SD-12] S3 docs, now S1!          | S1",
            "S1 of 3 documents missing            | S1",
    })
    void clearMarkingsAreRead(String subject, Severity expected) {
        assertThat(SubjectRules.severity(subject)).contains(expected);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" has no marking")
    @ValueSource(strings = {
            "ISO 9001 audit", "P100 printer jammed", "S12 form missing", "Windows 10 SP1 update",
            "It's 1 o'clock", "Severity 4 question", "sev 12", "Cisco ASA5510 S1x", "HTTP/1.1 S-1", "p1a cable",
            "MS1 module", "", "Printer broken"})
    void randomWordsAreNotMarkings(String subject) {
        assertThat(SubjectRules.severity(subject)).isEmpty();
    }

    @Test
    void ticketTagsAndPrefixesAreStrippedRepeatedly() {
        SubjectRules rules = new SubjectRules("SD");
        assertThat(rules.normalize("Re: RE: Fwd: FW: AW: WG: SV: Antw: Printer")).isEqualTo("Printer");
        assertThat(rules.normalize("Re: [SD-5] Re: [SD-5] Printer [ SD - 5 ]")).isEqualTo("Printer");
        assertThat(rules.normalize("Re^3: Re(2): Re[4]: x")).isEqualTo("x");
        assertThat(rules.normalize("Regarding the Review: x")).isEqualTo("Regarding the Review: x");
        assertThat(rules.ticketRef("Re: [SD-001042] y")).isEqualTo(Optional.of("SD-1042"));
        assertThat(rules.ticketRef("SD-1042 without brackets")).isEmpty();
    }

    @Test
    void outOfOfficeAndBounceSubjects() {
        assertThat(SubjectRules.looksLikeOutOfOffice("Automatic reply: [SD-5] Printer")).isTrue();
        assertThat(SubjectRules.looksLikeOutOfOffice("Out of Office: Re: Printer")).isTrue();
        assertThat(SubjectRules.looksLikeOutOfOffice("Abwesenheitsnotiz: Drucker")).isTrue();
        assertThat(SubjectRules.looksLikeOutOfOffice("RÉPONSE AUTOMATIQUE : imprimante")).isTrue();
        assertThat(SubjectRules.looksLikeOutOfOffice("Vacation request form broken")).isFalse();
        assertThat(SubjectRules.looksLikeOutOfOffice("Re: my out of office is broken")).isFalse();
        assertThat(SubjectRules.looksLikeBounce("Undeliverable: Re: Printer")).isTrue();
        assertThat(SubjectRules.looksLikeBounce("Delivery Status Notification (Failure)")).isTrue();
        assertThat(SubjectRules.looksLikeBounce("Re: undeliverable invoices")).isFalse();
    }
}
