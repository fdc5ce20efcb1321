package com.supportdesk.mail;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an agent's reply (or an acknowledgement) is made of.
 *
 * @param ticketRef     {@code SD-1042}
 * @param ticketSubject the ticket's subject; reply prefixes and tags in it are dropped
 * @param sensitive     the ticket is OFFICIAL-SENSITIVE: the marking is kept in the subject
 * @param to            recipients, at least one
 * @param body          plain text
 * @param inReplyTo     Message-ID of the last inbound message of the ticket
 * @param references    References of that message, oldest first (its own id is appended)
 */
public record ReplyDraft(String ticketRef, String ticketSubject, boolean sensitive, List<MailAddress> to,
                         List<MailAddress> cc, String body, Optional<String> inReplyTo, List<String> references) {

    public ReplyDraft {
        Objects.requireNonNull(ticketRef, "ticketRef");
        ticketSubject = ticketSubject == null ? "" : ticketSubject;
        to = List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a reply needs at least one recipient");
        }
        body = body == null ? "" : body;
        inReplyTo = inReplyTo == null ? Optional.empty() : inReplyTo;
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** A draft answering {@code inbound}: to its reply address, threaded on its Message-ID and References. */
    public static ReplyDraft answering(ParsedMail inbound, String ticketRef, String ticketSubject, boolean sensitive,
                                       String body) {
        MailAddress recipient = inbound.replyAddress()
                .orElseThrow(() -> new IllegalArgumentException("the message has no sender address to reply to"));
        return new ReplyDraft(ticketRef, ticketSubject, sensitive, List.of(recipient), List.of(), body,
                Optional.of(inbound.messageId()), inbound.references());
    }
}
