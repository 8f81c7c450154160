"""The module production names the SDK classes Worker code sees (``workers.FormData``,
``Blob``, ``File``, ``Request``, ``Response``), per the Worker's SDK.

The built-in SDK defines them all in ``workers._workers`` (workerd's
``src/pyodide/internal/workers-api/src/workers/_workers.py``), and so did ``workers-runtime-sdk``
until 1.5.1; from 1.5.2 (workers-py 7c5179f, "factor out request, response, and other type
definitions") each has a module of its own: ``workers.formdata``, ``workers.blob``,
``workers.request``, ``workers.response``. A Worker sees the name in ``type(x).__module__``, the
class's ``repr`` and the default ``repr`` of an instance -- which is what a ``FormData`` or a
``Blob`` passed unconverted as a fetch body sends (``<workers._workers.FormData object at ...>``).
"""

from __future__ import annotations

import copyreg
import importlib
from abc import ABCMeta
from typing import Any

from workers_env.runtime.current import current_runtime

__all__ = ["SdkClass", "class_named", "sdk_module"]

#: the ``workers-runtime-sdk`` release whose classes left ``workers._workers``
SPLIT_SINCE = (1, 5, 2)

_OWN_MODULES = {"Blob": "workers.blob", "File": "workers.blob", "FormData": "workers.formdata",
                "Request": "workers.request", "Response": "workers.response"}


def sdk_module(name: str) -> str:
    """The module of the SDK class ``name`` for the running Worker (outside Worker code, the
    newest SDK's)."""
    era = getattr(current_runtime(), "era", None)
    if era is not None and not era.sdk_at_least(SPLIT_SINCE):
        return "workers._workers"
    return _OWN_MODULES[name]


class SdkClass(ABCMeta):
    """Metaclass of the SDK classes: their ``__module__`` (and so their ``repr``) is production's
    for the running Worker's SDK; a subclass of them keeps its own."""

    @property
    def __module__(cls) -> str:  # type: ignore[override]  # a computed name is the point
        own = cls.__dict__.get("__module__", "")
        if cls.__dict__.get("_sdk_class"):
            return sdk_module(cls.__name__)
        return own

    def __repr__(cls) -> str:
        return f"<class '{cls.__module__}.{cls.__qualname__}'>"


def default_repr(value: Any) -> str:
    """``object.__repr__`` with the class's module as :class:`SdkClass` gives it."""
    cls = type(value)
    return f"<{cls.__module__}.{cls.__qualname__} object at {hex(id(value))}>"


def class_named(module: str, qualname: str) -> type:
    """The class ``qualname`` of the (real) module ``module``: what :func:`_reduce_class` pickles."""
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    return found  # type: ignore[no-any-return]


def _reduce_class(cls: SdkClass) -> tuple[Any, tuple[str, str]]:
    """``pickle`` of an SDK class (and so of an instance) by the module that defines it here: the
    production name it shows is no module locally, as ``pickle`` would otherwise import it."""
    return class_named, (cls.__dict__.get("__module__", ""), cls.__qualname__)


copyreg.pickle(SdkClass, _reduce_class)  # type: ignore[arg-type]
