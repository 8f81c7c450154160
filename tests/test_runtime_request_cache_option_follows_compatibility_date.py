"""The ``cache`` member of a Request init, and ``request.cache``, as workerd has them by era
(api/http.c++ ``RequestInitializerDict::validate``, compatibility-date.capnp): before
``cache_option_enabled`` (2024-11-11) any ``cache`` is ``Error: The 'cache' field on
'RequestInitializerDict' is not implemented.`` and a Request has no ``cache`` property; from it
``"no-store"``; ``"no-cache"`` from 2025-08-07 (implied by ``cache_option_enabled`` then) or with
``cache_no_cache_enabled``; ``"reload"`` only with the experimental ``cache_reload_enabled``;
another mode is ``TypeError: Unsupported cache mode: <mode>``. The same through ``js.Request.new``
and the SDK's ``workers.Request(url, cache=...)``, in both SDK eras; checked against wrangler dev
4.164.0 by tools/wrangler/cache_option_differential.py. Before this, any ``cache`` was ignored
and ``request.cache`` always absent."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
from js import Request as JsRequest
from workers import Request, Response, WorkerEntrypoint


def outcome(make):
    try:
        request = make()
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    try:
        return ["made", request.cache]
    except AttributeError as exc:
        return ["made", f"AttributeError: {exc}"]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {"none": outcome(lambda: Request("https://e.com/"))}
        for mode in ("no-store", "no-cache", "reload", "default"):
            out["js " + mode] = outcome(lambda: JsRequest.new("https://e.com/", cache=mode))
            out["sdk " + mode] = outcome(lambda: Request("https://e.com/", cache=mode))
        return Response.json(out)
"""

def worker(folder, entry, date, flags=()):
    """The Worker, its ``Default.fetch`` dispatched on an early date too (``python_no_global_handlers``)."""
    early = ("python_no_global_handlers",) if date < "2025-08-14" else ()
    return one_file_worker(folder, entry, date=date, flags=(*early, *flags))


NOT_IMPLEMENTED = "JsException: Error: The 'cache' field on 'RequestInitializerDict' is not implemented."

ERAS = [  # (date, flags, the modes taken; None: the member not implemented)
    ("2024-11-10", (), None),
    ("2024-11-11", (), {"no-store"}),
    ("2025-08-06", (), {"no-store"}),
    ("2025-08-06", ("cache_no_cache_enabled",), {"no-store", "no-cache"}),
    ("2025-08-07", (), {"no-store", "no-cache"}),
    ("2025-08-07", ("cache_no_cache_disabled",), {"no-store"}),
    ("2026-05-01", (), {"no-store", "no-cache"}),  # the external SDK's era
    ("2026-05-01", ("cache_reload_enabled",), {"no-store", "no-cache", "reload"}),
    ("2026-05-01", ("cache_option_disabled",), None),
]


@pytest.mark.parametrize(("date", "flags", "modes"), ERAS)
def test_cache_modes_taken_and_read_back_by_era(tmp_path, date, flags, modes):
    seen = json_answer(worker(tmp_path, ENTRY, date, flags), "/")
    if modes is None:
        assert seen["none"] == ["made", "AttributeError: cache"]
    else:
        assert seen["none"] == ["made", None]
    for mode in ("no-store", "no-cache", "reload", "default"):
        if modes is None:
            expected = NOT_IMPLEMENTED
        elif mode in modes:
            expected = ["made", mode]
        else:
            expected = f"JsException: TypeError: Unsupported cache mode: {mode}"
        assert seen["js " + mode] == expected, mode
        assert seen["sdk " + mode] == expected, mode


INHERIT = """
from js import Request as JsRequest
from workers import Request, Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        made = JsRequest.new("https://e.com/", cache="no-store")
        return Response.json({
            "clone": made.clone().cache,
            "as input": JsRequest.new(made).cache,
            "as input, other fields": JsRequest.new(made, method="POST").cache,
            "as init": JsRequest.new("https://f.com/", made).cache,
            "sdk over it": Request(Request("https://e.com/", cache="no-store")).cache,
            "undefined keeps none": JsRequest.new("https://e.com/", cache=None).cache,
        })
"""


@pytest.mark.parametrize("date", ["2025-08-07", "2026-05-01"])
def test_a_request_made_from_another_keeps_its_cache_mode(tmp_path, date):
    seen = json_answer(worker(tmp_path, INHERIT, date), "/")
    assert seen == {"clone": "no-store", "as input": "no-store", "as input, other fields": "no-store",
                    "as init": "no-store", "sdk over it": "no-store", "undefined keeps none": None}
