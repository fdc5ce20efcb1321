package com.supportdesk.mail;

import jakarta.mail.internet.MimeMessage;

/**
 * A finished outbound message and what the store records about it.
 *
 * @param messageId the generated {@code <uuid@domain>}; record it so replies to it thread onto the ticket
 */
public record OutboundMail(MimeMessage message, String messageId, String subject) {
}
