package com.supportdesk.testing;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/** GreenMail (SMTP and IMAP) on loopback with dynamic ports and the desk's mailbox {@code desk@localhost}, login {@code desk}. */
public final class DeskGreenMail {

    private DeskGreenMail() {
    }

    /** A fresh server for every test method. */
    public static GreenMailExtension extension(String password) {
        return new GreenMailExtension(ServerSetup.dynamicPort(
                ServerSetup.createCopy(ServerSetupTest.SMTP_IMAP, setup -> setup.createCopy("127.0.0.1"))))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("desk@localhost", "desk", password))
                .withPerMethodLifecycle(true);
    }
}
