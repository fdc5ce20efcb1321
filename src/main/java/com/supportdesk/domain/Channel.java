package com.supportdesk.domain;

/** How a request reached the desk. */
public enum Channel {
    EMAIL, PHONE, CHAT, AGENT
}
