package com.supportdesk.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A small modal form for an action. Submitting runs the action in the background; on failure (e.g. a
 * conflicting change by someone else) the form stays open with the message and everything typed kept.
 * Ctrl+Enter submits, Escape cancels.
 */
public final class FormDialog {

    private final Stage stage = new Stage();
    private final Label error = new Label();
    private final Button ok;
    private final Button cancel = new Button("Cancel");
    private Supplier<CompletableFuture<?>> action;

    public FormDialog(Window owner, String title, String header, Node content, String okText) {
        stage.setTitle(title);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Label head = new Label(header);
        head.getStyleClass().add(Styles.DIALOG_HEADER);
        head.setWrapText(true);
        error.getStyleClass().add(Styles.DIALOG_ERROR);
        error.setId("dialogError");
        error.setManaged(false);
        error.setVisible(false);
        error.setMaxWidth(520);
        ok = new Button(okText);
        ok.setId("dialogOk");
        ok.getStyleClass().add(Styles.PRIMARY);
        ok.setDefaultButton(true);
        cancel.setId("dialogCancel");
        cancel.setCancelButton(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, cancel, ok);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, head, content, error, buttons);
        root.getStyleClass().add(Styles.FORM_DIALOG);
        root.setPrefWidth(540);
        Scene scene = new Scene(root);
        Theme.apply(scene);
        Theme.zoomOf(owner).ifPresent(scene.getStylesheets()::add); // the text size of the window it belongs to
        ActionFactory.install(scene, DeskAction.SUBMIT_DIALOG, ok::fire);
        stage.setScene(scene);
        cancel.setOnAction(e -> stage.close());
        ok.setOnAction(e -> submit());
    }

    public FormDialog onSubmit(Supplier<CompletableFuture<?>> action) {
        this.action = action;
        return this;
    }

    private void submit() {
        if (action == null) {
            stage.close();
            return;
        }
        showError(null);
        ok.setDisable(true);
        CompletableFuture<?> f;
        try {
            f = action.get();
        } catch (RuntimeException e) {
            ok.setDisable(false);
            showError(e.getMessage());
            return;
        }
        f.whenComplete((r, err) -> {
            ok.setDisable(false);
            if (err == null) {
                stage.close();
            } else {
                showError(Errors.plain(err));
            }
        });
    }

    public void showError(String message) {
        boolean show = message != null && !message.isBlank();
        error.setText(show ? message : "");
        error.setVisible(show);
        error.setManaged(show);
        stage.sizeToScene();
    }

    public void show() {
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    public Stage stage() {
        return stage;
    }
}
