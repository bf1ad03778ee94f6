package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.HandledRequests;
import java.util.Objects;

/**
 * The promote, abort and retry annotations as found on the ModelDeployment. A value is a request
 * id: a request is new while its value differs from the one the status records as handled.
 */
public record Requests(String promote, String abort, String retry) {

    public static final Requests NONE = new Requests(null, null, null);

    public boolean newPromote(HandledRequests handled) {
        return isNew(promote, handled == null ? null : handled.getPromote());
    }

    public boolean newAbort(HandledRequests handled) {
        return isNew(abort, handled == null ? null : handled.getAbort());
    }

    public boolean newRetry(HandledRequests handled) {
        return isNew(retry, handled == null ? null : handled.getRetry());
    }

    private static boolean isNew(String requested, String handled) {
        return requested != null && !requested.isBlank() && !Objects.equals(requested, handled);
    }
}
