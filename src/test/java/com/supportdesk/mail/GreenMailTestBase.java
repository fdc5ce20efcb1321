package com.supportdesk.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A fresh GreenMail (SMTP + IMAP on loopback, dynamic ports) for every test, and a spool folder. */
abstract class GreenMailTestBase {

    static {
        MailSystemProperties.install(); // before GreenMail loads Jakarta Mail
    }

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = GreenMailSupport.extension();

    @TempDir
    Path spool;
}
