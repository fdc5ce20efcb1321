package com.supportdesk.ui.common;

import java.util.List;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The size of the desk's text, as a zoom in percent ({@link DeskAction#ZOOM_IN}, {@link DeskAction#ZOOM_OUT},
 * {@link DeskAction#ZOOM_RESET}), in steps from {@value #SMALLEST} % to {@value #LARGEST} %. Every change is handed to
 * {@code remember} (the desktop's window settings), so the next start opens at the same size. {@link Theme#zoom}
 * makes a scene follow it: the stylesheets size every font relative to the root's.
 */
public final class FontZoom {

    /** The zoom steps, in percent. */
    public static final List<Integer> STEPS = List.of(80, 90, 100, 110, 125, 150, 175, 200);
    public static final int NORMAL = 100;
    public static final int SMALLEST = 80;
    public static final int LARGEST = 200;
    /** The root font size at 100 % (desk.css's {@code .root}). */
    public static final double BASE_FONT_PX = 13;

    private final ReadOnlyIntegerWrapper percent = new ReadOnlyIntegerWrapper(this, "percent", NORMAL);
    private final ReadOnlyBooleanWrapper canZoomIn = new ReadOnlyBooleanWrapper(this, "canZoomIn");
    private final ReadOnlyBooleanWrapper canZoomOut = new ReadOnlyBooleanWrapper(this, "canZoomOut");
    private final IntConsumer remember;

    /**
     * @param saved    the zoom remembered from last time (a value between steps goes to the nearest; out of range to
     *                 the nearest end)
     * @param remember told the new zoom after each change
     */
    public FontZoom(int saved, IntConsumer remember) {
        this.remember = remember;
        set(nearest(saved));
    }

    /** At 100 %, remembering nothing (tests, windows of their own). */
    public FontZoom() {
        this(NORMAL, p -> { });
    }

    public void zoomIn() {
        int i = STEPS.indexOf(percent.get());
        if (i < STEPS.size() - 1) {
            change(STEPS.get(i + 1));
        }
    }

    public void zoomOut() {
        int i = STEPS.indexOf(percent.get());
        if (i > 0) {
            change(STEPS.get(i - 1));
        }
    }

    public void reset() {
        change(NORMAL);
    }

    public ReadOnlyIntegerProperty percentProperty() {
        return percent.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canZoomInProperty() {
        return canZoomIn.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canZoomOutProperty() {
        return canZoomOut.getReadOnlyProperty();
    }

    /** The root font size at this zoom, in pixels. */
    public double fontSize() {
        return fontSize(percent.get());
    }

    static double fontSize(int percent) {
        return Math.round(BASE_FONT_PX * percent / 10.0) / 10.0;
    }

    private void change(int p) {
        if (p != percent.get()) {
            set(p);
            remember.accept(p);
        }
    }

    private void set(int p) {
        percent.set(p);
        canZoomIn.set(p < LARGEST);
        canZoomOut.set(p > SMALLEST);
    }

    static int nearest(int saved) {
        int best = NORMAL;
        for (int s : STEPS) {
            if (Math.abs(s - saved) < Math.abs(best - saved)) {
                best = s;
            }
        }
        return best;
    }
}
