"""Pyodide 0.29 added ``pyodide.http.pyxhr`` (pyodide#5841), a synchronous client over the
browser's ``XMLHttpRequest``; the 314.0.x bundles workerd runs from compatibility date 2026-09-08
have it in ``pyodide.http.__all__``. workerd has no ``XMLHttpRequest`` (Pyodide's ``from js import
XMLHttpRequest`` fails quietly at import), so the module imports and every request is ``NameError:
name 'XMLHttpRequest' is not defined``, as ``open_url`` is. Before 0.29 there is no ``pyxhr``
(``ImportError``). Names measured on npm pyodide 314.0.6 and 0.28.2."""

from __future__ import annotations

from worker_helpers import snippet_answers

SNIPPETS = [
    "import pyodide.http as h\n'pyxhr' in h.__all__",
    "from pyodide.http import pyxhr\nsorted(pyxhr.__all__)",
    "from pyodide.http import pyxhr\npyxhr.get('https://example.com/')",
    "from pyodide.http import pyxhr\nissubclass(pyxhr.XHRNetworkError, OSError)",
    "from pyodide.http import pyxhr\ntry:\n    pyxhr.post('https://example.com/')\nexcept NameError as exc:\n"
    "    notes = exc.__notes__\nnotes",
    "from pyodide.http import pyxhr\npyxhr.__doc__.splitlines()[:3]",  # Pyodide 314.0.6's docstring
]


def test_pyxhr_imports_and_its_requests_fail_in_the_pyodide_314_era(tmp_path):
    assert snippet_answers(tmp_path, SNIPPETS, "2026-10-01") == [
        "True (bool)",
        "['XHRError', 'XHRNetworkError', 'XHRRequestParams', 'XHRResponse', 'delete', 'get', 'head', 'options', "
        "'patch', 'post', 'put'] (list)",
        "NameError: name 'XMLHttpRequest' is not defined", "True (bool)",
        "[\"pyodide.http.pyxhr.post needs the browser's XMLHttpRequest, which the Workers runtime does not have "
        "(Pyodide imports it only where it exists); use `await pyodide.http.pyfetch(url)` or `workers.fetch` "
        "instead\"] (list)",
        "['XMLHttpRequest-based HTTP client for Pyodide.', '', 'Provides a requests-like synchronous HTTP API using "
        "XMLHttpRequest,'] (list)"]


def test_pyxhr_does_not_exist_before(tmp_path):
    answers = snippet_answers(tmp_path, SNIPPETS[:2], "2026-09-07")
    assert answers[0] == "False (bool)"
    assert answers[1].startswith("ImportError: cannot import name 'pyxhr' from 'pyodide.http'")
