package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AckRateLimiterTest {

    static {
        MailSystemProperties.install();
    }

    /** A clock the test moves by hand. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-03-03T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final AckRateLimiter limiter = new AckRateLimiter(clock);

    @Test
    void atMostOnePerSenderPerHour() {
        MailAddress ann = MailAddress.of("Ann@Example.com");
        assertThat(limiter.tryAcquire(ann)).isTrue();
        assertThat(limiter.tryAcquire(MailAddress.of("ann@example.COM"))).isFalse();
        assertThat(limiter.tryAcquire(MailAddress.of("bob@example.com"))).isTrue();
        clock.advance(Duration.ofMinutes(59));
        assertThat(limiter.tryAcquire(ann)).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.tryAcquire(ann)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"noreply@x.com", "no-reply@x.com", "do-not-reply@x.com", "DoNotReply@x.com",
            "MAILER-DAEMON@x.com", "postmaster@x.com", "bounces+123@x.com", "no_reply.alerts@x.com"})
    void neverToMachineAddresses(String address) {
        assertThat(limiter.tryAcquire(MailAddress.of(address))).isFalse();
    }

    @Test
    void neverToAutomatedMailNorMailWithoutSender() throws Exception {
        MailParser parser = new MailParser();
        ParsedMail ooo = parser.parse(RawMail.of("From: ann@example.com\nAuto-Submitted: auto-replied\n\nb\n").build());
        ParsedMail anonymous = parser.parse(RawMail.of("Subject: who?\n\nb\n").build());
        ParsedMail person = parser.parse(RawMail.of("From: ann@example.com\nReply-To: a2@example.com\n\nb\n").build());
        assertThat(limiter.tryAcquire(ooo)).isFalse();
        assertThat(limiter.tryAcquire(anonymous)).isFalse();
        assertThat(limiter.tryAcquire(person)).isTrue();
        assertThat(limiter.tryAcquire(MailAddress.of("a2@example.com"))).isFalse();
        assertThat(limiter.tryAcquire(MailAddress.of("ann@example.com"))).isTrue();
    }
}
