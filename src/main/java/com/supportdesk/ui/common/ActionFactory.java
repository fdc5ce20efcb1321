package com.supportdesk.ui.common;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Makes menu items, buttons, tooltips, scene shortcuts and the F1 help from the {@link DeskAction} registry (JabRef's
 * {@code ActionFactory}), writing keys in one {@link KeyStyle}.
 */
public final class ActionFactory {

    private final KeyStyle style;

    /** Keys written in the desk's style ({@link KeyStyle#current()}). */
    public ActionFactory() {
        this(KeyStyle.current());
    }

    public ActionFactory(KeyStyle style) {
        this.style = Objects.requireNonNull(style, "style");
    }

    public KeyStyle style() {
        return style;
    }

    /** A menu item with the action's text, icon, accelerator and id, running {@code command}. */
    public MenuItem menuItem(DeskAction action, Runnable command) {
        MenuItem i = new MenuItem(action.text());
        i.setId(action.menuId());
        action.icon().ifPresent(ic -> i.setGraphic(new FontIcon(ic)));
        action.accelerator(style).ifPresent(i::setAccelerator);
        i.setOnAction(e -> command.run());
        return i;
    }

    /** A button with the action's short text, icon, tooltip (with its key) and id, running {@code command}. */
    public Button button(DeskAction action, Runnable command) {
        Button b = new Button(action.shortText());
        b.setId(action.buttonId());
        action.icon().ifPresent(ic -> b.setGraphic(new FontIcon(ic)));
        b.setTooltip(tooltip(action));
        b.setOnAction(e -> command.run());
        return b;
    }

    /** "Assign to someone (Ctrl+Shift+M)". */
    public Tooltip tooltip(DeskAction action) {
        return new Tooltip(action.tooltipText(style));
    }

    /** "Ctrl+Shift+M", or empty for an action without a key. */
    public String keyText(DeskAction action) {
        return action.keyText(style);
    }

    /** Makes the action's key run {@code command} anywhere in {@code scene} (for windows without a menu bar). */
    public static void install(Scene scene, DeskAction action, Runnable command) {
        action.accelerator().ifPresent(k -> scene.getAccelerators().put(k, command));
    }

    /** As {@link #install(Scene, DeskAction, Runnable)} in this style, with the action's further keys too. */
    public void installAll(Scene scene, DeskAction action, Runnable command) {
        action.accelerator(style).ifPresent(k -> scene.getAccelerators().put(k, command));
        action.alternatives().forEach(k -> scene.getAccelerators().put(k, command));
    }

    /** The desk's menu bar: on macOS in the system menu bar at the top of the screen, elsewhere in the window. */
    public MenuBar menuBar(Menu... menus) {
        MenuBar bar = new MenuBar(menus);
        bar.setUseSystemMenuBar(style == KeyStyle.MAC);
        return bar;
    }

    /** The F1 help: one line per key of the desk and its dialogs, "Ctrl+N  New ticket". */
    public String shortcutsHelp() {
        return help(DeskAction.withKeys(style, DeskAction.Scope.DESK, DeskAction.Scope.DIALOG));
    }

    /**
     * The README's table of keys (ReadmeKeysTest keeps README.md equal to it): every action with a key, its key on
     * Windows and Linux and on macOS, and what it does, where it works when that is not the desk's window.
     */
    public static String readmeTable() {
        StringBuilder sb = new StringBuilder("| Windows, Linux | macOS | what it does |\n|---|---|---|\n");
        for (DeskAction a : DeskAction.values()) {
            String pc = a.keyText(KeyStyle.PC);
            String mac = a.keyText(KeyStyle.MAC);
            if (pc.isEmpty() && mac.isEmpty()) {
                continue;
            }
            String where = switch (a.scope()) {
                case DESK -> "";
                case DIALOG -> "in a dialog: ";
                case TOOL_WINDOW -> "in a lead or admin window: ";
                case PHONE -> "in the call console and the chat log: ";
                case QUARANTINE -> "in the mail quarantine: ";
                case COMPOSER -> "in the reply composer: ";
            };
            sb.append("| ").append(pc.isEmpty() ? "\u2014" : pc).append(" | ").append(mac.isEmpty() ? "\u2014" : mac)
                    .append(" | ").append(where).append(a.description()).append(" |\n");
        }
        return sb.toString();
    }

    String help(List<DeskAction> actions) {
        return actions.stream().map(a -> a.keyText(style) + "  " + a.description()).collect(Collectors.joining("\n"));
    }
}
