package io.mlrollout.router.routing;

/**
 * Where the router gets its routing table: in production from informers on the ModelDeployment and its
 * pods, in tests from a value the test sets. The HTTP path depends only on this.
 */
public interface RoutingTableSource {

    /** The table in effect now; an unavailable one until the first ModelDeployment status has been seen. */
    RoutingTable current();

    /** Whether a table built from a ModelDeployment status exists yet: the router's readiness. */
    boolean hasTable();
}
