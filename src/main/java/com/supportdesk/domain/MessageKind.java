package com.supportdesk.domain;

/** What a conversation entry is. Only e-mail replies and chat replies by the desk count as contact. */
public enum MessageKind {
    /** An e-mail, inbound or outbound. */
    EMAIL,
    /** An internal note: never customer contact. */
    NOTE,
    /** A chat transcript. */
    CHAT,
    /** An automatic acknowledgement: never customer contact. */
    ACK,
    /** A delivery failure report for a message the desk sent. */
    BOUNCE,
    /** The request as typed by an agent or operator when opening the ticket. */
    REQUEST
}
