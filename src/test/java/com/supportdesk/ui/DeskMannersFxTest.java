package com.supportdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Agent;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.ui.admin.DeskFixture;
import com.supportdesk.ui.board.Notifier;
import com.supportdesk.ui.common.ActionFactory;
import com.supportdesk.ui.common.DeskAction;
import com.supportdesk.ui.common.KeyStyle;
import com.supportdesk.ui.common.UiTaskExecutor;
import com.supportdesk.ui.signin.SignInGate;
import com.supportdesk.ui.ticket.ReplyComposerDialog;
import com.supportdesk.ui.ticket.ReplySender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desk's platform manners under headless Monocle: every icon-only button has an accessible name, the text zoom
 * follows Ctrl + and − (and 0) on every screen of the window and is there again after a restart, the menus carry the
 * zoom and the platform's keys. The zoom reaches what has sizes of its own: a tooltip (a popup window with its own
 * scene), the icons (Ikonli sizes them in pixels), the board's filter boxes and cards (fixed sizes truncated them).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DeskMannersFxTest {

    @TempDir
    static Path shared;

    final DeskFixture fixture = new DeskFixture(); // Wednesday 11 March 2026, 11:00 GMT
    Path dir;
    MutableClock clock;
    Store store;
    Stage stage;
    MainWindow window;
    UiTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        fixture.start(shared, stage, f -> new MainWindow.Services(f.clock, ZoneOffset.UTC, f.executor,
                WindowStateStore.file(f.dir.resolve("window.properties")),
                new ReplyComposerDialog(ReplySender.NOT_CONFIGURED, f.executor), (agent, ticket) -> { }, Notifier.NONE));
        this.stage = stage;
        clock = fixture.clock;
        executor = fixture.executor;
        dir = fixture.dir;
        store = fixture.store;
        window = fixture.window;
    }


    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private DeskView desk(FxRobot robot, String username) throws Exception {
        Agent a = store.agents().findByUsername(username).orElseThrow();
        DeskView desk = WaitForAsyncUtils.asyncFx(() -> window.showDesk(store, a)).get().get(15, TimeUnit.SECONDS);
        waitFor(() -> desk.board().size() > 0 && !desk.board().loadingProperty().get());
        robot.interact(() -> stage.requestFocus());
        return desk;
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every button under the node that shows only an icon and has no accessible name, as "id (class)". */
    static List<String> iconOnlyWithoutName(Node node) {
        List<String> out = new ArrayList<>();
        walk(node, out);
        return out;
    }

    private static void walk(Node n, List<String> out) {
        if (n instanceof ButtonBase b && b.getGraphic() != null && (b.getText() == null || b.getText().isBlank())
                && (b.getAccessibleText() == null || b.getAccessibleText().isBlank())) {
            out.add(b.getId() + " (" + b.getClass().getSimpleName() + " " + b.getStyleClass() + ")");
        }
        if (n instanceof ToolBar t) {
            t.getItems().forEach(i -> walk(i, out)); // also the ones in the overflow menu
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> walk(c, out));
        }
    }

    @Test
    void theWalkFindsAnIconOnlyButtonWithoutAName() throws Exception {
        // the check itself can fail: an icon-only button without a name is reported, with a name it is not
        Button bare = WaitForAsyncUtils.asyncFx(() -> {
            Button b = new Button(null,
                    new FontIcon(MaterialDesignR.REFRESH));
            b.setId("bare");
            return b;
        }).get();
        assertThat(iconOnlyWithoutName(new HBox(bare))).containsExactly("bare (Button button)");
        bare.setAccessibleText("Reload");
        assertThat(iconOnlyWithoutName(new HBox(bare))).isEmpty();
    }

    @Test
    void everyIconOnlyButtonOfTheDeskHasAnAccessibleName(FxRobot robot) throws Exception {
        DeskView desk = desk(robot, "lead");
        // a ticket at hand: its action bar and conversation are part of the desk too
        robot.interact(() -> desk.board().selectById(desk.board().ids().iterator().next()));
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> robot.lookup("#action-assign").tryQuery().isPresent());
        assertThat(iconOnlyWithoutName(stage.getScene().getRoot())).isEmpty();
        // the lead's wallboard (its toggles are icons)
        MenuItem wall = robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "menuWallboard".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(wall::fire);
        waitFor(() -> Window.getWindows().stream().anyMatch(w -> w != stage && w.isShowing()
                && w.getScene().getRoot().lookup("#wallShowSensitive") != null));
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w.isShowing() && w.getScene() != null) {
                assertThat(iconOnlyWithoutName(w.getScene().getRoot())).as(w.toString()).isEmpty();
                if (w != stage) {
                    robot.interact(w::hide);
                }
            }
        }
        // the sign-in screen too
        robot.interact(() -> window.showSignIn(SignInGate.embedded(store), true, () -> null,
                s -> { }));
        assertThat(iconOnlyWithoutName(stage.getScene().getRoot())).isEmpty();
    }

    @Test
    void theKeyboardFocusIsVisibleOnTheBoard(FxRobot robot) throws Exception {
        desk(robot, "agent");
        ListView<?> list = robot.lookup(".ticket-list").match(n -> !((ListView<?>) n)
                .getItems().isEmpty()).queryAs(ListView.class);
        robot.interact(() -> {
            list.requestFocus();
            list.getFocusModel().focus(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Paint focusRing = WaitForAsyncUtils.asyncFx(() -> {
            list.applyCss();
            Node cell = list.lookupAll(".list-cell").stream().filter(n -> n.getPseudoClassStates().stream()
                    .anyMatch(p -> p.getPseudoClassName().equals("focused"))).findFirst().orElseThrow();
            Region card = (Region) ((Parent) cell).lookup(".ticket-card");
            return card.getBackground().getFills().get(0).getFill();
        }).get();
        // the ring is the focus colour of colors.css, drawn round the card the arrow keys are on
        assertThat(focusRing).isEqualTo(Color.web("#0b57d0"));
        // the other cards have none
        Paint other = WaitForAsyncUtils.asyncFx(() -> {
            Node cell = list.lookupAll(".list-cell").stream().filter(n -> n.getPseudoClassStates().stream()
                    .noneMatch(p -> p.getPseudoClassName().equals("focused"))
                    && ((Parent) n).lookup(".ticket-card") != null).findFirst().orElseThrow();
            return ((Region) ((Parent) cell).lookup(".ticket-card")).getBackground().getFills().get(0).getFill();
        }).get();
        assertThat(other).isNotEqualTo(focusRing);
    }

    private double rootFont() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            stage.getScene().getRoot().applyCss();
            Label title = (Label) stage.getScene().getRoot().lookup(".app-title");
            return title != null ? title.getFont().getSize() : Font.getDefault().getSize();
        }).get();
    }

    @Test
    void ctrlPlusAndMinusZoomTheTextAndTheNextStartOpensAtTheSameSize(FxRobot robot) throws Exception {
        desk(robot, "lead");
        double before = rootFont();
        assertThat(before).isEqualTo(16.0, Offset.offset(0.05)); // the header title, 1.231em of 13px
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL); // Ctrl+= (+ without Shift)
        robot.press(KeyCode.CONTROL, KeyCode.ADD).release(KeyCode.ADD, KeyCode.CONTROL); // the number pad's +
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.zoom().percentProperty().get()).isEqualTo(125);
        assertThat(rootFont()).isEqualTo(before * 1.25, Offset.offset(0.25));
        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.zoom().percentProperty().get()).isEqualTo(110);
        assertThat(Files.readString(dir.resolve("window.properties"))).contains("zoom=110");

        // the View menu has them, with their keys, and they work
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        Menu view = bar.getMenus().stream().filter(m -> m.getText().equals("_View")).findFirst().orElseThrow();
        List<String> ids = view.getItems().stream().map(MenuItem::getId).toList();
        assertThat(ids).contains("menuZoomIn", "menuZoomOut", "menuZoomReset");
        MenuItem reset = view.getItems().stream().filter(i -> "menuZoomReset".equals(i.getId())).findFirst().orElseThrow();
        assertThat(reset.getAccelerator()).isEqualTo(DeskAction.ZOOM_RESET.accelerator(KeyStyle.PC).orElseThrow());
        assertThat(bar.isUseSystemMenuBar()).as("only on macOS").isFalse();
        assertThat(new ActionFactory(KeyStyle.MAC).menuBar().isUseSystemMenuBar()).isTrue();
        // a dialog the window opens (here F1's list of keys) has the window's text size
        MenuItem keys = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "menuKeys".equals(i.getId())).findFirst().orElseThrow();
        Platform.runLater(keys::fire);
        waitFor(() -> Window.getWindows().stream().anyMatch(w -> w != stage && w.isShowing()
                && w.getScene().getRoot() instanceof DialogPane));
        DialogPane pane = WaitForAsyncUtils.asyncFx(() -> (DialogPane)
                Window.getWindows().stream().filter(w -> w != stage && w.isShowing()
                        && w.getScene().getRoot() instanceof DialogPane).findFirst().orElseThrow()
                        .getScene().getRoot()).get();
        double dialogFont = WaitForAsyncUtils.asyncFx(() -> {
            pane.applyCss();
            return ((Label) pane.getContent()).getFont().getSize();
        }).get();
        assertThat(dialogFont).isEqualTo(14.3, Offset.offset(0.05)); // 110 % of 13 px
        robot.interact(() -> pane.getScene().getWindow().hide());

        robot.interact(reset::fire);
        assertThat(window.zoom().percentProperty().get()).isEqualTo(100);
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.zoom().percentProperty().get()).isEqualTo(110);

        // signed out, the keys still work (the menu bar took its own keys with it)
        robot.interact(() -> window.showSignIn(SignInGate.embedded(store), true, () -> null,
                s -> { }));
        robot.interact(() -> stage.requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.zoom().percentProperty().get()).isEqualTo(125);

        // the next start: a new window on the same desktop opens at 125 %
        MainWindow again = WaitForAsyncUtils.asyncFx(() -> fixture.newWindow(new Stage())).get();
        assertThat(again.zoom().percentProperty().get()).isEqualTo(125);
        assertThat(again.stage().getScene().getStylesheets()).last().asString().startsWith("data:text/css");
        robot.interact(() -> again.stage().hide());
    }

    // ---- the zoom reaches what has sizes of its own: tooltips (popup windows), icons (px), fixed widths ----

    private void zoomTo(int percent) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.zoom().reset();
            while (window.zoom().percentProperty().get() < percent) {
                window.zoom().zoomIn();
            }
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.zoom().percentProperty().get()).isEqualTo(percent);
    }

    /**
     * The tooltip of the board's "clear filters" button, shown as hovering shows it (Tooltip's behaviour calls
     * {@code show(window, x, y)}; the mouse itself does not raise tooltips under headless Monocle); its text size.
     */
    private double tooltipFont() throws Exception {
        Button clear = (Button) lookup("#board-clearFilters");
        Tooltip tip = clear.getTooltip();
        WaitForAsyncUtils.asyncFx(() -> {
            Bounds b = clear.localToScreen(clear.getBoundsInLocal());
            tip.show(stage, b.getMinX(), b.getMaxY() + 4);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                Text text = (Text) tip.getScene().getRoot().lookup(".text");
                assertThat(text.getText()).isEqualTo("Show every ticket again");
                return text.getFont().getSize();
            }).get();
        } finally {
            WaitForAsyncUtils.asyncFx(tip::hide).get();
        }
    }

    /** Icon sizes of the header, the filter bar and the first ticket card, by where they are. */
    private Map<String, Integer> iconSizes() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            out.put("header", ((FontIcon) lookup(".app-header .ikonli-font-icon")).getIconSize());
            out.put("clear filters", ((FontIcon) ((Button) lookup("#board-clearFilters")).getGraphic()).getIconSize());
            out.put("card", ((FontIcon) lookup(".ticket-card .ikonli-font-icon")).getIconSize());
            return out;
        }).get();
    }

    /** Each filter box and the search field whose text (or hint) does not fit, as "id: shown instead of full". */
    private List<String> truncated(int percent) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> out = new ArrayList<>();
            Parent bar = (Parent) lookup("#mainBoard .filter-bar");
            for (Node n : bar.lookupAll(".combo-box")) {
                // the button cell: what the closed box shows (the skin's child; its list's cells are elsewhere)
                ListCell<?> cell = (ListCell<?>) ((Parent) n).getChildrenUnmodifiable().stream()
                        .filter(c -> c instanceof ListCell<?>).findFirst().orElseThrow();
                Text shown = (Text) cell.lookup(".text");
                if (shown == null || !shown.getText().equals(cell.getText())) {
                    out.add(n.getId() + ": " + (shown == null ? null : shown.getText()) + " instead of " + cell.getText());
                }
            }
            TextField search = (TextField) lookup("#board-search");
            Text hint = (Text) search.lookupAll(".text").stream().filter(t -> search.getPromptText().equals(((Text) t)
                    .getText())).findFirst().orElseThrow();
            double room = search.getWidth() - search.snappedLeftInset() - search.snappedRightInset();
            if (hint.getLayoutBounds().getWidth() > room + 0.5) {
                out.add("board-search: hint " + hint.getLayoutBounds().getWidth() + " px in " + room + " px");
            }
            // the first card of the board: whole in its cell (a list's cells have one fixed height)
            Region card = (Region) lookup("#board-new .ticket-card");
            Node up = card;
            while (!(up instanceof ListCell<?>)) {
                up = up.getParent();
            }
            ListCell<?> cardCell = (ListCell<?>) up;
            double needs = card.prefHeight(card.getWidth()) + cardCell.snappedTopInset() + cardCell.snappedBottomInset();
            if (needs > cardCell.getHeight() + 0.5) {
                out.add("ticket card: " + needs + " px in a " + cardCell.getHeight() + " px cell");
            }
            // every card's first row (severity, ref, tag, channel icon) inside the card: the channel icon is not cut
            // off (the columns' widths are in em, so they grow with the text and the board scrolls sideways)
            for (Node c : stage.getScene().getRoot().lookupAll("#mainBoard .ticket-card")) {
                Region each = (Region) c;
                Node icon = each.lookup(".card-channel");
                if (icon == null || !shown(each) || each.getWidth() <= 0) {
                    continue; // a list keeps spare cells out of sight: only the cards on screen count
                }
                double right = each.sceneToLocal(icon.localToScene(icon.getBoundsInLocal())).getMaxX();
                if (right > each.getWidth() - each.snappedRightInset() + 0.5) {
                    out.add("ticket card " + ((Labeled) each.lookup(".card-ref")).getText() + ": channel icon ends at " + right + " px in a " + each.getWidth() + " px card");
                }
            }
            return out;
        }).get();
    }

    /** Whether the node and all its parents are visible (a virtual flow hides the cells it keeps spare). */
    private static boolean shown(Node n) {
        for (Node up = n; up != null; up = up.getParent()) {
            if (!up.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private Node lookup(String css) {
        Node n = stage.getScene().getRoot().lookup(css);
        assertThat(n).as(css).isNotNull();
        return n;
    }

    @Test
    void atOneHundredAndFiftyPercentTooltipsAndIconsAreOneAndAHalfTimesTheirSize(FxRobot robot) throws Exception {
        desk(robot, "lead");
        zoomTo(100);
        double tip100 = tooltipFont();
        Map<String, Integer> icons100 = iconSizes();
        zoomTo(150);
        double tip150 = tooltipFont();
        Map<String, Integer> icons150 = iconSizes();

        assertThat(tip150).isEqualTo(tip100 * 1.5, Offset.offset(0.1));
        icons100.forEach((where, size) ->
                assertThat(icons150.get(where)).as(where).isCloseTo((int) Math.round(size * 1.5), Offset.offset(1)));
        // and back: 100 % is 100 % again
        zoomTo(100);
        assertThat(tooltipFont()).isEqualTo(tip100, Offset.offset(0.01));
        assertThat(iconSizes()).isEqualTo(icons100);
    }

    @Test
    void theBoardsFilterBoxesAndCardsShowTheirWholeTextAtEveryZoom(FxRobot robot) throws Exception {
        desk(robot, "lead");
        for (int percent : List.of(100, 150, 200)) {
            zoomTo(percent);
            assertThat(truncated(percent)).as(percent + " %").isEmpty();
        }
    }
}
