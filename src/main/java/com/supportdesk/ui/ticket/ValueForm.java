package com.supportdesk.ui.ticket;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** A ticket dialog that asks for one value (severity, status, the text of a note) and submits it. Holds no Nodes. */
public final class ValueForm<T> {

    private final ObjectProperty<T> value;
    private final Function<T, CompletableFuture<?>> submit;

    ValueForm(T initial, Function<T, CompletableFuture<?>> submit) {
        this.value = new SimpleObjectProperty<>(this, "value", initial);
        this.submit = submit;
    }

    public ObjectProperty<T> valueProperty() {
        return value;
    }

    /** Submits the value; the future fails with a message for people (the dialog stays open and shows it). */
    public CompletableFuture<?> submit() {
        return submit.apply(value.get());
    }
}
