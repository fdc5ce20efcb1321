package com.supportdesk.domain;

public enum TicketStatus {
    NEW("New"), OPEN("Open"), WAITING_ON_CUSTOMER("Waiting on customer"), RESOLVED("Resolved"), CLOSED("Closed");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Open means the ticket still needs the desk (and its response clock is relevant). */
    public boolean isOpen() {
        return this == NEW || this == OPEN || this == WAITING_ON_CUSTOMER;
    }
}
