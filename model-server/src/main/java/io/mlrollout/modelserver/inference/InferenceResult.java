package io.mlrollout.modelserver.inference;

import java.util.List;

/**
 * The outputs the client asked for, and, for classifiers, how many rows were predicted as each
 * class (index into {@link ServedModel#classLabels()}), computed from all outputs before filtering.
 */
public record InferenceResult(List<Tensor> outputs, long[] predictedClassCounts) {}
