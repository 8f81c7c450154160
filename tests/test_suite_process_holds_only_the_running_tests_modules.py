"""The suite's own machinery (tests/held_modules.py, installed by tests/conftest.py): after collection
the test modules leave ``sys.modules``, as a user's pytest process holds tens of them, not ~1,570 --
only the running test's own module and the test modules it took names from are in it. What reads
a test module by name still meets the one collection made: ``sys.modules[__name__]``, ``import``
of another test module in a test's body, ``pickle`` of a class defined here, ``mock.patch`` of a
name here. (Collected with any other test file, as the whole suite always is, the first test fails
without the mechanism.)"""

from __future__ import annotations

import pickle
import sys
from unittest import mock

from test_readme_contents_lists_every_heading import anchor

THIS = object()


class Defined:
    """A class of this test module (pickled by reference: module and name)."""


def test_only_this_module_and_the_one_it_took_names_from_are_in_sys_modules() -> None:
    held = sorted(name for name in sys.modules if name.startswith("test_"))
    assert held == [anchor.__module__, __name__]


def test_a_test_module_reads_as_itself_by_name() -> None:
    assert sys.modules[__name__].THIS is THIS
    assert pickle.loads(pickle.dumps(Defined)) is Defined
    assert type(pickle.loads(pickle.dumps(Defined()))) is Defined
    with mock.patch(f"{__name__}.THIS", "patched"):
        assert THIS == "patched"
    assert THIS is not None and THIS != "patched"


def test_an_import_in_a_test_meets_the_module_collection_made() -> None:
    import test_layout_imports

    assert sys.modules["test_layout_imports"] is test_layout_imports
    import test_readme_contents_lists_every_heading as same

    assert same.anchor is anchor
