package com.supportdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SlaCommandTest {

    /** Runs {@code support-desk ARGS} headless with the given standard input. */
    private static final class Run {
        final int exit;
        final String out;
        final String err;

        Run(String stdin, String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
            CommandLine.IFactory factory = new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> cls) throws Exception {
                    if (cls == SlaCommand.class) {
                        return cls.cast(new SlaCommand(
                                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), outStream, errStream));
                    }
                    return CommandLine.defaultFactory().create(cls);
                }
            };
            CommandLine cli = new CommandLine(new RootCommand(opts -> {
                throw new AssertionError("GUI must not start");
            }), factory);
            StringWriter picocliOut = new StringWriter();
            StringWriter picocliErr = new StringWriter();
            cli.setOut(new PrintWriter(picocliOut, true));
            cli.setErr(new PrintWriter(picocliErr, true));
            this.exit = cli.execute(args);
            this.out = out.toString(StandardCharsets.UTF_8) + picocliOut;
            this.err = err.toString(StandardCharsets.UTF_8) + picocliErr;
        }
    }

    private static Run sla(String... args) {
        return new Run("", args);
    }

    private static Run batch(String stdin, String... extraArgs) {
        String[] args = new String[extraArgs.length + 2];
        args[0] = "sla";
        args[1] = "--batch";
        System.arraycopy(extraArgs, 0, args, 2, extraArgs.length);
        return new Run(stdin, args);
    }

    @Test
    void singleShotPrintsTheDeadline() {
        Run r = sla("sla", "--severity", "1", "--received", "2026-12-24T17:30:00Z");
        assertThat(r.err).isEmpty();
        assertThat(r.exit).isZero();
        assertThat(r.out).isEqualTo("2026-12-29T09:30:00Z\n");
    }

    @Test
    void singleShotExamples() {
        assertThat(sla("sla", "--severity", "2", "--received", "2026-11-27T14:00:00Z").out).isEqualTo("2026-11-27T18:00:00Z\n");
        assertThat(sla("sla", "-s", "S1", "-r", "2026-11-28T11:00:00Z").out).isEqualTo("2026-11-30T10:00:00Z\n");
        assertThat(sla("sla", "--severity", "3", "--received", "2026-11-23T09:00:00Z").out).isEqualTo("2026-11-23T17:00:00Z\n");
        // seconds are always printed, fractions only when there are some
        assertThat(sla("sla", "--severity", "1", "--received", "2026-11-23T09:00:00.250Z").out).isEqualTo("2026-11-23T10:00:00.250Z\n");
        // other ISO-8601 spellings of the same instant are accepted
        assertThat(sla("sla", "--severity", "1", "--received", "2026-12-24T18:30:00+01:00").out).isEqualTo("2026-12-29T09:30:00Z\n");
    }

    @Test
    void singleShotWithNowPrintsRemainingSeconds() {
        Run r = sla("sla", "--severity", "2", "--received", "2026-11-27T17:00:00Z", "--now", "2026-11-30T13:00:00Z");
        assertThat(r.out).isEqualTo("2026-11-30T12:00:00Z -3600\n");
        assertThat(r.exit).isZero();
    }

    @Test
    void zoneAndRegionOptions() {
        // Monday after the spring change: London hours open at 08:00Z
        assertThat(sla("sla", "--severity", "1", "--received", "2026-03-27T18:00:00Z", "--zone", "Europe/London").out)
                .isEqualTo("2026-03-30T09:00:00Z\n");
        assertThat(sla("sla", "--severity", "1", "--received", "2026-03-27T18:00:00Z", "--zone", "GMT").out)
                .isEqualTo("2026-03-30T10:00:00Z\n");
        // 2 January is a holiday in Scotland only
        assertThat(sla("sla", "--severity", "1", "--received", "2026-01-01T12:00:00Z").out).isEqualTo("2026-01-02T10:00:00Z\n");
        assertThat(sla("sla", "--severity", "1", "--received", "2026-01-01T12:00:00Z", "--region", "scotland").out)
                .isEqualTo("2026-01-05T10:00:00Z\n");
        // 17 March in Northern Ireland
        assertThat(sla("sla", "--severity", "1", "--received", "2026-03-16T17:30:00Z", "--region", "Northern-Ireland").out)
                .isEqualTo("2026-03-18T09:30:00Z\n");
    }

    @Test
    void badSingleShotArguments() {
        Run r = sla("sla", "--severity", "7", "--received", "2026-12-24T17:30:00Z");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.out).isEmpty();
        assertThat(r.err).isEqualTo("sla: unknown severity '7' (expected 1, 2 or 3)\n");

        r = sla("sla", "--severity", "1", "--received", "yesterday");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).isEqualTo("sla: --received: unparsable instant 'yesterday' (expected ISO-8601 UTC like 2026-12-24T17:30:00Z)\n");

        r = sla("sla", "--severity", "1", "--received", "2026-02-30T10:00:00Z");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("unparsable instant '2026-02-30T10:00:00Z'");

        r = sla("sla", "--severity", "1");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("give --severity and --received");

        r = sla("sla", "--severity", "1", "--received", "1999-12-31T12:00:00Z");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("outside the supported range 2000-01-01..2100-12-31");

        r = sla("sla", "--severity", "1", "--received", "2026-12-24T17:30:00Z", "--zone", "Mars/Olympus");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).isEqualTo("sla: unknown zone 'Mars/Olympus' (expected GMT or Europe/London)\n");

        r = sla("sla", "--severity", "1", "--received", "2026-12-24T17:30:00Z", "--region", "wales");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("unknown region 'wales'");

        r = sla("sla", "--bogus");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("Unknown option: '--bogus'");
    }

    @Test
    void batchWithAndWithoutNow() {
        String in = String.join("\n",
                "1 2026-12-24T17:30:00Z",
                "2 2026-11-27T14:00:00Z 2026-11-27T16:00:00Z",
                "2 2026-11-27T17:00:00Z 2026-11-30T13:00:00Z",
                "3\t2026-11-23T09:00:00Z   2026-11-23T17:00:00Z",
                "  S1 2026-11-28T11:00:00Z  ",
                "1 2026-11-23T09:00:00Z 2026-11-22T09:00:00Z") + "\n";
        Run r = batch(in);
        assertThat(r.err).isEmpty();
        assertThat(r.exit).isZero();
        assertThat(r.out).isEqualTo(String.join("\n",
                "2026-12-29T09:30:00Z",
                "2026-11-27T18:00:00Z 7200",
                "2026-11-30T12:00:00Z -3600",
                "2026-11-23T17:00:00Z 0",
                "2026-11-30T10:00:00Z",
                "2026-11-23T10:00:00Z 3600") + "\n");
    }

    @Test
    void batchAcceptsCrLfAndAMissingFinalNewlineAndEmptyInput() {
        assertThat(batch("1 2026-12-24T17:30:00Z\r\n2 2026-11-27T14:00:00Z").out)
                .isEqualTo("2026-12-29T09:30:00Z\n2026-11-27T18:00:00Z\n");
        Run empty = batch("");
        assertThat(empty.exit).isZero();
        assertThat(empty.out).isEmpty();
    }

    @Test
    void batchStopsAtTheFirstBadLineNamingIt() {
        Run r = batch("1 2026-12-24T17:30:00Z\n2 2026-11-27T14:00:00Z\n7 2026-11-27T14:00:00Z\n1 2026-12-24T17:30:00Z\n");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.out).isEqualTo("2026-12-29T09:30:00Z\n2026-11-27T18:00:00Z\n");
        assertThat(r.err).isEqualTo("line 3: unknown severity '7' (expected 1, 2 or 3)\n");
    }

    @Test
    void batchErrorMessages() {
        assertThat(batch("1 2026-12-24T17:30:00Z\n\n1 2026-12-24T17:30:00Z\n").err)
                .isEqualTo("line 2: blank line (expected SEVERITY RECEIVED [NOW])\n");
        assertThat(batch("1 2026-12-24T17:30:00Z\n   \n").err).startsWith("line 2: blank line");
        assertThat(batch("1 2026-12-24 17:30:00Z\n").err)
                .isEqualTo("line 1: unparsable received instant '2026-12-24' (expected ISO-8601 UTC like 2026-12-24T17:30:00Z)\n");
        assertThat(batch("1 2026-12-24T17:30:00Z soon\n").err)
                .isEqualTo("line 1: unparsable now instant 'soon' (expected ISO-8601 UTC like 2026-12-24T17:30:00Z)\n");
        assertThat(batch("1 2026-12-24T17:30:00Z 2026-12-24T17:30:00Z extra\n").err)
                .isEqualTo("line 1: expected SEVERITY RECEIVED [NOW], found more than 3 fields\n");
        assertThat(batch("1\n").err).isEqualTo("line 1: expected SEVERITY RECEIVED [NOW], found 1 field\n");
        assertThat(batch("x 2026-12-24T17:30:00Z\n").err).isEqualTo("line 1: unknown severity 'x' (expected 1, 2 or 3)\n");
        assertThat(batch("1 2026-13-24T17:30:00Z\n").err).contains("line 1: unparsable received instant '2026-13-24T17:30:00Z'");
        assertThat(batch("1 2026-12-24T25:00:00Z\n").err).contains("line 1: unparsable received instant");
        assertThat(batch("1 2101-01-04T09:00:00Z\n").err).startsWith("line 1: instant 2101-01-04T09:00:00Z is outside the supported range");
        Run r = batch("1 2026-12-24T17:30:00Z\n", "--severity", "1");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("do not combine it with --severity");
        assertThat(batch("é\n").exit).isEqualTo(2);
    }

    @Test
    void batchAgreesWithSingleShotOnRandomLines() {
        Random rnd = new Random(42);
        long first = Instant.parse("2018-01-01T00:00:00Z").getEpochSecond();
        long span = Instant.parse("2030-12-01T00:00:00Z").getEpochSecond() - first;
        StringBuilder in = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            String sev = String.valueOf(1 + rnd.nextInt(3));
            String received = Instant.ofEpochSecond(first + (long) (rnd.nextDouble() * span)).toString();
            String now = Instant.ofEpochSecond(Instant.parse(received).getEpochSecond() + rnd.nextInt(10 * 86_400)).toString();
            boolean withNow = rnd.nextBoolean();
            in.append(sev).append(' ').append(received).append(withNow ? " " + now : "").append('\n');
            Run single = withNow ? sla("sla", "-s", sev, "-r", received, "--now", now) : sla("sla", "-s", sev, "-r", received);
            expected.append(single.out);
        }
        for (String zone : new String[] {"GMT", "Europe/London"}) {
            Run r = batch(in.toString(), "--zone", zone);
            assertThat(r.exit).isZero();
            if (zone.equals("GMT")) {
                assertThat(r.out).isEqualTo(expected.toString());
            }
            assertThat(r.out.lines()).hasSize(200);
        }
    }

    @Test
    void helpMentionsBatch() {
        Run r = sla("sla", "--help");
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("--batch", "--zone", "--region", "--severity", "--received", "--now");
    }

    @Test
    void epochDayMatchesJavaTime() {
        for (String d : new String[] {"1970-01-01", "2000-02-29", "2026-12-24", "2100-12-31", "2028-03-01"}) {
            LocalDate date = LocalDate.parse(d);
            assertThat(SlaCommand.Parsed.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()))
                    .isEqualTo(date.toEpochDay());
        }
    }
}
