"""A loaded Worker supplied as another Worker's service binding (``bindings={"SEARCH": search}``).

Production's service binding hands the caller's ``fetch(request)`` to the callee's fetch handler
and its ``await env.SEARCH.method(...)`` to a method of the callee's ``Default``
``WorkerEntrypoint``, each in a request of the callee's own. :class:`WorkerService` does the
same with a :class:`~workers_env.runtime.loader.Worker`: the caller's side converts as its SDK
era converts any supplied service (``JsBinding`` with ``rpc``), the callee's side as
``Worker.fetch``/``Worker.rpc`` do, so each Worker keeps its own modules, env and era.
"""

from __future__ import annotations

from typing import Any

from workers_env.runtime.jsweb import JsRequest, JsResponse

__all__ = ["ServiceSource", "WorkerService"]


class ServiceSource:
    """What a loaded Worker is to ``env``: an object it hands out as a service binding."""

    def as_service(self) -> WorkerService:
        raise NotImplementedError


class WorkerService:
    """A loaded Worker behind a service binding: ``fetch`` reaches its fetch handler, any other
    public name its ``Default`` entrypoint's RPC method of that name (``TypeError: Method <name>
    does not exist`` when it has none, as workerd answers)."""

    def __init__(self, worker: Any):
        self._worker = worker

    async def fetch(self, resource: Any, init: Any = None) -> JsResponse:
        # workerd's Fetcher.fetch builds one Request of (resource, init) and the callee gets it
        request = JsRequest.new(resource, init)
        answer: JsResponse = await self._worker._answer(request)
        return answer

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        worker = self._worker

        async def method(*args: Any) -> Any:
            return await worker.rpc(name, *args)

        method.__name__ = name
        return method

    def __repr__(self) -> str:
        return f"<WorkerService of {self._worker.main_path}>"
