package io.mlrollout.router.proxy;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The {@code X-Request-Id} passed to the model server and back to the caller: the caller's own when it
 * is a short plain token (the model server writes it to its logs verbatim and applies the same test),
 * else a new one, so one id follows a request through router and model server.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";

    private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String ROUTER_PREFIX = "r" + Long.toHexString(ProcessHandle.current().pid()) + "-";
    private static final AtomicLong ISSUED = new AtomicLong();

    private RequestIds() {
    }

    static String forRequest(String callerId) {
        return callerId != null && PLAIN_TOKEN.matcher(callerId).matches() ? callerId : ROUTER_PREFIX + ISSUED.incrementAndGet();
    }
}
