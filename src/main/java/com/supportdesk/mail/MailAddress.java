package com.supportdesk.mail;

import java.util.Locale;
import java.util.Objects;

/**
 * A mail address with its display name.
 *
 * @param address     {@code local@domain}, never blank
 * @param displayName decoded display name, empty when there is none
 */
public record MailAddress(String address, String displayName) {

    public MailAddress {
        Objects.requireNonNull(address, "address");
        if (address.isBlank()) {
            throw new IllegalArgumentException("address is blank");
        }
        displayName = displayName == null ? "" : displayName;
    }

    public static MailAddress of(String address) {
        return new MailAddress(address, "");
    }

    /** The address in lower case: the key for finding a contact. */
    public String key() {
        return address.toLowerCase(Locale.ROOT);
    }

    /** The part after the last {@code @}, lower case; empty if there is none. */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** The part before the last {@code @}, lower case. */
    public String localPart() {
        int at = address.lastIndexOf('@');
        return (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return displayName.isEmpty() ? address : displayName + " <" + address + ">";
    }
}
