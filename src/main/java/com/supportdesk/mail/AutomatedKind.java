package com.supportdesk.mail;

/**
 * Why a message was judged to be sent by a machine. Anything but {@link #NONE} never opens a ticket
 * and never gets an acknowledgement (docs/mail.md).
 */
public enum AutomatedKind {
    /** Written by a person (as far as the headers tell). */
    NONE,
    /** Out-of-office and other auto-replies, read receipts, RFC 3834 {@code Auto-Submitted} mail. */
    AUTO_REPLY,
    /** A delivery failure report; {@link ParsedMail#bouncedMessageId()} names the message that bounced. */
    BOUNCE,
    /** Mailing-list traffic ({@code List-Id}, {@code List-Unsubscribe}, {@code Precedence: list}). */
    LIST,
    /** Bulk mail ({@code Precedence: bulk|junk}) and other machine reports. */
    BULK,
    /** One of this desk's own outgoing messages came back ({@code X-SupportDesk-Ticket} header present). */
    LOOP;

    public boolean isAutomated() {
        return this != NONE;
    }
}
