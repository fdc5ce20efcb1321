package com.supportdesk.domain;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a ticket's conversation.
 *
 * @param unknownSender an inbound e-mail from someone who is neither the ticket's contact nor a contact of its
 *                      customer (it reopened nothing and is never the default recipient of a reply)
 */
public record Message(long id, long ticketId, MessageKind kind, Direction direction, String messageId,
                      String inReplyTo, String references, String from, String to, String subject, Instant at,
                      String body, Long authorAgentId, String authorName, List<AttachmentInfo> attachments,
                      boolean unknownSender) {

    public Message {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
