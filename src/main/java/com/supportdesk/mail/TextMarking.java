package com.supportdesk.mail;

/**
 * What a search of a message's whole decoded text found about the OFFICIAL-SENSITIVE marking. The quarantine and
 * the automated-mail log classify an entry by it: {@link #MARKED} and {@link #UNSURE} both count as sensitive,
 * because text that could not be read may carry the marking.
 */
public enum TextMarking {
    /** All of the text was read and none of it carries the marking. */
    UNMARKED,
    /** The marking is somewhere in the text (subject, a header, a text part, an attached message). */
    MARKED,
    /** No marking was found, but some of the text could not be read or decoded. */
    UNSURE;

    /** Whether an entry with this marking is for cleared staff only. */
    public boolean sensitive() {
        return this != UNMARKED;
    }

    /** The stronger of the two: MARKED over UNSURE over UNMARKED. */
    TextMarking and(TextMarking other) {
        return this == MARKED || other == MARKED ? MARKED : this == UNSURE || other == UNSURE ? UNSURE : UNMARKED;
    }
}
