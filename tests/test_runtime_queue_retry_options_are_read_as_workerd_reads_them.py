"""``message.retry(options)`` and ``batch.retryAll(options)`` read ``QueueRetryOptions`` as
workerd does (queue.h's ``jsg::Optional<int> delaySeconds``, jsg's struct and int rules), and
the result is what Miniflare's ``getWorker().queue()`` reports: no range of its own (a negative
delay, or one past the docs' maximum, goes on as given), ``ToNumber`` of the member (NaN, the
infinities, ``"abc"``, ``null``, ``[]`` are 0; ``"30"`` 30; ``true`` 1; ``[5]`` 5, but a Python
list, a PyProxy, 0), truncated
(1.7 is 1, -1.7 is -1), past int32 refused in jsg's words; ``undefined``/``null`` options are
none, a primitive is refused naming workerd's classes, ``QueueMessage`` and ``QueueController``.
Measured through Miniflare (wrangler 4.164.0) with a JavaScript consumer, every case here."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import PyProxyWarning, load_worker

ENTRY = """
import js
from workers import WorkerEntrypoint

CASES = []
OUT = []

class Default(WorkerEntrypoint):
    async def queue(self, batch, env=None, ctx=None):
        m = batch.messages[0]
        for code in CASES:
            try:
                eval(code)
                OUT.append("ok")
            except Exception as e:
                OUT.append(f"{type(e).__name__}: {e}")
"""

OUT_OF_RANGE = "Value out of range. Must be between -2147483648 and 2147483647 (inclusive)."


def run(tmp_path, cases, date="2025-09-01"):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, extra='[[queues.consumers]]\nqueue = "jobs"\n'))
    worker.module.CASES[:] = cases
    result = asyncio.run(worker.queue(["x"], queue="jobs"))
    return worker.module.OUT, result


@pytest.mark.parametrize(("delay", "read"), [
    ("30", 30), ("0", 0), ("-1", -1), ("43201", 43201), ("86401", 86401), ("2147483647", 2147483647),
    ("1.7", 1), ("-1.7", -1), ("float('nan')", 0), ("float('-inf')", 0), ("'30'", 30), ("' 0x10 '", 16), ("'abc'", 0),
    ("True", 1), ("js.JSON.parse('[]')", 0), ("js.JSON.parse('[5]')", 5),
    ("[5]", 0),  # a Python list: a PyProxy, whose ToPrimitive is str(), "[5]" (real Pyodide 0.26.0a4, 0.28.2)
])
def test_a_delay_is_read_as_jsg_reads_an_int(tmp_path, delay, read):
    out, result = run(tmp_path, [f"m.retry(delaySeconds={delay})"])
    assert out == ["ok"]
    assert [{k: v for k, v in r.items() if k != "msgId"} for r in result.retry_messages] == [{"delaySeconds": read}]


@pytest.mark.parametrize("delay", ["2147483648", "-2147483649", "2**40"])
def test_a_delay_past_int32_is_jsgs_type_error_and_retries_nothing(tmp_path, delay):
    out, result = run(tmp_path, [f"m.retry(delaySeconds={delay})", f"batch.retryAll(delaySeconds={delay})"])
    assert out == [f"JsException: TypeError: {OUT_OF_RANGE}"] * 2
    assert (result.retry_messages, result.retry_batch) == ([], {"retry": False})


def test_a_bigint_delay_is_v8s_type_error(tmp_path):
    out, _ = run(tmp_path, ["m.retry(delaySeconds=2**60)"])
    assert out == ["JsException: TypeError: Cannot convert a BigInt value to a number"]


def test_null_and_undefined_members_and_options(tmp_path):
    out, result = run(tmp_path, ["m.retry(js.JSON.parse('{\"delaySeconds\": null}'))"])
    assert (out, result.retry_messages[0].get("delaySeconds")) == (["ok"], 0)  # ToNumber(null)
    for call in ["m.retry()", "m.retry(None)", "m.retry(js.JSON.parse('null'))", "m.retry(js.JSON.parse('{}'))",
                 "m.retry(js.Array.new())", "m.retry(delaySeconds=None)"]:
        out, result = run(tmp_path, [call])
        assert (out, result.retry_messages) == (["ok"], [{"msgId": result.retry_messages[0]["msgId"]}]), call


@pytest.mark.parametrize("options", ["'str'", "5", "True", "1.5"])
def test_a_primitive_is_refused_naming_workerds_classes(tmp_path, options):
    out, result = run(tmp_path, [f"m.retry({options})", f"batch.retryAll({options})"])
    assert out == [
        "JsException: TypeError: Failed to execute 'retry' on 'QueueMessage': parameter 1 is not of type "
        "'QueueRetryOptions'.",
        "JsException: TypeError: Failed to execute 'retryAll' on 'QueueController': parameter 1 is not of type "
        "'QueueRetryOptions'.",
    ]
    assert (result.retry_messages, result.retry_batch) == ([], {"retry": False})


def test_retry_all_takes_a_negative_delay(tmp_path):
    out, result = run(tmp_path, ["batch.retryAll(delaySeconds=-3)"])
    assert (out, result.retry_batch) == (["ok"], {"retry": True, "delaySeconds": -3})


def test_workerds_class_names(tmp_path):
    out, _ = run(tmp_path, ["OUT.append((str(batch), str(m)))"])
    assert out[0] == ("[object QueueController]", "[object QueueMessage]")


def test_a_python_dict_is_read_by_its_pyodides_rules(tmp_path):
    # Pyodide 0.26 (built-in SDK era): a dict's PyProxy has no such property -- no delay;
    # 0.28 on, its keys read through: the delay (the external SDK converts it anyway)
    with pytest.warns(PyProxyWarning) as warned:
        out, result = run(tmp_path, ["m.retry({'delaySeconds': 30})", "batch.retryAll({'delaySeconds': 3})"])
    assert (out, result.retry_messages[0].get("delaySeconds"), result.retry_batch) == (
        ["ok", "ok"], None, {"retry": True})
    assert [str(w.message).split(", so")[0] for w in warned] == [
        f"a Python dict reached JavaScript as a PyProxy as the options of {where}: production reads none of its keys "
        "(delaySeconds)" for where in ("QueueMessage.retry()", "QueueController.retryAll()")]
    out, result = run(tmp_path, ["m.retry({'delaySeconds': 30})"], date="2026-05-01")
    assert (out, result.retry_messages[0].get("delaySeconds")) == (["ok"], 30)
