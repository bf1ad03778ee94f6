package io.mlrollout.e2e.traffic;

/** How one inference request ended, from the client's side. */
public enum Outcome {
    /** 2xx. */
    SUCCESS,
    /** 4xx: the model refused the request, e.g. a changed input schema. */
    CLIENT_ERROR,
    /** 5xx. */
    SERVER_ERROR,
    /** No answer: refused, reset or timed out. */
    CONNECTION_ERROR,
    /** The Service (or route) had no Ready endpoint to send it to. */
    NO_ENDPOINT;

    public boolean failed() {
        return this != SUCCESS;
    }

    static Outcome ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return SUCCESS;
        }
        return status >= 400 && status < 500 ? CLIENT_ERROR : SERVER_ERROR;
    }
}
