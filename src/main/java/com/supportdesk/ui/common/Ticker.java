package com.supportdesk.ui.common;

import java.time.Clock;
import java.time.Instant;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.util.Duration;

/**
 * The one shared 1 Hz clock of the UI: a single {@link Timeline} on the FX thread sets {@link #nowSecondProperty()}
 * from the injected {@link Clock}; visible cells observe it and recompute only their own text. Tests move
 * the clock and call {@link #tick()} instead of starting the timeline.
 */
public final class Ticker {

    private final Clock clock;
    private final ReadOnlyLongWrapper nowSecond;
    private Timeline timeline;

    public Ticker(Clock clock) {
        this.clock = clock;
        this.nowSecond = new ReadOnlyLongWrapper(this, "nowSecond", clock.instant().getEpochSecond());
    }

    public Clock clock() {
        return clock;
    }

    /** Epoch second of the last tick. */
    public ReadOnlyLongProperty nowSecondProperty() {
        return nowSecond.getReadOnlyProperty();
    }

    public Instant now() {
        return Instant.ofEpochSecond(nowSecond.get());
    }

    /** Reads the clock and notifies observers if the second changed. Call on the FX thread. */
    public void tick() {
        nowSecond.set(clock.instant().getEpochSecond());
    }

    /** Starts the shared timeline (FX thread). */
    public void start() {
        if (timeline == null) {
            timeline = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
            timeline.setCycleCount(Animation.INDEFINITE);
            timeline.play();
        }
    }

    public void stop() {
        if (timeline != null) {
            timeline.stop();
            timeline = null;
        }
    }
}
