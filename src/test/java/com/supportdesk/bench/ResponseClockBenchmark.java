package com.supportdesk.bench;

import com.supportdesk.domain.Severity;
import com.supportdesk.sla.CalendarSpec;
import com.supportdesk.sla.PolicyVersion;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.sla.ResponsePolicy;
import com.supportdesk.sla.ResponseTargets;
import com.supportdesk.sla.SlaStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Response-clock throughput on one thread: deadlines and remaining-time computations per second for
 * random tickets received 2018–2030 (all severities), under the GMT and the Europe/London calendar.
 * Run with {@code mvn -B -Pbench -DskipTests test} (see README, "Benchmarks").
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ResponseClockBenchmark {

    private static final int N = 1 << 14;
    private static final int MASK = N - 1;

    @Param({"GMT", "Europe/London"})
    public String zone;

    private ResponseClock clock;
    private final Severity[] severity = new Severity[N];
    private final Instant[] received = new Instant[N];
    private final Instant[] now = new Instant[N];
    private final long[] receivedSec = new long[N];
    private final long[] nowSec = new long[N];
    private int i;

    @Setup
    public void setUp() {
        CalendarSpec spec = CalendarSpec.standard().withZone(ZoneId.of(zone));
        clock = new ResponseClock(ResponsePolicy.of(List.of(new PolicyVersion(Instant.EPOCH, ResponseTargets.standard(), spec))));
        Random rnd = new Random(1);
        long first = Instant.parse("2018-01-01T00:00:00Z").getEpochSecond();
        long span = Instant.parse("2030-12-01T00:00:00Z").getEpochSecond() - first;
        for (int k = 0; k < N; k++) {
            severity[k] = Severity.values()[rnd.nextInt(3)];
            receivedSec[k] = first + (long) (rnd.nextDouble() * span);
            nowSec[k] = receivedSec[k] + rnd.nextInt(7 * 86_400);
            received[k] = Instant.ofEpochSecond(receivedSec[k]);
            now[k] = Instant.ofEpochSecond(nowSec[k]);
        }
        clock.deadline(Severity.S1, received[0]); // compile the calendar (loads Jollyday) outside the measurement
    }

    /** {@code ResponseClock.deadline(Severity, Instant)}: deadlines per second. */
    @Benchmark
    public Instant deadline() {
        int k = i++ & MASK;
        return clock.deadline(severity[k], received[k]);
    }

    /** The allocation-free overload on epoch seconds. */
    @Benchmark
    public long deadlineEpochSecond() {
        int k = i++ & MASK;
        return clock.deadline(severity[k], receivedSec[k]);
    }

    /** {@code ResponseClock.remainingSeconds(Severity, Instant, Instant)}: remaining-time computations per second. */
    @Benchmark
    public long remainingSeconds() {
        int k = i++ & MASK;
        return clock.remainingSeconds(severity[k], received[k], now[k]);
    }

    @Benchmark
    public long remainingEpochSeconds() {
        int k = i++ & MASK;
        return clock.remainingSeconds(severity[k], receivedSec[k], nowSec[k]);
    }

    /** Full state (deadline + remaining + open/next opening). */
    @Benchmark
    public SlaStatus status() {
        int k = i++ & MASK;
        return clock.status(severity[k], received[k], null, now[k]);
    }
}
