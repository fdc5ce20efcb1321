package com.supportdesk.cli;

import com.supportdesk.domain.Severity;
import com.supportdesk.sla.CalendarSpec;
import com.supportdesk.sla.HolidayRegion;
import com.supportdesk.sla.PolicyVersion;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.sla.ResponsePolicy;
import com.supportdesk.sla.ResponseTargets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code support-desk sla}: response deadlines from the command line, under the standard targets and a
 * calendar chosen with {@code --zone} and {@code --region}. Never touches the FX toolkit or the database.
 *
 * <p>Exit status: 0 on success, 2 on bad arguments or bad input (with one message on standard error;
 * in {@code --batch} the message names the line, output for earlier lines stays printed and nothing after
 * the bad line is processed).
 */
@Command(name = "sla", mixinStandardHelpOptions = true,
        description = {"Compute response deadlines under the business-hours policy.",
            "Instants are ISO-8601 UTC, e.g. 2026-12-24T17:30:00Z. Output: the deadline, and with a NOW instant, "
                + "a space and the remaining business seconds at NOW (negative when overdue)."},
        footer = {"", "Examples:",
            "  support-desk sla --severity 1 --received 2026-12-24T17:30:00Z",
            "  printf '1 2026-12-24T17:30:00Z\\n2 2026-11-27T14:00:00Z 2026-11-30T10:00:00Z\\n' | support-desk sla --batch"})
public final class SlaCommand implements Callable<Integer> {

    /** Exit status for bad arguments or input. */
    public static final int BAD_INPUT = 2;

    private static final String EXPECTED_LINE = "expected SEVERITY RECEIVED [NOW]";
    private static final String EXPECTED_INSTANT = "expected ISO-8601 UTC like 2026-12-24T17:30:00Z";

    @Option(names = {"-s", "--severity"}, paramLabel = "1|2|3", description = "Ticket severity.")
    String severity;

    @Option(names = {"-r", "--received"}, paramLabel = "INSTANT", description = "When the ticket was received.")
    String received;

    @Option(names = "--now", paramLabel = "INSTANT", description = "Also print the remaining business seconds at this instant.")
    String now;

    @Option(names = "--batch", description = "Read lines 'SEVERITY RECEIVED [NOW]' from standard input; write one result line each.")
    boolean batch;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "GMT",
            description = "Calendar zone: GMT (the policy's fixed offset, default) or Europe/London (follows BST).")
    String zone;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "england-and-wales",
            description = "Bank holidays: england-and-wales (default), scotland or northern-ireland.")
    String region;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    /** Used by picocli's default factory: standard input, output and error. */
    public SlaCommand() {
        this(System.in, System.out, System.err);
    }

    /** For tests and embedding: explicit streams. */
    public SlaCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        ResponseClock clock;
        try {
            clock = clock();
        } catch (IllegalArgumentException | DateTimeException e) {
            return fail(e.getMessage());
        }
        return batch ? batch(clock) : single(clock);
    }

    private ResponseClock clock() {
        ZoneId z;
        try {
            z = ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown zone '" + zone + "' (expected GMT or Europe/London)", e);
        }
        CalendarSpec spec = CalendarSpec.standard().withZone(z).withRegion(HolidayRegion.parse(region));
        return new ResponseClock(ResponsePolicy.of(List.of(new PolicyVersion(Instant.EPOCH, ResponseTargets.standard(), spec))));
    }

    private int fail(String message) {
        out.flush();
        err.println("sla: " + message);
        err.flush();
        return BAD_INPUT;
    }

    // ------------------------------------------------------------------ single shot

    private int single(ResponseClock clock) {
        if (severity == null || received == null) {
            return fail("give --severity and --received, or --batch to read 'SEVERITY RECEIVED [NOW]' lines from standard input");
        }
        Parsed p = new Parsed();
        Severity s;
        try {
            s = Severity.parse(severity);
            if (!p.instant(received, 0, received.length(), 0)) {
                return fail("--received: unparsable instant '" + received + "' (" + EXPECTED_INSTANT + ")");
            }
            if (now != null && !p.instant(now, 0, now.length(), 1)) {
                return fail("--now: unparsable instant '" + now + "' (" + EXPECTED_INSTANT + ")");
            }
            Output o = new Output(out);
            o.result(clock, s, p, now != null);
            o.flush();
        } catch (IllegalArgumentException | IOException e) {
            return fail(e.getMessage());
        }
        return 0;
    }

    // ------------------------------------------------------------------ batch

    private int batch(ResponseClock clock) {
        if (severity != null || received != null || now != null) {
            return fail("--batch reads 'SEVERITY RECEIVED [NOW]' lines from standard input; "
                    + "do not combine it with --severity, --received or --now");
        }
        Output o = new Output(out);
        Parsed p = new Parsed();
        int[] fields = new int[6];
        long lineNo = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String problem = processLine(clock, line, fields, p, o);
                if (problem != null) {
                    o.flush();
                    err.println("line " + lineNo + ": " + problem);
                    err.flush();
                    return BAD_INPUT;
                }
            }
            o.flush();
        } catch (IOException e) {
            err.println("sla: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** Writes the result for one line; returns a description of what is wrong with it, or null. */
    private static String processLine(ResponseClock clock, String line, int[] f, Parsed p, Output o) throws IOException {
        int n = split(line, f);
        if (n == 0) {
            return "blank line (" + EXPECTED_LINE + ")";
        }
        if (n < 2 || n > 3) {
            return EXPECTED_LINE + ", found " + (n > 3 ? "more than 3" : "1") + " field" + (n == 1 ? "" : "s");
        }
        Severity s = severity(line, f[0], f[1]);
        if (s == null) {
            return "unknown severity '" + line.substring(f[0], f[1]) + "' (expected 1, 2 or 3)";
        }
        if (!p.instant(line, f[2], f[3], 0)) {
            return "unparsable received instant '" + line.substring(f[2], f[3]) + "' (" + EXPECTED_INSTANT + ")";
        }
        if (n == 3 && !p.instant(line, f[4], f[5], 1)) {
            return "unparsable now instant '" + line.substring(f[4], f[5]) + "' (" + EXPECTED_INSTANT + ")";
        }
        try {
            o.result(clock, s, p, n == 3);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    /** Splits on spaces and tabs into at most 3 fields (start, end pairs); returns the count, 4 meaning "more than 3". */
    static int split(String line, int[] f) {
        int n = 0;
        int i = 0;
        int len = line.length();
        while (true) {
            while (i < len && isBlank(line.charAt(i))) {
                i++;
            }
            if (i == len) {
                return n;
            }
            if (n == 3) {
                return 4;
            }
            int start = i;
            while (i < len && !isBlank(line.charAt(i))) {
                i++;
            }
            f[2 * n] = start;
            f[2 * n + 1] = i;
            n++;
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f';
    }

    private static Severity severity(String line, int start, int end) {
        if (end - start == 1) {
            switch (line.charAt(start)) {
                case '1': return Severity.S1;
                case '2': return Severity.S2;
                case '3': return Severity.S3;
                default: return null;
            }
        }
        try {
            return Severity.parse(line.substring(start, end));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ instants

    /** Two parsed instants (0 = received, 1 = now) as epoch second + nano, reused across lines. */
    static final class Parsed {
        final long[] sec = new long[2];
        final int[] nano = new int[2];

        /** Parses {@code s[start, end)} into slot {@code k}; false if it is not an ISO-8601 instant. */
        boolean instant(String s, int start, int end, int k) {
            if (end - start == 20 && fast(s, start, k)) {
                return true;
            }
            String text = s.substring(start, end);
            Instant t;
            try {
                t = Instant.parse(text);
            } catch (DateTimeException e) {
                try {
                    t = OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeException e2) {
                    return false;
                }
            }
            sec[k] = t.getEpochSecond();
            nano[k] = t.getNano();
            return true;
        }

        /** {@code uuuu-MM-ddTHH:mm:ssZ} without allocating. */
        private boolean fast(String s, int i, int k) {
            if (s.charAt(i + 4) != '-' || s.charAt(i + 7) != '-' || s.charAt(i + 10) != 'T' || s.charAt(i + 13) != ':'
                    || s.charAt(i + 16) != ':' || s.charAt(i + 19) != 'Z') {
                return false;
            }
            int year = digits(s, i, 4);
            int month = digits(s, i + 5, 2);
            int day = digits(s, i + 8, 2);
            int hour = digits(s, i + 11, 2);
            int minute = digits(s, i + 14, 2);
            int second = digits(s, i + 17, 2);
            if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
                    || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
                return false;
            }
            sec[k] = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
            nano[k] = 0;
            return true;
        }

        private static int digits(String s, int i, int n) {
            int v = 0;
            for (int j = i; j < i + n; j++) {
                int d = s.charAt(j) - '0';
                if (d < 0 || d > 9) {
                    return -1;
                }
                v = v * 10 + d;
            }
            return v;
        }

        private static int lengthOfMonth(int y, int m) {
            return switch (m) {
                case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
                case 4, 6, 9, 11 -> 30;
                default -> 31;
            };
        }

        /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
        static long epochDay(int y, int m, int d) {
            y -= m <= 2 ? 1 : 0;
            long era = Math.floorDiv(y, 400);
            long yoe = y - era * 400;
            long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
            long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
            return era * 146_097 + doe - 719_468;
        }

        Instant instant(int k) {
            return Instant.ofEpochSecond(sec[k], nano[k]);
        }
    }

    // ------------------------------------------------------------------ output

    /** ASCII output through one reusable byte buffer. */
    static final class Output {
        private final OutputStream out;
        private final byte[] buf = new byte[1 << 16];
        private int pos;

        Output(OutputStream out) {
            this.out = out;
        }

        void result(ResponseClock clock, Severity s, Parsed p, boolean withNow) throws IOException {
            if (pos > buf.length - 128) {
                flushBuffer();
            }
            boolean whole = p.nano[0] == 0 && (!withNow || p.nano[1] == 0);
            if (whole) {
                // allocation-free path
                long deadline = clock.deadline(s, p.sec[0]);
                long remaining = withNow ? clock.remainingSeconds(s, p.sec[0], p.sec[1]) : 0;
                instant(deadline, 0);
                if (withNow) {
                    buf[pos++] = ' ';
                    number(remaining);
                }
            } else {
                Instant deadline = clock.deadline(s, p.instant(0));
                long remaining = withNow ? clock.remainingSeconds(s, p.instant(0), p.instant(1)) : 0;
                instant(deadline.getEpochSecond(), deadline.getNano());
                if (withNow) {
                    buf[pos++] = ' ';
                    number(remaining);
                }
            }
            buf[pos++] = '\n';
        }

        /** {@code uuuu-MM-ddTHH:mm:ss[.fff[fff[fff]]]Z}. */
        private void instant(long epochSecond, int nano) {
            long days = Math.floorDiv(epochSecond, 86_400L);
            int sod = (int) Math.floorMod(epochSecond, 86_400L);
            // civil_from_days
            long z = days + 719_468;
            long era = Math.floorDiv(z, 146_097);
            long doe = z - era * 146_097;
            long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
            long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            long mp = (5 * doy + 2) / 153;
            int day = (int) (doy - (153 * mp + 2) / 5 + 1);
            int month = (int) (mp < 10 ? mp + 3 : mp - 9);
            int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
            pad(year, 4);
            buf[pos++] = '-';
            pad(month, 2);
            buf[pos++] = '-';
            pad(day, 2);
            buf[pos++] = 'T';
            pad(sod / 3600, 2);
            buf[pos++] = ':';
            pad(sod / 60 % 60, 2);
            buf[pos++] = ':';
            pad(sod % 60, 2);
            if (nano != 0) {
                buf[pos++] = '.';
                if (nano % 1_000_000 == 0) {
                    pad(nano / 1_000_000, 3);
                } else if (nano % 1_000 == 0) {
                    pad(nano / 1_000, 6);
                } else {
                    pad(nano, 9);
                }
            }
            buf[pos++] = 'Z';
        }

        private void pad(int v, int width) {
            for (int i = pos + width - 1; i >= pos; i--) {
                buf[i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            pos += width;
        }

        private void number(long v) {
            if (v < 0) {
                buf[pos++] = '-';
                v = -v;
            }
            int start = pos;
            do {
                buf[pos++] = (byte) ('0' + v % 10);
                v /= 10;
            } while (v != 0);
            for (int i = start, j = pos - 1; i < j; i++, j--) {
                byte t = buf[i];
                buf[i] = buf[j];
                buf[j] = t;
            }
        }

        private void flushBuffer() throws IOException {
            out.write(buf, 0, pos);
            pos = 0;
            if (out instanceof PrintStream ps && ps.checkError()) {
                throw new IOException("cannot write to standard output");
            }
        }

        void flush() throws IOException {
            flushBuffer();
            out.flush();
        }
    }
}
