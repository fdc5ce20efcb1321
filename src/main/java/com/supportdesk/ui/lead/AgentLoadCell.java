package com.supportdesk.ui.lead;

import com.supportdesk.ui.common.Styles;
import java.util.function.BiFunction;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * One agent's load on the wallboard: name (with a shield when cleared), a bar of their open tickets relative to the
 * busiest agent — the part still waiting for a first response in amber — and the counts in the same colours.
 */
final class AgentLoadCell extends ListCell<WallboardViewModel.AgentLoad> {

    private final WallboardViewModel vm;
    private final BiFunction<Ikon, Double, FontIcon> icons;
    private final Label name = new Label();
    private final Label open = new Label();
    private final Label waiting = new Label();
    private final Region waitingBar = new Region();
    private final Region answeredBar = new Region();
    private final StackPane barBox;
    private final HBox row;
    private double waitingShare;
    private double answeredShare;

    AgentLoadCell(WallboardViewModel vm, BiFunction<Ikon, Double, FontIcon> icons) {
        this.vm = vm;
        this.icons = icons;
        getStyleClass().add(Styles.WALL_LOAD_CELL);
        name.getStyleClass().add(Styles.WALL_AGENT);
        open.getStyleClass().add(Styles.WALL_AGENT_COUNT);
        open.setMinWidth(Region.USE_PREF_SIZE);
        waiting.getStyleClass().add(Styles.WALL_AGENT_WAITING);
        waiting.setMinWidth(Region.USE_PREF_SIZE);
        Region track = new Region();
        track.getStyleClass().add(Styles.WALL_LOAD_TRACK);
        waitingBar.getStyleClass().add(Styles.WALL_LOAD_WAITING);
        answeredBar.getStyleClass().add(Styles.WALL_LOAD_ANSWERED);
        for (Region r : new Region[] {waitingBar, answeredBar}) {
            r.setMinWidth(0);
            r.setMaxWidth(Region.USE_PREF_SIZE);
        }
        HBox bars = new HBox(waitingBar, answeredBar);
        bars.setAlignment(Pos.CENTER_LEFT);
        bars.setMinWidth(0);
        bars.setMaxHeight(Region.USE_PREF_SIZE);
        track.setMaxHeight(Region.USE_PREF_SIZE);
        barBox = new StackPane(track, bars);
        barBox.setAlignment(Pos.CENTER_LEFT);
        barBox.setMinWidth(0);
        barBox.setPrefWidth(0);
        barBox.widthProperty().addListener(o -> sizeBars());
        HBox.setHgrow(barBox, Priority.ALWAYS);
        HBox counts = new HBox(open, waiting);
        counts.getStyleClass().add(Styles.WALL_AGENT_COUNTS);
        counts.setAlignment(Pos.BASELINE_RIGHT);
        counts.setMinWidth(Region.USE_PREF_SIZE);
        row = new HBox(name, barBox, counts);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add(Styles.WALL_AGENT_ROW);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(WallboardViewModel.AgentLoad a, boolean empty) {
        super.updateItem(a, empty);
        if (empty || a == null) {
            setGraphic(null);
            return;
        }
        name.setText(a.name());
        if (a.cleared()) {
            FontIcon shield = icons.apply(MaterialDesignS.SHIELD_CHECK, 0.9);
            shield.getStyleClass().add(Styles.WALL_CLEARED);
            name.setGraphic(shield);
        } else {
            name.setGraphic(null);
        }
        int max = Math.max(1, vm.agentLoad().stream().mapToInt(WallboardViewModel.AgentLoad::open).max().orElse(1));
        waitingShare = (double) a.waiting() / max;
        answeredShare = (double) (a.open() - a.waiting()) / max;
        open.setText(Integer.toString(a.open()));
        waiting.setText(a.waiting() > 0 ? a.waiting() + " waiting" : "");
        setAccessibleText(a.name() + ": " + a.open() + " open, " + a.waiting() + " waiting for a first response");
        sizeBars();
        setGraphic(row);
    }

    private void sizeBars() {
        double w = barBox.getWidth();
        waitingBar.setPrefWidth(Math.floor(w * waitingShare));
        answeredBar.setPrefWidth(Math.floor(w * answeredShare));
    }
}
