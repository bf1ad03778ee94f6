package io.mlrollout.modelserver.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.mlrollout.modelserver.inference.TensorData;
import java.util.List;
import java.util.Map;

/** JSON bodies of the Open Inference Protocol v2 REST API, named as the protocol names them. */
final class V2Messages {

    private V2Messages() {}

    record ErrorBody(String error) {}

    record ServerMetadata(String name, String version, List<String> extensions) {}

    record Live(boolean live) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ready(boolean ready, String reason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ModelReady(String name, String version, boolean ready, String reason) {}

    record TensorMetadata(String name, String datatype, long[] shape) {}

    record ModelMetadata(
            String name,
            List<String> versions,
            String platform,
            List<TensorMetadata> inputs,
            List<TensorMetadata> outputs,
            Map<String, Object> parameters) {}

    /** Either {@code data} (JSON) or {@code parameters.binary_data_size} (binary data extension). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OutputTensor(
            String name,
            String datatype,
            long[] shape,
            Map<String, Object> parameters,
            @JsonSerialize(using = TensorDataJson.class) TensorData data) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InferResponse(
            @JsonProperty("model_name") String modelName,
            @JsonProperty("model_version") String modelVersion,
            String id,
            List<OutputTensor> outputs) {}
}
