package com.supportdesk.domain;

/** Government security classification of a ticket's content. */
public enum Classification {
    OFFICIAL, OFFICIAL_SENSITIVE;

    public boolean isSensitive() {
        return this == OFFICIAL_SENSITIVE;
    }
}
