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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** The stylesheets every window loads ({@link #stylesheets()}), by name beside this class. */
    private static final List<String> SHEETS = List.of("colors.css", "desk.css", "admin.css", "phone.css");

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
        return SHEETS.stream().map(Theme::url).toList();
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
     * the stylesheets is relative to it (em), tooltips included (their popup takes its owner window's root font).
     * Icon sizes are not em: Ikonli sets an icon's own font from its size, so an em there would be measured against
     * the icon itself. The same stylesheet therefore repeats each
     * {@code -fx-icon-size} rule of the theme scaled by the zoom ({@link #ICON_SIZES}). Windows the scene's window
     * owns take the size it has when they open ({@link #dress}).
     */
    public static void zoom(Scene scene, FontZoom zoom) {
        setZoom(scene, zoom);
        zoom.percentProperty().addListener((o, was, now) -> setZoom(scene, zoom));
    }

    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");
    private static final Pattern ICON_SIZE = Pattern.compile("-fx-icon-size\\s*:\\s*([0-9]+(?:\\.[0-9]+)?)(?:px)?\\s*(?:;|$)");

    /** One {@code -fx-icon-size} rule of the theme: its selector and size in pixels at 100 %. */
    record IconSize(String selector, double px) {
    }

    /** The theme's icon sizes, in the order of its stylesheets (so that the scaled copies cascade as they do). */
    static final List<IconSize> ICON_SIZES = iconSizes(stylesheetText());

    /** The stylesheet that makes the root's font {@code fontPx} pixels and scales the icons to {@code percent} %. */
    static String zoomSheet(double fontPx, int percent) {
        StringBuilder css = new StringBuilder(".root { -fx-font-size: " + fontPx + "px; }\n");
        for (IconSize i : ICON_SIZES) {
            css.append(i.selector()).append(" { -fx-icon-size: ").append(Math.round(i.px() * percent / 100.0))
                    .append("px; }\n");
        }
        return ZOOM_SHEET + Base64.getEncoder().encodeToString(css.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void setZoom(Scene scene, FontZoom zoom) {
        scene.getStylesheets().removeIf(s -> s.startsWith(ZOOM_SHEET));
        scene.getStylesheets().add(zoomSheet(zoom.fontSize(), zoom.percentProperty().get()));
    }

    /** Every rule of {@code css} that sets {@code -fx-icon-size}, with its selector and size (px). */
    static List<IconSize> iconSizes(String css) {
        List<IconSize> out = new ArrayList<>();
        Matcher rule = RULE.matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
        while (rule.find()) {
            Matcher size = ICON_SIZE.matcher(rule.group(2));
            String px = null;
            while (size.find()) {
                px = size.group(1); // the last one in a rule counts
            }
            if (px != null) {
                out.add(new IconSize(rule.group(1).strip().replaceAll("\\s+", " "), Double.parseDouble(px)));
            }
        }
        return List.copyOf(out);
    }

    /** The text of {@link #stylesheets()}, one after the other. */
    private static String stylesheetText() {
        StringBuilder all = new StringBuilder();
        for (String name : SHEETS) {
            try (InputStream in = Objects.requireNonNull(Theme.class.getResourceAsStream(name), name)) {
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                throw new IllegalStateException("The theme's stylesheet " + name + " cannot be read", e);
            }
        }
        return all.toString();
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
