package com.supportdesk.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The look of every window of the desk, in one place: the stylesheets a scene loads and the app's name and icons.
 * Windows never add stylesheets of their own; they call {@link #apply(Scene)} (or {@link #dress}).
 */
public final class Theme {

    /** The application's name, in every window title. */
    public static final String APP_TITLE = "Support Desk";

    private Theme() {
    }

    /** "Agents — Support Desk". */
    public static String title(String what) {
        return what + " \u2014 " + APP_TITLE;
    }

    /** The stylesheets of the desk's windows. */
    public static List<String> stylesheets() {
        return List.of(url("desk.css"));
    }

    /** The stylesheets of the lead and admin tools (the desk's plus the tools' components). */
    public static List<String> toolStylesheets() {
        return List.of(url("desk.css"), url("admin.css"));
    }

    /** The stylesheets of the phone windows. */
    public static List<String> phoneStylesheets() {
        return List.of(url("phone.css"));
    }

    /** The wallboard's own dark stylesheet. */
    public static String wallboardStylesheet() {
        return url("wallboard.css");
    }

    /** Gives a scene the desk's stylesheets. */
    public static void apply(Scene scene) {
        scene.getStylesheets().setAll(stylesheets());
    }

    /**
     * Gives a secondary window the desk's look: the owner's stylesheets (or the desk's) plus the tools', the app's
     * icons, and the owner.
     */
    public static void dress(Stage stage, Scene scene, Window owner) {
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        } else {
            scene.getStylesheets().setAll(stylesheets());
        }
        scene.getStylesheets().add(url("admin.css"));
        stage.setScene(scene);
        if (owner != null) {
            stage.initOwner(owner);
            if (owner instanceof Stage s) {
                stage.getIcons().setAll(s.getIcons());
            }
        }
    }

    /** The window icons from /icons/support-desk-*.png, when the packaging provides them. */
    public static List<Image> icons() {
        List<Image> icons = new ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            try (InputStream in = Theme.class.getResourceAsStream("/icons/support-desk-" + size + ".png")) {
                if (in != null) {
                    icons.add(new Image(in));
                }
            } catch (IOException | RuntimeException e) {
                // no icon is not worth failing for
            }
        }
        return icons;
    }

    private static String url(String name) {
        URL u = Objects.requireNonNull(Theme.class.getResource(name), name);
        return u.toExternalForm();
    }
}
