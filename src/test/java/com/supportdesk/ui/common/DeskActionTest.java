package com.supportdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.ui.common.DeskAction.Scope;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
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
        assertNoClash(Scope.DESK, Scope.DIALOG);
        assertNoClash(Scope.PHONE, Scope.DIALOG);
        assertNoClash(Scope.QUARANTINE);
        assertNoClash(Scope.TOOL_WINDOW, Scope.DIALOG);
        assertNoClash(Scope.COMPOSER, Scope.DIALOG);
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

    private static void assertNoClash(Scope... scopes) {
        List<KeyCombination> keys = DeskAction.withKeys(scopes).stream().map(a -> a.accelerator().orElseThrow()).toList();
        assertThat(keys).as(Arrays.toString(scopes)).doesNotHaveDuplicates();
    }

    private static void assertUnique(Function<DeskAction, String> id) {
        List<String> ids = Arrays.stream(DeskAction.values()).map(id).filter(Objects::nonNull).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }
}
