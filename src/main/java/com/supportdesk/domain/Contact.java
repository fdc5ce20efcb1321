package com.supportdesk.domain;

/**
 * A customer's administrator or registered user. Unknown e-mail senders become unverified contacts.
 *
 * <p>The phone number is kept as typed ({@code phone}) and as read ({@link PhoneNumbers}): {@code phoneE164} is what
 * callers are matched by (null when the typed text could not be read, e.g. an old entry), {@code phoneExtension} is
 * shown with the number and never matched. {@code region} is the contact's country (ISO 3166-1 alpha-2): a number
 * typed for them without a country code is read there; null until known.
 */
public record Contact(long id, Long customerId, String name, String email, String phone, ContactRole role,
                      boolean verified, String phoneE164, String phoneExtension, String region) {

    /** A contact without a phone number read (no number, or none yet). */
    public Contact(long id, Long customerId, String name, String email, String phone, ContactRole role,
                   boolean verified) {
        this(id, customerId, name, email, phone, role, verified, null, null, null);
    }

    /**
     * The phone number for people: {@code +44 20 7946 0018 ext. 23}; the text as typed when it could not be read;
     * null without a number.
     */
    public String phoneText() {
        if (phoneE164 != null) {
            return PhoneNumbers.display(phoneE164, phoneExtension);
        }
        return phone;
    }
}
