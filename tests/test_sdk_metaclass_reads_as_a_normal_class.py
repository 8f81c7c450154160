"""The one metaclass of the SDK classes (``JsDict`` and the wrappers alike) reads as any class: its
``repr`` names its module, ``inspect.getmodule`` and ``help()`` find it -- a ``__module__``
property on it stood in its own ``__module__`` (``<class 'SdkType'>``, no module, and ``help()``
of its classes failing)."""

from __future__ import annotations

import inspect
import pydoc

from workers_env import _sdkclasses
from workers_env._jsvalues import JsDict
from workers_env.runtime import envwrap, sdknames
from workers_env.runtime.forms import FormData


def test_one_metaclass_named_by_its_module() -> None:
    meta, abstract = _sdkclasses.SdkType, _sdkclasses.SdkClass
    assert type(JsDict) is meta is type(envwrap._BindingWrapper) and type(FormData) is abstract
    assert issubclass(abstract, meta) and (sdknames.SdkType, sdknames.SdkClass) == (meta, abstract)
    for cls in (meta, abstract):
        assert cls.__module__ == "workers_env._sdkclasses"
        assert repr(cls) == f"<class 'workers_env._sdkclasses.{cls.__name__}'>"
        assert inspect.getmodule(cls) is _sdkclasses
        assert pydoc.render_doc(cls).splitlines()[0] == (
            f"Python Library Documentation: class {cls.__name__} in module workers_env._sdkclasses")
