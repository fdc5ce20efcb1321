package com.supportdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.mail.IntakeProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 17: {@code ingest --once} keeps a progress line on standard error in a terminal, and prints nothing otherwise. */
class ProgressLineTest {

    private final StringWriter err = new StringWriter();
    private long now;

    private ProgressLine line(boolean terminal) {
        return ProgressLine.of(terminal, new PrintWriter(err, true), () -> now);
    }

    @Test
    void inATerminalTheLineIsRewrittenInPlaceAtMostFourTimesASecondAndEndedOnce() {
        ProgressLine line = line(true);
        line.progress(new IntakeProgress(200, 1_000, Duration.ofMillis(250)));
        now += 100_000_000L; // 0.1 s later: too soon, skipped
        line.progress(new IntakeProgress(400, 1_000, Duration.ofMillis(500)));
        now += 200_000_000L;
        line.progress(new IntakeProgress(600, 1_000, Duration.ofMillis(750)));
        now += 10_000_000L; // the last report is always shown
        line.progress(new IntakeProgress(1_000, 1_000, Duration.ofMillis(1_250)));
        line.finish();

        String first = "importing 200 of 1,000 messages \u00b7 800/s \u00b7 about 1 s left";
        String second = "importing 600 of 1,000 messages \u00b7 800/s \u00b7 about 1 s left";
        String last = "importing 1,000 of 1,000 messages \u00b7 800/s";
        assertThat(err.toString()).isEqualTo("\r" + first + "\r" + second + "\r" + last
                + " ".repeat(second.length() - last.length()) + System.lineSeparator());
    }

    @Test
    void notInATerminalNothingIsPrinted() {
        ProgressLine line = line(false);
        line.progress(new IntakeProgress(200, 1_000, Duration.ofMillis(250)));
        now += 1_000_000_000L;
        line.progress(new IntakeProgress(1_000, 1_000, Duration.ofMillis(1_250)));
        line.finish();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void nothingReportedMeansNoLineBreakEither() {
        ProgressLine line = line(true);
        line.finish();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void timeLeftReadsInSecondsMinutesOrHours() {
        assertThat(new IntakeProgress(100, 50_100, Duration.ofSeconds(1)).text())
                .isEqualTo("100 of 50,100 messages \u00b7 100/s \u00b7 about 8 min 20 s left");
        assertThat(new IntakeProgress(10, 50_010, Duration.ofSeconds(1)).text())
                .isEqualTo("10 of 50,010 messages \u00b7 10/s \u00b7 about 1 h 24 min left");
    }
}
