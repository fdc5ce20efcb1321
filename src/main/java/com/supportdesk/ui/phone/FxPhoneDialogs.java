package com.supportdesk.ui.phone;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link PhoneDialogs} as JavaFX alerts and a file chooser, owned by the phone window. */
public final class FxPhoneDialogs implements PhoneDialogs {

    private final Supplier<Window> owner;

    public FxPhoneDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirmDiscard(String message) {
        ButtonType discard = new ButtonType("_Discard", ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("_Keep it", ButtonData.CANCEL_CLOSE);
        Alert a = alert(Alert.AlertType.CONFIRMATION, "Discard?", message, discard, keep);
        // Enter keeps; discarding takes Alt+D, so a stray Enter after Esc loses nothing.
        ((Button) a.getDialogPane().lookupButton(discard)).setDefaultButton(false);
        ((Button) a.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        return a.showAndWait().filter(discard::equals).isPresent();
    }

    @Override
    public DraftChoice offerDraft(String message) {
        ButtonType resume = new ButtonType("_Resume", ButtonData.OK_DONE);
        ButtonType discard = new ButtonType("_Discard it", ButtonData.OTHER);
        ButtonType later = new ButtonType("_Later", ButtonData.CANCEL_CLOSE);
        Alert a = alert(Alert.AlertType.CONFIRMATION, "Unfinished call", message, resume, discard, later);
        Optional<ButtonType> answer = a.showAndWait();
        if (answer.filter(resume::equals).isPresent()) {
            return DraftChoice.RESUME;
        }
        return answer.filter(discard::equals).isPresent() ? DraftChoice.DISCARD : DraftChoice.LATER;
    }

    @Override
    public void showError(String message) {
        alert(Alert.AlertType.ERROR, "Support Desk", message, ButtonType.OK).showAndWait();
    }

    @Override
    public Optional<Path> chooseTranscript() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a chat transcript");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Text transcripts (*.txt)", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = chooser.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    private Alert alert(Alert.AlertType type, String title, String message, ButtonType... buttons) {
        Alert a = new Alert(type, "", buttons);
        a.initOwner(owner.get());
        a.setTitle(title);
        a.setHeaderText(null);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(480);
        a.getDialogPane().setContent(text);
        return a;
    }
}
