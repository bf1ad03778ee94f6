"""Shared by the client scripts: the expectations both clients are held to, and a tally of checks.

The server under test serves two models: "iris" (the iris-v1 sample, with labels) and "echo" (one
Identity per datatype: input <type>_in [-1, 2] -> output <type>_out).
"""
import sys

import numpy as np

SPECIES_ROWS = {
    "setosa": [5.006, 3.428, 1.462, 0.246],
    "versicolor": [5.936, 2.77, 4.26, 1.326],
    "virginica": [6.588, 2.974, 5.552, 2.026],
}
IRIS_LABELS = ["virginica", "setosa", "versicolor"]  # output column order of iris-v1

# Two rows of two elements per datatype, with each type's extremes.
ECHO_SAMPLES = {
    "BOOL": np.array([[True, False], [False, True]], dtype=np.bool_),
    "UINT8": np.array([[0, 1], [127, 255]], dtype=np.uint8),
    "INT8": np.array([[-128, -1], [0, 127]], dtype=np.int8),
    "INT32": np.array([[-2147483648, -1], [0, 2147483647]], dtype=np.int32),
    "INT64": np.array([[-9223372036854775808, -1], [0, 9223372036854775807]], dtype=np.int64),
    "FP16": np.array([[-65504.0, 0.5], [0.0009765625, 65504.0]], dtype=np.float16),
    "FP32": np.array([[-3.4028235e38, 1e-45], [0.1, 3.5]], dtype=np.float32),
    "FP64": np.array([[-1.7976931348623157e308, 5e-324], [0.1, 3.5]], dtype=np.float64),
    "BYTES": np.array([[b"", b"a"], ["\u00fcn\u00ef \u20ac".encode("utf-8"), b"x" * 300]], dtype=np.object_),
}


class Checks:
    """Runs named checks, prints each outcome, and exits non-zero if any failed."""

    def __init__(self, client_name):
        self.client_name = client_name
        self.failed = []
        self.passed = 0

    def run(self, name, check):
        try:
            check()
            self._passed(name)
        except Exception as error:  # a failed check must not stop the others
            self._failed(name, error)

    async def run_async(self, name, coroutine):
        try:
            await coroutine
            self._passed(name)
        except Exception as error:
            self._failed(name, error)

    def _passed(self, name):
        self.passed += 1
        print(f"ok   {self.client_name}: {name}", flush=True)

    def _failed(self, name, error):
        self.failed.append(name)
        print(f"FAIL {self.client_name}: {name}: {type(error).__name__}: {error}", flush=True)

    def finish(self):
        print(f"{self.client_name}: {self.passed} passed, {len(self.failed)} failed", flush=True)
        sys.exit(1 if self.failed else 0)


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def expect_equal_arrays(actual, expected, what):
    if expected.dtype == np.object_:
        same = actual.shape == expected.shape and all(
            (a if isinstance(a, bytes) else str(a).encode("utf-8")) == e
            for a, e in zip(actual.flatten(), expected.flatten()))
    else:
        same = actual.dtype == expected.dtype and np.array_equal(actual, expected)
    expect(same, f"{what}: got {actual!r}, expected {expected!r}")


def iris_batch():
    return np.array(list(SPECIES_ROWS.values()), dtype=np.float32)


def expect_iris_predictions(scores, what):
    predicted = [IRIS_LABELS[i] for i in np.argmax(scores, axis=1)]
    expect(predicted == list(SPECIES_ROWS), f"{what}: predicted {predicted}, expected {list(SPECIES_ROWS)}")


def expect_classification(classes, what):
    """Triton's classification strings: "<score>:<index>:<label>", best first, one row per flower."""
    expect(classes.shape == (3, 2), f"{what}: shape {classes.shape}, expected (3, 2)")
    for row, species in zip(classes, SPECIES_ROWS):
        best = (row[0].decode() if isinstance(row[0], bytes) else row[0]).split(":")
        second = (row[1].decode() if isinstance(row[1], bytes) else row[1]).split(":")
        expect(best[2] == species and IRIS_LABELS[int(best[1])] == species, f"{what}: top class {best}, expected {species}")
        expect(float(best[0]) >= float(second[0]), f"{what}: {best} ranked above {second}")
