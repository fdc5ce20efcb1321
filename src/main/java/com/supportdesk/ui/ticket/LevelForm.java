package com.supportdesk.ui.ticket;

import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Change support level…": escalate (with a reason) or hand back. Going to level 3 also asks for the complete steps to
 * reproduce and the isolation done ({@link SupportLevel#needsReproductionFrom}); the store checks they are there.
 * Holds no Nodes.
 */
public final class LevelForm {

    private final TicketDetailViewModel vm;
    private final Ticket ticket;
    private final ObjectProperty<SupportLevel> level;
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringProperty steps = new SimpleStringProperty(this, "steps", "");
    private final StringProperty isolation = new SimpleStringProperty(this, "isolation", "");
    private final BooleanBinding reproductionNeeded;

    LevelForm(TicketDetailViewModel vm, Ticket ticket) {
        this.vm = vm;
        this.ticket = ticket;
        this.level = new SimpleObjectProperty<>(this, "level", ticket.level().next().orElse(ticket.level()));
        this.reproductionNeeded = Bindings.createBooleanBinding(
                () -> level.get() != null && level.get().needsReproductionFrom(ticket.level()), level);
    }

    /** "SD-12 is at Level 2. Escalate it or hand it back." */
    public String header() {
        return ticket.ref() + " is at " + ticket.level().label() + ". Escalate it or hand it back.";
    }

    public CompletableFuture<?> submit() {
        boolean l3 = reproductionNeeded.get();
        return vm.changeLevel(level.get(), reason.get(), l3 ? steps.get() : null, l3 ? isolation.get() : null);
    }

    public Ticket ticket() {
        return ticket;
    }

    public ObjectProperty<SupportLevel> levelProperty() {
        return level;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty stepsProperty() {
        return steps;
    }

    public StringProperty isolationProperty() {
        return isolation;
    }

    /** True while the chosen level needs the steps to reproduce and the isolation done. */
    public BooleanBinding reproductionNeededBinding() {
        return reproductionNeeded;
    }
}
