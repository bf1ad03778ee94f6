"""Drives the model server with KServe's v2 REST client (kserve.InferenceRESTClient) at its default
settings apart from the protocol version: binary inputs (its default for numpy data) and JSON inputs.

Usage: python kserve_interop.py <base url serving iris> <base url serving echo>
"""
import asyncio
import sys

import httpx
import numpy as np
from kserve import InferenceRESTClient, InferInput, InferRequest, RESTConfig
from kserve.protocol.infer_type import RequestedOutput

from interop_checks import (ECHO_SAMPLES, Checks, expect, expect_classification, expect_equal_arrays,
                            expect_iris_predictions, iris_batch)

BASE_URL = sys.argv[1]
ECHO_URL = sys.argv[2]
checks = Checks("kserve")


def output_named(response, name):
    return next(output for output in response.outputs if output.name == name)


def iris_input(binary):
    tensor = InferInput("input", [3, 4], "FP32")
    if binary:
        tensor.set_data_from_numpy(iris_batch())  # binary_data=True is the default
    else:
        tensor.set_data_from_numpy(iris_batch(), binary_data=False)
    return tensor


async def health(client):
    expect(await client.is_server_live(BASE_URL) is True, "server not live")
    expect(await client.is_server_ready(BASE_URL) is True, "server not ready")
    expect(await client.is_model_ready(BASE_URL, "iris") is True, "iris not ready")
    expect(await client.is_model_ready(BASE_URL, "no-such-model") is False, "an unknown model reads as ready")


async def infer_iris(client, binary):
    request = InferRequest("iris", [iris_input(binary)], request_id=f"kserve-{binary}")
    response = await client.infer(BASE_URL, request, model_name="iris")
    expect(response.id == f"kserve-{binary}", f"id {response.id}")
    expect_iris_predictions(output_named(response, "output").as_numpy(), f"binary inputs={binary}")


async def binary_outputs(client, binary):
    request = InferRequest("iris", [iris_input(binary)],
                           request_outputs=[RequestedOutput("output", parameters={"binary_data": True})])
    response = await client.infer(BASE_URL, request, model_name="iris")
    expect_iris_predictions(output_named(response, "output").as_numpy(), f"binary outputs, binary inputs={binary}")


async def classification(client, binary):
    request = InferRequest("iris", [iris_input(binary)],
                           request_outputs=[RequestedOutput("output", parameters={"classification": 2})])
    response = await client.infer(BASE_URL, request, model_name="iris")
    expect_classification(output_named(response, "output").as_numpy(), f"binary inputs={binary}")


async def echo_every_datatype(client, binary):
    inputs = []
    for datatype, sample in ECHO_SAMPLES.items():
        tensor = InferInput(f"{datatype.lower()}_in", list(sample.shape), datatype)
        # kserve refuses to send FP16 as JSON: in the JSON run it goes binary, beside JSON inputs.
        tensor.set_data_from_numpy(sample, binary_data=binary or datatype == "FP16")
        inputs.append(tensor)
    request = InferRequest("echo", inputs, request_outputs=[RequestedOutput(f"{d.lower()}_out") for d in ECHO_SAMPLES])
    response = await client.infer(ECHO_URL, request, model_name="echo")
    for datatype in ECHO_SAMPLES:
        expect_equal_arrays(output_named(response, f"{datatype.lower()}_out").as_numpy(), ECHO_SAMPLES[datatype],
                            f"{datatype} binary inputs={binary}")


async def errors(client, binary):
    wrong_shape = InferInput("input", [1, 3], "FP32")
    wrong_shape.set_data_from_numpy(np.zeros((1, 3), dtype=np.float32), binary_data=binary)
    try:
        await client.infer(BASE_URL, InferRequest("iris", [wrong_shape]), model_name="iris")
    except httpx.HTTPStatusError as error:
        expect(error.response.status_code == 400, f"status {error.response.status_code}")
        # kserve quotes the server's {"error": ...} only for a Content-Type of exactly application/json.
        expect("but the model expects [-1,4]" in str(error), f"message {error}")
        return
    raise AssertionError("no error, expected 400")


async def main():
    client = InferenceRESTClient(RESTConfig(protocol="v2"))
    try:
        await checks.run_async("health", health(client))
        for binary in (True, False):
            await checks.run_async(f"infer iris, binary inputs={binary}", infer_iris(client, binary))
            await checks.run_async(f"binary outputs, binary inputs={binary}", binary_outputs(client, binary))
            await checks.run_async(f"classification, binary inputs={binary}", classification(client, binary))
            await checks.run_async(f"every datatype round trip, binary inputs={binary}", echo_every_datatype(client, binary))
            await checks.run_async(f"errors, binary inputs={binary}", errors(client, binary))
    finally:
        await client.close()
    checks.finish()


asyncio.run(main())
