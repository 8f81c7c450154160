"""``parseRedirects`` splits and trims a ``_redirects`` line with JavaScript's whitespace and
counts its length in UTF-16 units: a file saved with a BOM applies its first rule (Node keeps
the BOM, ``String.trim()`` drops it), a no-break space separates tokens, ``\\x1c`` and ``\\x85``
(whitespace to Python, not to JavaScript) do not, and a line of 1,999 characters ending in an
emoji is 2,000 units, one of 2,000 characters 2,001, over the limit. Each compared with ``wrangler dev`` 4.164.0
(``tools/wrangler/redirects_differential.py``'s file variants)."""

from __future__ import annotations

from workers_env.assets.redirects import RedirectRules

RELATIVE_OR_HTTPS = ('URLs should either be relative (e.g. begin with a forward-slash), or use HTTPS '
                     '(e.g. begin with "https://").')


def test_a_bom_and_crlf_line_ends():
    rules = RedirectRules("\ufeff/old /new 301\r\n/x /about\r\n")
    assert (rules.valid, rules.invalid) == (2, [])
    assert rules.match("http://localhost/old", "/old") == (301, "/new")


def test_javascripts_whitespace_not_pythons():
    rules = RedirectRules("/fs\x1c/about 301\n/nbsp\u00a0/about\u00a0301\n/nel\x85/about 301\n/z /about 301 # c\n")
    assert rules.valid == 2
    assert [(bad.message, bad.line_number) for bad in rules.invalid] == [(RELATIVE_OR_HTTPS, 1), (RELATIVE_OR_HTTPS, 3)]
    assert rules.match("http://localhost/nbsp", "/nbsp") == (301, "/about")
    assert rules.match("http://localhost/fs", "/fs") is None


def test_the_line_limit_counts_utf16_units():
    line = "/emo /" + "a" * 1992 + "\U0001f600"  # 1,999 characters, 2,000 UTF-16 units
    longer = line.replace("/emo", "/emo2")  # 2,000 characters, 2,001 units
    rules = RedirectRules(line + "\n" + longer + "\n")
    assert rules.valid == 1
    assert [bad.message for bad in rules.invalid] == [
        "Ignoring line 2 as it exceeds the maximum allowed length of 2000."]


def test_a_line_separator_is_javascripts_whitespace_too():
    # ECMAScript's \s and trim() take its LineTerminators (\u2028, \u2029) as whitespace; read from
    # the language's definition, not one of the differential's file variants (pin68: the shared
    # JS_WHITESPACE without \u2028 passed every test of the files that use it)
    rules = RedirectRules("/ls\u2028/about\u2028301\n/ps\u2029/about 302\u2029\n")
    assert (rules.valid, rules.invalid) == (2, [])
    assert rules.match("http://localhost/ls", "/ls") == (301, "/about")
    assert rules.match("http://localhost/ps", "/ps") == (302, "/about")
