package com.supportdesk.mail;

import jakarta.mail.internet.InternetHeaders;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Message-ID of the message a bounce is about: from the returned message (message/rfc822)
 * or its headers (text/rfc822-headers), else from a {@code Message-ID:} line quoted in the bounce text.
 * When only References / In-Reply-To of the bounced message survive, the newest of those ids is used:
 * it still belongs to the same conversation, which is what the intake needs to find the ticket.
 */
final class BounceIds {

    private static final Pattern QUOTED_MESSAGE_ID = Pattern.compile(
            "(?im)^[ \\t>]*Message-ID:[ \\t]*(<[^<>\\r\\n]+>)");
    private static final Pattern QUOTED_THREAD_LINE = Pattern.compile(
            "(?im)^[ \\t>]*(?:In-Reply-To|References):[ \\t]*(.*)$");

    private BounceIds() {
    }

    static Optional<String> find(List<InternetHeaders> returnedHeaders, String bounceText) {
        for (InternetHeaders headers : returnedHeaders) {
            Optional<String> id = MessageIds.normalize(headers.getHeader("Message-ID", null));
            if (id.isPresent()) {
                return id;
            }
        }
        Matcher m = QUOTED_MESSAGE_ID.matcher(bounceText);
        if (m.find()) {
            return MessageIds.normalize(m.group(1));
        }
        for (InternetHeaders headers : returnedHeaders) {
            Optional<String> id = newest(headers.getHeader("References", " "))
                    .or(() -> newest(headers.getHeader("In-Reply-To", " ")));
            if (id.isPresent()) {
                return id;
            }
        }
        Matcher line = QUOTED_THREAD_LINE.matcher(bounceText);
        return line.find() ? newest(line.group(1)) : Optional.empty();
    }

    private static Optional<String> newest(String header) {
        List<String> ids = MessageIds.parseList(header);
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(ids.size() - 1));
    }
}
