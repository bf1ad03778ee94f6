package io.mlrollout.router.proxy;

import io.mlrollout.router.routing.PublishedTable;
import io.mlrollout.router.routing.RoutingTable;
import io.quarkus.test.Mock;
import jakarta.inject.Singleton;

/** The routing table as the test sets it, in place of the informers: the HTTP path without Kubernetes. */
@Mock
@Singleton
public class TestingRoutingTableSource extends PublishedTable {

    public TestingRoutingTableSource() {
        super("the test has set no table");
    }

    public void set(RoutingTable next) {
        publish(next, true);
    }

    /** As when the ModelDeployment is deleted: every request gets 503 with this reason. */
    public void withdraw(String reason) {
        publish(RoutingTable.unavailable(reason), false);
    }
}
