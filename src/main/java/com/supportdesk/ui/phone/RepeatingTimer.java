package com.supportdesk.ui.phone;

import java.time.Duration;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

/**
 * Repeating actions on the UI thread: the call timer (every second) and the notes autosave (every few
 * seconds). Injected so tests tick by hand instead of sleeping.
 */
public interface RepeatingTimer {

    /** Runs {@code action} on the UI thread every {@code period} until the returned handle is run. */
    Runnable every(Duration period, Runnable action);

    /** A {@link Timeline} per action, on the FX thread. */
    static RepeatingTimer fx() {
        return (period, action) -> {
            Timeline t = new Timeline(new KeyFrame(javafx.util.Duration.millis(period.toMillis()), e -> action.run()));
            t.setCycleCount(Animation.INDEFINITE);
            t.play();
            return t::stop;
        };
    }
}
