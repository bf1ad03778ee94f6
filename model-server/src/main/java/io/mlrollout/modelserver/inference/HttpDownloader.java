package io.mlrollout.modelserver.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Downloads a model file once, at start. Bounded in time (connect, each read, and the whole
 * transfer) and in size, so a slow or huge remote file fails the load with a reason instead of
 * hanging the pod or filling its disk.
 */
final class HttpDownloader {

    private static final int CHUNK = 64 * 1024;

    private final Duration timeout;
    private final long maxBytes;

    HttpDownloader(Duration timeout, long maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** Downloads {@code uri} to {@code target}; a missing file is an error. */
    void download(URI uri, Path target) throws ModelLoadException {
        if (!downloadIfPresent(uri, target)) {
            throw new ModelLoadException("download of " + Redaction.uri(uri) + " failed: HTTP 404");
        }
    }

    /** Downloads {@code uri} to {@code target}, or returns false when the server has no such file. */
    boolean downloadIfPresent(URI uri, Path target) throws ModelLoadException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpURLConnection connection = null;
        try {
            connection = open(uri);
            int status = connection.getResponseCode();
            if (status == HttpURLConnection.HTTP_NOT_FOUND) {
                return false;
            }
            if (status != HttpURLConnection.HTTP_OK) {
                throw new ModelLoadException("download of " + Redaction.uri(uri) + " failed: HTTP " + status);
            }
            long announced = connection.getContentLengthLong();
            if (announced > maxBytes) {
                throw tooLarge(uri, announced + " bytes");
            }
            try (InputStream in = connection.getInputStream();
                    OutputStream out = Files.newOutputStream(target)) {
                copyWithinLimits(uri, in, out, deadline);
            }
            return true;
        } catch (IOException e) {
            throw new ModelLoadException("download of " + Redaction.uri(uri) + " failed: " + e, e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private HttpURLConnection open(URI uri) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        connection.setConnectTimeout(millis);
        connection.setReadTimeout(millis);
        connection.setInstanceFollowRedirects(true);
        return connection;
    }

    private void copyWithinLimits(URI uri, InputStream in, OutputStream out, long deadline)
            throws IOException, ModelLoadException {
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            total += read;
            if (total > maxBytes) {
                throw tooLarge(uri, "more than " + maxBytes + " bytes");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new ModelLoadException(
                        "download of " + Redaction.uri(uri) + " took longer than " + timeout
                                + " (MODEL_DOWNLOAD_TIMEOUT)");
            }
            out.write(buffer, 0, read);
        }
    }

    private ModelLoadException tooLarge(URI uri, String size) {
        return new ModelLoadException(
                "download of " + Redaction.uri(uri) + " refused: the file is " + size
                        + ", over the limit of " + maxBytes + " bytes (MODEL_DOWNLOAD_MAX_BYTES)");
    }
}
