package io.mlrollout.modelserver.inference;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Turns a model URI into a local file, plus the class labels found beside it ({@code labels.txt},
 * one label per line in output column order). Supports {@code file:}, {@code http(s):} and
 * {@code classpath:} (the sample models bundled in this jar).
 */
final class ModelFetcher {

    static final String LABELS_FILE = "labels.txt";

    private final Path workDir;
    private final HttpDownloader downloader;

    ModelFetcher(LoaderSettings settings) {
        this.workDir = settings.workDir();
        this.downloader = new HttpDownloader(settings.downloadTimeout(), settings.downloadMaxBytes());
    }

    record FetchedModel(Path file, Optional<List<String>> labels) {}

    FetchedModel fetch(String uriText) throws ModelLoadException {
        URI uri = parse(uriText);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        try {
            return switch (scheme) {
                case "file" -> fromFile(Path.of(uri));
                case "http", "https" -> fromHttp(uri);
                case "classpath" -> fromClasspath(uri.getSchemeSpecificPart());
                default -> throw new ModelLoadException(
                        "MODEL_URI scheme '" + scheme + "' is not supported (use file:, http:, https: or classpath:)");
            };
        } catch (IOException e) {
            throw new ModelLoadException("cannot read model " + Redaction.uri(uri) + ": " + e, e);
        }
    }

    private static URI parse(String uriText) throws ModelLoadException {
        try {
            return new URI(uriText.trim());
        } catch (URISyntaxException e) {
            throw new ModelLoadException("MODEL_URI is not a valid URI: " + e.getReason());
        }
    }

    private static FetchedModel fromFile(Path file) throws IOException, ModelLoadException {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("model file " + file + " does not exist or is not a file");
        }
        Path labels = file.resolveSibling(LABELS_FILE);
        return new FetchedModel(file, Files.isRegularFile(labels) ? Optional.of(readLabels(labels)) : Optional.empty());
    }

    private FetchedModel fromHttp(URI uri) throws IOException, ModelLoadException {
        Path file = workDir.resolve("model.onnx");
        downloader.download(uri, file);
        Path labels = workDir.resolve(LABELS_FILE);
        boolean hasLabels = downloader.downloadIfPresent(besideWithSameQuery(uri, LABELS_FILE), labels);
        return new FetchedModel(file, hasLabels ? Optional.of(readLabels(labels)) : Optional.empty());
    }

    /**
     * The file {@code name} in the model's URL directory, with the model URL's query string: a
     * presigned URL's credentials are in its query, and resolving a relative name drops it.
     */
    static URI besideWithSameQuery(URI model, String name) {
        URI beside = model.resolve(name);
        return model.getRawQuery() == null ? beside : URI.create(beside + "?" + model.getRawQuery());
    }

    private FetchedModel fromClasspath(String resource) throws IOException, ModelLoadException {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        Path file = workDir.resolve("model.onnx");
        if (!copyResource(path, file)) {
            throw new ModelLoadException("no resource '" + path + "' on the classpath");
        }
        String labelsPath = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) + LABELS_FILE : LABELS_FILE;
        Path labels = workDir.resolve(LABELS_FILE);
        return new FetchedModel(file, copyResource(labelsPath, labels) ? Optional.of(readLabels(labels)) : Optional.empty());
    }

    private static boolean copyResource(String path, Path target) throws IOException {
        try (InputStream in = ModelFetcher.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return false;
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return true;
        }
    }

    private static List<String> readLabels(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
