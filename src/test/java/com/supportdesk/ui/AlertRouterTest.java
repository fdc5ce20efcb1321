package com.supportdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.ui.board.Notifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Where alerts go, without a tray (headless): the OS when it has a notification centre, the desk's window otherwise. */
class AlertRouterTest {

    /** An OS notification centre that records what it was asked to do. */
    static final class RecordingOs implements SystemAlerts {
        boolean available = true;
        final List<Notifier.Alert> shown = new ArrayList<>();
        final List<Runnable> clicks = new ArrayList<>();
        final List<String> atRisk = new ArrayList<>();
        int attention;

        @Override
        public boolean available() {
            return available;
        }

        @Override
        public void show(Notifier.Alert alert, Runnable onClick) {
            shown.add(alert);
            clicks.add(onClick);
        }

        @Override
        public void requestAttention() {
            attention++;
        }

        @Override
        public void atRisk(int count, String tooltip) {
            atRisk.add(count + " " + tooltip);
        }
    }

    final RecordingOs os = new RecordingOs();
    final List<Notifier.Alert> inWindow = new ArrayList<>();
    final List<Long> selected = new ArrayList<>();
    final AtomicBoolean deskInFront = new AtomicBoolean(false);
    final AlertRouter router = new AlertRouter(os, inWindow::add, selected::add, deskInFront::get);

    static final Notifier.Alert SECRET = new Notifier.Alert(7, Severity.S1, true, "New S1 ticket SD-7", "",
            "OFFICIAL-SENSITIVE benefits data leak\nDepartment for Work");
    static final Notifier.Alert PLAIN = new Notifier.Alert(8, Severity.S2, false, "SD-8 at 75 % of its response time",
            "S2 Major \u00b7 1h 00m left \u00b7 assigned to you", "Reports slow\nAcme Widgets");

    @Test
    void withANotificationCentreAlertsGoThereAndASensitiveOneOnlyByRefAndPlaceholder() {
        router.notify(SECRET);
        router.notify(PLAIN);
        assertThat(inWindow).isEmpty();
        assertThat(os.shown).hasSize(2);
        assertThat(os.shown.get(0).title()).isEqualTo("New S1 ticket SD-7");
        assertThat(os.shown.get(0).text()).isEqualTo(Ticket.PLACEHOLDER).doesNotContain("benefits", "Department");
        assertThat(os.shown.get(1)).isEqualTo(PLAIN);
        // a click brings the desk forward with that ticket
        os.clicks.get(0).run();
        assertThat(selected).containsExactly(7L);
    }

    @Test
    void theTaskbarOrDockAsksForAttentionOnlyWhenTheDeskIsNotInFront() {
        deskInFront.set(true);
        router.notify(PLAIN);
        assertThat(os.attention).isZero();
        deskInFront.set(false);
        router.notify(PLAIN);
        assertThat(os.attention).isEqualTo(1);
    }

    @Test
    void whereTheOsOffersNothingTheDesksOwnPopupsShowTheAlertAsTheAgentMaySeeIt() {
        os.available = false;
        router.notify(SECRET);
        assertThat(os.shown).isEmpty();
        assertThat(os.attention).isZero();
        // (the desk's own window follows the in-app rule: the store already gave an uncleared agent the placeholder)
        assertThat(inWindow).containsExactly(SECRET);
    }

    @Test
    void theTrayIconSaysHowManyTicketsAreAtRisk() {
        router.atRisk(0);
        router.atRisk(1);
        router.atRisk(3);
        assertThat(os.atRisk).containsExactly("0 Support Desk \u2014 no tickets at risk", "1 Support Desk \u2014 1 ticket at risk",
                "3 Support Desk \u2014 3 tickets at risk");
    }
}
