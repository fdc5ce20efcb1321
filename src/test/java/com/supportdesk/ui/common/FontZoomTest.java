package com.supportdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.ui.WindowStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text zoom: steps up and down within bounds, back to 100 %, and remembered for this desktop across restarts. */
class FontZoomTest {

    @TempDir
    Path dir;

    @Test
    void zoomsInStepsWithinItsBoundsAndResets() {
        List<Integer> remembered = new ArrayList<>();
        FontZoom z = new FontZoom(100, remembered::add);
        assertThat(z.fontSize()).isEqualTo(13.0);
        z.zoomIn();
        assertThat(z.percentProperty().get()).isEqualTo(110);
        assertThat(z.fontSize()).isEqualTo(14.3);
        for (int i = 0; i < 20; i++) {
            z.zoomIn();
        }
        assertThat(z.percentProperty().get()).isEqualTo(FontZoom.LARGEST);
        assertThat(z.canZoomInProperty().get()).isFalse();
        assertThat(z.canZoomOutProperty().get()).isTrue();
        z.reset();
        assertThat(z.percentProperty().get()).isEqualTo(100);
        for (int i = 0; i < 20; i++) {
            z.zoomOut();
        }
        assertThat(z.percentProperty().get()).isEqualTo(FontZoom.SMALLEST);
        assertThat(z.canZoomOutProperty().get()).isFalse();
        assertThat(z.fontSize()).isEqualTo(10.4);
        // each change told once; presses at the end of the range change nothing and say nothing
        assertThat(remembered).containsExactly(110, 125, 150, 175, 200, 100, 90, 80);
    }

    @Test
    void aSavedZoomOutsideTheStepsOpensAtTheNearestOne() {
        assertThat(new FontZoom(123, p -> { }).percentProperty().get()).isEqualTo(125);
        assertThat(new FontZoom(5000, p -> { }).percentProperty().get()).isEqualTo(200);
        assertThat(new FontZoom(-3, p -> { }).percentProperty().get()).isEqualTo(80);
    }

    @Test
    void theZoomIsRememberedInTheDesktopsWindowSettingsBesideTheWindowsPlace() throws Exception {
        Path file = dir.resolve("window.properties");
        WindowStateStore store = WindowStateStore.file(file);
        assertThat(store.loadZoom()).isEmpty();
        store.save(new WindowStateStore.Bounds(10, 20, 1280, 760, false));
        FontZoom z = new FontZoom(store.loadZoom().orElse(FontZoom.NORMAL), store::saveZoom);
        z.zoomIn();
        z.zoomIn();

        // the next start
        WindowStateStore again = WindowStateStore.file(file);
        assertThat(new FontZoom(again.loadZoom().orElse(FontZoom.NORMAL), again::saveZoom).percentProperty().get())
                .isEqualTo(125);
        assertThat(again.load()).hasValue(new WindowStateStore.Bounds(10, 20, 1280, 760, false));
        // saving the window's place keeps the zoom, and the other way round
        again.save(new WindowStateStore.Bounds(0, 0, 1400, 900, true));
        assertThat(WindowStateStore.file(file).loadZoom()).hasValue(125);
        // a file edited by hand into nonsense opens at 100 %
        Files.writeString(file, "zoom=large\n");
        assertThat(WindowStateStore.file(file).loadZoom()).isEmpty();
    }
}
