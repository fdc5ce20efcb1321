package com.supportdesk.ui.phone;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.common.ScriptedDialogs;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.UiTaskExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A desk with an operator and two callers, on a real H2 file, for the phone view-model and view tests. */
final class PhoneFixture implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("Europe/London");

    final MutableClock clock;
    final Store store;
    final Agent admin;
    final Agent olive;
    final Customer gov;
    final Customer acme;
    final Contact gail;
    final Contact rita;
    final ManualTimer timer = new ManualTimer();
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    private UiTaskExecutor executor;

    PhoneFixture(Path dir, String now) {
        clock = MutableClock.at(now);
        store = TestStores.open(dir, clock);
        admin = TestStores.admin(store);
        olive = TestStores.agent(store, admin, "olive", Clearance.NONE);
        gov = store.customers().create(admin, "Home Office Digital", true, 4);
        acme = store.customers().create(admin, "Acme Widgets", false, 0);
        gail = store.contacts().create(admin, gov.id(), "Gail Gov", "gail@gov.example", "+44 20 7946 0018",
                ContactRole.ADMINISTRATOR);
        rita = store.contacts().create(admin, acme.id(), "Rita Regular", "rita@acme.example", "01632 960123",
                ContactRole.REGISTERED_USER);
    }

    PhoneContext context(TaskExecutor executor) {
        return new PhoneContext(store, clock, ZONE, executor, timer, Duration.ofSeconds(5));
    }

    /** A call console doing its store work on a background thread (FX tests), reporting logged tickets to {@code logged}. */
    CallConsole fxConsole(List<Ticket> logged) {
        if (executor == null) {
            executor = new UiTaskExecutor("phone-test", 1);
        }
        CallConsole c = new CallConsole(context(executor), owner -> dialogs);
        c.setOnLogged(logged::add);
        return c;
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static Optional<Stage> window(FxRobot robot, String title) {
        return robot.listWindows().stream().filter(w -> w instanceof Stage s && title.equals(s.getTitle()) && s.isShowing())
                .map(Stage.class::cast).findFirst();
    }

    void tickSecond() {
        timer.fire(Duration.ofSeconds(1));
    }

    void tickAutosave() {
        timer.fire(Duration.ofSeconds(5));
    }

    @Override
    public void close() throws InterruptedException {
        if (executor != null) {
            executor.close();
        }
        store.close();
    }
}
