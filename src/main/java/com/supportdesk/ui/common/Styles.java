package com.supportdesk.ui.common;

import com.supportdesk.domain.Severity;
import java.util.Locale;

/**
 * The style-class names the Java code puts on nodes (AtlantaFX's {@code Styles}, PDFsam's {@code Style}): every
 * {@code getStyleClass()} of the desk uses these, and the stylesheets style them. ThemeTest checks that each one is
 * styled by some stylesheet or is listed as a hook for tests and lookups.
 */
public final class Styles {

    // ---------------------------------------------------------------- Shared: buttons, messages, row states, the severity and Official Sensitive marks
    public static final String BELOW_TARGET = "below-target";
    public static final String COUNTDOWN = "countdown";
    public static final String DANGER = "danger";
    public static final String DEFINITION = "definition";
    public static final String FILTER_LABEL = "filter-label";
    public static final String FLAGGED = "flagged";
    public static final String FORM_LABEL = "form-label";
    public static final String GOOD = "good";
    public static final String GOV_FLAG = "gov-flag";
    public static final String INACTIVE = "inactive";
    public static final String KEPT_OPEN = "kept-open";
    public static final String LABEL = "label";
    public static final String LOCK = "lock";
    public static final String OFFICE_CLOSURE = "office-closure";
    public static final String PLACEHOLDER_CARD = "placeholder-card";
    public static final String PRIMARY = "primary";
    public static final String SEARCH_FIELD = "search-field";
    /** The header's box round the search field. */
    public static final String HEADER_SEARCH = "header-search";
    public static final String SENSITIVE = "sensitive";
    public static final String SENSITIVE_BANNER = "sensitive-banner";
    public static final String SENSITIVE_TAB = "sensitive-tab";
    public static final String SENSITIVE_TAG = "sensitive-tag";
    public static final String SEVERITY_BADGE = "severity-badge";
    public static final String SHIELD = "shield";
    public static final String STATUS_PROBLEM = "status-problem";
    public static final String SUMMARY_PILL = "summary-pill";
    public static final String WARN = "warn";

    // ---------------------------------------------------------------- The desk window: header, status bar, splash, sign-in
    public static final String APP_HEADER = "app-header";
    public static final String APP_TITLE = "app-title";
    public static final String APP_USER = "app-user";
    public static final String DEMO_HINT = "demo-hint";
    public static final String SIGN_IN_CARD = "sign-in-card";
    public static final String SIGN_IN_ERROR = "sign-in-error";
    public static final String SIGN_IN_HINT = "sign-in-hint";
    public static final String SIGN_IN_TITLE = "sign-in-title";
    public static final String SPLASH = "splash";
    public static final String STATUS_BAR = "status-bar";

    // ---------------------------------------------------------------- The board and its cards
    public static final String BOARD = "board";
    public static final String BOARD_COLUMN = "board-column";
    public static final String BOARD_COLUMN_RESOLVED = "board-column-resolved";
    public static final String BOARD_SCROLL = "board-scroll";
    public static final String CARD_CHANNEL = "card-channel";
    public static final String CARD_COUNTDOWN = "card-countdown";
    public static final String CARD_CUSTOMER = "card-customer";
    public static final String CARD_LEVEL = "card-level";
    public static final String CARD_META = "card-meta";
    public static final String CARD_REF = "card-ref";
    public static final String CARD_SUBJECT = "card-subject";
    public static final String COLUMN_COUNT = "column-count";
    public static final String COLUMN_TITLE = "column-title";
    public static final String FILTER_BAR = "filter-bar";
    public static final String TICKET_CARD = "ticket-card";
    public static final String TICKET_CELL = "ticket-cell";
    public static final String TICKET_LIST = "ticket-list";

    // ---------------------------------------------------------------- The ticket at hand
    public static final String CONFLICT_BAR = "conflict-bar";
    public static final String DETAIL = "detail";
    public static final String DETAIL_ACTIONS = "detail-actions";
    public static final String DETAIL_EMPTY = "detail-empty";
    public static final String DETAIL_FACTS = "detail-facts";
    public static final String DETAIL_HEADER = "detail-header";
    public static final String DETAIL_TITLE = "detail-title";
    public static final String ENTRY = "entry";
    public static final String ENTRY_BODY = "entry-body";
    public static final String ENTRY_CALL = "entry-call";
    public static final String ENTRY_HEAD = "entry-head";
    public static final String ENTRY_IN = "entry-in";
    public static final String ENTRY_NOTE = "entry-note";
    public static final String ENTRY_OUT = "entry-out";
    public static final String ENTRY_TIME = "entry-time";
    public static final String FACT_NAME = "fact-name";
    public static final String HISTORY_LIST = "history-list";

    // ---------------------------------------------------------------- Form dialogs
    public static final String DIALOG_ERROR = "dialog-error";
    public static final String DIALOG_HEADER = "dialog-header";
    public static final String FORM_DIALOG = "form-dialog";

    // ---------------------------------------------------------------- The e-mail composer
    public static final String REPLY_POLICY = "reply-policy";
    public static final String REPLY_SEARCH = "reply-search";
    public static final String REPLY_SIGNATURE = "reply-signature";
    public static final String REPLY_CLASSIFICATION = "reply-classification";
    public static final String REPLY_PREVIEW = "reply-preview";
    public static final String REPLY_TOKEN = "reply-token";

    // ---------------------------------------------------------------- Tool windows: administration, lead tools, reports, About
    public static final String ABOUT = "about";
    public static final String ABOUT_FACTS = "about-facts";
    public static final String ABOUT_NAME = "about-name";
    public static final String ABOUT_VERSION = "about-version";
    public static final String ADMIN_BODY = "admin-body";
    public static final String ADMIN_BUTTONS = "admin-buttons";
    public static final String ADMIN_COLUMN = "admin-column";
    public static final String ADMIN_COLUMNS = "admin-columns";
    public static final String ADMIN_ERROR = "admin-error";
    public static final String ADMIN_FORM = "admin-form";
    public static final String ADMIN_HEADER = "admin-header";
    public static final String ADMIN_HINT = "admin-hint";
    public static final String ADMIN_SECTION = "admin-section";
    public static final String ADMIN_STATUS = "admin-status";
    public static final String ADMIN_SUBTITLE = "admin-subtitle";
    public static final String ADMIN_TABLE = "admin-table";
    public static final String ADMIN_TITLE = "admin-title";
    public static final String ADMIN_VIEW = "admin-view";
    public static final String ADMIN_WARNING = "admin-warning";
    public static final String REPORT_DONE = "report-done";
    public static final String REPORT_PROGRESS = "report-progress";
    public static final String SECTION_TITLE = "section-title";
    public static final String SUBSECTION_TITLE = "subsection-title";

    // ---------------------------------------------------------------- The call console and the chat log
    public static final String CALL_CONSOLE = "call-console";
    public static final String CALL_HEADER = "call-header";
    public static final String CALL_HEADING = "call-heading";
    public static final String CALL_TIMER = "call-timer";
    public static final String CALL_WAITING = "call-waiting";
    public static final String CHAT_LOG = "chat-log";
    public static final String NEW_CALLER = "new-caller";
    public static final String POLICY_HINT = "policy-hint";
    public static final String PROBLEMS = "problems";

    // ---------------------------------------------------------------- The wallboard
    public static final String WALL_AGENT = "wall-agent";
    public static final String WALL_AGENT_COUNT = "wall-agent-count";
    public static final String WALL_AGENT_COUNTS = "wall-agent-counts";
    public static final String WALL_AGENT_ROW = "wall-agent-row";
    public static final String WALL_AGENT_WAITING = "wall-agent-waiting";
    public static final String WALL_APP = "wall-app";
    public static final String WALL_CELL = "wall-cell";
    public static final String WALL_CELL_COMPACT = "wall-cell-compact";
    public static final String WALL_CLEARED = "wall-cleared";
    public static final String WALL_CLOCK = "wall-clock";
    public static final String WALL_CLOCK_BOX = "wall-clock-box";
    public static final String WALL_COMPLIANCE = "wall-compliance";
    public static final String WALL_COMPLIANCE_TILE = "wall-compliance-tile";
    public static final String WALL_COMPLIANCE_TITLE = "wall-compliance-title";
    public static final String WALL_COUNTDOWN = "wall-countdown";
    public static final String WALL_DATE = "wall-date";
    public static final String WALL_DESK_STATE = "wall-desk-state";
    public static final String WALL_EMPTY = "wall-empty";
    public static final String WALL_FOOTER = "wall-footer";
    public static final String WALL_FOOTER_TEXT = "wall-footer-text";
    public static final String WALL_GRID = "wall-grid";
    public static final String WALL_HEADER = "wall-header";
    public static final String WALL_LIST = "wall-list";
    public static final String WALL_LOAD_ANSWERED = "wall-load-answered";
    public static final String WALL_LOAD_CELL = "wall-load-cell";
    public static final String WALL_LOAD_TRACK = "wall-load-track";
    public static final String WALL_LOAD_WAITING = "wall-load-waiting";
    public static final String WALL_LOCK = "wall-lock";
    public static final String WALL_META = "wall-meta";
    public static final String WALL_NAME = "wall-name";
    public static final String WALL_PANEL = "wall-panel";
    public static final String WALL_PANEL_ATTENTION = "wall-panel-attention";
    public static final String WALL_PANEL_COUNT = "wall-panel-count";
    public static final String WALL_PANEL_HEAD = "wall-panel-head";
    public static final String WALL_PANEL_LOAD = "wall-panel-load";
    public static final String WALL_PANEL_MAIN = "wall-panel-main";
    public static final String WALL_PANEL_OVERDUE = "wall-panel-overdue";
    public static final String WALL_PANEL_RISK = "wall-panel-risk";
    public static final String WALL_PANEL_TITLE = "wall-panel-title";
    public static final String WALL_PCT = "wall-pct";
    public static final String WALL_PCT_GOOD = "wall-pct-good";
    public static final String WALL_PCT_TEXT = "wall-pct-text";
    public static final String WALL_PCT_WARN = "wall-pct-warn";
    public static final String WALL_PERIOD = "wall-period";
    public static final String WALL_PLACEHOLDER = "wall-placeholder";
    public static final String WALL_REF = "wall-ref";
    public static final String WALL_ROW = "wall-row";
    public static final String WALL_SEVERITY = "wall-severity";
    public static final String WALL_SUBJECT = "wall-subject";
    public static final String WALL_TEXT = "wall-text";
    public static final String WALL_TILE = "wall-tile";
    public static final String WALL_TILE_LINE = "wall-tile-line";
    public static final String WALL_TILE_NUMBER = "wall-tile-number";
    public static final String WALL_TILE_OVERDUE = "wall-tile-overdue";
    public static final String WALL_TILE_RISK = "wall-tile-risk";
    public static final String WALL_TILE_SUB = "wall-tile-sub";
    public static final String WALL_TILE_TITLE = "wall-tile-title";
    public static final String WALL_TITLE = "wall-title";
    public static final String WALL_TOGGLE = "wall-toggle";
    public static final String WALL_WHEN = "wall-when";
    public static final String WALLBOARD = "wallboard";

    private Styles() {
    }

    /** A severity's class: "sev-s1", "sev-s2", "sev-s3" (with a component class: a card, a badge, a tile). */
    public static String severity(Severity s) {
        return "sev-" + s.name().toLowerCase(Locale.ROOT);
    }

    /** Whether a class is a severity's (to swap it when the severity changes). */
    public static boolean isSeverity(String styleClass) {
        return styleClass.startsWith("sev-");
    }
}
