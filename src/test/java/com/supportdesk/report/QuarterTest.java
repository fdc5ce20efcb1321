package com.supportdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class QuarterTest {

    @Test
    void parsesAndDescribesAQuarter() {
        Quarter q = Quarter.parse("2026-Q3");
        assertThat(q).isEqualTo(new Quarter(2026, 3)).isEqualTo(Quarter.parse(" 2026q3 ")).hasToString("2026-Q3");
        assertThat(q.firstDay()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(q.lastDay()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(q.months()).containsExactly(YearMonth.of(2026, 7), YearMonth.of(2026, 8), YearMonth.of(2026, 9));
        assertThat(q.months(Locale.UK)).isEqualTo("July to September 2026");
        assertThat(q.start(ZoneId.of("GMT"))).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(q.end(ZoneId.of("Europe/London"))).isEqualTo(Instant.parse("2026-09-30T23:00:00Z"));
        assertThat(Quarter.of(LocalDate.of(2026, 12, 31))).hasToString("2026-Q4");
        assertThat(Quarter.parse("2026-Q1").previous()).hasToString("2025-Q4");
        assertThat(new Quarter(2026, 4).endExclusive()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void rejectsWhatIsNotAQuarterWithAPlainMessage() {
        for (String bad : List.of("2026-Q5", "2026-Q0", "Q3-2026", "2026-07", "", "twenty")) {
            assertThatThrownBy(() -> Quarter.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a calendar quarter").hasMessageContaining("2026-Q3");
        }
        assertThatThrownBy(() -> Quarter.parse("1999-Q4")).hasMessageContaining("2000 to 2099");
    }
}
