"""pytest's assertion message for two ``JsDict`` results -- ``assert res == expected`` in a user's
test -- is a ``dict``'s: the differing items, the keys on one side only, no diff of reprs; the same
lines as for a plain subclass of ``dict`` holding the same items (``JsDict``'s metaclass leaves
``isinstance`` and ``repr`` of the value as a dict's)."""

from __future__ import annotations

from typing import Any

import pytest
from sdk_era_helpers import era_params, running

from workers_env._jsvalues import JsDict, JsMapResult


def assertrepr_compare(config: pytest.Config, op: str, left: object, right: object) -> list[list[str]]:
    """What pytest explains for ``left op right``, through its public hook (the private
    ``_pytest.assertion.util.assertrepr_compare`` changed its arguments in pytest 9.2.0)."""
    return config.hook.pytest_assertrepr_compare(config=config, op=op, left=left, right=right)  # type: ignore[no-any-return]


class Plain(dict):  # type: ignore[type-arg]
    """A ``dict`` subclass of no metaclass of its own (pytest prints an exact ``dict``'s keys sorted)."""


@pytest.mark.parametrize(("era", "modules"), era_params())
def test_the_message_is_a_dicts(pytestconfig: pytest.Config, era: Any, modules: dict[str, str]) -> None:
    left, right = {"id": "a", "score": 0.5, "only": 1}, {"id": "a", "score": 0.25, "values": [1]}
    with running(era):
        got = assertrepr_compare(pytestconfig, "==", JsDict(left), JsDict(right))
        mixed = assertrepr_compare(pytestconfig, "==", JsMapResult(left), right)
    expected = assertrepr_compare(pytestconfig, "==", Plain(left), Plain(right))
    assert got == mixed == expected
    assert expected and any("Differing items" in line for lines in expected for line in lines)
