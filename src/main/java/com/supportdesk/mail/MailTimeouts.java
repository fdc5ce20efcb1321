package com.supportdesk.mail;

import java.time.Duration;
import java.util.Objects;

/** Socket timeouts for IMAP and SMTP connections. */
public record MailTimeouts(Duration connect, Duration read, Duration write) {

    public MailTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(write, "write");
        if (connect.isNegative() || connect.isZero() || read.isNegative() || read.isZero()
                || write.isNegative() || write.isZero()) {
            throw new IllegalArgumentException("mail timeouts must be positive");
        }
    }

    /** 20 s to connect, 60 s to read, 60 s to write. */
    public static MailTimeouts defaults() {
        return new MailTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(60));
    }
}
