package com.supportdesk.ui.phone;

import java.net.URL;
import java.util.Objects;

/** The phone screens' stylesheet. */
final class PhoneStyles {

    private PhoneStyles() {
    }

    static String url() {
        URL u = Objects.requireNonNull(PhoneStyles.class.getResource("phone.css"), "phone.css");
        return u.toExternalForm();
    }
}
