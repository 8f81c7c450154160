"""ai/unicode14.py's reading of a text, checked on every Python, 3.11 included: under Python 3.11
it is a no-op (its database is 14.0 itself), so the replacing path, which runs on 3.12 and later,
is checked here with a stand-in for a newer database in which some code points 14.0 leaves
unassigned are letters. Only those become U+FFFD; code points unassigned in both (noncharacters,
U+E0FFF), lone surrogates, private use and every assigned character are kept, in place."""

from __future__ import annotations

import types
import unicodedata

import pytest

from workers_env.ai import unicode14

#: letters of Unicode 15.0/15.1 (CJK Extension H, Nag Mundari, Extension I): unassigned in 14.0
LATER = {0x31350, 0x31351, 0x1E4D0, 0x2EBF0}


@pytest.fixture
def newer_database(monkeypatch: pytest.MonkeyPatch) -> None:
    newer = types.SimpleNamespace(
        unidata_version="15.1.0",
        category=lambda c: "Lo" if ord(c) in LATER else unicodedata.category(c))
    monkeypatch.setattr(unicode14, "unicodedata", newer)
    monkeypatch.setattr(unicode14, "_SAME", False)


@pytest.mark.usefixtures("newer_database")
def test_letters_assigned_after_14_become_replacement_characters() -> None:
    text = "\ud800a\U00031350\U0001e4d0b é\U00031351\ufdd0\ue000\U000e0fff\U0002ebf0\U00031350\udfff 数字"
    assert unicode14.as_unicode_14(text) == "\ud800a\ufffd\ufffdb é\ufffd\ufdd0\ue000\U000e0fff\ufffd\ufffd\udfff 数字"


@pytest.mark.usefixtures("newer_database")
def test_a_text_without_them_is_the_same_text() -> None:
    for text in ["cat", "Straße ｆｕｌｌ 数字 🐍", "\ud800\ufdd0\U000e0fff\U0010ffff", ""]:
        assert unicode14.as_unicode_14(text) is text


@pytest.mark.usefixtures("newer_database")
def test_a_long_text_dense_with_them() -> None:
    text = ("\U00031350x\U0002ebf0" * 50_000) + "\ufffe"
    assert unicode14.as_unicode_14(text) == ("\ufffdx\ufffd" * 50_000) + "\ufffe"


def test_on_this_python_the_texts_characters_assigned_by_14_are_kept() -> None:
    text = "".join(chr(cp) for cp in range(0x20, 0x30000, 7) if not unicode14.unassigned_in_14(chr(cp)))
    assert unicode14.as_unicode_14(text) == text
