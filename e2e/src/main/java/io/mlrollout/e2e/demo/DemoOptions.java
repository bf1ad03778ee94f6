package io.mlrollout.e2e.demo;

import java.util.List;

/**
 * Command-line options of the demo.
 *
 * @param keepRunning leave the cluster up after the rollouts, for kubectl, until Ctrl-C
 * @param fast divide the sample policy's durations by ten (a one-minute demo)
 * @param requestsPerSecond live traffic through the Service
 */
record DemoOptions(boolean keepRunning, boolean fast, double requestsPerSecond) {

    static final String USAGE = """
            usage: ./demo [--keep-running] [--fast] [--rate N] [--rebuild]
              --keep-running  keep the cluster and operator up afterwards and print the kubeconfig
              --fast          the sample policy with its durations divided by 10 (about a minute instead of six)
              --rate N        inference requests per second (default 20)
              --rebuild       build the operator, model server and demo again first (handled by ./demo)
            """;

    static DemoOptions parse(List<String> args) {
        boolean keepRunning = false;
        boolean fast = false;
        double rate = 20;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--keep-running" -> keepRunning = true;
                case "--fast" -> fast = true;
                case "--rebuild" -> { }
                case "--rate" -> rate = Double.parseDouble(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args.get(i) + "\n" + USAGE);
            }
        }
        if (rate < 1 || rate > 200) {
            throw new IllegalArgumentException("--rate must be between 1 and 200\n" + USAGE);
        }
        return new DemoOptions(keepRunning, fast, rate);
    }

    private static String value(List<String> args, int index) {
        if (index >= args.size()) {
            throw new IllegalArgumentException("--rate needs a number\n" + USAGE);
        }
        return args.get(index);
    }
}
