package com.supportdesk.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The tray or menu-bar icon: the app's icon with the number of tickets at risk in a red disc at its top right
 * ("99+" beyond 99), or the plain icon when nothing is at risk. Drawn with {@code java.awt} into an image, which
 * works headless too.
 */
final class TrayBadge {

    /** colors.css {@code -sd-s1}: the red of an S1 and of overdue countdowns. */
    static final Color BADGE = new Color(0xc6, 0x28, 0x28);

    private TrayBadge() {
    }

    /** The icon for {@code count} tickets at risk, {@code size} pixels square. */
    static BufferedImage render(BufferedImage base, int count, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            if (base != null) {
                g.drawImage(base, 0, 0, size, size, null);
            }
            if (count > 0) {
                String text = count > 99 ? "99+" : Integer.toString(count);
                int d = Math.max(9, (int) Math.round(size * (text.length() > 1 ? 0.68 : 0.58)));
                int x = size - d;
                g.setColor(BADGE);
                g.fillOval(x, 0, d, d);
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(Math.max(1f, size / 32f)));
                g.drawOval(x, 0, d - 1, d - 1);
                float fontSize = d * (text.length() > 2 ? 0.45f : text.length() > 1 ? 0.58f : 0.72f);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(6, Math.round(fontSize))));
                FontMetrics fm = g.getFontMetrics();
                g.drawString(text, x + (d - fm.stringWidth(text)) / 2f, (d - fm.getHeight()) / 2f + fm.getAscent());
            }
        } finally {
            g.dispose();
        }
        return img;
    }
}
