package com.supportdesk.domain;

import java.time.Instant;
import java.util.List;

/** One entry of a ticket's conversation. */
public record Message(long id, long ticketId, MessageKind kind, Direction direction, String messageId,
                      String inReplyTo, String references, String from, String to, String subject, Instant at,
                      String body, Long authorAgentId, String authorName, List<AttachmentInfo> attachments) {

    public Message {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
