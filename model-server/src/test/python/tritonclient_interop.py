"""Drives the model server with tritonclient.http at its default settings, binary data on and off.

Usage: python tritonclient_interop.py <host:port serving iris> <host:port serving echo>
(the server serves one model per process).
"""
import sys

import numpy as np
import tritonclient.http as httpclient
from tritonclient.utils import InferenceServerException

from interop_checks import (ECHO_SAMPLES, Checks, expect, expect_classification, expect_equal_arrays,
                            expect_iris_predictions, iris_batch)

client = httpclient.InferenceServerClient(url=sys.argv[1])
echo_client = httpclient.InferenceServerClient(url=sys.argv[2])
checks = Checks("tritonclient")


def health():
    expect(client.is_server_live(), "server not live")
    expect(client.is_server_ready(), "server not ready")
    expect(client.is_model_ready("iris"), "iris not ready")
    expect(echo_client.is_model_ready("echo"), "echo not ready")
    expect(not client.is_model_ready("no-such-model"), "an unknown model reads as ready")


def metadata():
    server = client.get_server_metadata()
    expect("binary_tensor_data" in server["extensions"], f"extensions {server['extensions']}")
    expect("classification" in server["extensions"], f"extensions {server['extensions']}")
    model = client.get_model_metadata("iris")
    expect(model["inputs"] == [{"name": "input", "datatype": "FP32", "shape": [-1, 4]}], f"inputs {model['inputs']}")
    expect(model["outputs"][0]["name"] == "output", f"outputs {model['outputs']}")


def iris_input(binary):
    tensor = httpclient.InferInput("input", [3, 4], "FP32")
    tensor.set_data_from_numpy(iris_batch(), binary_data=binary)
    return tensor


def infer_iris(binary):
    result = client.infer("iris", [iris_input(binary)], request_id=f"iris-{binary}",
                          outputs=[httpclient.InferRequestedOutput("output", binary_data=binary)])
    expect_iris_predictions(result.as_numpy("output"), f"binary={binary}")
    expect(result.get_response()["id"] == f"iris-{binary}", f"id {result.get_response().get('id')}")


def infer_iris_all_outputs_by_default(binary):
    # No outputs named: tritonclient asks for every output in binary form.
    result = client.infer("iris", [iris_input(binary)])
    expect_iris_predictions(result.as_numpy("output"), f"binary inputs={binary}, default outputs")


def classification(binary):
    result = client.infer("iris", [iris_input(binary)],
                          outputs=[httpclient.InferRequestedOutput("output", binary_data=binary, class_count=2)])
    expect_classification(result.as_numpy("output"), f"binary={binary}")


def echo_inputs(binary):
    inputs = []
    for datatype, sample in ECHO_SAMPLES.items():
        tensor = httpclient.InferInput(f"{datatype.lower()}_in", list(sample.shape), datatype)
        tensor.set_data_from_numpy(sample, binary_data=binary)
        inputs.append(tensor)
    return inputs


def echo_every_datatype(binary):
    outputs = [httpclient.InferRequestedOutput(f"{d.lower()}_out", binary_data=binary) for d in ECHO_SAMPLES]
    result = echo_client.infer("echo", echo_inputs(binary), outputs=outputs)
    for datatype, sample in ECHO_SAMPLES.items():
        expect_equal_arrays(result.as_numpy(f"{datatype.lower()}_out"), sample, f"{datatype} binary={binary}")


def output_selection(binary):
    result = echo_client.infer("echo", echo_inputs(binary), outputs=[httpclient.InferRequestedOutput("int8_out", binary_data=binary)])
    names = [output["name"] for output in result.get_response()["outputs"]]
    expect(names == ["int8_out"], f"outputs returned: {names}")


def error_status(call, status, fragment):
    try:
        call()
    except InferenceServerException as error:
        expect(error.status() == status, f"status {error.status()}, expected {status}: {error.message()}")
        expect(fragment in error.message(), f"message {error.message()!r} lacks {fragment!r}")
        return
    raise AssertionError(f"no error, expected {status}")


def errors(binary):
    wrong_shape = httpclient.InferInput("input", [1, 3], "FP32")
    wrong_shape.set_data_from_numpy(np.zeros((1, 3), dtype=np.float32), binary_data=binary)
    error_status(lambda: client.infer("iris", [wrong_shape]), "400", "but the model expects [-1,4]")
    wrong_type = httpclient.InferInput("input", [1, 4], "FP64")
    wrong_type.set_data_from_numpy(np.zeros((1, 4), dtype=np.float64), binary_data=binary)
    error_status(lambda: client.infer("iris", [wrong_type]), "400", "has datatype FP64 but the model expects FP32")
    error_status(lambda: client.infer("no-such-model", [iris_input(binary)]), "404", "is not served here")
    error_status(lambda: client.get_model_metadata("no-such-model"), "404", "is not served here")


checks.run("health", health)
checks.run("metadata", metadata)
for binary in (True, False):
    checks.run(f"infer iris, binary={binary}", lambda: infer_iris(binary))
    checks.run(f"infer iris, default outputs, binary inputs={binary}", lambda: infer_iris_all_outputs_by_default(binary))
    checks.run(f"classification, binary={binary}", lambda: classification(binary))
    checks.run(f"every datatype round trip, binary={binary}", lambda: echo_every_datatype(binary))
    checks.run(f"output selection, binary={binary}", lambda: output_selection(binary))
    checks.run(f"errors, binary={binary}", lambda: errors(binary))
checks.finish()
