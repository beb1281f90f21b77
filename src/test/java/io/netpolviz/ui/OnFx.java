package io.netpolviz.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Runs work on the JavaFX thread and waits for its result: for the test-scope mains that drive a real window from their own thread. */
final class OnFx {

    private OnFx() {
    }

    static <T> T call(Supplier<T> work, long timeout, TimeUnit unit) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable error) {
                result.completeExceptionally(error);
            }
        });
        return result.get(timeout, unit);
    }
}
