package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One finished rollout, newest first in {@code status.history}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HistoryEntry {

    private String version;
    private String uri;
    private String sha256;
    private ModelProvenance metadata;
    private RolloutResult result;
    private String startedAt;
    private String finishedAt;
    private String reason;

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    public String getSha256() {
        return sha256;
    }

    public void setSha256(String sha256) {
        this.sha256 = sha256;
    }

    public ModelProvenance getMetadata() {
        return metadata;
    }

    public void setMetadata(ModelProvenance metadata) {
        this.metadata = metadata;
    }

    public RolloutResult getResult() {
        return result;
    }

    public void setResult(RolloutResult result) {
        this.result = result;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public String getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(String finishedAt) {
        this.finishedAt = finishedAt;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
