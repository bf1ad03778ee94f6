package io.mlrollout.api.v1alpha1;

/** Where a ModelDeployment stands; shown in the PHASE column of {@code kubectl get mdep}. */
public enum Phase {
    Initializing("The first version is starting; nothing serves yet.", false),
    Validating("A new version is starting beside the stable one and must turn Ready before it gets traffic.", false),
    Progressing("The canary gets traffic step by step while its metrics are analysed.", false),
    Paused("The rollout waits: for a promote request, or because analysis was inconclusive.", false),
    Promoting("The canary takes all traffic and becomes the stable version.", false),
    Stable("One version serves all traffic; no rollout is running.", true),
    RolledBack("The canary failed or was aborted; the stable version serves all traffic.", true),
    Failed("No version can serve: the first version never turned Ready, or the spec is invalid.", true);

    private final String description;
    private final boolean terminal;

    Phase(String description, boolean terminal) {
        this.description = description;
        this.terminal = terminal;
    }

    public String description() {
        return description;
    }

    /** A terminal phase stays until the spec changes or a user asks for something. */
    public boolean isTerminal() {
        return terminal;
    }
}
