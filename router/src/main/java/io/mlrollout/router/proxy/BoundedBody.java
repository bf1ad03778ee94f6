package io.mlrollout.router.proxy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads a whole request body into memory, so that a canary's failed request can be sent again to the
 * stable version, up to a limit: a larger body fails with {@link TooLarge} as soon as the
 * Content-Length or the bytes received say so, without buffering it.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    static Future<Buffer> read(HttpServerRequest request, long maxBytes) {
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > maxBytes) {
                    return Future.failedFuture(new TooLarge(maxBytes));
                }
            } catch (NumberFormatException e) {
                return Future.failedFuture(new IllegalArgumentException("Content-Length is not a number: " + declared));
            }
        }
        Promise<Buffer> whole = Promise.promise();
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (body.length() + chunk.length() > maxBytes) {
                request.handler(null);
                whole.tryFail(new TooLarge(maxBytes));
            } else if (!whole.future().isComplete()) {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(end -> whole.tryComplete(body));
        request.exceptionHandler(whole::tryFail);
        request.resume();
        return whole.future();
    }

    /** The body exceeds ROUTER_MAX_REQUEST_BYTES. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long maxBytes) {
            super("the request body is larger than " + maxBytes + " bytes (ROUTER_MAX_REQUEST_BYTES)", null, false, false);
        }
    }
}
