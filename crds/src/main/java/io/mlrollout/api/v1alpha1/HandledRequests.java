package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The values of the promote / abort / retry annotations the operator already acted on. A request
 * is acted on once: only a new annotation value is a new request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HandledRequests {

    private String promote;
    private String abort;
    private String retry;

    public String getPromote() {
        return promote;
    }

    public void setPromote(String promote) {
        this.promote = promote;
    }

    public String getAbort() {
        return abort;
    }

    public void setAbort(String abort) {
        this.abort = abort;
    }

    public String getRetry() {
        return retry;
    }

    public void setRetry(String retry) {
        this.retry = retry;
    }
}
