package com.supportdesk.domain;

import java.util.Optional;

/** First, second and third-level support. */
public enum SupportLevel {
    L1(1), L2(2), L3(3);

    private final int number;

    SupportLevel(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public String label() {
        return "Level " + number;
    }

    public static SupportLevel of(int number) {
        return switch (number) {
            case 1 -> L1;
            case 2 -> L2;
            case 3 -> L3;
            default -> throw new IllegalArgumentException("unknown support level " + number + " (expected 1, 2 or 3)");
        };
    }

    /**
     * Whether moving a ticket from {@code from} to this level hands it to third level, which needs the complete steps
     * to reproduce and the isolation done at level 2 (second level's duties, added to the conversation).
     */
    public boolean needsReproductionFrom(SupportLevel from) {
        return this == L3 && from != L3;
    }

    /** The next level up, or empty at level 3. */
    public Optional<SupportLevel> next() {
        return this == L3 ? Optional.empty() : Optional.of(of(number + 1));
    }
}
