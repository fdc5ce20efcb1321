package com.supportdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class BackgroundTaskTest {

    final ManualTaskExecutor executor = new ManualTaskExecutor();
    final TaskState state = new TaskState(this);
    final List<String> events = new ArrayList<>();

    @Test
    void aTrackedTaskIsBusyWhileItRunsAndItsCallbacksRunInOrder() {
        state.setError("old problem");
        CompletableFuture<Integer> f = BackgroundTask.wrap(() -> 42).trackedBy(state).withStatus("Counting…")
                .onRunning(() -> events.add("running"))
                .onSuccess(v -> events.add("success " + v))
                .onFailure(e -> events.add("failure"))
                .onFinished(() -> events.add("finished"))
                .executeWith(executor);

        assertThat(state.isBusy()).isTrue();
        assertThat(state.getStatus()).isEqualTo("Counting…");
        assertThat(state.getError()).isEmpty();
        assertThat(events).containsExactly("running");
        assertThat(f).isNotDone();

        executor.runNext();
        assertThat(state.isBusy()).isFalse();
        assertThat(events).containsExactly("running", "success 42", "finished");
        assertThat(f).isCompletedWithValue(42);
    }

    @Test
    void aFailureBecomesThePlainMessageAndTheFutureFailsWithTheRealCause() {
        StoreException.Invalid invalid = new StoreException.Invalid("Give a reason for escalating SD-12 to Level 2.");
        List<Throwable> seen = new ArrayList<>();
        CompletableFuture<Object> f = BackgroundTask.wrap(() -> {
            throw new CompletionException(invalid);
        }).trackedBy(state).onSuccess(v -> events.add("success")).onFailure(seen::add).executeWith(executor);
        executor.runNext();

        assertThat(state.isBusy()).isFalse();
        assertThat(state.getError()).isEqualTo("Give a reason for escalating SD-12 to Level 2.");
        assertThat(seen).containsExactly(invalid);
        assertThat(events).isEmpty();
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class).hasCause(invalid);
    }

    @Test
    void aOneLineStateShowsTheFailureInItsStatusLine() {
        TaskState oneLine = TaskState.oneLine(this);
        BackgroundTask.wrap(() -> {
            throw new IllegalStateException("The mail server refused the connection.");
        }).trackedBy(oneLine).withStatus("Connecting…").executeWith(TaskExecutor.direct());
        assertThat(oneLine.getStatus()).isEqualTo("The mail server refused the connection.");
        assertThat(state.getStatus()).isEmpty();
    }

    @Test
    void refusingBadInputNeedsNoBackgroundWork() {
        CompletableFuture<Void> f = state.refuse(new IllegalArgumentException("Type the time as HH:MM."));
        assertThat(f).isCompletedExceptionally();
        assertThat(state.getError()).isEqualTo("Type the time as HH:MM.");
        assertThat(executor.pending()).isZero();
    }

    @Test
    void errorsAreWordedForPeople() {
        assertThat(Errors.plain(new CompletionException(new ExecutionException(new IllegalStateException("SD-1 was changed")))))
                .isEqualTo("SD-1 was changed");
        assertThat(Errors.plain(new UncheckedIOException(new NoSuchFileException("/tmp/x.ics"))))
                .isEqualTo("The file /tmp/x.ics does not exist.");
        assertThat(Errors.plain(new UncheckedIOException("Could not write the report: disk full",
                new IOException("disk full")))).isEqualTo("Could not write the report: disk full");
        assertThat(Errors.plain(new NullPointerException())).isEqualTo("Something went wrong (NullPointerException).");
    }
}
