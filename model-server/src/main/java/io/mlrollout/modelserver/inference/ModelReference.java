package io.mlrollout.modelserver.inference;

import java.util.Optional;

/**
 * Which model to serve: the name and version clients address, where its ONNX file lives, and the
 * sha256 it must have (when pinned). Built from MODEL_NAME, MODEL_VERSION, MODEL_URI, MODEL_SHA256.
 */
public record ModelReference(String name, String version, String uri, Optional<String> sha256) {}
