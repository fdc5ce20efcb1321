package com.supportdesk.mail;

import java.io.IOException;
import java.io.InputStream;

/** A re-readable content handle: each {@link #open()} streams the decoded bytes from the raw source. */
@FunctionalInterface
public interface MailContent {
    /** A new stream of the decoded content; the caller closes it. */
    InputStream open() throws IOException;
}
