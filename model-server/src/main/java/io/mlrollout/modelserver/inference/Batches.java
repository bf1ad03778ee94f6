package io.mlrollout.modelserver.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Joining requests into one engine call along the first (batch) dimension, and splitting the
 * outputs back. Pure functions of tensors: which requests may share a call, and how.
 */
final class Batches {

    private Batches() {}

    /** Whether every input of an already validated request has a free first dimension in the model. */
    static boolean batchable(ModelSignature signature, List<Tensor> inputs) {
        return inputs.stream().allMatch(input -> signature.input(input.name()).map(TensorSpec::isBatched).orElse(false));
    }

    /** Same input names in the same order, same datatypes and the same dimensions after the first. */
    static boolean compatible(List<Tensor> a, List<Tensor> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Tensor left = a.get(i);
            Tensor right = b.get(i);
            boolean same = left.name().equals(right.name()) && left.type() == right.type()
                    && left.shape().length == right.shape().length
                    && Arrays.equals(left.shape(), 1, left.shape().length, right.shape(), 1, right.shape().length);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** The rows of a batchable request (its inputs agree on the first dimension, as validation checked). */
    static long rows(List<Tensor> inputs) {
        return inputs.get(0).shape()[0];
    }

    /** One input list whose rows are the members' rows, in member order. */
    static List<Tensor> concatenate(List<List<Tensor>> members) {
        List<Tensor> first = members.get(0);
        long totalRows = members.stream().mapToLong(Batches::rows).sum();
        List<Tensor> joined = new ArrayList<>(first.size());
        for (int i = 0; i < first.size(); i++) {
            int input = i;
            long[] shape = first.get(i).shape().clone();
            shape[0] = totalRows;
            TensorData data = TensorData.concatenate(members.stream().map(member -> member.get(input).data()).toList());
            joined.add(new Tensor(first.get(i).name(), shape, data));
        }
        return joined;
    }

    /**
     * Each member's share of the outputs, by its row count; empty when an output does not have one
     * row per input row (a model whose outputs are not per row cannot be batched).
     */
    static Optional<List<List<Tensor>>> split(List<Tensor> outputs, long[] memberRows) {
        long totalRows = Arrays.stream(memberRows).sum();
        for (Tensor output : outputs) {
            if (output.shape().length == 0 || output.shape()[0] != totalRows) {
                return Optional.empty();
            }
        }
        List<List<Tensor>> shares = new ArrayList<>(memberRows.length);
        long firstRow = 0;
        for (long rows : memberRows) {
            List<Tensor> share = new ArrayList<>(outputs.size());
            for (Tensor output : outputs) {
                int perRow = totalRows == 0 ? 0 : (int) (output.data().length() / totalRows);
                long[] shape = output.shape().clone();
                shape[0] = rows;
                TensorData data = output.data().slice((int) (firstRow * perRow), (int) ((firstRow + rows) * perRow));
                share.add(new Tensor(output.name(), shape, data));
            }
            shares.add(share);
            firstRow += rows;
        }
        return Optional.of(shares);
    }
}
