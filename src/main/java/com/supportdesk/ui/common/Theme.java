package com.supportdesk.ui.common;

import com.supportdesk.domain.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The look of every window of the desk, in one place: the stylesheets a scene loads and the app's name and icons.
 * Windows never add stylesheets of their own; they call {@link #apply(Scene)} (or {@link #dress}).
 */
public final class Theme {

    /** The application's name, in every window title. */
    public static final String APP_TITLE = "Support Desk";

    /** The wallboard scene's fill before its CSS applies: colors.css's {@code -wall-bg} (ThemeTest keeps them equal). */
    public static final Color WALLBOARD_FILL = Color.web("#0b0f14");

    /**
     * A severity's colour where no stylesheet reaches (desktop notifications draw in their own popup): colors.css's
     * {@code -sd-s1}, {@code -sd-s2}, {@code -sd-s3} (ThemeTest keeps them equal).
     */
    public static Color severityColor(Severity s) {
        return switch (s) {
            case S1 -> Color.web("#c62828");
            case S2 -> Color.web("#b35c00");
            case S3 -> Color.web("#1565c0");
        };
    }

    private Theme() {
    }

    /** "Agents — Support Desk". */
    public static String title(String what) {
        return what + " \u2014 " + APP_TITLE;
    }

    /**
     * The stylesheets every window loads, in this order: the colour tokens ({@code colors.css}, the only file that
     * writes a colour), the desk's base and components, the tool windows' forms, the phone windows'.
     */
    public static List<String> stylesheets() {
        return List.of(url("colors.css"), url("desk.css"), url("admin.css"), url("phone.css"));
    }

    /** The wallboard's own dark components (its node adds it on top of the theme). */
    public static String wallboardStylesheet() {
        return url("wallboard.css");
    }

    /** Gives a scene the desk's look. */
    public static void apply(Scene scene) {
        scene.getStylesheets().setAll(stylesheets());
    }

    /** The start of the stylesheet that sets a scene's text size ({@link #zoom}). */
    static final String ZOOM_SHEET = "data:text/css;base64,";

    /**
     * Makes a scene's text follow {@code zoom}: a last stylesheet sets the root's font size, and every other size in
     * the stylesheets is relative to it (em). Windows the scene's window owns take the size it has when they open
     * ({@link #dress}).
     */
    public static void zoom(Scene scene, FontZoom zoom) {
        setZoom(scene, zoom.fontSize());
        zoom.percentProperty().addListener((o, was, now) -> setZoom(scene, zoom.fontSize()));
    }

    /** The stylesheet that makes the root's font {@code px} pixels. */
    static String zoomSheet(double px) {
        String css = ".root { -fx-font-size: " + px + "px; }";
        return ZOOM_SHEET + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    private static void setZoom(Scene scene, double px) {
        scene.getStylesheets().removeIf(s -> s.startsWith(ZOOM_SHEET));
        scene.getStylesheets().add(zoomSheet(px));
    }

    /** The text size of {@code owner}'s window ({@link #zoom}), as a stylesheet for a window it opens; else empty. */
    public static Optional<String> zoomOf(Window owner) {
        if (owner == null || owner.getScene() == null) {
            return Optional.empty();
        }
        return owner.getScene().getStylesheets().stream().filter(s -> s.startsWith(ZOOM_SHEET)).findFirst();
    }

    /** Gives a secondary window the desk's look, the app's icons, its owner and the owner's text size. */
    public static void dress(Stage stage, Scene scene, Window owner) {
        apply(scene);
        zoomOf(owner).ifPresent(scene.getStylesheets()::add);
        stage.setScene(scene);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.getIcons().setAll(owner instanceof Stage s && !s.getIcons().isEmpty() ? s.getIcons() : icons());
    }

    /**
     * A small fixed-size window of the desk (About, the quarterly report): themed, owned, titled, and closed (or
     * whatever {@code onEscape} does) with Esc. Returns its scene.
     */
    public static Scene fixedWindow(Stage stage, Parent root, Window owner, String title, Runnable onEscape) {
        Scene scene = new Scene(root);
        dress(stage, scene, owner);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                onEscape.run();
            }
        });
        stage.setTitle(title);
        stage.setResizable(false);
        return scene;
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
