package io.mlrollout.modelserver.http;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Request ids for log lines: the caller's X-Request-Id when it is a plain token, so requests can
 * be followed across services; otherwise one made here. Anything else in the header is ignored,
 * since it would be written to logs verbatim.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final String PREFIX = Long.toHexString(ProcessHandle.current().pid()) + "-";

    private RequestIds() {}

    static String fromHeader(String header) {
        if (header != null && SAFE.matcher(header).matches()) {
            return header;
        }
        return PREFIX + COUNTER.incrementAndGet();
    }
}
