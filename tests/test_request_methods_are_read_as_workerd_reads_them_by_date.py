"""An init's ``method`` as workerd's Request constructor reads it, on every fetch path (``fetch``,
``env.ASSETS.fetch``, a service binding's, raw and through the SDK): a name kj knows as written
(``MSEARCH`` and ``QUERY`` among them, ``M-SEARCH`` not; CONNECT and TRACK refused), else
upper-cased -- before ``upper_case_all_http_methods`` (2024-10-14) only GET, POST, PUT, DELETE,
HEAD and OPTIONS (``patch``, ``Patch``, ``trace`` refused; ``Get`` a GET), after it any known one.
Upper-casing is ASCII's only (workerd util/strings.c++ ``toUpperAscii``): ``ſearch``, which
Python's ``str.upper`` makes ``SEARCH``, is refused; ``patch`` is refused on 2024-10-13 and taken
on 2024-10-14 (audit34: wrangler dev 4.164.0, the probe at those dates and 2026-10-01, 1203/1260
answers identical, 0 unexpected). A refusal is ``TypeError: Invalid HTTP method string: <as
given>``. Measured with workerd 1.20261117.1 and 1.20261201.1 (``workerd test``, 2024-09-01 and 2026-11-01) and under
``wrangler dev`` 4.164.0 (tools/wrangler/fetcher_init_refusals_probe.py); workers-env upper-cased
every name and knew ``M-SEARCH`` but not ``MSEARCH`` or ``QUERY``."""

from __future__ import annotations

from pathlib import Path

import pytest
from fetcher_init_helpers import PATHS, both

ALWAYS = {"Get": "GET", "delete": "DELETE", "MSEARCH": "MSEARCH", "QUERY": "QUERY", "PATCH": "PATCH"}
FROM_2024_10_14 = {"patch": "PATCH", "Patch": "PATCH", "trace": "TRACE", "msearch": "MSEARCH", "purge": "PURGE"}
NEVER = ["M-SEARCH", "m-search", "CONNECT", "connect", "TRACK", "BOGUS", "", "GE T", "GET ", "\u017fearch"]


def accepted(method: str) -> dict[str, str]:
    return {"js.fetch": "ok 200 " + ("d" if method == "GET" else ""),
            "ASSETS": "ok 200 a" if method == "GET" else "ok 405 ", "SVC": f"ok 200 {method} "}


def refused(text: str) -> dict[str, str]:
    return dict.fromkeys(PATHS, f"TypeError: Invalid HTTP method string: {text}")


@pytest.mark.parametrize("date", ["2024-09-01", "2024-10-13", "2024-10-14", "2025-11-01", "2026-10-01"])
def test_methods_by_date(tmp_path: Path, date: str) -> None:
    given = [*ALWAYS, *FROM_2024_10_14, *NEVER]
    got = both(tmp_path, date, [["url", {"method": method}] for method in given])
    expected = [accepted(m) for m in ALWAYS.values()]
    expected += [accepted(m) if date >= "2024-10-14" else refused(text) for text, m in FROM_2024_10_14.items()]
    expected += [refused(text) for text in NEVER]
    assert dict(zip(given, got, strict=True)) == dict(zip(given, expected, strict=True))
