package com.supportdesk.mail;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Looks for the OFFICIAL-SENSITIVE marking in text of any length that arrives in pieces, in one pass and with a
 * small fixed window, so a search of a 25 MB message costs no more than reading it.
 *
 * <p>The marking is the two words OFFICIAL and SENSITIVE (any case), not inside a longer word, separated by any
 * run of white space (also non-breaking and other Unicode spaces), hyphens or dashes, or underscores. NUL
 * characters are ignored, so ASCII text in UTF-16 is found too. {@link #text} takes a piece of one text;
 * {@link #end()} ends that text (the next piece starts a new one, so two texts never join into a marking).
 *
 * <p>Besides what it found, a scan remembers whether some text could not be read ({@link #unsure()}); its
 * {@link #verdict()} is then {@link TextMarking#UNSURE} unless the marking was found anyway.
 */
final class MarkingScan {

    /** The marking after separators were folded to one space. */
    private static final Pattern MARKING = Pattern.compile(
            "(?<![\\p{L}\\p{N}])OFFICIAL SENSITIVE(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE);
    /** Kept between pieces: longer than a folded marking with the characters on both sides of it. */
    private static final int KEEP = 32;
    private static final int CHUNK = 8192;

    /** Grows to at most {@code CHUNK + KEEP}: most texts scanned are a subject or a short body. */
    private final StringBuilder window = new StringBuilder(KEEP * 4);
    private boolean afterSeparator = true;
    private boolean trimmed;
    private boolean found;
    private boolean unsure;

    /** True if {@code text} carries the marking. */
    static boolean marked(CharSequence text) {
        MarkingScan scan = new MarkingScan();
        scan.all(text);
        return scan.found;
    }

    /** Adds one piece of the current text. */
    MarkingScan text(CharSequence piece) {
        if (found || piece == null) {
            return this;
        }
        for (int i = 0; i < piece.length() && !found; i++) {
            char c = piece.charAt(i);
            if (c == 0) {
                continue;
            }
            if (isSeparator(c)) {
                if (!afterSeparator) {
                    window.append(' ');
                    afterSeparator = true;
                }
            } else {
                window.append(c);
                afterSeparator = false;
            }
            if (window.length() >= CHUNK + KEEP) {
                search(false);
            }
        }
        return this;
    }

    /** A whole text: {@link #text} and {@link #end()}. */
    MarkingScan all(CharSequence text) {
        return text(text).end();
    }

    /** Ends the current text. */
    MarkingScan end() {
        if (!found) {
            search(true);
        }
        window.setLength(0);
        afterSeparator = true;
        trimmed = false;
        return this;
    }

    /** Notes that some text could not be read or decoded. */
    void unsure() {
        unsure = true;
    }

    boolean found() {
        return found;
    }

    /** What was found in every text ended so far. */
    TextMarking verdict() {
        return found ? TextMarking.MARKED : unsure ? TextMarking.UNSURE : TextMarking.UNMARKED;
    }

    /**
     * Searches the window. Unless the text ended there, a match that reaches the window's end is not taken yet
     * (the next piece may continue the word), and the last characters stay in the window for the next search.
     */
    private void search(boolean textEnded) {
        // after a trim, the first character only gives the lookbehind its context: whatever started there was
        // judged by the previous search, which saw what came before it
        var m = MARKING.matcher(window).useTransparentBounds(true).region(trimmed ? 1 : 0, window.length());
        while (m.find()) {
            if (textEnded || m.end() < window.length()) {
                found = true;
                return;
            }
        }
        if (window.length() > KEEP) {
            window.delete(0, window.length() - KEEP);
            trimmed = true;
        }
    }

    private static boolean isSeparator(char c) {
        return c == '_' || c == '-' || c == '\uFFFD' || Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.DASH_PUNCTUATION;
    }

    /**
     * Bytes in a charset, decoded piece by piece into a scan (a character split between two pieces is kept for
     * the next); malformed input becomes U+FFFD.
     */
    static final class Decoding {
        private final MarkingScan scan;
        private final CharsetDecoder decoder;
        private ByteBuffer pending = ByteBuffer.allocate(0);
        private final CharBuffer chars = CharBuffer.allocate(CHUNK);

        Decoding(MarkingScan scan, Charset charset) {
            this.scan = scan;
            this.decoder = (charset == null ? StandardCharsets.UTF_8 : charset).newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        }

        void bytes(byte[] b, int off, int len) {
            ByteBuffer in;
            if (pending.hasRemaining()) {
                in = ByteBuffer.allocate(pending.remaining() + len);
                in.put(pending).put(b, off, len).flip();
            } else {
                in = ByteBuffer.wrap(b, off, len);
            }
            decode(in, false);
            pending = in.hasRemaining() ? ByteBuffer.allocate(in.remaining()).put(in).flip() : ByteBuffer.allocate(0);
        }

        /** Ends the text (with what is left of a broken character). */
        void end() {
            decode(pending, true);
            pending = ByteBuffer.allocate(0);
            decoder.reset();
            scan.end();
        }

        private void decode(ByteBuffer in, boolean last) {
            while (true) {
                var result = decoder.decode(in, chars, last);
                chars.flip();
                scan.text(chars);
                chars.clear();
                if (!result.isOverflow()) {
                    break;
                }
            }
            if (last) {
                decoder.flush(chars);
                chars.flip();
                scan.text(chars);
                chars.clear();
            }
        }
    }
}
