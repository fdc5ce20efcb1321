package com.supportdesk.ui.admin;

import com.supportdesk.domain.Severity;
import com.supportdesk.sla.CalendarSpec;
import com.supportdesk.sla.HolidayRegion;
import com.supportdesk.sla.PolicyVersion;
import com.supportdesk.store.PolicyRepository.StoredVersion;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.DialogService.FileType;
import com.supportdesk.ui.common.DialogService;
import com.supportdesk.ui.common.Forms;
import com.supportdesk.ui.common.Icons;
import com.supportdesk.ui.common.Styles;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** Policy administration: targets, hours, zone, region and closures; the year's closed days; the version history. */
public final class PolicyView extends BorderPane {

    private final PolicyViewModel vm;
    private final DialogService dialogs;

    public PolicyView(PolicyViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        setId("policyView");
        getStyleClass().add(Styles.ADMIN_VIEW);
        setTop(Forms.header("Response policy", MaterialDesignT.TIMER_COG_OUTLINE,
                "Targets, Business Hours and closed days. Each save is a new version in force from the instant you choose;"
                        + " tickets received before it keep their deadlines and results."));

        VBox left = new VBox(targets(), hours(), save());
        left.getStyleClass().add(Styles.ADMIN_COLUMN);
        left.setPrefWidth(380);
        left.setMinWidth(370);
        VBox middle = new VBox(closures());
        middle.getStyleClass().add(Styles.ADMIN_COLUMN);
        middle.setPrefWidth(330);
        middle.setMinWidth(320);
        VBox right = new VBox(holidays());
        right.getStyleClass().add(Styles.ADMIN_COLUMN);
        HBox.setHgrow(right, Priority.ALWAYS);
        VBox.setVgrow(middle.getChildren().get(0), Priority.ALWAYS);
        VBox.setVgrow(right.getChildren().get(0), Priority.ALWAYS);
        HBox days = new HBox(middle, right);
        days.getStyleClass().add(Styles.ADMIN_COLUMNS);
        VBox history = history();
        VBox rightSide = new VBox(days, history);
        rightSide.getStyleClass().add(Styles.ADMIN_COLUMN);
        VBox.setVgrow(days, Priority.ALWAYS);
        HBox.setHgrow(rightSide, Priority.ALWAYS);
        HBox center = new HBox(left, rightSide);
        center.getStyleClass().add(Styles.ADMIN_COLUMNS);
        center.getStyleClass().add(Styles.ADMIN_BODY);
        setCenter(center);
    }

    // ---------------------------------------------------------------- targets and hours

    private VBox targets() {
        GridPane g = Forms.grid();
        int row = 0;
        for (Severity s : Severity.values()) {
            TextField f = new TextField();
            f.setId("target" + s.name());
            f.setPrefColumnCount(7);
            f.textProperty().bindBidirectional(s == Severity.S1 ? vm.s1Property() : s == Severity.S2 ? vm.s2Property() : vm.s3Property());
            f.setTooltip(new Tooltip("Business Hours to the first customer contact, e.g. 1h, 4h, 1h 30m"));
            Label sev = new Label(Countdown.severityText(s), new FontIcon(Icons.severity(s)));
            sev.getStyleClass().addAll(Styles.SEVERITY_BADGE, Styles.severity(s));
            g.add(sev, 0, row);
            g.add(f, 1, row);
            row++;
        }
        Label hint = new Label("Business Hours until the first customer contact");
        hint.getStyleClass().add(Styles.ADMIN_HINT);
        return Forms.section("Response targets", MaterialDesignT.TIMER_OUTLINE, g, hint);
    }

    private VBox hours() {
        TextField opens = new TextField();
        opens.setId("opens");
        opens.setPrefColumnCount(5);
        opens.textProperty().bindBidirectional(vm.opensProperty());
        TextField closes = new TextField();
        closes.setId("closes");
        closes.setPrefColumnCount(5);
        closes.textProperty().bindBidirectional(vm.closesProperty());
        Label to = new Label("to");
        HBox times = new HBox(8, opens, to, closes, new Label("Mon\u2013Fri"));
        times.setAlignment(Pos.CENTER_LEFT);
        ComboBox<ZoneId> zone = new ComboBox<>(FXCollections.observableArrayList(PolicyViewModel.ZONES));
        zone.setId("zone");
        zone.valueProperty().bindBidirectional(vm.zoneProperty());
        zone.setConverter(converter(z -> z.equals(CalendarSpec.GMT) ? "GMT (UTC+0 all year, the policy's)"
                : z.getId() + " (UK clock time)"));
        ComboBox<HolidayRegion> region = new ComboBox<>(FXCollections.observableArrayList(HolidayRegion.values()));
        region.setId("region");
        region.valueProperty().bindBidirectional(vm.regionProperty());
        region.setConverter(converter(r -> r.displayName() + " bank holidays"));
        GridPane g = Forms.grid();
        Forms.row(g, 0, "Open", times);
        Forms.row(g, 1, "Time zone", zone);
        Forms.row(g, 2, "Holidays", region);
        return Forms.section("Business Hours", MaterialDesignC.CLOCK_OUTLINE, g);
    }

    private VBox save() {
        DatePicker date = Forms.datePicker("effectiveDate");
        date.valueProperty().bindBidirectional(vm.effectiveDateProperty());
        date.setPrefWidth(130);
        TextField time = new TextField();
        time.setId("effectiveTime");
        time.setPrefColumnCount(5);
        time.textProperty().bindBidirectional(vm.effectiveTimeProperty());
        Button now = new Button("Now");
        now.setId("effectiveNow");
        now.setMinWidth(Region.USE_PREF_SIZE);
        now.setOnAction(e -> vm.resetEffective());
        HBox when = new HBox(8, date, time, now);
        when.setAlignment(Pos.CENTER_LEFT);
        TextField note = new TextField();
        note.setId("policyNote");
        note.setPromptText("Why it changes, e.g. Office closed for the move");
        note.textProperty().bindBidirectional(vm.noteProperty());
        GridPane g = Forms.grid();
        Forms.row(g, 0, "In force from", when);
        Forms.row(g, 1, "Note", note);
        Label zoneHint = new Label("Date and time in your time zone (" + vm.displayZone().getId() + ").");
        zoneHint.getStyleClass().add(Styles.ADMIN_HINT);
        Button save = new Button("Save as new version", new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.setId("policySave");
        save.getStyleClass().add(Styles.PRIMARY);
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> confirmAndSave());
        Button revert = new Button("Revert");
        revert.setId("policyRevert");
        revert.setTooltip(new Tooltip("Back to the version in force now"));
        revert.setOnAction(e -> vm.revert());
        return Forms.section("Save as a new version", MaterialDesignH.HISTORY, g, zoneHint,
                Forms.warning("effectiveWarning", vm.effectiveWarningProperty()), Forms.buttons(save, revert),
                Forms.error("policyError", vm.errorProperty()), Forms.status("policyStatus", vm.statusProperty()));
    }

    private void confirmAndSave() {
        if (vm.effectiveInThePast() && !dialogs.confirm("Re-measure past tickets?", vm.effectiveWarningProperty().get()
                + "\n\nTheir results in reports can change.", "Save and re-measure")) {
            return;
        }
        vm.save();
    }

    // ---------------------------------------------------------------- closures and holidays

    private VBox closures() {
        ListView<LocalDate> list = new ListView<>(vm.extraClosures());
        list.setId("extraClosures");
        list.setCellFactory(l -> dateCell());
        list.setPlaceholder(placeholder("No office closures"));
        list.setPrefHeight(110);
        DatePicker pick = Forms.datePicker("closureDate");
        pick.setPrefWidth(125);
        pick.setMinWidth(115);
        Button add = new Button("Add", new FontIcon(MaterialDesignC.CALENDAR_PLUS));
        add.setId("addClosure");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setOnAction(e -> {
            vm.addClosure(pick.getValue());
            pick.setValue(null);
        });
        Button remove = new Button("Remove");
        remove.setId("removeClosure");
        remove.setMinWidth(Region.USE_PREF_SIZE);
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.removeClosure(list.getSelectionModel().getSelectedItem()));
        Button importButton = new Button("Import .ics or gov.uk JSON\u2026", new FontIcon(MaterialDesignF.FILE_IMPORT_OUTLINE));
        importButton.setId("importClosures");
        importButton.setOnAction(e -> dialogs.askOpenFile("Import closure dates",
                FileType.of("iCalendar or gov.uk bank holidays", "*.ics", "*.json"), FileType.ALL).ifPresent(vm::importFile));
        importButton.setMaxWidth(Double.MAX_VALUE);

        ListView<LocalDate> kept = new ListView<>(vm.removedHolidays());
        kept.setId("keptOpen");
        kept.setCellFactory(l -> dateCell());
        kept.setPlaceholder(placeholder("None: every bank holiday closes the desk"));
        kept.setPrefHeight(52);
        Button restore = new Button("Close again");
        restore.setId("restoreHoliday");
        restore.disableProperty().bind(kept.getSelectionModel().selectedItemProperty().isNull());
        restore.setOnAction(e -> vm.restoreHoliday(kept.getSelectionModel().getSelectedItem()));
        Label keptTitle = new Label("Bank holidays kept open");
        keptTitle.getStyleClass().add(Styles.SUBSECTION_TITLE);
        VBox box = Forms.section("Office closures", MaterialDesignC.CALENDAR_REMOVE_OUTLINE, list,
                Forms.buttons(pick, add, remove), importButton, keptTitle, kept, Forms.buttons(restore));
        VBox.setVgrow(list, Priority.ALWAYS);
        return box;
    }

    private VBox holidays() {
        Spinner<Integer> year = new Spinner<>(2000, 2100, vm.yearProperty().get());
        year.setId("holidayYear");
        year.setEditable(true);
        year.setPrefWidth(90);
        year.valueProperty().addListener((o, was, y) -> vm.yearProperty().set(y));
        vm.yearProperty().addListener((o, was, y) -> year.getValueFactory().setValue(y.intValue()));
        ListView<PolicyViewModel.HolidayLine> list = new ListView<>(vm.holidays());
        list.setId("holidayList");
        list.setPlaceholder(placeholder("No closed weekdays"));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(PolicyViewModel.HolidayLine h, boolean empty) {
                super.updateItem(h, empty);
                getStyleClass().removeAll(Styles.KEPT_OPEN, Styles.OFFICE_CLOSURE);
                if (empty || h == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(PolicyViewModel.format(h.date()) + "   " + h.name() + (h.keptOpen() ? "  (kept open)" : ""));
                if (h.keptOpen()) {
                    getStyleClass().add(Styles.KEPT_OPEN);
                } else if (h.officeClosure()) {
                    getStyleClass().add(Styles.OFFICE_CLOSURE);
                }
            }
        });
        Button keepOpen = new Button("Keep the desk open that day");
        keepOpen.setId("keepOpen");
        Button closeAgain = new Button("Close again");
        closeAgain.setId("closeAgain");
        keepOpen.setDisable(true);
        closeAgain.setDisable(true);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, h) -> {
            keepOpen.setDisable(h == null || h.keptOpen());
            closeAgain.setDisable(h == null || !h.keptOpen());
            keepOpen.setText(h != null && h.officeClosure() ? "Remove this office closure" : "Keep the desk open that day");
        });
        keepOpen.setOnAction(e -> vm.keepOpen(list.getSelectionModel().getSelectedItem().date()));
        closeAgain.setOnAction(e -> vm.restoreHoliday(list.getSelectionModel().getSelectedItem().date()));
        Label count = new Label();
        count.getStyleClass().add(Styles.ADMIN_HINT);
        count.textProperty().bind(Bindings.createStringBinding(() -> vm.holidays().stream().filter(h -> !h.keptOpen()).count()
                + " closed weekdays, as edited", vm.holidays()));
        Label yearLabel = new Label("Year");
        yearLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox head = new HBox(8, yearLabel, year, Forms.spacer(), count);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = Forms.section("Closed days", MaterialDesignC.CALENDAR_MONTH_OUTLINE, head, list,
                Forms.buttons(keepOpen, closeAgain));
        VBox.setVgrow(list, Priority.ALWAYS);
        return box;
    }

    private static ListCell<LocalDate> dateCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(LocalDate d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : PolicyViewModel.format(d));
            }
        };
    }

    private static Label placeholder(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setTextAlignment(TextAlignment.CENTER);
        l.getStyleClass().add(Styles.FILTER_LABEL);
        return l;
    }

    // ---------------------------------------------------------------- history

    private VBox history() {
        TableView<StoredVersion> t = Forms.table("policyHistory", "No versions saved yet: the standard policy is in force.");
        t.setItems(vm.versions());
        t.getColumns().add(Forms.column("In force from", 125, v -> vm.whenShort(v.version().effectiveFrom())));
        t.getColumns().add(Forms.column("S1 / S2 / S3", 95, v -> PolicyViewModel.formatTarget(v.version().targets().s1())
                + " / " + PolicyViewModel.formatTarget(v.version().targets().s2()) + " / "
                + PolicyViewModel.formatTarget(v.version().targets().s3())));
        t.getColumns().add(Forms.column("Hours", 125, v -> v.version().calendar().opens() + "\u2013"
                + v.version().calendar().closes() + " " + v.version().calendar().zone().getId()));
        t.getColumns().add(Forms.column("Holidays", 125, v -> v.version().calendar().region().displayName()));
        t.getColumns().add(Forms.column("Closures", 90, PolicyView::closureSummary));
        t.getColumns().add(Forms.column("Note", 200, StoredVersion::note));
        t.setPrefHeight(120);
        t.setMinHeight(96);
        Label inForce = new Label();
        inForce.getStyleClass().add(Styles.ADMIN_HINT);
        inForce.textProperty().bind(vm.inForceProperty());
        HBox head = new HBox(inForce);
        return Forms.section("Version history", MaterialDesignH.HISTORY, head, t);
    }

    private static String closureSummary(StoredVersion v) {
        PolicyVersion p = v.version();
        int extra = p.calendar().extraClosures().size();
        int kept = p.calendar().removedHolidays().size();
        if (extra == 0 && kept == 0) {
            return "\u2014";
        }
        return (extra > 0 ? extra + " office" : "") + (extra > 0 && kept > 0 ? ", " : "") + (kept > 0 ? kept + " kept open" : "");
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
