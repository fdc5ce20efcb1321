package com.supportdesk.ui.admin;

import com.supportdesk.ui.common.DialogService;
import com.supportdesk.ui.common.FxDialogService;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link AdminDialogs} with the desk's alerts, the platform file chooser and a confirmation alert. */
public final class FxAdminDialogs implements AdminDialogs {

    private final Supplier<Window> owner;
    private final DialogService plain;

    public FxAdminDialogs(Supplier<Window> owner) {
        this.owner = owner;
        this.plain = new FxDialogService(owner);
    }

    @Override
    public void showError(String title, String message) {
        plain.showError(title, message);
    }

    @Override
    public void showInfo(String title, String message) {
        plain.showInfo(title, message);
    }

    @Override
    public Optional<Path> askSaveLocation(String title, String suggestedFileName) {
        return plain.askSaveLocation(title, suggestedFileName);
    }

    @Override
    public Optional<Path> askOpenFile(String title, String... filters) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        for (String f : filters) {
            String[] parts = f.split("\\|");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(parts[0],
                    Arrays.asList(parts).subList(1, parts.length)));
        }
        File home = new File(System.getProperty("user.home"));
        File downloads = new File(home, "Downloads");
        fc.setInitialDirectory(downloads.isDirectory() ? downloads : home);
        return Optional.ofNullable(fc.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public boolean confirm(String title, String message, String yes) {
        ButtonType ok = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", ok, ButtonType.CANCEL);
        a.setTitle(title);
        a.setHeaderText(title);
        Label l = new Label(message);
        l.setWrapText(true);
        l.setMaxWidth(480);
        l.setId("confirmMessage");
        a.getDialogPane().setContent(l);
        Window w = owner.get();
        if (w != null && w.isShowing()) {
            a.initOwner(w);
        }
        return a.showAndWait().filter(b -> b == ok).isPresent();
    }
}
