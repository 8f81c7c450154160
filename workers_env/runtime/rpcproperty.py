"""A property of the stub of a function another Worker returned over RPC (workerd's ``JsRpcProperty``).

workerd's ``JsRpcStub`` answers any name its prototype chain lacks (``JsRpcStub.prototype``'s
``constructor`` and ``dup``, then ``Object.prototype``'s) with a ``JsRpcProperty``, ``then`` alone
excepted (``JsRpcStub::getRpcMethod``, worker-rpc.c++): ``typeof`` ``function``, thenable, itself
answering any name (``f.a.b``). Calling it asks the callee to call the property, awaiting it to send
the property's value; the callee's RPC server looks the first name up among the function's own
properties (``tryGetProperty``: a function target allows instance properties) and refuses any
other with ``TypeError: The RPC receiver does not implement the method "a".`` (``remote``).
Measured with JavaScript twins under ``wrangler dev`` 4.164.0 (review85): a JS function's ``name``,
``length`` and own ``extra`` came back awaited, ``f.anything``, ``f.call``, ``f.alarm`` were that
refusal, called or awaited, and a property that is no function, called, ``TypeError: "name" is not
a function.``. A Python Worker's function is Pyodide's ``PyProxy`` of it, whose only own property
is ``prototype``, ``undefined`` (``Object.prototype.hasOwnProperty`` in real Pyodide 0.26.0a4,
0.28.2 and 314.0.6 under Node: false for ``name``, ``length`` and a function attribute alike) --
so each name is that refusal, but ``prototype``: ``None`` awaited, ``"prototype" is not a
function.`` called (from workerd's source and that measurement; no Python callee ran in workerd).
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

from workers_env._errors import JsException
from workers_env.runtime.jsbase import js_property_name
from workers_env.runtime.jsfunctions import JsNativeFunction
from workers_env.runtime.webloop import as_promise, unawaited

__all__ = ["RpcProperty", "rpc_property"]


def rpc_property(stub: Any, name: str, checked: Callable[[], None],
                 crossed: Callable[[JsException], JsException]) -> RpcProperty:
    """``stub.<name>`` as workerd's stub answers it, or ``AttributeError`` for Python's own
    protocol names (``__aenter__``, ...; not looked up on the callee, as a service binding's) and
    ``then``. ``checked`` raises what using the stub now raises (disposed, another request's);
    ``crossed`` makes an error the callee's (``remote``)."""
    if name.startswith("__") or name == "then":
        raise AttributeError(name)
    return RpcProperty((js_property_name(name),), checked, crossed)


class RpcProperty(JsNativeFunction):
    """``stub.a`` (``path`` ``("a",)``; ``stub.a.b`` ``("a", "b")``): called, the callee's call
    of it; awaited (``then``), its value -- each the callee's refusal for a Python function's
    stub (module doc)."""

    __slots__ = ("_path", "_checked", "_crossed")

    def __init__(self, path: tuple[str, ...], checked: Callable[[], None],
                 crossed: Callable[[JsException], JsException]):
        super().__init__(self._call, path[-1], length=0)
        self._path, self._checked, self._crossed = path, checked, crossed

    def _call(self, *args: Any, **kwargs: Any) -> Any:
        return as_promise(self._answer(called=True))

    async def _answer(self, called: bool) -> Any:
        self._checked()
        first = self._path[0]
        if first != "prototype" or len(self._path) > 1:
            raise self._crossed(JsException(f'The RPC receiver does not implement the method "{first}".',
                                            name="TypeError"))
        if called:
            raise self._crossed(JsException('"prototype" is not a function.', name="TypeError"))
        return None  # the PyProxy's own prototype: undefined

    def __getattr__(self, name: str) -> RpcProperty:
        if name.startswith("__"):
            raise AttributeError(name)
        return RpcProperty((*self._path, js_property_name(name)), self._checked, self._crossed)

    def then(self, on_fulfilled: Any = None, on_rejected: Any = None) -> Any:
        """Awaiting it sends the property's value (``GET_PROPERTY``); ``then`` too (where a loop runs)."""
        return unawaited(self._answer(called=False)).then(on_fulfilled, on_rejected)

    def __await__(self) -> Generator[Any, None, Any]:
        return as_promise(self._answer(called=False)).__await__()

    def __repr__(self) -> str:
        return "[object JsRpcProperty]"  # String() of it (measured)

    def toString(self) -> str:  # noqa: N802 - JS name
        return repr(self)

    def _inspected(self) -> str:
        """``console.log`` of it: ``RpcProperty {}`` (wrangler dev 4.164.0, measured by audit32)."""
        return "RpcProperty {}"
