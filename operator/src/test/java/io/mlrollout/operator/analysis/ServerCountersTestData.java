package io.mlrollout.operator.analysis;

/** Model-server exposition text for tests, in the shape the model server writes it. */
public final class ServerCountersTestData {

    private ServerCountersTestData() {
    }

    /** Requests by outcome and a two-bucket latency histogram (fast up to 1 ms, slow up to 100 ms). */
    public static String exposition(String model, int success, int client, int server, int fast, int slow) {
        return String.join("\n",
                "# HELP model_inference_requests_total Inference requests by outcome",
                "# TYPE model_inference_requests_total counter",
                "model_inference_requests_total{model=\"" + model + "\",outcome=\"success\",version=\"1.0.0\"} " + success + ".0",
                "model_inference_requests_total{model=\"" + model + "\",outcome=\"client_error\",version=\"1.0.0\"} " + client + ".0",
                "model_inference_requests_total{model=\"" + model + "\",outcome=\"server_error\",version=\"1.0.0\"} " + server + ".0",
                "# TYPE model_inference_duration_seconds histogram",
                "model_inference_duration_seconds_bucket{le=\"0.001\",model=\"" + model + "\",outcome=\"success\",version=\"1.0.0\"} " + fast,
                "model_inference_duration_seconds_bucket{le=\"0.1\",model=\"" + model + "\",outcome=\"success\",version=\"1.0.0\"} " + (fast + slow),
                "model_inference_duration_seconds_bucket{le=\"+Inf\",model=\"" + model + "\",outcome=\"success\",version=\"1.0.0\"} " + (fast + slow),
                "model_inference_duration_seconds_count{model=\"" + model + "\",outcome=\"success\",version=\"1.0.0\"} " + (fast + slow),
                "model_loaded{model=\"" + model + "\",version=\"1.0.0\"} 1.0",
                "jvm_threads_live_threads 42.0",
                "");
    }
}
