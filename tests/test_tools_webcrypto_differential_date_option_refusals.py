"""``tools/wrangler/webcrypto_differential.py --date``: a compatibility date, refused before
wrangler dev starts when it is missing (``--date`` last, or followed by another option), not a
calendar date in ``YYYY-MM-DD`` form, or before 2025-09-29 (the cases run here as Pyodide 0.28's
Worker code). crypto40 read ``argv[argv.index("--date") + 1]``: an ``IndexError`` traceback for
``--date`` last, and any other text went on to wrangler dev."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[1] / "tools" / "wrangler"


@pytest.fixture(scope="module")
def tool():
    sys.path.insert(0, str(TOOLS))
    try:
        yield importlib.import_module("webcrypto_differential")
    finally:
        sys.path.remove(str(TOOLS))


@pytest.mark.parametrize(("argv", "date"), [([], None), (["--all"], None), (["--date", "2025-12-03"], "2025-12-03"),
                                            (["--all", "--date", "2025-09-29"], "2025-09-29")])
def test_a_date_from_2025_09_29_is_taken(tool, argv, date) -> None:
    assert tool.date_option(argv) == date


@pytest.mark.parametrize(("argv", "shown"), [(["--date"], "''"), (["--date", "--all"], "'--all'"),
                                             (["--date", "2025-12-3"], "'2025-12-3'"),
                                             (["--date", "2025-02-30"], "'2025-02-30'"),
                                             (["--date", "20251203"], "'20251203'")])
def test_a_missing_or_malformed_date_is_refused(tool, argv, shown) -> None:
    with pytest.raises(SystemExit, match=rf"^--date takes a compatibility date, YYYY-MM-DD "
                                         rf"\(e\.g\. --date 2025-12-03\), not {shown}$"):
        tool.date_option(argv)


def test_a_date_before_pyodide_028_is_refused(tool) -> None:
    with pytest.raises(SystemExit, match=r"^--date 2025-09-28 is before 2025-09-29: the cases run here as "
                                         r"Pyodide 0\.28's Worker code \(a \$pydict case as 0\.26's\); "
                                         r"give a date from then on$"):
        tool.date_option(["--date", "2025-09-28"])
