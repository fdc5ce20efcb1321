package com.supportdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One theme: colours are named once (colors.css), every other stylesheet uses the names, Java uses {@link Styles}. */
@Tag("ui")
class ThemeTest {

    private static final List<String> SHEETS = List.of("colors.css", "desk.css", "admin.css", "phone.css", "wallboard.css");
    /** A colour written out: #rgb, #rrggbb(aa), rgb()/rgba()/hsb()/hsba(), or a colour name. */
    private static final Pattern LITERAL = Pattern.compile(
            "#[0-9a-fA-F]{3,8}\\b|\\b(?:rgba?|hsba?)\\(|(?<![-\\w])(?:white|black|red|green|blue|yellow|orange|gray|grey|purple)\\b");
    private static final Pattern TOKEN = Pattern.compile("-(?:sd|wall)-[a-z0-9-]+");
    /** Classes put on nodes only so tests and lookups can find them; no stylesheet needs to style them. */
    private static final Set<String> HOOKS = Set.of(Styles.CALL_CONSOLE, Styles.CALL_HEADER, Styles.CARD_COUNTDOWN,
            Styles.CHAT_LOG, Styles.SHIELD, Styles.TICKET_CELL, Styles.WALL_CELL_COMPACT, Styles.WALL_LOAD_CELL,
            Styles.WALL_PANEL_MAIN);

    @Test
    void everyWindowLoadsTheColourTokensFirst() {
        assertThat(Theme.stylesheets()).hasSize(4);
        assertThat(Theme.stylesheets().get(0)).endsWith("/colors.css");
    }

    @Test
    void onlyColorsCssWritesAColour() throws IOException {
        for (String sheet : SHEETS) {
            if (!sheet.equals("colors.css")) {
                assertThat(literals(css(sheet))).as(sheet).isEmpty();
            }
        }
    }

    @Test
    void everyColourNameUsedIsDefined() throws IOException {
        Map<String, String> tokens = tokens();
        for (String sheet : SHEETS) {
            Matcher m = TOKEN.matcher(css(sheet));
            while (m.find()) {
                assertThat(tokens).as(sheet + " uses " + m.group()).containsKey(m.group());
            }
        }
    }

    @Test
    void colorsJavaMustWriteAreTheTokensValues() throws IOException {
        Map<String, String> tokens = tokens();
        assertThat(Theme.WALLBOARD_FILL).isEqualTo(Color.web(tokens.get("-wall-bg")));
        assertThat(Theme.severityColor(Severity.S1)).isEqualTo(Color.web(tokens.get("-sd-s1")));
        assertThat(Theme.severityColor(Severity.S2)).isEqualTo(Color.web(tokens.get("-sd-s2")));
        assertThat(Theme.severityColor(Severity.S3)).isEqualTo(Color.web(tokens.get("-sd-s3")));
    }

    @Test
    void everyStyleClassJavaUsesIsStyledOrAKnownHook() throws Exception {
        StringBuilder all = new StringBuilder();
        for (String sheet : SHEETS) {
            all.append(css(sheet));
        }
        Set<String> selectors = new HashSet<>();
        Matcher m = Pattern.compile("\\.([a-z][a-z0-9-]*)").matcher(all);
        while (m.find()) {
            selectors.add(m.group(1));
        }
        List<String> unstyled = new ArrayList<>();
        for (Field f : Styles.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String c = (String) f.get(null);
                if (!selectors.contains(c) && !HOOKS.contains(c) && !c.equals(Styles.LABEL)) {
                    unstyled.add(c);
                }
            }
        }
        assertThat(unstyled).isEmpty();
        for (Severity s : Severity.values()) {
            assertThat(selectors).contains(Styles.severity(s));
        }
        for (Countdown.Tone t : Countdown.Tone.values()) {
            assertThat(selectors).contains(t.styleClass());
        }
    }

    private static List<String> literals(String css) {
        List<String> out = new ArrayList<>();
        Matcher m = LITERAL.matcher(css);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The colour tokens colors.css defines, with their values. */
    private static Map<String, String> tokens() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(-(?:sd|wall)-[a-z0-9-]+)\\s*:\\s*([^;]+);").matcher(css("colors.css"));
        while (m.find()) {
            out.put(m.group(1), m.group(2).strip());
        }
        return out;
    }

    /** A stylesheet's text without its comments. */
    private static String css(String name) throws IOException {
        try (InputStream in = Theme.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
    }

    @Test
    void theZoomSheetScalesEveryIconSizeOfTheTheme() {
        // what the parser reads: comments skipped, a rule over several lines, "px" or not, the last size in a rule
        assertThat(Theme.iconSizes("""
                /* .old { -fx-icon-size: 99; } */
                .a .ikonli-font-icon { -fx-icon-color: -sd-text; -fx-icon-size: 14; }
                .b,
                .c .ikonli-font-icon {
                    -fx-icon-size: 28px;
                    -fx-icon-size: 30px;
                }
                .d { -fx-font-size: 2em; }
                """)).containsExactly(new Theme.IconSize(".a .ikonli-font-icon", 14),
                new Theme.IconSize(".b, .c .ikonli-font-icon", 30));
        // the theme's own: every icon has a size (Ikonli's 16 by default), the header's is 20
        assertThat(Theme.ICON_SIZES).first().isEqualTo(new Theme.IconSize(".ikonli-font-icon", 16));
        assertThat(Theme.ICON_SIZES).contains(new Theme.IconSize(".app-header .ikonli-font-icon", 20),
                new Theme.IconSize(".button .ikonli-font-icon", 15));
        String at150 = new String(java.util.Base64.getDecoder().decode(
                Theme.zoomSheet(19.5, 150).substring(Theme.ZOOM_SHEET.length())), StandardCharsets.UTF_8);
        assertThat(at150).contains(".root { -fx-font-size: 19.5px; }", ".ikonli-font-icon { -fx-icon-size: 24px; }",
                ".app-header .ikonli-font-icon { -fx-icon-size: 30px; }", ".button .ikonli-font-icon { -fx-icon-size: 23px; }");
        assertThat(at150.lines().filter(l -> l.contains("-fx-icon-size"))).hasSize(Theme.ICON_SIZES.size());
    }
}
