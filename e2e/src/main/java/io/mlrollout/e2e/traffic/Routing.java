package io.mlrollout.e2e.traffic;

import java.util.Optional;

/** Picks the backend of one request, the way the cluster's data plane would. */
@FunctionalInterface
public interface Routing {

    /** Empty when there is no Ready endpoint. */
    Optional<Backend> pick();
}
