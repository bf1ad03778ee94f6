package io.mlrollout.modelserver.inference;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * DJL predictors are not thread-safe, so each call borrows one exclusively. The pool size bounds
 * the engine calls in flight; callers beyond it wait for a predictor to come back.
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

    List<Tensor> predict(List<Tensor> inputs) throws TranslateException, InterruptedException {
        Predictor<List<Tensor>, List<Tensor>> predictor = idle.take();
        try {
            return predictor.predict(inputs);
        } finally {
            idle.add(predictor);
        }
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
