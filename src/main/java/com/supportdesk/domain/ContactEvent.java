package com.supportdesk.domain;

/** The kinds of event that count as contacting the customer, i.e. stop the response clock. */
public enum ContactEvent {
    EMAIL_REPLY, PHONE_CALL, CHAT_REPLY
}
