package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** The identity of a model version: what a rollout compares to decide whether anything changed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelRef {

    private String version;
    private String uri;
    private String sha256;

    public ModelRef() {
    }

    public ModelRef(String version, String uri, String sha256) {
        this.version = version;
        this.uri = uri;
        this.sha256 = sha256;
    }

    public static ModelRef of(ModelSpec model) {
        return new ModelRef(model.getVersion(), model.getUri(), model.getSha256());
    }

    @JsonIgnore
    public boolean sameModelAs(ModelSpec model) {
        return model != null && equals(of(model));
    }

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

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelRef other
                && Objects.equals(version, other.version)
                && Objects.equals(uri, other.uri)
                && Objects.equals(sha256, other.sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, uri, sha256);
    }

    @Override
    public String toString() {
        return version + " (" + uri + ")";
    }
}
