package io.mlrollout.e2e.cluster.node;

import io.mlrollout.e2e.cluster.process.FreePorts;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pod IPs: each pod gets its own loopback address 127.0.0.N (2..254), so every model server
 * listens on the same container port and {@code podIP:containerPort} works as in a cluster.
 * Addresses are handed out round-robin from a random start, skipping any whose port is taken
 * (another test run on the same machine, or a process still shutting down).
 */
final class PodAddresses {

    private static final int FIRST = 2;
    private static final int LAST = 254;

    private final Set<Integer> inUse = new HashSet<>();
    private int next = FIRST + ThreadLocalRandom.current().nextInt(LAST - FIRST + 1);

    synchronized Optional<InetAddress> allocate(int port) {
        for (int tried = 0; tried <= LAST - FIRST; tried++) {
            int candidate = next;
            next = next == LAST ? FIRST : next + 1;
            InetAddress address = address(candidate);
            if (!inUse.contains(candidate) && FreePorts.isFree(address, port)) {
                inUse.add(candidate);
                return Optional.of(address);
            }
        }
        return Optional.empty();
    }

    synchronized void release(InetAddress address) {
        inUse.remove(Byte.toUnsignedInt(address.getAddress()[3]));
    }

    private static InetAddress address(int lastOctet) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) lastOctet});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a literal loopback address is always valid", e);
        }
    }
}
