package com.supportdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.ui.SystemAlerts;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The AWT side of the OS alerts, as far as it can be seen without a tray: the fallback and the badge. */
class AwtSystemAlertsTest {

    @Test
    void withoutAScreenThereIsNoTrayAndTheDeskShowsItsAlertsItself() {
        assertThat(GraphicsEnvironment.isHeadless()).as("the tests run with java.awt.headless=true").isTrue();
        assertThat(AwtSystemAlerts.create(Clock.systemUTC(), () -> { }, () -> { }, () -> { })).isSameAs(SystemAlerts.NONE);
    }

    @Test
    void theTrayIconCarriesTheCountAtRiskInARedDisc() throws Exception {
        BufferedImage base = AwtSystemAlerts.appIcon();
        assertThat(base).as("the app icon is packaged").isNotNull();
        BufferedImage none = TrayBadge.render(base, 0, 32);
        BufferedImage three = TrayBadge.render(base, 3, 32);
        BufferedImage many = TrayBadge.render(base, 250, 32);
        // nothing at risk: the plain icon; at risk: the top right corner is the badge's red, the rest is the icon
        assertThat(none.getRGB(26, 8)).isNotEqualTo(TrayBadge.BADGE.getRGB());
        assertThat(redAround(three, 26, 4)).isTrue();
        assertThat(redAround(many, 22, 4)).isTrue();
        assertThat(three.getRGB(4, 28)).isEqualTo(none.getRGB(4, 28));
        assertThat(pixels(three)).isNotEqualTo(pixels(many)); // "3" and "99+" differ
    }

    private static boolean redAround(BufferedImage img, int x, int y) {
        for (int dx = -2; dx <= 2; dx++) {
            for (int dy = -2; dy <= 2; dy++) {
                if ((img.getRGB(x + dx, y + dy) & 0xffffff) == (TrayBadge.BADGE.getRGB() & 0xffffff)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
