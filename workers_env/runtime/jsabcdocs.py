"""The docstrings of Pyodide's abstract ``pyodide.ffi`` types (``JsMap.__doc__`` ...), as Pyodide
0.28.2 and 314.0.6 have them (measured under Node, ``tools/pyodide/pyodide_runner.mjs``). Pyodide 0.26
runs Python 3.12, which keeps a docstring's indentation: :func:`for_era` gives it so there."""

from __future__ import annotations

#: name -> docstring (``None``: the class has none)
DOCS: dict[str, str | None] = {
    "JsArray": "A JsProxy of an :js:class:`Array`, :js:class:`NodeList`, or :js:class:`TypedArray`",
    "JsMap": (
        "A JavaScript Map\n"
        "\n"
        "To be considered a map, a JavaScript object must have a ``get`` method, it\n"
        "must have a ``size`` or a ``length`` property which is a number\n"
        "(idiomatically it should be called ``size``) and it must be iterable.\n"
    ),
    "JsMutableMap": (
        "A JavaScript mutable map\n"
        "\n"
        "To be considered a mutable map, a JavaScript object must have a ``get``\n"
        "method, a ``has`` method, a ``size`` or a ``length`` property which is a\n"
        "number (idiomatically it should be called ``size``) and it must be iterable.\n"
        "\n"
        "Instances of the JavaScript builtin ``Map`` class are ``JsMutableMap`` s.\n"
        "Also proxies returned by :py:meth:`JsProxy.as_object_map` are instances of\n"
        "``JsMap`` .\n"
    ),
    "JsIterable": (
        "A JavaScript iterable object\n"
        "\n"
        "A JavaScript object is iterable if it has a :js:data:`Symbol.iterator` method.\n"
    ),
    "JsIterator": (
        "A JsProxy of a JavaScript iterator.\n"
        "\n"
        "An object is a :py:class:`JsAsyncIterator` if it has a :js:meth:`~Iterator.next` method and either has a\n"
        ":js:data:`Symbol.iterator` or has no :js:data:`Symbol.asyncIterator`.\n"
    ),
    "JsAsyncIterable": (
        "A JavaScript async iterable object\n"
        "\n"
        "A JavaScript object is async iterable if it has a :js:data:`Symbol.asyncIterator`\n"
        "method.\n"
    ),
    "JsAsyncIterator": (
        "A JsProxy of a JavaScript async iterator.\n"
        "\n"
        "An object is a :py:class:`JsAsyncIterator` if it has a\n"
        ":js:meth:`~AsyncIterator.next` method and either has a\n"
        ":js:data:`Symbol.asyncIterator` or has no :js:data:`Symbol.iterator`\n"
    ),
    "JsGenerator": (
        "A JavaScript generator\n"
        "\n"
        "A JavaScript object is treated as a generator if its\n"
        ':js:data:`Symbol.toStringTag` is ``"Generator"``. Most likely this will be\n'
        "because it is a true :js:class:`Generator` produced by the JavaScript\n"
        "runtime, but it may be a custom object trying hard to pretend to be a\n"
        "generator. It should have :js:meth:`~Generator.next`,\n"
        ":js:meth:`~Generator.return` and :js:meth:`~Generator.throw` methods.\n"
    ),
    "JsAsyncGenerator": (
        "A JavaScript :js:class:`AsyncGenerator`\n"
        "\n"
        "A JavaScript object is treated as an async generator if it's\n"
        ':js:data:`Symbol.toStringTag` is ``"AsyncGenerator"``. Most likely this will\n'
        "be because it is a true async generator produced by the JavaScript runtime,\n"
        "but it may be a custom object trying hard to pretend to be an async\n"
        "generator. It should have :js:meth:`~AsyncGenerator.next`,\n"
        ":js:meth:`~AsyncGenerator.return`, and :js:meth:`~AsyncGenerator.throw`\n"
        "methods.\n"
    ),
    "JsCallable": (
        "A JavaScript callable\n"
        "\n"
        "A JavaScript object is treated as a callable if `typeof x` returns\n"
        '`"function"`.\n'
    ),
    "JsDoubleProxy": "A double proxy created with :py:func:`create_proxy`.",
    "JsCallableDoubleProxy": None,
    "JsOnceCallable": (
        "A JavaScript handle for a Python function which can be called at most\n"
        "once.\n"
        "\n"
        "After it is called, the reference to the underlying Python object is\n"
        "released and attempting to call it again will raise an `Error`.\n"
    ),
    "JsPromise": (
        "A :py:class:`~pyodide.ffi.JsProxy` of a :js:class:`Promise` or some other `thenable\n"
        "<https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Promise#thenables>`_\n"
        "JavaScript object.\n"
        "\n"
        "A JavaScript object is considered to be a :js:class:`Promise` if it has a ``then`` method.\n"
    ),
    "JsBuffer": "A JsProxy of an array buffer or array buffer view",
    "JsTypedArray": None,
    "JsFetchResponse": (
        "A :py:class:`JsFetchResponse` object represents a :js:data:`Response` to a\n"
        ":js:func:`fetch` request.\n"
    ),
    "JsDomElement": None,
    "JsWeakRef": "A PyProxy of a JavaSCript WeakRef.",  # (sic)
}


#: the classes Pyodide 0.26 has without a docstring
_UNDOCUMENTED_ON_026 = frozenset({"JsCallable"})


def for_era(name: str, *, pyodide_028: bool) -> str | None:
    """``name``'s docstring as the Worker's Pyodide shows it: on 0.26 (Python 3.12) each line after
    the first indented by the class body's four spaces, the closing line's too."""
    doc = DOCS[name]
    if not pyodide_028 and name in _UNDOCUMENTED_ON_026:
        return None
    if doc is None or pyodide_028 or "\n" not in doc:
        return doc
    first, *rest = doc.split("\n")
    return "\n".join([first, *("    " + line if line or at == len(rest) - 1 else line for at, line in enumerate(rest))])
