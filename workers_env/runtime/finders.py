"""One meta-path finder of a kind a process: ``importlib.reload`` of the module that installs
one defines its class anew, which ``isinstance`` does not match, so a check by class appended a
second finder on each reload; the finder is known by its class's module and name instead."""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["install_finder"]


def install_finder(finder: Any) -> None:
    """Put ``finder`` last on ``sys.meta_path``, in place of one of the same class made by an
    earlier load of its module (the newest module's finder is the one that answers)."""
    kind = type(finder)
    sys.meta_path[:] = [each for each in sys.meta_path
                        if not (type(each).__qualname__ == kind.__qualname__ and type(each).__module__ == kind.__module__)]
    sys.meta_path.append(finder)
