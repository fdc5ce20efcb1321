package com.supportdesk.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * A placeholder of a saved reply or signature, written {@code {{name}}} in its text and filled for the ticket at
 * hand when the reply is inserted (see {@link Placeholders}).
 */
public enum Placeholder {
    FIRST_NAME("first_name", "the contact's first name"),
    CONTACT_NAME("contact_name", "the contact's full name"),
    CUSTOMER("customer", "the customer's name"),
    REF("ref", "the ticket's ref, e.g. SD-1042"),
    SUBJECT("subject", "the ticket's subject"),
    SEVERITY("severity", "the ticket's severity, e.g. Severity 1"),
    SEVERITY_DEFINITION("severity_definition", "the policy's definition of that severity"),
    RESPONSE_TARGET("response_target", "the first-response target, e.g. 4 Business Hours"),
    AGENT_NAME("agent_name", "your name as the desk shows it"),
    BUSINESS_HOURS("business_hours", "the policy's Business Hours, e.g. 09:00\u201318:00 GMT");

    private final String key;
    private final String description;

    Placeholder(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The name between the braces: {@code first_name}. */
    public String key() {
        return key;
    }

    /** As it is written in a body: {@code {{first_name}}}. */
    public String token() {
        return "{{" + key + "}}";
    }

    public String description() {
        return description;
    }

    /** The placeholder with this name (as written between the braces, any case), if there is one. */
    public static Optional<Placeholder> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equalsIgnoreCase(key)).findFirst();
    }
}
