package com.supportdesk.ui.mail;

import com.supportdesk.ui.common.ActionFactory;
import com.supportdesk.ui.common.DeskAction;
import com.supportdesk.ui.common.Theme;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The quarantine screen (admins): mail that could not be read, and with "Show automated mail" the automated-mail
 * log (auto-replies, list and bulk mail, unknown bounces). Actions: Retry (Ctrl+R), Make ticket anyway (Ctrl+T),
 * Save raw source… (Ctrl+S), Dismiss, Refresh (F5). All state lives in {@link QuarantineViewModel}.
 */
public final class QuarantineView {

    public static final String TITLE = "Quarantined mail";

    private final QuarantineViewModel vm;
    private final BorderPane root;

    public QuarantineView(QuarantineViewModel vm) {
        this.vm = vm;
        this.root = build();
    }

    /** Opens the screen in its own window and loads the list. */
    public static Stage show(Window owner, QuarantineViewModel vm) {
        QuarantineView view = new QuarantineView(vm);
        Stage stage = new Stage();
        stage.setTitle(TITLE);
        Theme.dress(stage, view.scene(), owner);
        stage.show();
        vm.refresh();
        return stage;
    }

    /** A scene with the keyboard shortcuts installed. */
    public Scene scene() {
        Scene scene = new Scene(root, 980, 560);
        Theme.apply(scene);
        ActionFactory.install(scene, DeskAction.QUARANTINE_RETRY, vm::retry);
        ActionFactory.install(scene, DeskAction.QUARANTINE_MAKE_TICKET, vm::makeTicket);
        ActionFactory.install(scene, DeskAction.QUARANTINE_SAVE_RAW, vm::saveRawSource);
        ActionFactory.install(scene, DeskAction.QUARANTINE_REFRESH, vm::refresh);
        return scene;
    }

    public Parent root() {
        return root;
    }

    private BorderPane build() {
        TableView<QuarantineViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("quarantineTable");
        table.setPlaceholder(new Label("No quarantined mail."));
        table.getColumns().setAll(List.of(
                column("Received", 140, QuarantineViewModel.Row::when),
                column("From", 180, QuarantineViewModel.Row::from),
                column("Subject", 220, QuarantineViewModel.Row::subject),
                column("Reason", 300, QuarantineViewModel.Row::reason),
                column("Size", 70, QuarantineViewModel.Row::size),
                column("State", 160, QuarantineViewModel.Row::state)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (table.getSelectionModel().getSelectedItem() != b) {
                if (b == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(b);
                }
            }
        });

        CheckBox automated = new CheckBox("Show automated mail (auto-replies, lists, unknown bounces)");
        automated.setId("showAutomated");
        automated.selectedProperty().bindBidirectional(vm.showAutomatedProperty());
        CheckBox resolved = new CheckBox("Show dealt with");
        resolved.setId("showResolved");
        resolved.selectedProperty().bindBidirectional(vm.showResolvedProperty());
        HBox filters = new HBox(16, automated, resolved);

        ActionFactory factory = new ActionFactory();
        Button retry = factory.button(DeskAction.QUARANTINE_RETRY, vm::retry);
        retry.disableProperty().bind(vm.canRetryBinding().not());
        Button make = factory.button(DeskAction.QUARANTINE_MAKE_TICKET, vm::makeTicket);
        make.disableProperty().bind(vm.canActBinding().not());
        Button save = factory.button(DeskAction.QUARANTINE_SAVE_RAW, vm::saveRawSource);
        save.disableProperty().bind(vm.selectedProperty().isNull().or(vm.busyProperty()));
        Button dismiss = factory.button(DeskAction.QUARANTINE_DISMISS, vm::dismiss);
        dismiss.disableProperty().bind(vm.canActBinding().not());
        Button refresh = factory.button(DeskAction.QUARANTINE_REFRESH, vm::refresh);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, retry, make, save, dismiss, spacer, refresh);

        Label status = new Label();
        status.setId("quarantineStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        BorderPane pane = new BorderPane(table);
        pane.setTop(filters);
        pane.setBottom(new VBox(8, actions, status));
        BorderPane.setMargin(filters, new Insets(0, 0, 8, 0));
        BorderPane.setMargin(table, new Insets(0, 0, 8, 0));
        pane.setPadding(new Insets(12));
        return pane;
    }

    private static TableColumn<QuarantineViewModel.Row, String> column(String title, double width,
                                                                       Function<QuarantineViewModel.Row, String> value) {
        TableColumn<QuarantineViewModel.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
