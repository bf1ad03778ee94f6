package io.mlrollout.router.routing;

/**
 * A {@link RoutingTableSource} that hands out the table last published to it: requests read it without
 * locks, whoever computes tables publishes whole new ones.
 */
public class PublishedTable implements RoutingTableSource {

    private volatile RoutingTable table;
    private volatile boolean hasTable;

    public PublishedTable(String reasonBeforeTheFirstTable) {
        this.table = RoutingTable.unavailable(reasonBeforeTheFirstTable);
    }

    /** @param fromStatus whether the table was built from a ModelDeployment status (then the router is ready, for good) */
    protected void publish(RoutingTable next, boolean fromStatus) {
        table = next;
        hasTable |= fromStatus;
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
