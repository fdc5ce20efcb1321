package com.supportdesk.phone;

/** A transcript that cannot be read, with the line that stopped it (0 when it is about the whole text). */
public final class TranscriptException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    public TranscriptException(int lineNumber, String message) {
        super(lineNumber > 0 ? "Line " + lineNumber + ": " + message : message);
        this.lineNumber = lineNumber;
    }

    public int lineNumber() {
        return lineNumber;
    }
}
