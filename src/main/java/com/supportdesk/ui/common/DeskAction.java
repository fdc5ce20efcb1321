package com.supportdesk.ui.common;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * Every action of the desk, declared once (JabRef's {@code StandardActions}): its menu text, the shorter text of its
 * button, what it does (for tooltips and the F1 help), its icon, its keyboard shortcut and the ids of its menu item
 * and button. Menus, buttons, tooltips and the F1 help are all made from here by {@link ActionFactory}, so they
 * cannot drift apart. Keys are JavaFX key combinations ("Shortcut" is Ctrl, or ⌘ on a Mac); where macOS keeps a key
 * for itself (⌘M minimises, F11 shows the desktop, ⇧⌘Q logs out) the action names another after a bar,
 * {@code "F11|Ctrl+Shortcut+F"}, or none ({@code "Shortcut+Shift+Q|"}). How keys are written is {@link KeyStyle}'s
 * business; which keys a platform has is {@link #accelerator(KeyStyle)}.
 */
public enum DeskAction {

    // ---------------------------------------------------------------- File
    NEW_TICKET(Scope.DESK, "New ticket\u2026", null, "New ticket", null, "Shortcut+N", "menuNewTicket", null),
    NEW_CALL(Scope.DESK, "Log a call\u2026", "Call", "Log a call (call console)", MaterialDesignP.PHONE_IN_TALK,
            "Shortcut+L", "menuLogCall", "toolbar-log-call"),
    LOG_CHAT(Scope.DESK, "Log chat\u2026", null, "Log a chat transcript", null, "Shortcut+Shift+L", "menuLogChat", null),

    // ---------------------------------------------------------------- Ticket (menu and the ticket's action bar)
    // ⌘M minimises on macOS: ⌃⌘M there
    ASSIGN_TO_ME(Scope.DESK, "Assign to me", "Assign to me", "Assign to me", MaterialDesignA.ACCOUNT_ARROW_LEFT,
            "Shortcut+M|Ctrl+Shortcut+M", "menuAssignMe", "action-assignMe"),
    ASSIGN(Scope.DESK, "Assign to\u2026", "Assign\u2026", "Assign to someone", MaterialDesignA.ACCOUNT_SWITCH,
            "Shortcut+Shift+M", "menuAssign", "action-assign"),
    CHANGE_SEVERITY(Scope.DESK, "Change severity\u2026", "Severity\u2026", "Change severity", MaterialDesignA.ALERT_OUTLINE,
            "Shortcut+Shift+S", "menuSeverity", "action-severity"),
    CHANGE_LEVEL(Scope.DESK, "Change support level\u2026", "Level\u2026", "Change support level: escalate or hand back",
            MaterialDesignE.ELEVATOR_UP, "Shortcut+E", "menuLevel", "action-level"),
    CHANGE_STATUS(Scope.DESK, "Change status\u2026", "Status\u2026", "Change status", MaterialDesignP.PROGRESS_CHECK,
            "Shortcut+T", "menuStatus", "action-status"),
    ADD_NOTE(Scope.DESK, "Add internal note\u2026", "Note", "Add an internal note", MaterialDesignN.NOTE_EDIT_OUTLINE,
            "Shortcut+Shift+N", "menuNote", "action-note"),
    REPLY(Scope.DESK, "Reply by e-mail\u2026", "Reply", "Reply by e-mail", MaterialDesignR.REPLY, "Shortcut+R", "menuReply",
            "action-reply"),
    LOG_CALL_ON_TICKET(Scope.DESK, "Log call on this ticket\u2026", "Log call", "Log a call on this ticket",
            MaterialDesignP.PHONE_PLUS, null, null, "action-logCall") {
        @Override
        public String tooltipText(KeyStyle style) {
            return description() + " (" + NEW_CALL.keyText(style) + " starts a new one)";
        }
    },
    RELOAD(Scope.DESK, "Reload", null, "Reload the ticket", MaterialDesignR.REFRESH, "F5", "menuReload", "conflictReload"),

    // ---------------------------------------------------------------- View
    FIND(Scope.DESK, "Find\u2026", null, "Search", null, "Shortcut+F", "menuFind", null),
    CLEAR_FILTERS(Scope.DESK, "Clear filters", null, "Clear filters", null, "Shortcut+Shift+F", "menuClear", null),
    SHOW_BOARD(Scope.DESK, "Board", null, "Board", null, "Shortcut+1", "menuBoard", null),
    SHOW_SENSITIVE(Scope.DESK, "Official Sensitive", null, "Official Sensitive board", null, "Shortcut+2", "menuSensitive",
            null),
    // F11 shows the desktop on macOS: ⌃⌘F there, macOS's own "Enter Full Screen"
    WALLBOARD(Scope.DESK, "Lead wallboard", null, "Lead wallboard (Esc leaves it)", null, "F11|Ctrl+Shortcut+F",
            "menuWallboard", null),
    ZOOM_IN(Scope.DESK, "Zoom in", null, "Larger text", null, "Shortcut+Plus", "menuZoomIn", null),
    ZOOM_OUT(Scope.DESK, "Zoom out", null, "Smaller text", null, "Shortcut+Minus", "menuZoomOut", null),
    ZOOM_RESET(Scope.DESK, "Actual size", null, "Text at its usual size", null, "Shortcut+0", "menuZoomReset",
            null),

    // ---------------------------------------------------------------- Admin, Lead, Reports
    POLICY(Scope.DESK, "Policy\u2026", null, "Response policy", null, null, "menuPolicy", null),
    AGENTS(Scope.DESK, "Agents\u2026", null, "Agents", null, null, "menuAgents", null),
    CUSTOMERS(Scope.DESK, "Customers & contacts\u2026", null, "Customers and contacts", null, null, "menuCustomers", null),
    TRAINING(Scope.DESK, "Training\u2026", null, "Training sessions", null, null, "menuTraining", null),
    OUTAGES(Scope.DESK, "Outages\u2026", null, "Outages and availability", null, null, "menuOutages", null),
    AUDIT(Scope.DESK, "Access audit\u2026", null, "Access audit", null, null, "menuAudit", null),
    MAIL_SETTINGS(Scope.DESK, "Mail settings\u2026", null, "Mail settings", null, null, "menuMailSettings", null),
    MAIL_QUARANTINE(Scope.DESK, "Mail quarantine\u2026", null, "Quarantined mail", null, null, "menuQuarantine", null),
    QUARTERLY_REPORT(Scope.DESK, "Quarterly report\u2026", null, "Quarterly report", null, "Shortcut+Shift+E",
            "menuQuarterlyReport", null),

    // ---------------------------------------------------------------- dialogs (every form dialog)
    SUBMIT_DIALOG(Scope.DIALOG, "Submit", null, "Submit a dialog (Esc cancels it)", null, "Shortcut+Enter", null, null),

    // ---------------------------------------------------------------- the e-mail composer
    INSERT_SAVED_REPLY(Scope.COMPOSER, "Insert saved reply\u2026", "Saved reply\u2026",
            "Insert a saved reply at the cursor (or type :: and a word)", MaterialDesignT.TEXT_BOX_PLUS_OUTLINE,
            "Shortcut+I", null, "replyInsertSaved"),

    // ---------------------------------------------------------------- the lead and admin tool windows
    CLOSE_TOOL_WINDOW(Scope.TOOL_WINDOW, "Close", null, "Close the window", null, "Shortcut+W", null, null),

    // ---------------------------------------------------------------- the call console and the chat log
    PHONE_SAVE(Scope.PHONE, "Save", null, "End and log the call, or log the chat", null, "Shortcut+S", null, null),

    // ---------------------------------------------------------------- File (last in the menu), Help
    // ⇧⌘Q logs out of macOS itself (and ⌥⇧⌘Q, ⌃⌘Q lock or log out too): no key there, the File menu has it
    SIGN_OUT(Scope.DESK, "Sign out", null, "Sign out", null, "Shortcut+Shift+Q|", "menuSignOut", null),
    QUIT(Scope.DESK, "Quit", null, "Quit", null, "Shortcut+Q", "menuQuit", null),
    SHORTCUTS(Scope.DESK, "Keyboard shortcuts", null, "This list of keys", null, "F1", "menuKeys", null),
    ABOUT(Scope.DESK, "About Support Desk", null, "About Support Desk", null, null, "menuAbout", null),

    // ---------------------------------------------------------------- the mail quarantine window
    QUARANTINE_RETRY(Scope.QUARANTINE, "Retry", null, "Read the message again", null, "Shortcut+R", null, "retry"),
    QUARANTINE_MAKE_TICKET(Scope.QUARANTINE, "Make ticket anyway", null, "Open a ticket with whatever can be read", null,
            "Shortcut+T", null, "makeTicket"),
    QUARANTINE_SAVE_RAW(Scope.QUARANTINE, "Save raw source\u2026", null, "Save the message exactly as it arrived", null,
            "Shortcut+S", null, "saveRaw"),
    QUARANTINE_DISMISS(Scope.QUARANTINE, "Dismiss", null, "Mark it dealt with, without a ticket", null, null, null,
            "dismiss"),
    QUARANTINE_REFRESH(Scope.QUARANTINE, "Refresh", null, "Load the list again", null, "F5", null, "refresh");

    /**
     * Where an action's key works: the desk's window (and its F1 help), every form dialog, or one other window (the
     * e-mail composer is a form dialog too).
     */
    public enum Scope { DESK, DIALOG, TOOL_WINDOW, PHONE, QUARANTINE, COMPOSER }

    private final Scope scope;
    private final String text;
    private final String shortText;
    private final String description;
    private final Ikon icon;
    private final KeyCombination accelerator;
    private final KeyCombination macAccelerator;
    private final String menuId;
    private final String buttonId;

    DeskAction(Scope scope, String text, String shortText, String description, Ikon icon, String key, String menuId,
               String buttonId) {
        this.scope = scope;
        this.text = text;
        this.shortText = shortText == null ? text : shortText;
        this.description = description;
        this.icon = icon;
        int bar = key == null ? -1 : key.indexOf('|');
        this.accelerator = key == null ? null : KeyCombination.keyCombination(bar < 0 ? key : key.substring(0, bar));
        String mac = bar < 0 ? key : key.substring(bar + 1);
        this.macAccelerator = mac == null || mac.isBlank() ? null : KeyCombination.keyCombination(mac);
        this.menuId = menuId;
        this.buttonId = buttonId;
    }

    public Scope scope() {
        return scope;
    }

    /** The menu item's text, e.g. "Change support level…". */
    public String text() {
        return text;
    }

    /** A button's text, e.g. "Level…". */
    public String shortText() {
        return shortText;
    }

    /** What it does, for a tooltip and the F1 help: "Change support level: escalate or hand back". */
    public String description() {
        return description;
    }

    public Optional<Ikon> icon() {
        return Optional.ofNullable(icon);
    }

    /** The key on this computer ({@link KeyStyle#current()}). */
    public Optional<KeyCombination> accelerator() {
        return accelerator(KeyStyle.current());
    }

    /** The key on a platform: on macOS another where the OS keeps the usual one for itself, or none. */
    public Optional<KeyCombination> accelerator(KeyStyle style) {
        return Optional.ofNullable(style == KeyStyle.MAC ? macAccelerator : accelerator);
    }

    /**
     * Further keys that do the same, not shown (the menu shows {@link #accelerator(KeyStyle)}): Ctrl+= (the + key
     * without Shift on many keyboards) and the number pad's + for zoom in, and the number pad's − and 0.
     */
    public List<KeyCombination> alternatives() {
        return switch (this) {
            case ZOOM_IN -> List.of(
                    new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                    new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY),
                    new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN));
            case ZOOM_OUT -> List.of(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN));
            case ZOOM_RESET -> List.of(new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN));
            default -> List.of();
        };
    }

    /** The menu item's node id ("menuLevel"), or null for an action that is no menu item. */
    public String menuId() {
        return menuId;
    }

    /** The button's node id ("action-level"), or null for an action that is no button. */
    public String buttonId() {
        return buttonId;
    }

    /** The key as people read it on the platform ("Ctrl+E", "⌘E"), or empty without one. */
    public String keyText(KeyStyle style) {
        return accelerator(style).map(style::text).orElse("");
    }

    /** "Change support level: escalate or hand back (Ctrl+E)". */
    public String tooltipText(KeyStyle style) {
        return accelerator(style).isEmpty() ? description : description + " (" + keyText(style) + ")";
    }

    /** The actions with a key on this computer in a scope, in the order they are declared (the order of the F1 help). */
    public static List<DeskAction> withKeys(Scope... scopes) {
        return withKeys(KeyStyle.current(), scopes);
    }

    /** The actions with a key on a platform in a scope, in the order they are declared. */
    public static List<DeskAction> withKeys(KeyStyle style, Scope... scopes) {
        List<Scope> in = List.of(scopes);
        return Arrays.stream(values()).filter(a -> a.accelerator(style).isPresent() && in.contains(a.scope)).toList();
    }
}
