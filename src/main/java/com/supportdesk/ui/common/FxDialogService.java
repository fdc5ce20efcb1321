package com.supportdesk.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX alerts and the platform file chooser. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message);
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message);
    }

    private void alert(Alert.AlertType type, String title, String message) {
        Alert a = new Alert(type, "", ButtonType.OK);
        a.setTitle(title);
        a.setHeaderText(title);
        Label l = new Label(message);
        l.setWrapText(true);
        l.setMaxWidth(480);
        l.setId("alertMessage");
        a.getDialogPane().setContent(l);
        Window w = owner.get();
        if (w != null && w.isShowing()) {
            a.initOwner(w);
        }
        a.show();
    }

    @Override
    public Optional<Path> askSaveLocation(String title, String suggestedFileName) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialFileName(suggestedFileName);
        File home = new File(System.getProperty("user.home"));
        File downloads = new File(home, "Downloads");
        fc.setInitialDirectory(downloads.isDirectory() ? downloads : home);
        File f = fc.showSaveDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }
}
