package com.supportdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.app.Wiring;
import com.supportdesk.domain.Agent;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.board.Notifier;
import com.supportdesk.ui.common.UiTaskExecutor;
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
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The text zoom (Ctrl/⌘ + − 0) reaches what has sizes of its own: a tooltip (a popup window with its own scene), the
 * icons (Ikonli sizes them in pixels) and the board's filter boxes (fixed widths truncated their text at 150 %).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ZoomReachesEverythingFxTest {

    @TempDir
    static Path shared;

    MutableClock clock = MutableClock.at("2026-03-11T11:00:00Z");
    Store store;
    Stage stage;
    MainWindow window;
    UiTaskExecutor executor = new UiTaskExecutor("test-db");

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = Files.createTempDirectory(shared, "desk");
        store = TestStores.open(dir, clock);
        new Wiring(Map.of(), clock).seedDemo(store);
        window = new MainWindow(stage, new MainWindow.Services(clock, ZoneOffset.UTC, executor, WindowStateStore.NONE,
                new ReplyComposerDialog(ReplySender.NOT_CONFIGURED, executor), (agent, ticket) -> { }, Notifier.NONE));
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.close();
            stage.hide();
        }).get();
        executor.close();
        store.close();
    }

    private void desk(String username) throws Exception {
        Agent a = store.agents().findByUsername(username).orElseThrow();
        DeskView desk = WaitForAsyncUtils.asyncFx(() -> window.showDesk(store, a)).get().get(15, TimeUnit.SECONDS);
        waitFor(() -> desk.board().size() > 0 && !desk.board().loadingProperty().get());
    }

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
    private List<String> truncated() throws Exception {
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
            return out;
        }).get();
    }

    private Node lookup(String css) {
        Node n = stage.getScene().getRoot().lookup(css);
        assertThat(n).as(css).isNotNull();
        return n;
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void atOneHundredAndFiftyPercentTooltipsAndIconsAreOneAndAHalfTimesTheirSize() throws Exception {
        desk("lead");
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
    void theBoardsFilterBoxesAndCardsShowTheirWholeTextAtEveryZoom() throws Exception {
        desk("lead");
        for (int percent : List.of(100, 150, 200)) {
            zoomTo(percent);
            assertThat(truncated()).as(percent + " %").isEmpty();
        }
    }
}
