package com.supportdesk.ui.common;

import java.util.Locale;
import javafx.scene.input.KeyCharacterCombination;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCombination.ModifierValue;

/**
 * The platform's manners: how a keyboard shortcut is written in help texts and tooltips ("Ctrl+Shift+N" on a PC,
 * "⇧⌘N" on a Mac), which keys it has ({@link DeskAction#accelerator(KeyStyle)}: macOS keeps some for itself) and
 * whether the menus go into the system menu bar ({@link ActionFactory#menuBar}). Menus show their accelerators
 * through JavaFX; everything else the desk writes about keys goes through here, from the one declaration of each key
 * in {@link DeskAction}. Tests pass a style; the desk uses {@link #current()}.
 */
public enum KeyStyle {

    /** Windows and Linux: "Ctrl+Shift+N" (Shortcut is Ctrl). */
    PC,
    /** macOS: "⌃⌥⇧⌘N", the modifiers in Apple's order (Shortcut is ⌘). */
    MAC;

    /** This computer's style: {@link #MAC} on macOS, else {@link #PC} ({@link #forOs(String)} of {@code os.name}). */
    public static KeyStyle current() {
        return forOs(System.getProperty("os.name"));
    }

    /** The platform's own style for an {@code os.name}: {@link #MAC} on macOS, else {@link #PC}. */
    public static KeyStyle forOs(String osName) {
        return osName != null && osName.toLowerCase(Locale.ROOT).startsWith("mac") ? MAC : PC;
    }

    /** The key as people read it in this style. */
    public String text(KeyCombination k) {
        boolean shortcut = k.getShortcut() == ModifierValue.DOWN;
        boolean ctrl = k.getControl() == ModifierValue.DOWN || (this == PC && shortcut);
        boolean meta = k.getMeta() == ModifierValue.DOWN || (this == MAC && shortcut);
        boolean shift = k.getShift() == ModifierValue.DOWN;
        boolean alt = k.getAlt() == ModifierValue.DOWN;
        String key = key(k);
        if (this == MAC) {
            return (ctrl ? "\u2303" : "") + (alt ? "\u2325" : "") + (shift ? "\u21e7" : "") + (meta ? "\u2318" : "") + key;
        }
        StringBuilder sb = new StringBuilder();
        if (ctrl) {
            sb.append("Ctrl+");
        }
        if (shift) {
            sb.append("Shift+");
        }
        if (alt) {
            sb.append("Alt+");
        }
        if (meta) {
            sb.append("Meta+");
        }
        return sb.append(key).toString();
    }

    private static String key(KeyCombination k) {
        if (k instanceof KeyCodeCombination c) {
            return switch (c.getCode()) {
                case PLUS, ADD -> "+";
                case MINUS, SUBTRACT -> "\u2212";
                case DIGIT0, NUMPAD0 -> "0";
                default -> c.getCode().getName();
            };
        }
        if (k instanceof KeyCharacterCombination c) {
            return c.getCharacter();
        }
        return k.getName();
    }
}
