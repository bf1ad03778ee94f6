package io.mlrollout.router.proxy;

import io.mlrollout.router.routing.RoutingTable;
import io.mlrollout.router.routing.RoutingTableSource;
import io.quarkus.test.Mock;
import jakarta.inject.Singleton;

/** The routing table as the test sets it, in place of the informers: the HTTP path without Kubernetes. */
@Mock
@Singleton
public class TestingRoutingTableSource implements RoutingTableSource {

    private volatile RoutingTable table = RoutingTable.unavailable("the test has set no table");
    private volatile boolean hasTable;

    public void set(RoutingTable next) {
        table = next;
        hasTable = true;
    }

    public void clear(String reason) {
        table = RoutingTable.unavailable(reason);
        hasTable = false;
    }

    @Override
    public RoutingTable current() {
        return table;
    }

    @Override
    public boolean hasTable() {
        return hasTable;
    }
}
