package io.mlrollout.modelserver.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The queue, its bounds and deadlines, and batching, against an engine that computes each output
 * row from its input row alone (so a batch must give exactly what separate calls give) and that can
 * be held until the test releases it.
 */
class InferenceSchedulerTest {

    private static final long LONG = TimeUnit.SECONDS.toNanos(30);

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Integer> callRows = new CopyOnWriteArrayList<>();
    private InferenceScheduler scheduler;
    /** One instance each: requests share an engine call only when they name the same engine. */
    private final InferenceScheduler.Engine engine = this::engine;
    private final InferenceScheduler.Engine heldEngine = this::heldEngine;

    @AfterEach
    void stop() {
        release.countDown();
        if (scheduler != null) {
            scheduler.close();
        }
    }

    private InferenceScheduler start(int queueCapacity, long queueMaxBytes, int maxRows, Duration delay) {
        scheduler = new InferenceScheduler(new SchedulerSettings(1, queueCapacity, queueMaxBytes, maxRows, delay, Duration.ofMillis(5)));
        return scheduler;
    }

    /** Output row = input row * 2 + 1, per row; fails for any row starting with a negative value. */
    private List<Tensor> engine(List<Tensor> inputs) {
        Tensor input = inputs.get(0);
        float[] values = input.data().toFloats();
        int perRow = (int) (values.length / input.shape()[0]);
        callRows.add((int) input.shape()[0]);
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            if (i % perRow == 0 && values[i] < 0) {
                throw new IllegalStateException("the engine cannot take a negative first feature");
            }
            out[i] = values[i] * 2 + 1;
        }
        return List.of(new Tensor("output", input.shape().clone(), TensorData.of(out)));
    }

    private List<Tensor> heldEngine(List<Tensor> inputs) throws InterruptedException {
        release.await();
        return engine(inputs);
    }

    private static InferenceScheduler.Request rows(InferenceScheduler.Engine engine, int rows, int width, float first) {
        float[] values = new float[rows * width];
        for (int i = 0; i < values.length; i++) {
            values[i] = first + i;
        }
        return new InferenceScheduler.Request(engine, List.of(new Tensor("input", new long[] {rows, width}, TensorData.of(values))),
                true, values.length * 4L);
    }

    private float[] outputOf(CompletableFuture<InferenceScheduler.Prediction> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS).outputs().get(0).data().toFloats();
    }

    private float[] unbatched(InferenceScheduler.Request request) {
        return engine(request.inputs()).get(0).data().toFloats();
    }

    /** Occupies the only runner until {@link #release}, so what is submitted next queues. */
    private CompletableFuture<InferenceScheduler.Prediction> occupyRunner() {
        CompletableFuture<InferenceScheduler.Prediction> blocker = scheduler.submit(
                new InferenceScheduler.Request(heldEngine, rows(engine, 1, 4, 0).inputs(), false, 0), LONG);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.queueDepth() == 0);
        return blocker;
    }

    @Test
    void returnsTheEngineOutputsAndTheTimeSpent() throws Exception {
        start(8, 1 << 20, 1, Duration.ZERO);
        InferenceScheduler.Request request = rows(engine, 2, 4, 1);

        InferenceScheduler.Prediction prediction = scheduler.submit(request, LONG).get(10, TimeUnit.SECONDS);

        assertThat(prediction.outputs().get(0).data().toFloats()).containsExactly(unbatched(request));
        assertThat(prediction.queueNanos()).isNotNegative();
        assertThat(prediction.computeNanos()).isPositive();
    }

    @Test
    void failsWithATimeoutWhenTheEngineRunsTooLong() {
        start(8, 1 << 20, 1, Duration.ZERO);
        CompletableFuture<InferenceScheduler.Prediction> slow =
                scheduler.submit(rows(heldEngine, 1, 4, 0), TimeUnit.MILLISECONDS.toNanos(50));

        assertThatThrownBy(() -> slow.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void refusesAtOnceWhenTheQueueHoldsAsManyRequestsAsItMay() {
        start(1, 1 << 20, 1, Duration.ZERO);
        occupyRunner();
        scheduler.submit(rows(engine, 1, 4, 0), LONG); // fills the queue of one

        CompletableFuture<InferenceScheduler.Prediction> refused = scheduler.submit(rows(engine, 1, 4, 0), LONG);

        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join).hasCauseInstanceOf(InferenceScheduler.OverloadedException.class)
                .hasMessageContaining("INFERENCE_QUEUE_CAPACITY");
    }

    @Test
    void refusesARequestWhoseBodyWouldPassTheQueuedBytesAndAcceptsAgainOnceBytesAreFreed() throws Exception {
        start(100, 100, 1, Duration.ZERO);
        CompletableFuture<InferenceScheduler.Prediction> blocker = scheduler.submit(
                new InferenceScheduler.Request(heldEngine, rows(engine, 1, 4, 0).inputs(), false, 60), LONG);

        CompletableFuture<InferenceScheduler.Prediction> refused = scheduler.submit(
                new InferenceScheduler.Request(engine, rows(engine, 1, 4, 0).inputs(), false, 41), LONG);
        assertThatThrownBy(refused::join).hasCauseInstanceOf(InferenceScheduler.OverloadedException.class)
                .hasMessageContaining("INFERENCE_QUEUE_MAX_BYTES");
        assertThat(scheduler.queuedBytes()).isEqualTo(60);

        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.queuedBytes() == 0);
        assertThat(scheduler.submit(new InferenceScheduler.Request(engine, rows(engine, 1, 4, 0).inputs(), false, 100), LONG)
                .get(10, TimeUnit.SECONDS).outputs()).hasSize(1);
    }

    @Test
    void neverRunsARequestWhoseDeadlinePassedWhileQueued() throws Exception {
        start(8, 1 << 20, 8, Duration.ZERO);
        CompletableFuture<InferenceScheduler.Prediction> blocker = occupyRunner();
        CompletableFuture<InferenceScheduler.Prediction> expiring =
                scheduler.submit(rows(engine, 3, 4, 100), TimeUnit.MILLISECONDS.toNanos(20));
        assertThatThrownBy(() -> expiring.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
        assertThat(scheduler.queueDepth()).as("an expired request leaves the queue").isZero();

        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);
        assertThat(scheduler.submit(rows(engine, 2, 4, 0), LONG).get(10, TimeUnit.SECONDS).outputs()).hasSize(1);
        assertThat(callRows).as("engine calls by rows: the expired 3-row request never ran").containsExactly(1, 2);
    }

    @Test
    void joinsQueuedRequestsWithMixedRowCountsIntoOneCallUpToTheRowLimitWithTheSameResultsAsAlone() throws Exception {
        start(16, 1 << 20, 8, Duration.ZERO);
        CompletableFuture<InferenceScheduler.Prediction> blocker = occupyRunner();
        List<InferenceScheduler.Request> requests = List.of(rows(engine, 3, 4, 0), rows(engine, 1, 4, 50),
                rows(engine, 4, 4, 70), rows(engine, 2, 4, 90));
        List<CompletableFuture<InferenceScheduler.Prediction>> futures = new ArrayList<>();
        requests.forEach(request -> futures.add(scheduler.submit(request, LONG)));

        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        // The blocker alone, then 3+1+4 = 8 rows in one call, then the 2 rows that did not fit.
        assertThat(List.copyOf(callRows)).as("rows per engine call").containsExactly(1, 8, 2);
        for (int i = 0; i < requests.size(); i++) {
            assertThat(outputOf(futures.get(i))).as("request " + i).containsExactly(unbatched(requests.get(i)));
            assertThat(futures.get(i).get().outputs().get(0).shape()).containsExactly(requests.get(i).inputs().get(0).shape());
        }
        assertThat(futures.get(0).get().batchedRequests()).isEqualTo(3);
    }

    @Test
    void requestsWithOtherFeatureCountsOrNotBatchableRunAlone() throws Exception {
        start(16, 1 << 20, 8, Duration.ZERO);
        CompletableFuture<InferenceScheduler.Prediction> blocker = occupyRunner();
        CompletableFuture<InferenceScheduler.Prediction> four = scheduler.submit(rows(engine, 1, 4, 0), LONG);
        CompletableFuture<InferenceScheduler.Prediction> five = scheduler.submit(rows(engine, 1, 5, 0), LONG);
        InferenceScheduler.Request alone = rows(engine, 1, 4, 0);
        CompletableFuture<InferenceScheduler.Prediction> notBatchable = scheduler.submit(
                new InferenceScheduler.Request(engine, alone.inputs(), false, 16), LONG);

        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);

        assertThat(outputOf(four)).hasSize(4);
        assertThat(outputOf(five)).hasSize(5);
        assertThat(outputOf(notBatchable)).hasSize(4);
        assertThat(callRows).containsExactly(1, 1, 1, 1);
    }

    @Test
    void aRequestTheEngineFailsOnFailsAloneAndItsBatchStillSucceeds() throws Exception {
        start(16, 1 << 20, 8, Duration.ZERO);
        CompletableFuture<InferenceScheduler.Prediction> blocker = occupyRunner();
        InferenceScheduler.Request good = rows(engine, 2, 4, 1);
        InferenceScheduler.Request poisoned = rows(engine, 1, 4, -5);
        InferenceScheduler.Request alsoGood = rows(engine, 3, 4, 7);
        CompletableFuture<InferenceScheduler.Prediction> first = scheduler.submit(good, LONG);
        CompletableFuture<InferenceScheduler.Prediction> bad = scheduler.submit(poisoned, LONG);
        CompletableFuture<InferenceScheduler.Prediction> last = scheduler.submit(alsoGood, LONG);

        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);

        assertThat(outputOf(first)).containsExactly(unbatched(good));
        assertThat(outputOf(last)).containsExactly(unbatched(alsoGood));
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFirstRequestWaitsUpToTheDelayForOthersToJoin() throws Exception {
        start(16, 1 << 20, 8, Duration.ofSeconds(5));
        InferenceScheduler.Request a = rows(engine, 1, 4, 1);
        InferenceScheduler.Request b = rows(engine, 2, 4, 2);
        CompletableFuture<InferenceScheduler.Prediction> first = scheduler.submit(a, LONG);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.queueDepth() == 0);
        CompletableFuture<InferenceScheduler.Prediction> second = scheduler.submit(b, LONG);
        CompletableFuture<InferenceScheduler.Prediction> fills = scheduler.submit(rows(engine, 5, 4, 3), LONG);

        assertThat(outputOf(first)).containsExactly(unbatched(a));
        assertThat(outputOf(second)).containsExactly(unbatched(b));
        outputOf(fills);
        assertThat(callRows.get(0)).as("one call for 1 + 2 + 5 rows, made once the batch was full").isEqualTo(8);
    }
}
