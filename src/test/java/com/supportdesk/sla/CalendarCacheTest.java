package com.supportdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Compiled calendars are shared: callers asking for one spec at the same time all get the one compiled for it. */
class CalendarCacheTest {

    @Test
    void concurrentCallersForOneSpecGetTheSameCalendar() throws Exception {
        // a spec no other test uses, so it is compiled here
        CalendarSpec spec = CalendarSpec.standard().withZone(ZoneId.of("Pacific/Chatham"))
                .withExtraClosures(Set.of(LocalDate.of(2031, 3, 4)));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<BusinessCalendar>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return BusinessCalendar.of(spec);
                }));
            }
            start.countDown();
            BusinessCalendar first = calls.get(0).get();
            for (Future<BusinessCalendar> call : calls) {
                assertThat(call.get()).isSameAs(first);
            }
            assertThat(first.isHoliday(LocalDate.of(2031, 3, 4))).isTrue();
            assertThat(BusinessCalendar.of(spec)).isSameAs(first);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSpecThatCannotBeCompiledFailsEveryTimeAndIsNotKept() {
        CalendarSpec outside = CalendarSpec.standard().withExtraClosures(Set.of(LocalDate.of(1999, 12, 31)));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> BusinessCalendar.of(outside)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("extra closure 1999-12-31");
        }
    }
}
