package com.supportdesk.ui.lead;

import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.report.QuarterlyReport.Compliance;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.DeskAction;
import com.supportdesk.ui.common.Icons;
import com.supportdesk.ui.common.KeyStyle;
import com.supportdesk.ui.common.Styles;
import com.supportdesk.ui.common.Theme;
import com.supportdesk.ui.common.Ticker;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The wallboard: a dark, large-type view for a wall display (stylesheet {@code wallboard.css}). Type scales with
 * the window: the root font size is the window width / 80 (16 px at 1280, 24 px at 1920), and every size in the
 * stylesheet is in em. Header with the time, the desk's state and tiles per severity; the countdown list; panels
 * for overdue, at risk, needing attention and agent load; compliance per severity along the bottom.
 */
public final class WallboardView extends BorderPane {

    private final WallboardViewModel vm;
    private final Ticker ticker;
    private final Countdown fmt;
    private final InvalidationListener onTick;
    private final ListView<Ticket> countdowns;
    private final ListView<Ticket> overdue;
    private final ListView<Ticket> atRisk;
    private final ListView<Ticket> attention;
    private final DoubleProperty fontSize = new SimpleDoubleProperty(this,
            "fontSize", 16);

    public WallboardView(WallboardViewModel vm, Ticker ticker, Countdown fmt, ObservableStringValue feedStatus) {
        this.vm = vm;
        this.ticker = ticker;
        this.fmt = fmt;
        setId("wallboard");
        getStyleClass().add(Styles.WALLBOARD);
        getStylesheets().add(Theme.wallboardStylesheet());

        countdowns = tickets("wallCountdowns", vm.countdowns(), false, "No open tickets");
        overdue = tickets("wallOverdue", vm.overdue(), true, "Nothing overdue");
        atRisk = tickets("wallAtRisk", vm.atRisk(), true, "Nothing at risk");
        attention = tickets("wallAttention", vm.attention(), true, "Nothing to triage, no sensitive ticket without a cleared agent");

        setTop(header());
        GridPane grid = new GridPane();
        grid.getStyleClass().add(Styles.WALL_GRID);
        ColumnConstraints wide = new ColumnConstraints();
        wide.setPercentWidth(52);
        ColumnConstraints narrow = new ColumnConstraints();
        narrow.setPercentWidth(24);
        grid.getColumnConstraints().addAll(wide, narrow, narrow);
        RowConstraints half = new RowConstraints();
        half.setPercentHeight(50);
        half.setVgrow(Priority.ALWAYS);
        grid.getRowConstraints().addAll(half, half);
        grid.add(panel("Waiting for first response \u00b7 open tickets", MaterialDesignT.TIMER_SAND, Styles.WALL_PANEL_MAIN,
                Bindings.size(vm.countdowns()).asString(), countdowns), 0, 0, 1, 2);
        grid.add(panel("Overdue", MaterialDesignA.ALARM_LIGHT, Styles.WALL_PANEL_OVERDUE,
                Bindings.size(vm.overdue()).asString(), overdue), 1, 0);
        grid.add(panel("At risk", MaterialDesignA.ALERT, Styles.WALL_PANEL_RISK,
                Bindings.size(vm.atRisk()).asString(), atRisk), 2, 0);
        grid.add(panel("Needs attention", MaterialDesignS.SHIELD_ACCOUNT, Styles.WALL_PANEL_ATTENTION,
                Bindings.size(vm.attention()).asString(), attention), 1, 1);
        grid.add(panel("Agent load", MaterialDesignA.ACCOUNT_GROUP, Styles.WALL_PANEL_LOAD,
                Bindings.concat(vm.unassignedProperty().asString(), " unassigned"), agentLoad()), 2, 1);
        setCenter(grid);
        setBottom(new VBox(compliance(), footer(feedStatus)));

        onTick = o -> vm.onTick(ticker.nowSecondProperty().get());
        ticker.nowSecondProperty().addListener(onTick);
        vm.showSensitiveProperty().addListener(o -> {
            countdowns.refresh();
            overdue.refresh();
            atRisk.refresh();
            attention.refresh();
        });
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.widthProperty().addListener(x -> scale(scene.getWidth()));
                scale(scene.getWidth());
            }
        });
    }

    /** An icon sized with the type: {@code factor} × the root font size (Ikonli sizes are pixels, not em). */
    FontIcon icon(Ikon ikon, double factor) {
        FontIcon i = new FontIcon(ikon);
        i.iconSizeProperty().bind(Bindings.createIntegerBinding(() -> (int) Math.round(fontSize.get() * factor), fontSize));
        return i;
    }

    private FontIcon icon(Ikon ikon) {
        return icon(ikon, 1.1);
    }

    /** Stops following the ticker (the window closed). */
    public void dispose() {
        ticker.nowSecondProperty().removeListener(onTick);
    }

    public WallboardViewModel viewModel() {
        return vm;
    }

    private void scale(double width) {
        double px = Math.max(12, Math.min(40, Math.round(width / 80)));
        setStyle("-fx-font-size: " + px + "px;");
        fontSize.set(px);
        countdowns.setFixedCellSize(Math.round(px * 3.3));
        for (ListView<Ticket> l : List.of(overdue, atRisk, attention)) {
            l.setFixedCellSize(Math.round(px * 2.1));
        }
    }

    // ---------------------------------------------------------------- header

    private HBox header() {
        Label title = new Label("Wallboard");
        title.getStyleClass().add(Styles.WALL_TITLE);
        Label app = new Label("Support Desk");
        app.getStyleClass().add(Styles.WALL_APP);
        VBox name = new VBox(app, title);
        name.getStyleClass().add(Styles.WALL_NAME);

        Label time = new Label();
        time.setId("wallClock");
        time.getStyleClass().add(Styles.WALL_CLOCK);
        time.textProperty().bind(vm.clockTextProperty());
        Label date = new Label();
        date.getStyleClass().add(Styles.WALL_DATE);
        date.textProperty().bind(vm.dateTextProperty());
        Label desk = new Label();
        desk.setId("wallDeskState");
        desk.getStyleClass().add(Styles.WALL_DESK_STATE);
        desk.textProperty().bind(vm.deskStateProperty());
        vm.deskOpenProperty().addListener((o, was, isOpen) -> desk.pseudoClassStateChanged(OPEN, isOpen));
        desk.pseudoClassStateChanged(OPEN, vm.deskOpenProperty().get());
        VBox when = new VBox(date, desk);
        when.getStyleClass().add(Styles.WALL_WHEN);
        HBox clock = new HBox(time, when);
        clock.getStyleClass().add(Styles.WALL_CLOCK_BOX);
        clock.setAlignment(Pos.CENTER_LEFT);

        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox h = new HBox(name, clock, sp);
        h.getStyleClass().add(Styles.WALL_HEADER);
        h.setAlignment(Pos.CENTER_LEFT);
        for (Severity s : Severity.values()) {
            h.getChildren().add(severityTile(s));
        }
        h.getChildren().addAll(
                tile("wallOverdueCount", "Overdue", MaterialDesignA.ALARM_LIGHT, Styles.WALL_TILE_OVERDUE,
                        Bindings.size(vm.overdue()).asString(), null),
                tile("wallAtRiskCount", "At risk", MaterialDesignA.ALERT, Styles.WALL_TILE_RISK,
                        Bindings.size(vm.atRisk()).asString(), null));
        if (vm.viewer().cleared()) {
            ToggleButton show = new ToggleButton(null, icon(MaterialDesignE.EYE_OUTLINE));
            show.setId("wallShowSensitive");
            show.getStyleClass().add(Styles.WALL_TOGGLE);
            show.setAccessibleText("Show Official Sensitive subjects"); // icon only: what a screen reader says
            show.setTooltip(new Tooltip("Show Official Sensitive subjects on the wall (only when everyone who can see the"
                    + " display is cleared)"));
            show.selectedProperty().bindBidirectional(vm.showSensitiveProperty());
            h.getChildren().add(show);
        }
        return h;
    }

    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");

    private VBox severityTile(Severity s) {
        return tile("wallOpen" + s.name(), Countdown.severityText(s), Icons.severity(s), Styles.severity(s),
                vm.openCountProperty(s).asString(), Bindings.concat(vm.waitingCountProperty(s).asString(), " waiting"));
    }

    private VBox tile(String id, String title, Ikon icon, String style, ObservableStringValue value,
                             ObservableStringValue sub) {
        Label head = new Label(title, icon(icon));
        head.getStyleClass().add(Styles.WALL_TILE_TITLE);
        Label number = new Label();
        number.setId(id);
        number.getStyleClass().add(Styles.WALL_TILE_NUMBER);
        number.textProperty().bind(value);
        VBox box = new VBox(head, number);
        if (sub != null) {
            Label l = new Label();
            l.getStyleClass().add(Styles.WALL_TILE_SUB);
            l.textProperty().bind(sub);
            HBox line = new HBox(number, l);
            line.setAlignment(Pos.BASELINE_LEFT);
            line.getStyleClass().add(Styles.WALL_TILE_LINE);
            box.getChildren().setAll(head, line);
        }
        box.getStyleClass().addAll(Styles.WALL_TILE, style);
        return box;
    }

    // ---------------------------------------------------------------- panels

    private ListView<Ticket> tickets(String id, ObservableList<Ticket> items, boolean compact, String empty) {
        ListView<Ticket> l = new ListView<>(items);
        l.setId(id);
        l.getStyleClass().add(Styles.WALL_LIST);
        l.setFocusTraversable(false);
        l.setMouseTransparent(false);
        l.setCellFactory(x -> new WallboardCell(vm, ticker, fmt, compact, fontSize));
        Label none = new Label(empty);
        none.getStyleClass().add(Styles.WALL_EMPTY);
        none.setWrapText(true);
        none.setTextAlignment(TextAlignment.CENTER);
        none.setPadding(new Insets(0, 12, 0, 12));
        l.setPlaceholder(none);
        l.getSelectionModel().selectedItemProperty().addListener((o, was, t) -> {
            if (t != null) {
                Platform.runLater(() -> l.getSelectionModel().clearSelection());
            }
        });
        return l;
    }

    private VBox panel(String title, Ikon icon, String style, ObservableStringValue count,
                              Node body) {
        Label head = new Label(title, icon(icon));
        head.getStyleClass().add(Styles.WALL_PANEL_TITLE);
        head.setMinWidth(0);
        Label n = new Label();
        n.getStyleClass().add(Styles.WALL_PANEL_COUNT);
        n.textProperty().bind(count);
        n.setMinWidth(Region.USE_PREF_SIZE);
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox top = new HBox(head, sp, n);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add(Styles.WALL_PANEL_HEAD);
        VBox box = new VBox(top, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        box.getStyleClass().addAll(Styles.WALL_PANEL, style);
        box.setMinHeight(0);
        box.setMinWidth(0);
        return box;
    }

    private ListView<WallboardViewModel.AgentLoad> agentLoad() {
        ListView<WallboardViewModel.AgentLoad> l = new ListView<>(vm.agentLoad());
        l.setId("wallLoad");
        l.getStyleClass().add(Styles.WALL_LIST);
        l.setFocusTraversable(false);
        l.setCellFactory(x -> new AgentLoadCell(vm, this::icon));
        Label none = new Label("No active agents");
        none.getStyleClass().add(Styles.WALL_EMPTY);
        l.setPlaceholder(none);
        return l;
    }

    // ---------------------------------------------------------------- compliance and footer

    private HBox compliance() {
        Label title = new Label("Response\ncompliance", icon(MaterialDesignC.CHECK_DECAGRAM));
        title.getStyleClass().add(Styles.WALL_COMPLIANCE_TITLE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox strip = new HBox(title);
        strip.setId("wallCompliance");
        strip.getStyleClass().add(Styles.WALL_COMPLIANCE);
        strip.setAlignment(Pos.CENTER_LEFT);
        for (Severity s : Severity.values()) {
            strip.getChildren().add(complianceTile(s));
        }
        return strip;
    }

    private GridPane complianceTile(Severity s) {
        Label head = new Label(Countdown.severityText(s), icon(Icons.severity(s)));
        head.getStyleClass().addAll(Styles.WALL_SEVERITY, Styles.severity(s));
        GridPane g = new GridPane();
        g.setId("wallCompliance" + s.name());
        g.getStyleClass().add(Styles.WALL_COMPLIANCE_TILE);
        g.add(head, 0, 0, 2, 1);
        Label[] cells = new Label[4];
        String[] ids = {"TodayPct", "TodayText", "MonthPct", "MonthText"};
        for (int i = 0; i < 4; i++) {
            cells[i] = new Label();
            cells[i].setId("wallCompliance" + s.name() + ids[i]);
            cells[i].getStyleClass().add(i % 2 == 0 ? Styles.WALL_PCT : Styles.WALL_PCT_TEXT);
        }
        Label today = new Label("Today");
        today.getStyleClass().add(Styles.WALL_PERIOD);
        Label month = new Label("This month");
        month.getStyleClass().add(Styles.WALL_PERIOD);
        g.add(today, 0, 1);
        g.add(month, 1, 1);
        g.add(cells[0], 0, 2);
        g.add(cells[2], 1, 2);
        g.add(cells[1], 0, 3);
        g.add(cells[3], 1, 3);
        ColumnConstraints c = new ColumnConstraints();
        c.setPercentWidth(50);
        g.getColumnConstraints().addAll(c, c);
        HBox.setHgrow(g, Priority.ALWAYS);
        g.setMaxWidth(Double.MAX_VALUE);
        Runnable update = () -> vm.compliance().stream().filter(r -> r.severity() == s).findFirst().ifPresent(r -> {
            show(cells[0], cells[1], r.today());
            show(cells[2], cells[3], r.month());
        });
        vm.compliance().addListener((ListChangeListener<WallboardViewModel.ComplianceRow>) ch -> update.run());
        update.run();
        return g;
    }

    private static void show(Label pct, Label text, Compliance c) {
        pct.setText(WallboardViewModel.percentText(c));
        text.setText(WallboardViewModel.complianceText(c));
        pct.getStyleClass().removeAll(Styles.WALL_PCT_GOOD, Styles.WALL_PCT_WARN);
        if (c.pctMet() != null) {
            pct.getStyleClass().add(c.missed() == 0 ? Styles.WALL_PCT_GOOD : Styles.WALL_PCT_WARN);
        }
    }

    private HBox footer(ObservableStringValue feedStatus) {
        Label live = new Label();
        live.setId("wallFeedStatus");
        live.getStyleClass().add(Styles.WALL_FOOTER_TEXT);
        if (feedStatus != null) {
            live.textProperty().bind(feedStatus);
        }
        Label msg = new Label();
        msg.getStyleClass().add(Styles.WALL_FOOTER_TEXT);
        msg.textProperty().bind(vm.messageProperty());
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        Label viewer = new Label();
        viewer.setId("wallViewer");
        viewer.textProperty().bind(Bindings.createStringBinding(() -> "Viewing as " + vm.viewer().displayName()
                + (vm.showSensitiveProperty().get() ? " \u00b7 Official Sensitive subjects shown"
                : " \u00b7 Official Sensitive tickets shown as placeholders"), vm.showSensitiveProperty()));
        viewer.getStyleClass().add(Styles.WALL_FOOTER_TEXT);
        Label keys = new Label("Esc leaves \u00b7 " + DeskAction.WALLBOARD.keyText(KeyStyle.current()) + " full screen");
        keys.getStyleClass().add(Styles.WALL_FOOTER_TEXT);
        HBox f = new HBox(live, msg, sp, viewer, keys);
        f.getStyleClass().add(Styles.WALL_FOOTER);
        return f;
    }
}
