"""``tools/hunts/docs_examples.py`` reads a docs page's Python blocks as Markdown does (CommonMark:
a fenced block may be indented -- a block inside a list item or ``<Steps>``, by spaces or a tab --
and its lines lose that indent; its closing fence may be longer than its opening one). docsnip56
found its 11 "diverges" were the script misreading such blocks of cloudflare-docs' pages, not
workers-env; audit33's mutants of the fence pattern and of the dedent left them unpinned."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parent.parent / "tools" / "hunts" / "docs_examples.py"

PAGE = (
    "Intro.\n\n"
    "```python\nprint('top')\n```\n\n"
    "1. A step:\n\n"
    "\t```py\n\tdef handler():\n\t    return 1\n\t```\n\n"
    "2. Another:\n\n"
    "   ```python title=\"src/entry.py\"\n   from workers import Response\n\n   x = 2\n   ````\n\n"
    "````python\nblock = '''\n```\n'''\n````\n\n"
    "```js\nconsole.log('not python')\n```\n"
)


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("docs_examples_under_test", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (its dataclasses look their module up there)
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


def test_indented_and_longer_closing_fences_are_read_as_markdown_does(tool):
    assert tool.python_blocks(PAGE) == [
        "print('top')\n",
        "def handler():\n    return 1\n",  # a tab-indented fence in a list item: the tab taken off each line
        "from workers import Response\n\nx = 2\n",  # three spaces; closed by a longer fence
        "block = '''\n```\n'''\n",  # a 4-backtick fence keeps its inner ```
    ]
