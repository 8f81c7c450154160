"""A loaded Worker supplied as another Worker's service binding (``bindings={"SEARCH": search}``).

Production's service binding hands the caller's ``fetch(request)`` to the callee's fetch handler
and its ``await env.SEARCH.method(...)`` to a method of the callee's ``Default``
``WorkerEntrypoint``, each in a request of the callee's own. :class:`WorkerService` does the
same with a :class:`~workers_env.runtime.loader.Worker`: the caller's side converts as its SDK
era converts any supplied service (``JsBinding`` with ``rpc``), the callee's side as
``Worker.fetch``/``Worker.rpc`` do, so each Worker keeps its own modules, env and era.

What the callee throws reaches the caller as workerd's RPC sends an error across (measured with
two JavaScript Workers under ``wrangler dev`` 4.164.0, ``no_bundle`` as a Python Worker is
served): a new ``Error`` with ``remote: true``, keeping the name of V8's own error classes
(``TypeError``, ``RangeError``, ...) and writing any other name into the message
(``CustomError: text``; Pyodide's ``PythonError``: ``PythonError: Traceback ...``), by ``fetch``
as by a method -- so the caller's Python catches a ``JsException``, never the callee's class.
"""

from __future__ import annotations

import abc
import asyncio
import contextvars
from typing import Any

from workers_env._env import env_config
from workers_env._errors import JsException
from workers_env.config.compat import ENHANCED_ERROR_SERIALIZATION, flag_enabled
from workers_env.runtime.jsweb import JsRequest, JsResponse
from workers_env.runtime.thrownerror import thrown_parts

__all__ = ["ServiceSource", "WorkerService"]


class ServiceSource(abc.ABC):
    """What a loaded Worker is to ``env``: an object it hands out as a service binding (an
    abstract base here, so that ``envwrap`` can tell one without importing the loader)."""

    @abc.abstractmethod
    def as_service(self, caller_config: Any = None) -> WorkerService:
        """The service binding another Worker (whose config is ``caller_config``) is handed."""


class WorkerService:
    """A loaded Worker behind a service binding: ``fetch`` reaches its fetch handler, any other
    public name its ``Default`` entrypoint's RPC method of that name (``TypeError: Method <name>
    does not exist`` when it has none, as workerd answers)."""

    def __init__(self, worker: Any, caller_config: Any = None):
        self._worker = worker
        # workerd keeps an error's name and own properties across only when both Workers have
        # enhanced_error_serialization (measured: either one without it is the legacy form)
        self._enhanced = all(config is not None and flag_enabled(ENHANCED_ERROR_SERIALIZATION, config)
                             for config in (caller_config, env_config(worker.env)))

    async def fetch(self, resource: Any, init: Any = None) -> JsResponse:
        # workerd's Fetcher.fetch builds one Request of (resource, init) and the callee gets it
        request = JsRequest.new(resource, init)
        answer: JsResponse = await _in_callee(self._worker._answer(request), self._enhanced)
        return answer

    def __getattr__(self, name: str) -> Any:
        # a `_name` is a method like any (workerd's RPC and the Python entrypoint's proxy pass
        # it on); Python's own protocol names (`__aenter__`, ...) are not looked up on the callee
        if name.startswith("__"):
            raise AttributeError(name)
        worker, enhanced = self._worker, self._enhanced

        async def method(*args: Any) -> Any:
            return await _in_callee(worker._rpc(name, args, {}, "Default", crossing=True), enhanced)

        method.__name__ = name
        return method

    def __repr__(self) -> str:
        return f"<WorkerService of {self._worker.main_path}>"


#: V8's error classes, whose name an error keeps across RPC (V8's ValueSerializer); any other name
#: is written into the message, on an ``Error``
_SERIALIZED_NAMES = frozenset({"Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError",
                               "URIError"})


async def _in_callee(work: Any, enhanced: bool) -> Any:
    """Await the callee's ``work`` in a task of its own, apart from the caller's request (its
    context variables set and reset in one context, as production runs it in another isolate),
    and hand what it throws over as production's RPC does (:func:`remote_error`)."""
    task = contextvars.Context().run(asyncio.ensure_future, work)
    try:
        return await task
    except asyncio.CancelledError:
        if task.cancelled() or not task.done():
            raise
        raise remote_error(task.exception() or asyncio.CancelledError(), enhanced) from None
    except Exception as exc:
        raise remote_error(exc, enhanced) from None


def remote_error(error: BaseException, enhanced: bool) -> JsException:
    """The ``Error`` the caller's promise rejects with for the callee's ``error``, ``remote``
    ``True`` (an own enumerable property, as workerd sets it). ``enhanced``
    (``enhanced_error_serialization``): any name kept, an own property when it is none of V8's
    classes', with the error's own properties (a ``PythonError``'s ``type``, the exception's class
    name); else V8's classes keep their names and any other is written into the message of an
    ``Error`` (``<name>: <message>``; the name alone when the message is empty, the message alone
    when the name is empty or no string at all -- ``5``, ``null``, ``undefined``, where
    ``String(error)`` would write it: measured under wrangler dev 4.164.0, review55)."""
    name, message = thrown_parts(error, only_theirs=True)
    own: dict[str, Any] = {}
    if enhanced and name not in _SERIALIZED_NAMES:
        own["name"] = name
        if name == "PythonError":  # Pyodide's own `type` (its `__error_address`, a wasm pointer, is left out)
            own["type"] = getattr(error, "type", None) or type(error).__name__
    elif name not in _SERIALIZED_NAMES:  # a name workerd reads as a string, an empty part left out
        written = name if isinstance(name, str) else ""
        name, message = "Error", f"{written}: {message}" if written and message else written or message
    crossed = JsException(message, name=name)
    crossed.__dict__.update(own, remote=True)
    keys = crossed.__dict__.setdefault("_own_keys", {})
    keys.update(dict.fromkeys([*own, "remote"]))
    return crossed
