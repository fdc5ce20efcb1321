package com.supportdesk.domain;

import java.time.Duration;
import java.time.Instant;

/** A telephone call logged by an operator. {@code ended} is null while the call is in progress. */
public record CallRecord(long id, Long ticketId, long operatorId, String operatorName, Long contactId,
                         String contactName, CallDirection direction, Instant started, Instant ended, String notes,
                         boolean draft) {

    public Duration duration() {
        return ended == null ? null : Duration.between(started, ended);
    }
}
