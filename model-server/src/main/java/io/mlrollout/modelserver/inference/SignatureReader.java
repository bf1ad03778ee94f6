package io.mlrollout.modelserver.inference;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads input and output names, types and shapes from the ONNX graph. DJL 0.36 gives input names
 * but no shapes and cannot describe ONNX outputs, so this opens a short-lived ONNX Runtime session
 * without graph optimisation (cheap) and closes it again. It doubles as the check that the file is
 * a loadable ONNX model, which yields a clearer reason than DJL's wrapped exception.
 */
final class SignatureReader {

    private SignatureReader() {}

    /** Needs the engine's environment to exist already (DJL creates it with its threading options). */
    static ModelSignature read(Path modelFile) throws ModelLoadException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            try (OrtSession session = environment.createSession(modelFile.toString(), options)) {
                return new ModelSignature(specs(session.getInputInfo(), "input"), specs(session.getOutputInfo(), "output"));
            }
        } catch (OrtException e) {
            throw new ModelLoadException("not a loadable ONNX model: " + e.getMessage(), e);
        }
    }

    private static List<TensorSpec> specs(Map<String, NodeInfo> nodes, String role) throws ModelLoadException {
        List<TensorSpec> specs = new ArrayList<>(nodes.size());
        for (NodeInfo node : nodes.values()) {
            if (!(node.getInfo() instanceof TensorInfo info)) {
                throw new ModelLoadException(role + " '" + node.getName() + "' is not a tensor (" + node.getInfo() + ")");
            }
            TensorType type =
                    TensorType.fromOnnx(info.onnxType)
                            .orElseThrow(() -> new ModelLoadException(
                                    role + " '" + node.getName() + "' has element type " + info.onnxType
                                            + ", which this server cannot pass to or from ONNX Runtime; it serves "
                                            + TensorType.servableNames()));
            specs.add(new TensorSpec(node.getName(), type, info.getShape()));
        }
        return specs;
    }
}
