package com.supportdesk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;

/** A parsed message whose header section is read by {@link HeaderReader}. */
final class LenientMimeMessage extends MimeMessage {

    LenientMimeMessage(Session session, InputStream in) throws MessagingException {
        super(session, in);
    }

    /** Whether header fields (or parts of them) were read past (see {@link HeaderReader}). */
    boolean headersCut() {
        return headers instanceof HeaderReader.Headers h && h.cut();
    }

    @Override
    protected InternetHeaders createInternetHeaders(InputStream is) throws MessagingException {
        try {
            return HeaderReader.read(is);
        } catch (IOException e) {
            throw new MessagingException("The headers could not be read: " + e.getMessage(), e);
        }
    }
}
