"""``console.log`` writes a string inside a value as ``util.inspect``'s ``strEscape`` does
(workerd's src/node/internal/internal_inspect.ts, Node's own): control characters, C1 ones and
the backslash escaped, a lone surrogate as ``\\ud800``, and the quote chosen by what the text
holds -- ``'``, ``"`` when it holds ``'``, a backtick when it holds both (and no backtick or
``${``). The expected lines are Node 24's ``util.inspect`` of the same values."""

from __future__ import annotations

from workers_env import js, to_js


def test_strings_inside_a_value_are_escaped_and_quoted_as_node(capsys):
    for text in ("a\x00b\x07\b\t\n\x0b\f\r\x1f\x7f\x80\x9f\xa0é", "it's", "\"x\" 'y'", "\"${x}\" 'y'",
                 "\"`\" 'y'", "back\\slash", "lone \ud800 pair \U0001F600"):
        js.console.log(to_js([text]))
    js.console.log(js.JSON.parse('{"it\'s\\n": 1}'))
    assert capsys.readouterr().out.splitlines() == [
        "[ 'a\\x00b\\x07\\b\\t\\n\\x0B\\f\\r\\x1F\\x7F\\x80\\x9F\xa0é' ]",
        "[ \"it's\" ]",
        "[ `\"x\" 'y'` ]",
        "[ '\"${x}\" \\'y\\'' ]",
        "[ '\"`\" \\'y\\'' ]",
        "[ 'back\\\\slash' ]",
        "[ 'lone \\ud800 pair \U0001F600' ]",
        "{ \"it's\\n\": 1 }",
    ]


def test_a_lone_surrogate_printed_as_it_is_is_the_replacement_character(capsys):
    # workerd writes the line in UTF-8 (measured under wrangler dev 4.164.0: `top \ufffd x`, and
    # `[ 'in \ud800' ]` inside a value); it stopped console.log with a UnicodeEncodeError
    js.console.log("top \ud800 x", to_js(["in \udc00"]))
    js.console.error("nul\x00raw")
    out, err = capsys.readouterr()
    assert (out, err) == ("top \ufffd x [ 'in \\udc00' ]\n", "nul\x00raw\n")
