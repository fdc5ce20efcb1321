package com.supportdesk.app;

import com.supportdesk.domain.Severity;
import com.supportdesk.ui.MainWindow;
import com.supportdesk.ui.SystemAlerts;
import com.supportdesk.ui.board.Notifier;
import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.Taskbar;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's alerts in the operating system, through {@code java.awt} (the portable route beside JavaFX, which has
 * no tray or notification API):
 * <ul>
 *   <li>Windows: a tray icon whose balloon becomes a toast in the notification centre; clicking it (or the icon)
 *       brings the desk forward with the alert's ticket selected.</li>
 *   <li>macOS: a menu-bar icon, notifications in Notification Center, the dock icon bouncing for attention and a
 *       badge with the count at risk.</li>
 *   <li>Linux: libnotify ({@code notify-send}) where installed, else the tray icon's balloon; the tray icon where the
 *       desktop has a tray.</li>
 * </ul>
 * Where none of this exists (or headless) {@link #create} gives {@link SystemAlerts#NONE} and the desk shows its
 * alerts in its own window. Every AWT call runs on the AWT event thread; what the person clicks runs on the FX thread.
 */
final class AwtSystemAlerts implements SystemAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(AwtSystemAlerts.class);
    /** How long after an alert a click on the tray icon still means "show me that ticket". */
    static final Duration CLICK_MEANS_LAST_ALERT = Duration.ofMinutes(5);

    private final TrayIcon tray;
    private final BufferedImage base;
    private final Taskbar taskbar;
    private final Path notifySend;
    private final Clock clock;
    private final Runnable showDesk;
    private volatile Runnable lastClick;
    private volatile Instant lastAlertAt = Instant.EPOCH;

    private AwtSystemAlerts(TrayIcon tray, BufferedImage base, Taskbar taskbar, Path notifySend, Clock clock,
                            Runnable showDesk) {
        this.tray = tray;
        this.base = base;
        this.taskbar = taskbar;
        this.notifySend = notifySend;
        this.clock = clock;
        this.showDesk = showDesk;
    }

    /**
     * The OS's alerts for this desk, or {@link SystemAlerts#NONE} where there are none (headless, no tray and no
     * libnotify). {@code showDesk} and {@code quit} run on the FX thread (the tray icon's menu).
     */
    static SystemAlerts create(Clock clock, Runnable showDesk, Runnable newCall, Runnable quit) {
        if (GraphicsEnvironment.isHeadless()) {
            return NONE;
        }
        try {
            BufferedImage base = appIcon();
            Taskbar taskbar = Taskbar.isTaskbarSupported() ? Taskbar.getTaskbar() : null;
            Path notifySend = isLinux() ? onPath("notify-send").orElse(null) : null;
            TrayIcon tray = null;
            AwtSystemAlerts[] self = new AwtSystemAlerts[1];
            if (SystemTray.isSupported()) {
                int size = Math.max(16, SystemTray.getSystemTray().getTrayIconSize().height);
                PopupMenu menu = new PopupMenu();
                menu.add(item("Show Support Desk", showDesk));
                menu.add(item("Log a call\u2026", newCall));
                menu.addSeparator();
                menu.add(item("Quit Support Desk", quit));
                tray = new TrayIcon(TrayBadge.render(base, 0, size), MainWindow.TITLE, menu);
                tray.setImageAutoSize(true);
                tray.addActionListener(e -> self[0].clicked());
                SystemTray.getSystemTray().add(tray);
            }
            if (tray == null && notifySend == null) {
                return NONE;
            }
            self[0] = new AwtSystemAlerts(tray, base, taskbar, notifySend, clock, showDesk);
            return self[0];
        } catch (AWTException | RuntimeException | IOException e) {
            LOG.info("No alerts through the OS here ({}); they show in the desk's window", e.toString());
            return NONE;
        }
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public void show(Notifier.Alert alert, Runnable onClick) {
        lastClick = onClick;
        lastAlertAt = clock.instant();
        if (notifySend != null) {
            notifySend(alert);
            return;
        }
        EventQueue.invokeLater(() -> tray.displayMessage(alert.title(), alert.text(),
                alert.severity() == Severity.S1 ? TrayIcon.MessageType.ERROR : TrayIcon.MessageType.WARNING));
    }

    /** libnotify: a notification in the desktop's own centre (a click there does not reach the desk). */
    private void notifySend(Notifier.Alert alert) {
        List<String> cmd = new ArrayList<>(List.of(notifySend.toString(), "--app-name=" + MainWindow.TITLE,
                "--urgency=" + (alert.severity() == Severity.S1 ? "critical" : "normal"), "--icon=dialog-warning",
                "--", alert.title(), alert.text()));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.getOutputStream().close();
        } catch (IOException e) {
            LOG.warn("notify-send failed: {}", e.getMessage());
        }
    }

    @Override
    public void requestAttention() {
        if (taskbar != null && taskbar.isSupported(Taskbar.Feature.USER_ATTENTION)) {
            EventQueue.invokeLater(() -> taskbar.requestUserAttention(true, false));
        }
    }

    @Override
    public void atRisk(int count, String tooltip) {
        EventQueue.invokeLater(() -> {
            if (tray != null) {
                int size = Math.max(16, tray.getSize().height);
                tray.setImage(TrayBadge.render(base, count, size));
                tray.setToolTip(tooltip);
            }
            if (taskbar != null && taskbar.isSupported(Taskbar.Feature.ICON_BADGE_NUMBER)) {
                taskbar.setIconBadge(count > 0 ? Integer.toString(count) : null);
            }
        });
    }

    /** The tray icon or its balloon was clicked: the last alert's ticket when it is recent, else just the desk. */
    private void clicked() {
        Runnable click = lastClick;
        boolean recent = click != null && Duration.between(lastAlertAt, clock.instant()).compareTo(CLICK_MEANS_LAST_ALERT) < 0;
        Platform.runLater(recent ? click : showDesk);
    }

    @Override
    public void close() {
        if (tray != null) {
            EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(tray));
        }
    }

    private static MenuItem item(String label, Runnable action) {
        MenuItem i = new MenuItem(label);
        i.addActionListener(e -> Platform.runLater(action));
        return i;
    }

    static BufferedImage appIcon() throws IOException {
        try (InputStream in = AwtSystemAlerts.class.getResourceAsStream("/icons/support-desk-64.png")) {
            return in == null ? null : ImageIO.read(in);
        }
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    private static Optional<Path> onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
