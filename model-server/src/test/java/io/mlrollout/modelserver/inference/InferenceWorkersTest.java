package io.mlrollout.modelserver.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InferenceWorkersTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    private final CountDownLatch release = new CountDownLatch(1);
    private final InferenceWorkers workers = new InferenceWorkers(1, 1, Duration.ofMillis(5));

    @AfterEach
    void stop() {
        release.countDown();
        workers.close();
    }

    private CompletableFuture<String> blockUntilReleased() {
        return workers.submit(() -> {
            release.await();
            return "released";
        }, LONG);
    }

    @Test
    void returnsWhatTheTaskReturns() throws Exception {
        assertThat(workers.submit(() -> "answer", LONG).get(10, TimeUnit.SECONDS)).isEqualTo("answer");
    }

    @Test
    void failsWithATimeoutWhenTheTaskRunsTooLong() {
        CompletableFuture<String> slow = workers.submit(() -> {
            release.await();
            return "late";
        }, Duration.ofMillis(50));

        assertThatThrownBy(() -> slow.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void refusesAtOnceWhenTheQueueIsFull() {
        blockUntilReleased(); // occupies the only worker
        blockUntilReleased(); // fills the queue of one

        CompletableFuture<String> refused = workers.submit(() -> "never", LONG);

        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join).hasCauseInstanceOf(InferenceWorkers.WorkersBusyException.class)
                .hasMessageContaining("server busy");
    }

    @Test
    void skipsATaskWhoseDeadlinePassedWhileQueued() throws Exception {
        CompletableFuture<String> running = blockUntilReleased();
        AtomicBoolean ran = new AtomicBoolean();
        CompletableFuture<String> queued = workers.submit(() -> {
            ran.set(true);
            return "too late";
        }, Duration.ofMillis(20));
        assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);

        release.countDown();
        running.get(10, TimeUnit.SECONDS);
        CompletableFuture<String> after = workers.submit(() -> "after", LONG);

        assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo("after");
        assertThat(ran).as("the expired task must not have run before the next one").isFalse();
    }
}
