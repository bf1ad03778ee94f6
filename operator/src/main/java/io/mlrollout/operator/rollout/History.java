package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.HistoryEntry;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.api.v1alpha1.RolloutResult;
import java.util.ArrayList;
import java.util.List;

/** The bounded list of finished rollouts in status, newest first. */
final class History {

    static final int LIMIT = 10;

    private History() {
    }

    static void finish(RolloutEngine engine, ModelRef model, RolloutResult result, String reason) {
        ModelDeploymentStatus status = engine.status();
        HistoryEntry entry = new HistoryEntry();
        entry.setVersion(model.getVersion());
        entry.setUri(model.getUri());
        entry.setSha256(model.getSha256());
        if (ModelRef.of(engine.input().desired()).equals(model)) {
            entry.setMetadata(engine.input().desired().getMetadata());
        }
        entry.setResult(result);
        entry.setStartedAt(status.getRolloutStartedAt());
        entry.setFinishedAt(engine.now().toString());
        entry.setReason(reason);
        List<HistoryEntry> history = new ArrayList<>();
        history.add(entry);
        if (status.getHistory() != null) {
            history.addAll(status.getHistory());
        }
        status.setHistory(new ArrayList<>(history.subList(0, Math.min(LIMIT, history.size()))));
    }
}
