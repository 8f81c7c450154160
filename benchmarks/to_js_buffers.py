"""``pyodide.ffi.to_js`` of buffers: the best of three timings of each conversion.

    PYTHONPATH=. python3 benchmarks/to_js_buffers.py
"""

from __future__ import annotations

import array
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from workers_env.runtime.jsconvert import ffi_to_js

CASES: dict[str, Callable[[], Any]] = {
    "memoryview 1 MiB": lambda: memoryview(bytes(1 << 20)),
    "array('d') 1e6": lambda: array.array("d", range(1_000_000)),
    "numpy float64 1e6": lambda: np.arange(1_000_000, dtype=np.float64),
    "numpy uint8 1 MiB": lambda: np.zeros(1 << 20, dtype=np.uint8),
    "numpy int32 1000x1000": lambda: np.arange(1_000_000, dtype=np.int32).reshape(1000, 1000),
}


def best_of_three(value: Any) -> float:
    times = []
    for _ in range(3):
        started = time.perf_counter()
        ffi_to_js(value)
        times.append(time.perf_counter() - started)
    return min(times)


if __name__ == "__main__":
    for name, make in CASES.items():
        print(f"{name}: {best_of_three(make()):.4f} s")
