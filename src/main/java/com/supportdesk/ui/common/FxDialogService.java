package com.supportdesk.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * {@link DialogService} with JavaFX alerts and the platform file chooser, owned by the window {@code owner} names
 * when the dialog opens (the desk, a tool window, the call console). Alerts carry the desk's stylesheets.
 */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message, "alertMessage", ButtonType.OK).show();
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message, "alertMessage", ButtonType.OK).show();
    }

    @Override
    public Optional<Path> askSaveLocation(String title, String suggestedFileName, FileType... types) {
        FileChooser fc = chooser(title, types);
        fc.setInitialFileName(suggestedFileName);
        return Optional.ofNullable(fc.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> askOpenFile(String title, FileType... types) {
        return Optional.ofNullable(chooser(title, types).showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public boolean confirm(String title, String message, String yes) {
        ButtonType ok = new ButtonType(yes, ButtonData.OK_DONE);
        return alert(Alert.AlertType.CONFIRMATION, title, message, "confirmMessage", ok, ButtonType.CANCEL).showAndWait()
                .filter(ok::equals).isPresent();
    }

    @Override
    public boolean confirmDiscard(String title, String message) {
        ButtonType discard = new ButtonType("_Discard", ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("_Keep it", ButtonData.CANCEL_CLOSE);
        Alert a = alert(Alert.AlertType.CONFIRMATION, title, message, "confirmMessage", discard, keep);
        // Enter keeps; discarding takes Alt+D, so a stray Enter after Esc loses nothing.
        ((Button) a.getDialogPane().lookupButton(discard)).setDefaultButton(false);
        ((Button) a.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        return a.showAndWait().filter(discard::equals).isPresent();
    }

    @Override
    public <T> T ask(String title, String message, List<Answer<T>> answers) {
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("A question needs answers.");
        }
        List<ButtonType> buttons = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            ButtonData data = i == 0 ? ButtonData.OK_DONE : i == answers.size() - 1 ? ButtonData.CANCEL_CLOSE
                    : ButtonData.OTHER;
            buttons.add(new ButtonType(answers.get(i).text(), data));
        }
        Optional<ButtonType> picked = alert(Alert.AlertType.CONFIRMATION, title, message, "confirmMessage",
                buttons.toArray(ButtonType[]::new)).showAndWait();
        int i = picked.map(buttons::indexOf).filter(x -> x >= 0).orElse(answers.size() - 1);
        return answers.get(i).value();
    }

    private Alert alert(Alert.AlertType type, String title, String message, String id, ButtonType... buttons) {
        Alert a = new Alert(type, "", buttons);
        a.setTitle(title);
        a.setHeaderText(title);
        Label l = new Label(message);
        l.setWrapText(true);
        l.setMaxWidth(480);
        l.setId(id);
        a.getDialogPane().setContent(l);
        a.getDialogPane().getStylesheets().setAll(Theme.stylesheets());
        Window w = owner.get();
        if (w != null && w.isShowing()) {
            a.initOwner(w);
            Theme.zoomOf(w).ifPresent(a.getDialogPane().getStylesheets()::add); // the text size of its window
        }
        return a;
    }

    private static FileChooser chooser(String title, FileType... types) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        for (FileType t : types) {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(t.description(), t.patterns()));
        }
        File home = new File(System.getProperty("user.home"));
        File downloads = new File(home, "Downloads");
        fc.setInitialDirectory(downloads.isDirectory() ? downloads : home);
        return fc;
    }
}
