package com.supportdesk.ui.about;

import com.supportdesk.store.DataLocation;
import com.supportdesk.ui.common.Styles;
import com.supportdesk.ui.common.Theme;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * Help → About Support Desk: the app icon, the version, the data folder, the database, the log file and the runtime,
 * as read-only text that can be selected and copied (for a support request). Esc or Close closes it.
 */
public final class AboutDialog {

    private AboutDialog() {
    }

    /** Shows the dialog (not waiting) and returns its stage. */
    public static Stage show(Window owner, DataLocation location) {
        return show(owner, AboutInfo.of(location));
    }

    public static Stage show(Window owner, AboutInfo info) {
        Stage stage = new Stage();
        ImageView icon = new ImageView();
        try (InputStream in = AboutDialog.class.getResourceAsStream("/icons/support-desk-64.png")) {
            if (in != null) {
                icon.setImage(new Image(in));
            }
        } catch (IOException | RuntimeException e) {
            // no icon is not worth failing for
        }
        icon.setId("aboutIcon");
        icon.setFitWidth(64);
        icon.setFitHeight(64);
        Label name = new Label(Theme.APP_TITLE);
        name.getStyleClass().add(Styles.ABOUT_NAME);
        Label version = new Label("Version " + info.version());
        version.setId("aboutVersionLine");
        version.getStyleClass().add(Styles.ABOUT_VERSION);
        Label what = new Label("Help desk for the support policy: severity board, response clock in Business Hours,"
                + " Official Sensitive handling.");
        what.setWrapText(true);
        what.getStyleClass().add(Styles.ABOUT_VERSION);
        VBox title = new VBox(4, name, version, what);
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox head = new HBox(16, icon, title);
        head.setAlignment(Pos.CENTER_LEFT);

        GridPane facts = new GridPane();
        facts.getStyleClass().add(Styles.ABOUT_FACTS);
        int row = 0;
        for (Map.Entry<String, String> f : info.facts().entrySet()) {
            Label l = new Label(f.getKey());
            l.getStyleClass().add(Styles.FORM_LABEL);
            l.setMinWidth(Region.USE_PREF_SIZE);
            TextField value = new TextField(f.getValue());
            value.setEditable(false);
            value.setId("about" + f.getKey().replace(" ", ""));
            value.setPrefColumnCount(48);
            facts.addRow(row++, l, value);
        }
        ColumnConstraints c0 = new ColumnConstraints();
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().addAll(c0, c1);

        Button copy = new Button("Copy details", new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setId("aboutCopy");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(info.text());
            Clipboard.getSystemClipboard().setContent(c);
            copy.setText("Copied");
        });
        Button close = new Button("Close");
        close.setId("aboutClose");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox buttons = new HBox(8, copy, sp, close);
        VBox root = new VBox(head, facts, buttons);
        root.getStyleClass().add(Styles.ABOUT);
        root.setId("aboutView");
        root.setPrefWidth(640);

        Theme.fixedWindow(stage, root, owner, "About " + Theme.APP_TITLE, stage::close);
        if (owner != null) {
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.show();
        close.requestFocus();
        return stage;
    }
}
