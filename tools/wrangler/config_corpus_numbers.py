"""The corpus cases for numbers in diagnostics (toml69), which ``config_corpus.py`` adds to its own:
wrangler prints a number in a message as JavaScript does (``String(n)``, ``JSON.stringify``:
``1e-7``, ``1e+21``, ``5e-324``, ``0`` for -0, ``123456789012345680000``), where Python's ``repr``
writes ``1e-07``, ``1e+21`` and ``1.2345678901234568e+20``. Each case puts such numbers where a
message prints them: a string field, a binding entry, ``routes``, TOML and JSON alike."""

from __future__ import annotations

J = "wrangler.json"
T = "wrangler.toml"
TOML_TOP = 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\n'
JSON_TOP = '"name": "w", "main": "a.js", "compatibility_date": "2024-09-23"'

_NUMBERS = ["1e-7", "1.5e-7", "0.000001", "1e21", "1e+21", "1.5e300", "5e-324", "1.7976931348623157e308",
            "123456789012345680000", "0.1", "-0.0", "2.5e-10", "1e20", "-1e-7", "100.5"]


def _cases() -> list[tuple[str, str, str, None]]:
    cases = []
    for i, number in enumerate(_NUMBERS):
        cases.append((f"number-account-id-toml-{i}", T, TOML_TOP + f"account_id = {number}\n", None))
        cases.append((f"number-account-id-json-{i}", J, "{" + JSON_TOP + f', "account_id": {number}' + "}", None))
        cases.append((f"number-kv-binding-json-{i}", J,
                      "{" + JSON_TOP + f', "kv_namespaces": [{{"binding": {number}, "id": "a"}}]' + "}", None))
    numbers = ", ".join(n for n in _NUMBERS if n != "1e+21")
    cases.append(("number-routes-toml", T, TOML_TOP + f"routes = [{numbers}]\n", None))
    cases.append(("number-routes-json", J, "{" + JSON_TOP + f', "routes": [{numbers}]' + "}", None))
    cases.append(("number-route-json", J, "{" + JSON_TOP + ', "route": 1e-7}', None))
    cases.append(("number-limits-json", J, "{" + JSON_TOP + ', "limits": {"cpu_ms": [1e-7, 1e21]}}', None))
    cases.append(("number-compat-flags-toml", T, TOML_TOP + "compatibility_flags = [1e-7, 1e21]\n", None))
    cases.append(("number-vars-deep-json", J, "{" + JSON_TOP + ', "d1_databases": [{"binding": "DB", "database_id": '
                  '"x", "migrations_dir": {"a": [1e-7, -0.0, 1e21]}}]}', None))
    return cases


CASES = _cases()
