package io.mlrollout.modelserver.inference;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * DJL predictors are not thread-safe, so each call borrows one exclusively. The pool size bounds
 * the engine calls in flight; callers beyond it wait for a predictor to come back, or, on threads
 * that must not wait, go without.
 */
final class PredictorPool implements AutoCloseable {

    private final BlockingQueue<Predictor<List<Tensor>, List<Tensor>>> idle;
    private final int size;

    PredictorPool(Model model, int size) {
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            idle.add(model.newPredictor(new TensorTranslator()));
        }
    }

    /** One predictor, held until the lease is closed. */
    final class Lease implements AutoCloseable {
        private final Predictor<List<Tensor>, List<Tensor>> predictor;

        private Lease(Predictor<List<Tensor>, List<Tensor>> predictor) {
            this.predictor = predictor;
        }

        List<Tensor> predict(List<Tensor> inputs) throws TranslateException {
            return predictor.predict(inputs);
        }

        @Override
        public void close() {
            idle.add(predictor);
        }
    }

    Lease borrow() throws InterruptedException {
        return new Lease(idle.take());
    }

    Optional<Lease> borrowIfIdle() {
        Predictor<List<Tensor>, List<Tensor>> predictor = idle.poll();
        return predictor == null ? Optional.empty() : Optional.of(new Lease(predictor));
    }

    int size() {
        return size;
    }

    /** Closes the idle predictors; called once no more predictions will be made. */
    @Override
    public void close() {
        idle.forEach(Predictor::close);
        idle.clear();
    }
}
