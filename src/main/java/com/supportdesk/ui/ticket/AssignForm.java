package com.supportdesk.ui.ticket;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Assign to…": who should work on the ticket at hand (only cleared staff for an Official Sensitive ticket), or
 * nobody. Holds no Nodes.
 */
public final class AssignForm {

    private final TicketDetailViewModel vm;
    private final Ticket ticket;
    private final ObservableList<Agent> agents = FXCollections.observableArrayList();
    private final ObjectProperty<Agent> assignee = new SimpleObjectProperty<>(this, "assignee");
    private final BooleanProperty unassigned = new SimpleBooleanProperty(this, "unassigned");

    AssignForm(TicketDetailViewModel vm, Ticket ticket) {
        this.vm = vm;
        this.ticket = ticket;
    }

    /** Loads who may take the ticket, the current assignee chosen. */
    public CompletableFuture<Void> load() {
        return vm.assignable().thenAccept(list -> {
            agents.setAll(list);
            list.stream().filter(a -> ticket.assigneeId() != null && a.id() == ticket.assigneeId()).findFirst()
                    .ifPresent(assignee::set);
        });
    }

    /** "Only cleared staff can take an Official Sensitive ticket." or "Assign to". */
    public String hint() {
        return ticket.sensitive() ? "Only cleared staff can take an Official Sensitive ticket." : "Assign to";
    }

    public CompletableFuture<?> submit() {
        if (!unassigned.get() && assignee.get() == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Choose someone, or tick 'Leave it unassigned'."));
        }
        return vm.assign(unassigned.get() ? null : assignee.get());
    }

    public Ticket ticket() {
        return ticket;
    }

    public ObservableList<Agent> agents() {
        return agents;
    }

    public ObjectProperty<Agent> assigneeProperty() {
        return assignee;
    }

    public BooleanProperty unassignedProperty() {
        return unassigned;
    }
}
