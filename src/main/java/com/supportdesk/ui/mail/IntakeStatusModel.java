package com.supportdesk.ui.mail;

import com.supportdesk.mail.IntakeProgress;
import com.supportdesk.mail.IntakeService;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The intake's status for a status bar: pass it to {@code MailChannel.startIntake} as the listener and bind a
 * label to {@link #textProperty()}. Reports arrive on the intake's thread and are handed to the FX thread. While a
 * large import runs (at least {@link #PROGRESS_FROM} messages waiting) the text is its progress: count, rate and
 * time left; the round's summary replaces it when the round is done.
 */
public final class IntakeStatusModel implements IntakeService.Listener {

    /** Imports of fewer messages go by without a progress text. */
    public static final int PROGRESS_FROM = 100;

    private final Executor ui;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "Mail: not started");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(this, "problem");

    /** @param ui the FX thread ({@code Platform::runLater}); tests pass {@code Runnable::run} */
    public IntakeStatusModel(Executor ui) {
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    @Override
    public void status(IntakeService.Status status) {
        String line = "Mail: " + status.text();
        boolean error = status.state() == IntakeService.State.ERROR;
        ui.execute(() -> {
            text.set(line);
            problem.set(error);
        });
    }

    /** E.g. {@code Mail: importing 1,200 of 5,000 messages · 812/s · about 5 s left}. */
    @Override
    public void progress(IntakeProgress progress) {
        if (progress.waiting() < PROGRESS_FROM) {
            return;
        }
        String line = "Mail: importing " + progress.text();
        ui.execute(() -> {
            text.set(line);
            problem.set(false);
        });
    }

    /** Says why this desktop does not fetch mail (no account set up, or a gateway fetches it). */
    public void notRunning(String why) {
        ui.execute(() -> {
            text.set("Mail: " + why);
            problem.set(false);
        });
    }

    /** E.g. {@code Mail: fetched 2: new tickets 1, …} or {@code Mail: error: The mail server … refused …}. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** True while the last report was an error (style the label). */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
