package com.supportdesk.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Decides whether a new ticket may be acknowledged: at most one acknowledgement per address per window
 * (one hour by default), never to automated mail and never to machine addresses (no-reply, mailer-daemon,
 * postmaster, bounces). Kept in memory: a restart forgets who was acknowledged.
 */
public final class AckRateLimiter {

    private static final Pattern MACHINE_LOCAL_PART = Pattern.compile(
            "^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer-daemon|mailerdaemon|postmaster|bounces?)(?:[-+_.].*)?$");

    private final Clock clock;
    private final Duration window;
    private final Map<String, Instant> lastSent = new HashMap<>();

    public AckRateLimiter(Clock clock) {
        this(clock, Duration.ofHours(1));
    }

    public AckRateLimiter(Clock clock, Duration window) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
    }

    /** True (and counted) if {@code inbound} may get an acknowledgement now. */
    public synchronized boolean tryAcquire(ParsedMail inbound) {
        return !inbound.isAutomated() && inbound.replyAddress().map(this::tryAcquire).orElse(false);
    }

    /** True (and counted) if {@code recipient} may get an acknowledgement now. */
    public synchronized boolean tryAcquire(MailAddress recipient) {
        if (isMachineAddress(recipient)) {
            return false;
        }
        Instant now = clock.instant();
        lastSent.values().removeIf(sent -> !sent.plus(window).isAfter(now));
        if (lastSent.containsKey(recipient.key())) {
            return false;
        }
        lastSent.put(recipient.key(), now);
        return true;
    }

    static boolean isMachineAddress(MailAddress address) {
        return MACHINE_LOCAL_PART.matcher(address.localPart()).matches();
    }
}
