package com.supportdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.ui.common.DeskAction.Scope;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The action registry: one declaration per action, keys written per platform from it, no clashes. */
@Tag("ui")
class DeskActionTest {

    @Test
    void keysAreWrittenTheWayEachPlatformWritesThem() {
        assertThat(DeskAction.ASSIGN.keyText(KeyStyle.PC)).isEqualTo("Ctrl+Shift+M");
        assertThat(DeskAction.ASSIGN.keyText(KeyStyle.MAC)).isEqualTo("\u21e7\u2318M");
        assertThat(DeskAction.NEW_CALL.keyText(KeyStyle.MAC)).isEqualTo("\u2318L");
        assertThat(DeskAction.RELOAD.keyText(KeyStyle.PC)).isEqualTo("F5");
        assertThat(DeskAction.RELOAD.keyText(KeyStyle.MAC)).isEqualTo("F5");
        assertThat(DeskAction.SUBMIT_DIALOG.keyText(KeyStyle.PC)).isEqualTo("Ctrl+Enter");
        assertThat(DeskAction.SHOW_BOARD.keyText(KeyStyle.PC)).isEqualTo("Ctrl+1");
        assertThat(KeyStyle.PC.text(KeyCombination.keyCombination("Ctrl+Alt+Shift+X"))).isEqualTo("Ctrl+Shift+Alt+X");
        assertThat(KeyStyle.MAC.text(KeyCombination.keyCombination("Ctrl+Alt+Shift+Shortcut+X")))
                .isEqualTo("\u2303\u2325\u21e7\u2318X");
        assertThat(KeyStyle.forOs("Mac OS X")).isEqualTo(KeyStyle.MAC);
        assertThat(KeyStyle.forOs("Windows 11")).isEqualTo(KeyStyle.PC);
        assertThat(KeyStyle.forOs("Linux")).isEqualTo(KeyStyle.PC);
    }

    @Test
    void tooltipsAndTheF1HelpComeFromTheSameDeclaration() {
        ActionFactory pc = new ActionFactory(KeyStyle.PC);
        assertThat(DeskAction.CHANGE_LEVEL.tooltipText(KeyStyle.PC)).isEqualTo("Change support level: escalate or hand back (Ctrl+E)");
        assertThat(DeskAction.LOG_CALL_ON_TICKET.tooltipText(KeyStyle.PC)).isEqualTo("Log a call on this ticket (Ctrl+L starts a new one)");
        assertThat(DeskAction.LOG_CALL_ON_TICKET.tooltipText(KeyStyle.MAC)).contains("\u2318L starts");
        List<String> help = pc.shortcutsHelp().lines().toList();
        assertThat(help).startsWith("Ctrl+N  New ticket", "Ctrl+L  Log a call (call console)")
                .contains("Ctrl+E  Change support level: escalate or hand back", "F5  Reload the ticket",
                        "Ctrl+Enter  Submit a dialog (Esc cancels it)", "Ctrl+Q  Quit")
                .noneMatch(l -> l.contains("Read the message again"));
        assertThat(help).hasSize(DeskAction.withKeys(Scope.DESK, Scope.DIALOG).size());
    }

    @Test
    void noKeyMeansTwoThingsWhereBothWork() {
        for (KeyStyle style : KeyStyle.values()) {
            assertNoClash(style, Scope.DESK, Scope.DIALOG);
            assertNoClash(style, Scope.PHONE, Scope.DIALOG);
            assertNoClash(style, Scope.QUARANTINE);
            assertNoClash(style, Scope.TOOL_WINDOW, Scope.DIALOG);
            assertNoClash(style, Scope.COMPOSER, Scope.DIALOG);
        }
    }

    /** Keys macOS keeps for itself (System Settings → Keyboard → Keyboard Shortcuts, and the standard app menu). */
    static final List<String> MACOS_KEEPS = List.of("Meta+M", "Meta+Alt+M", "Meta+H", "Meta+Alt+H", "F11", "F12",
            "Meta+Shift+Q", "Meta+Alt+Shift+Q", "Meta+Ctrl+Q", "Meta+Space", "Meta+Tab", "Meta+Alt+Escape",
            "Meta+Shift+3", "Meta+Shift+4", "Meta+Shift+5", "Meta+Back_Quote", "Meta+Comma", "Meta+Alt+D");

    @Test
    void onMacOsNoKeyTakesOneTheOsKeepsAndTheDeskSaysItsOwnInstead() {
        List<KeyCombination> reserved = MACOS_KEEPS.stream().map(KeyCombination::keyCombination).toList();
        for (DeskAction a : DeskAction.values()) {
            a.accelerator(KeyStyle.MAC).ifPresent(k -> assertThat(reserved).as(a + " " + a.keyText(KeyStyle.MAC))
                    .noneMatch(r -> sameKeys(r, k, true)));
        }
        // on a PC the usual keys stay
        assertThat(DeskAction.ASSIGN_TO_ME.keyText(KeyStyle.PC)).isEqualTo("Ctrl+M");
        assertThat(DeskAction.WALLBOARD.keyText(KeyStyle.PC)).isEqualTo("F11");
        assertThat(DeskAction.SIGN_OUT.keyText(KeyStyle.PC)).isEqualTo("Ctrl+Shift+Q");
        // on a Mac: ⌃⌘M (⌘M minimises), ⌃⌘F (F11 shows the desktop; ⌃⌘F is macOS's own full screen), no key for sign out
        assertThat(DeskAction.ASSIGN_TO_ME.keyText(KeyStyle.MAC)).isEqualTo("\u2303\u2318M");
        assertThat(DeskAction.WALLBOARD.keyText(KeyStyle.MAC)).isEqualTo("\u2303\u2318F");
        assertThat(DeskAction.SIGN_OUT.accelerator(KeyStyle.MAC)).isEmpty();
        assertThat(DeskAction.SIGN_OUT.tooltipText(KeyStyle.MAC)).isEqualTo("Sign out");
        // the menu item carries the platform's key
        assertThat(new ActionFactory(KeyStyle.MAC).menuItem(DeskAction.ASSIGN_TO_ME, () -> { }).getAccelerator())
                .isEqualTo(KeyCombination.keyCombination("Ctrl+Shortcut+M"));
        assertThat(new ActionFactory(KeyStyle.PC).menuItem(DeskAction.ASSIGN_TO_ME, () -> { }).getAccelerator())
                .isEqualTo(KeyCombination.keyCombination("Shortcut+M"));
        assertThat(new ActionFactory(KeyStyle.MAC).menuItem(DeskAction.SIGN_OUT, () -> { }).getAccelerator()).isNull();
    }

    @Test
    void theF1ListAndTooltipsReadCmdOnAMacAndCtrlElsewhere() {
        List<String> mac = new ActionFactory(KeyStyle.MAC).shortcutsHelp().lines().toList();
        assertThat(mac).startsWith("\u2318N  New ticket", "\u2318L  Log a call (call console)")
                .contains("\u2303\u2318M  Assign to me", "\u2303\u2318F  Lead wallboard (Esc leaves it)",
                        "\u2318+  Larger text", "\u2318\u2212  Smaller text", "\u23180  Text at its usual size")
                .noneMatch(l -> l.contains("Ctrl")).noneMatch(l -> l.contains("Sign out"));
        List<String> pc = new ActionFactory(KeyStyle.PC).shortcutsHelp().lines().toList();
        assertThat(pc).contains("Ctrl+M  Assign to me", "F11  Lead wallboard (Esc leaves it)", "Ctrl++  Larger text",
                "Ctrl+\u2212  Smaller text", "Ctrl+0  Text at its usual size", "Ctrl+Shift+Q  Sign out")
                .noneMatch(l -> l.contains("\u2318"));
        assertThat(DeskAction.ASSIGN_TO_ME.tooltipText(KeyStyle.MAC)).isEqualTo("Assign to me (\u2303\u2318M)");
        assertThat(DeskAction.ASSIGN_TO_ME.tooltipText(KeyStyle.PC)).isEqualTo("Assign to me (Ctrl+M)");
    }

    @Test
    void zoomAnswersTheKeysPeopleTypeForPlusMinusAndZero() {
        // Ctrl+= is + without Shift on many keyboards; the number pad has its own + − 0
        assertThat(DeskAction.ZOOM_IN.alternatives()).extracting(DeskActionTest::key).contains("EQUALS", "ADD");
        assertThat(DeskAction.ZOOM_OUT.alternatives()).extracting(DeskActionTest::key).contains("SUBTRACT");
        assertThat(DeskAction.ZOOM_RESET.alternatives()).extracting(DeskActionTest::key).contains("NUMPAD0");
        assertThat(DeskAction.NEW_TICKET.alternatives()).isEmpty();
    }

    /** Same modifiers and key, reading Shortcut as ⌘ on a Mac. */
    private static boolean sameKeys(KeyCombination a, KeyCombination b, boolean mac) {
        return mods(a, mac).equals(mods(b, mac)) && key(a).equals(key(b));
    }

    private static String mods(KeyCombination k, boolean mac) {
        boolean sc = k.getShortcut() == KeyCombination.ModifierValue.DOWN;
        return (k.getControl() == KeyCombination.ModifierValue.DOWN || (!mac && sc) ? "c" : "")
                + (k.getMeta() == KeyCombination.ModifierValue.DOWN || (mac && sc) ? "m" : "")
                + (k.getAlt() == KeyCombination.ModifierValue.DOWN ? "a" : "")
                + (k.getShift() == KeyCombination.ModifierValue.DOWN ? "s" : "");
    }

    private static String key(KeyCombination k) {
        return k instanceof KeyCodeCombination c ? c.getCode().name() : k.getName();
    }

    @Test
    void idsAreUnique() {
        assertUnique(DeskAction::menuId);
        assertUnique(DeskAction::buttonId);
    }

    @Test
    void everyMenuActionHasTextAndEveryButtonAShortText() {
        for (DeskAction a : DeskAction.values()) {
            assertThat(a.text()).as(a.name()).isNotBlank();
            assertThat(a.description()).as(a.name()).isNotBlank();
            if (a.buttonId() != null) {
                assertThat(a.shortText()).as(a.name()).isNotBlank();
            }
        }
    }

    private static void assertNoClash(KeyStyle style, Scope... scopes) {
        List<KeyCombination> keys = DeskAction.withKeys(style, scopes).stream()
                .flatMap(a -> Stream.concat(a.accelerator(style).stream(), a.alternatives().stream()))
                .toList();
        assertThat(keys).as(style + " " + Arrays.toString(scopes)).doesNotHaveDuplicates();
        boolean mac = style == KeyStyle.MAC;
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                assertThat(sameKeys(keys.get(i), keys.get(j), mac)).as(style + ": " + keys.get(i) + " and " + keys.get(j))
                        .isFalse();
            }
        }
    }

    private static void assertUnique(Function<DeskAction, String> id) {
        List<String> ids = Arrays.stream(DeskAction.values()).map(id).filter(Objects::nonNull).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }
}
