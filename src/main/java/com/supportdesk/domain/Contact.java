package com.supportdesk.domain;

/** A customer's administrator or registered user. Unknown e-mail senders become unverified contacts. */
public record Contact(long id, Long customerId, String name, String email, String phone, ContactRole role,
                      boolean verified) {
}
