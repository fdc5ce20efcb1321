package com.supportdesk.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small building blocks of the desk's forms and tool windows (administration, reports), so they look alike. */
public final class Forms {

    /** Dates as people in the UK write them: 25/12/2026. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);

    private Forms() {
    }

    /** A titled section ("card") with an icon. */
    public static VBox section(String title, Ikon icon, Node... content) {
        Label head = new Label(title, icon == null ? null : new FontIcon(icon));
        head.getStyleClass().add(Styles.SECTION_TITLE);
        VBox box = new VBox(head);
        box.getChildren().addAll(content);
        box.getStyleClass().add(Styles.ADMIN_SECTION);
        return box;
    }

    /** A form grid: label column and field column. */
    public static GridPane grid() {
        GridPane g = new GridPane();
        g.getStyleClass().add(Styles.ADMIN_FORM);
        ColumnConstraints l = new ColumnConstraints();
        l.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints f = new ColumnConstraints();
        f.setHgrow(Priority.ALWAYS);
        f.setFillWidth(true);
        g.getColumnConstraints().addAll(l, f);
        return g;
    }

    /** Adds a labelled row to a form grid; the label is the field's mnemonic target. */
    public static void row(GridPane g, int row, String label, Node field) {
        Label l = new Label(label);
        l.getStyleClass().add(Styles.FORM_LABEL);
        l.setLabelFor(field);
        l.setMnemonicParsing(true);
        g.add(l, 0, row);
        g.add(field, 1, row);
        if (field instanceof Region r) {
            r.setMaxWidth(Double.MAX_VALUE);
        }
    }

    /**
     * Shows {@code node} while {@code shown} is true and leaves no gap where it was while false: visible and managed
     * together (a node that is only invisible still takes its space in the layout).
     */
    public static void showWhen(Node node, ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }

    /** A red message line bound to a view-model's error text; hidden while empty. */
    public static Label error(String id, ObservableStringValue text) {
        Label l = message(id, text);
        l.getStyleClass().add(Styles.ADMIN_ERROR);
        return l;
    }

    /** A green/neutral status line bound to a view-model's status text; hidden while empty. */
    public static Label status(String id, ObservableStringValue text) {
        Label l = message(id, text);
        l.getStyleClass().add(Styles.ADMIN_STATUS);
        return l;
    }

    /** An amber warning line; hidden while empty. */
    public static Label warning(String id, ObservableStringValue text) {
        Label l = message(id, text);
        l.getStyleClass().add(Styles.ADMIN_WARNING);
        return l;
    }

    private static Label message(String id, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.textProperty().bind(text);
        showWhen(l, l.textProperty().isNotEmpty());
        return l;
    }

    /** A table column showing text computed from the row. */
    public static <S> TableColumn<S, String> column(String title, double width, Function<S, String> text) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(
                cd.getValue() == null ? "" : String.valueOf(text.apply(cd.getValue()) == null ? "" : text.apply(cd.getValue()))));
        c.setPrefWidth(width);
        return c;
    }

    /** A table with the admin look that fills its columns across the width. */
    public static <S> TableView<S> table(String id, String empty) {
        TableView<S> t = new TableView<>();
        t.setId(id);
        t.getStyleClass().add(Styles.ADMIN_TABLE);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label none = new Label(empty);
        none.getStyleClass().add(Styles.FILTER_LABEL);
        t.setPlaceholder(none);
        return t;
    }

    /** A date picker that reads and writes dd/MM/yyyy. */
    public static DatePicker datePicker(String id) {
        DatePicker p = new DatePicker();
        p.setId(id);
        p.setPromptText("dd/mm/yyyy");
        p.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : DATE.format(d);
            }

            @Override
            public LocalDate fromString(String s) {
                if (s == null || s.isBlank()) {
                    return null;
                }
                String t = s.strip();
                try {
                    return t.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(t) : LocalDate.parse(t, DATE);
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        });
        return p;
    }

    /** A row of buttons aligned to the left. */
    public static HBox buttons(Node... nodes) {
        HBox h = new HBox(nodes);
        h.getStyleClass().add(Styles.ADMIN_BUTTONS);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    /** A growing spacer for an HBox. */
    public static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /** The screen's header line: a title and a one-sentence explanation. */
    public static VBox header(String title, Ikon icon, String explanation) {
        Label t = new Label(title, new FontIcon(icon));
        t.getStyleClass().add(Styles.ADMIN_TITLE);
        Label e = new Label(explanation);
        e.getStyleClass().add(Styles.ADMIN_SUBTITLE);
        e.setWrapText(true);
        VBox v = new VBox(t, e);
        v.getStyleClass().add(Styles.ADMIN_HEADER);
        return v;
    }
}
