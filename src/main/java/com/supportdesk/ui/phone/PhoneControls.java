package com.supportdesk.ui.phone;

import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.store.ContactRepository.ContactMatch;
import com.supportdesk.ui.common.ActionFactory;
import com.supportdesk.ui.common.DeskAction;
import com.supportdesk.ui.common.Forms;
import com.supportdesk.ui.common.Styles;
import com.supportdesk.ui.common.Theme;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Small pieces the phone views share: labelled fields, the severity chooser, the caller lookup field. */
final class PhoneControls {

    private PhoneControls() {
    }

    /**
     * The rows of a phone form: a label column (110 px) and a growing field column, filled top to bottom so the tab
     * order follows the form.
     */
    static final class Rows {
        final GridPane grid = new GridPane();
        private int row;

        Rows(Insets padding) {
            grid.setHgap(10);
            grid.setVgap(8);
            grid.setPadding(padding);
            grid.getColumnConstraints().addAll(new ColumnConstraints(110),
                    new ColumnConstraints(200, 600, Double.MAX_VALUE, Priority.ALWAYS, null, true));
        }

        /** A row with a label (or none) and a field. */
        Rows add(Node label, Node field) {
            if (label != null) {
                grid.add(label, 0, row);
            }
            grid.add(field, 1, row++);
            return this;
        }

        /** A row with only a field, under the previous one. */
        Rows add(Node field) {
            return add(null, field);
        }

        /** The form in a scroll pane that fits its width. */
        ScrollPane scrolling() {
            ScrollPane scroll = new ScrollPane(grid);
            scroll.setFitToWidth(true);
            scroll.setFocusTraversable(false);
            return scroll;
        }
    }

    /** A label with a mnemonic ({@code _Subject} → Alt+S) that focuses {@code target}. */
    static Label label(String text, Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        return l;
    }

    /**
     * Makes a radio button's or check box's mnemonic (Alt+letter) select it. JavaFX fires a bare ActionEvent
     * for a mnemonic, which focuses nothing and toggles nothing on these controls; a real activation has
     * already changed the selection when its ActionEvent arrives, which is how the two are told apart.
     */
    static <B extends ButtonBase & Toggle> void mnemonicSelects(B button) {
        button.addEventHandler(ActionEvent.ACTION, e -> {
            button.setSelected(true);
            button.requestFocus();
        });
    }

    static void mnemonicToggles(CheckBox box) {
        boolean[] toggled = {false};
        box.selectedProperty().addListener((obs, old, now) -> {
            toggled[0] = true;
            Platform.runLater(() -> toggled[0] = false);
        });
        box.addEventHandler(ActionEvent.ACTION, e -> {
            if (!toggled[0]) {
                box.setSelected(!box.isSelected());
            }
            toggled[0] = false;
            box.requestFocus();
        });
    }

    /**
     * Enter saves from radio buttons and check boxes too (they swallow Enter, so the default button would
     * not see it); Ctrl+Enter and Ctrl+S save from anywhere, the notes and transcript included.
     */
    static void saveKeys(Scene scene, Runnable save) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()
                    && (scene.getFocusOwner() instanceof RadioButton || scene.getFocusOwner() instanceof CheckBox)) {
                e.consume();
                save.run();
            }
        });
        ActionFactory.install(scene, DeskAction.SUBMIT_DIALOG, save);
        ActionFactory.install(scene, DeskAction.PHONE_SAVE, save);
    }

    /**
     * A phone window owned by {@code owner}: the phone stylesheet, the save keys, closing it (the window's
     * close button) goes through {@code discard}, and it closes once the view-model says it is done.
     */
    static Stage window(Window owner, String title, Parent root, double width, double height, Runnable save,
                        Runnable discard, ReadOnlyBooleanProperty closed) {
        Stage stage = new Stage();
        stage.setTitle(title);
        Scene scene = new Scene(root, width, height);
        Theme.dress(stage, scene, owner);
        saveKeys(scene, save);
        stage.setOnCloseRequest(e -> {
            e.consume();
            discard.run();
        });
        closed.addListener((obs, was, now) -> {
            if (now) {
                stage.close();
            }
        });
        return stage;
    }

    /** A wrapped label showing {@code text}, taking no room while it is empty. */
    static Label message(String id, ReadOnlyStringProperty text, String styleClass) {
        Label l = new Label();
        l.setId(id);
        if (styleClass != null) {
            l.getStyleClass().add(styleClass);
        }
        l.setWrapText(true);
        l.textProperty().bind(text);
        Forms.showWhen(l, text.isNotEmpty());
        return l;
    }

    /** The bottom row: status text, then Discard (Esc) and the default save button (Enter). */
    static HBox buttonBar(String idPrefix, ReadOnlyStringProperty status, ReadOnlyBooleanProperty busy,
                          String discardText, Runnable discard, String saveText, String saveTip, Runnable save) {
        Label statusLabel = new Label();
        statusLabel.setId(idPrefix + "status");
        statusLabel.textProperty().bind(status);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button discardButton = new Button(discardText);
        discardButton.setId(idPrefix + "discard");
        discardButton.setCancelButton(true);
        discardButton.setTooltip(new Tooltip("Esc: throw it away (asks first)"));
        discardButton.setOnAction(e -> discard.run());
        discardButton.disableProperty().bind(busy);
        Button saveButton = new Button(saveText);
        saveButton.setId(idPrefix + "save");
        saveButton.setDefaultButton(true);
        saveButton.getStyleClass().add(Styles.PRIMARY);
        saveButton.setTooltip(new Tooltip(saveTip));
        saveButton.setOnAction(e -> save.run());
        saveButton.disableProperty().bind(busy);
        HBox box = new HBox(10, statusLabel, spacer, discardButton, saveButton);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(8, 16, 12, 16));
        return box;
    }

    /** Severity radio buttons showing the policy's definitions, with Alt+1/2/3. */
    static VBox severityChooser(String idPrefix, ObjectProperty<Severity> value) {
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(4);
        for (Severity s : Severity.values()) {
            RadioButton rb = new RadioButton("S_" + s.number() + " \u2014 " + s.definition());
            rb.setId(idPrefix + s.number());
            rb.setUserData(s);
            rb.setToggleGroup(group);
            mnemonicSelects(rb);
            rb.setWrapText(true);
            rb.getStyleClass().add(Styles.severity(s));
            rb.setTooltip(new Tooltip(s.label() + ": " + s.definition() + " (Alt+" + s.number() + ")"));
            box.getChildren().add(rb);
        }
        bindToggle(group, value);
        return box;
    }

    static ComboBox<SupportLevel> levelChooser(String id, ObjectProperty<SupportLevel> value) {
        ComboBox<SupportLevel> level = new ComboBox<>();
        level.setId(id);
        level.getItems().setAll(SupportLevel.values());
        level.setConverter(converter(SupportLevel::label));
        level.valueProperty().bindBidirectional(value);
        return level;
    }

    /**
     * The caller lookup: a field searched as you type and the matches under it. Down moves into the
     * matches; Enter (in the field or the list) or a click picks one; Enter in the field without matches
     * runs {@code onEnterWithoutMatch}.
     */
    static final class LookupField {
        final TextField field = new TextField();
        final ListView<ContactMatch> matches = new ListView<>();

        LookupField(String idPrefix, CallerLookup lookup, Consumer<ContactMatch> onPick, Runnable onEnterWithoutMatch) {
            field.setId(idPrefix + "-search");
            field.setPromptText("Phone number, name, e-mail or customer");
            field.textProperty().bindBidirectional(lookup.queryProperty());
            field.setOnAction(e -> {
                ContactMatch m = matches.getSelectionModel().getSelectedItem();
                if (m == null) {
                    m = lookup.first().orElse(null);
                }
                if (m != null) {
                    onPick.accept(m);
                } else {
                    onEnterWithoutMatch.run();
                }
            });
            field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.DOWN && !matches.getItems().isEmpty()) {
                    matches.requestFocus();
                    if (matches.getSelectionModel().isEmpty()) {
                        matches.getSelectionModel().selectFirst();
                    }
                    e.consume();
                }
            });
            matches.setId(idPrefix + "-matches");
            matches.setItems(lookup.matches());
            matches.setPrefHeight(120);
            matches.setCellFactory(lv -> cell(CallerLookup::describe));
            Forms.showWhen(matches, Bindings.isNotEmpty(lookup.matches()));
            matches.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER && matches.getSelectionModel().getSelectedItem() != null) {
                    onPick.accept(matches.getSelectionModel().getSelectedItem());
                    e.consume();
                }
            });
            matches.setOnMouseClicked(e -> {
                if (matches.getSelectionModel().getSelectedItem() != null) {
                    onPick.accept(matches.getSelectionModel().getSelectedItem());
                }
            });
        }
    }

    /** Tab and Shift+Tab move focus out of a text area (Ctrl+Tab is what the control itself does). */
    static void tabLeavesTextArea(KeyEvent e) {
        if (e.getCode() == KeyCode.TAB && !e.isControlDown() && e.getTarget() instanceof TextArea area) {
            e.consume();
            area.fireEvent(new KeyEvent(e.getSource(), e.getTarget(), e.getEventType(), e.getCharacter(), e.getText(),
                    e.getCode(), e.isShiftDown(), true, e.isAltDown(), e.isMetaDown()));
        }
    }

    /** Keeps a toggle group and a value in step, both ways; each toggle's user data is its value. */
    static <T> void bindToggle(ToggleGroup group, ObjectProperty<T> value) {
        group.selectedToggleProperty().addListener((obs, old, t) -> {
            if (t != null) {
                @SuppressWarnings("unchecked")
                T v = (T) t.getUserData();
                value.set(v);
            }
        });
        Runnable sync = () -> group.getToggles().stream().filter(t -> Objects.equals(t.getUserData(), value.get()))
                .findFirst().ifPresentOrElse(group::selectToggle, () -> group.selectToggle(null));
        value.addListener((obs, old, v) -> sync.run());
        sync.run();
    }

    static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
