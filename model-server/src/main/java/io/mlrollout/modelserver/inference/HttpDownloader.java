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
 * hanging the pod or filling its disk. Redirects are followed, from http to https too (which the
 * JDK's connection does not do by itself), but never from https to http: that would send a
 * presigned URL's credentials in clear.
 */
final class HttpDownloader {

    private static final int CHUNK = 64 * 1024;
    private static final int MAX_REDIRECTS = 5;

    private final Duration timeout;
    private final long maxBytes;

    HttpDownloader(Duration timeout, long maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** Downloads {@code uri} to {@code target}; anything but 200 is an error. */
    void download(URI uri, Path target) throws ModelLoadException {
        int status = fetch(uri, target);
        if (status != HttpURLConnection.HTTP_OK) {
            throw new ModelLoadException("download of " + Redaction.uri(uri) + " failed: HTTP " + status);
        }
    }

    /**
     * Downloads an optional file beside the model, or returns false when the server has none. 403
     * counts as none: object stores answer 403 for a missing key when listing is not allowed, and a
     * presigned URL's signature covers one key only.
     */
    boolean downloadIfPresent(URI uri, Path target) throws ModelLoadException {
        int status = fetch(uri, target);
        if (status == HttpURLConnection.HTTP_NOT_FOUND || status == HttpURLConnection.HTTP_FORBIDDEN) {
            return false;
        }
        if (status != HttpURLConnection.HTTP_OK) {
            throw new ModelLoadException("download of " + Redaction.uri(uri) + " failed: HTTP " + status);
        }
        return true;
    }

    /** Writes the body to {@code target} when the final answer is 200; returns the final status. */
    private int fetch(URI uri, Path target) throws ModelLoadException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpURLConnection connection = null;
        try {
            connection = openFollowingRedirects(uri);
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                return status;
            }
            long announced = connection.getContentLengthLong();
            if (announced > maxBytes) {
                throw tooLarge(uri, announced + " bytes");
            }
            try (InputStream in = connection.getInputStream();
                    OutputStream out = Files.newOutputStream(target)) {
                copyWithinLimits(uri, in, out, deadline);
            }
            return status;
        } catch (IOException e) {
            throw new ModelLoadException("download of " + Redaction.uri(uri) + " failed: " + e, e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private HttpURLConnection openFollowingRedirects(URI uri) throws IOException, ModelLoadException {
        URI current = uri;
        for (int hop = 0; ; hop++) {
            HttpURLConnection connection = open(current);
            int status = connection.getResponseCode();
            String location = connection.getHeaderField("Location");
            if (status < 300 || status > 308 || status == 304 || status == 305 || location == null) {
                return connection;
            }
            connection.disconnect();
            URI next = current.resolve(location.trim());
            if (hop == MAX_REDIRECTS) {
                throw new ModelLoadException("download of " + Redaction.uri(uri) + " failed: more than " + MAX_REDIRECTS + " redirects");
            }
            if ("https".equalsIgnoreCase(current.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
                throw new ModelLoadException("download of " + Redaction.uri(uri) + " refused: a redirect from https to "
                        + next.getScheme() + " (" + Redaction.uri(next) + ")");
            }
            current = next;
        }
    }

    private HttpURLConnection open(URI uri) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        connection.setConnectTimeout(millis);
        connection.setReadTimeout(millis);
        // Followed above, so that http-to-https hops are followed too and https-to-http ones refused.
        connection.setInstanceFollowRedirects(false);
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
