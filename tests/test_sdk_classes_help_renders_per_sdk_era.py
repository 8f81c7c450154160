"""``help()`` of an SDK class -- ``pydoc.render_doc``, what ``help(type(x))`` prints -- renders it as
of any class, in each SDK era: its metaclass's own ``__module__`` is a ``str``. A ``__module__``
property on the metaclass stood in that place, and pydoc added it to a ``str``: ``TypeError:
unsupported operand type(s) for +: 'property' and 'str'`` for ``FormData`` and ``WorkerEntrypoint``
(JsDict's, review84; the others', meta55)."""

from __future__ import annotations

import pydoc
import sys
from typing import Any

import pytest
from sdk_era_helpers import CLASSES, era_params, running, shown_name


@pytest.mark.parametrize(("era", "modules"), era_params())
def test_each_class_renders(era: Any, modules: dict[str, str]) -> None:
    with running(era):
        firsts = {name: pydoc.render_doc(cls).splitlines()[0] for name, cls in CLASSES.items()}
    # pydoc names the module it finds ("in module ..."): none of production's here, workers-env's own
    # where the class shows it (JsDict before the SDK had one)
    assert firsts == {name: f"Python Library Documentation: class {shown_name(name)}"
                      + (f" in module {modules[name]}" if modules[name] in sys.modules else "") for name in CLASSES}


def test_a_result_types_help_reads_its_methods() -> None:
    text = pydoc.plain(pydoc.render_doc(CLASSES["JsDict"]))
    assert "keys also read as attributes" in text and "__getattr__(self, name" in text
