"""The ``env`` a Python Worker receives: raw (legacy ``on_fetch``) and wrapped (``self.env``).

Data flows one way. :class:`JsEnv` is the JavaScript ``env`` object built from an
:class:`~workers_env.Env`: string vars are ``str``, object vars JS objects, bindings
:class:`JsBinding` objects whose methods take JS values and resolve to JS values. The SDK
wraps that object for ``self.env`` (:class:`_EnvWrapper`): binding calls convert Python
arguments to JS (refusing tuples and bytearrays, merging keywords into one trailing
options object) and convert results back to Python (``JsDict``, ``None``, ``int``).

Here: the env, the SDK's wrappers and the argument conversion they make (``python_to_rpc``, which
hands a wrapper on as its binding, so stays beside them). The bindings are jsbindings.py's (how they read each argument,
bindingarguments.py's), the SDK's conversion of results rpcvalues.py's (``python_from_rpc``), the
``pyodide.ffi.JsException`` face of their errors pyodideerrors.py's.
"""

from __future__ import annotations

import datetime
import inspect
import types
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from workers_env._deep import ROOMY_FROM
from workers_env._env import env_config, missing_name
from workers_env._errors import add_hint, users_mistake
from workers_env._jsvalues import MAX_SAFE_INTEGER, UNDEFINED, ByteStream, JsDate, JsOpaque, is_safe_int
from workers_env._sendchecks import unsendable
from workers_env._sentvalues import to_js as _model_to_js
from workers_env.config.compat import FETCHER_NO_GET_PUT_DELETE, QUEUES_JSON_MESSAGES, flag_enabled
from workers_env.runtime import pyodideerrors
from workers_env.runtime.current import current_runtime
from workers_env.runtime.jsbase import _Constructor, js_property_name, python_attribute_name
from workers_env.runtime.jsbindings import (
    _AWAITABLE_TYPES,
    _FETCHER_CLASSES,
    JsBinding,
    _is_binding,
    _is_host_object,
    _is_instance,
)
from workers_env.runtime.jsconvert import object_from_entries, to_js
from workers_env.runtime.jsdestroyed import DestroyedProxy
from workers_env.runtime.jsproxy import (
    JsArray,
    JsMap,
    JsNull,
    JsObject,
    JsProxy,
    jsnull,
)
from workers_env.runtime.rpcvalues import _ARGUMENT, _PLAIN, _SAME_IN_JS, _sdk_walk, python_from_rpc
from workers_env.runtime.sdknames import SdkClass, SdkType, default_repr, sdk_module
from workers_env.runtime.services import (
    FunctionStub,
    ServiceSource,
)
from workers_env.runtime.tracebacks import to_the_caller

__all__ = ["JsEnv", "JsBinding", "EnvWrapper", "python_to_rpc", "python_from_rpc"]

#: (the name pickles of a ``pyodide.ffi.JsException`` made before pyodideerrors.py call: they still load)
_pyodide_face = pyodideerrors._pyodide_face


class JsEnv(JsProxy):
    """The JavaScript ``env`` object (what a legacy ``on_fetch(request, env)`` receives).

    ``era`` (:class:`~workers_env.runtime.eras.Era`) decides which bindings the SDK's
    ``self.env`` converts; without one, every binding is converted (the newest SDK).
    """

    def __init__(self, env: Any, era: Any = None):
        self._env = env
        self._era = era
        self._cache: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        asked, name = name, js_property_name(name)  # ``env.class_`` is binding ``class``, as Pyodide reads it
        cache = self.__dict__["_cache"]
        if name in cache:
            return cache[name]
        env = self.__dict__["_env"]
        if name not in env:  # the Env's own helpers (``config``, ``close``) are not bindings
            error = users_mistake(AttributeError(asked))  # production's text: the JS env has no such property
            add_hint(error, missing_name(name, env, config=env_config(env)))
            raise error
        unwrapped = getattr(env, "unwrapped", None)
        value = unwrapped(name) if callable(unwrapped) else env[name]
        if isinstance(value, ServiceSource):  # a loaded Worker supplied as this one's service
            value = value.as_service(env_config(env))
        if isinstance(value, str):
            result: Any = value
        elif isinstance(value, JsBinding):
            result = value
        elif _is_binding(value):
            result = self._binding(name, value)
        else:
            result = to_js(_json_numbers(value), dict_converter=object_from_entries)
        cache[name] = result
        return result

    def _binding(self, name: str, value: Any) -> JsBinding:
        from workers_env.runtime.eras import (
            JS_CLASS_NAMES,
            KIND_ALIASES,
            SUPPLIED_JS_CLASS_NAMES,
        )

        kind_of = getattr(self._env, "kind", None)
        kind = kind_of(name) if callable(kind_of) else None
        declared = _declared_field(self._env, name) if kind is None else None
        era = self._era
        if era is None:
            wraps = True
        elif kind is None:  # a binding supplied by hand: as the era's SDK treats its declared kind
            # (r2_buckets -> r2, ...), or one it does not know (wrapped from 1.3.0, as the kinds it learnt)
            wraps = era.external_sdk if declared in SUPPLIED_JS_CLASS_NAMES else era.wraps(declared or "supplied")
        else:
            wraps = era.wraps(kind)
        of = kind or declared or ""  # a supplied R2 bucket or queue has the real binding's class name too
        js_class = JS_CLASS_NAMES.get(KIND_ALIASES.get(of, of))
        # a service, Durable Object namespace or Workflow you supply has the real binding's class
        # name, which both SDKs' _EnvWrapper go by; what it returns (a stub, an instance) is a
        # JavaScript object too; a service's and a stub's calls reach Python code over RPC
        supplied_class = SUPPLIED_JS_CLASS_NAMES.get(declared or "")
        config = getattr(self._env, "config", None)
        return JsBinding(name, value, js_class=supplied_class or js_class, sdk_wraps=wraps, keeps_methods=True,
                         rpc=declared in ("services", "durable_objects"), hosts=supplied_class is not None,
                         queue_json=config is None or flag_enabled(QUEUES_JSON_MESSAGES, config),
                         fetcher_shortcuts=config is not None and not flag_enabled(FETCHER_NO_GET_PUT_DELETE, config))

    def __dir__(self) -> list[str]:
        return [python_attribute_name(name) for name in self._env]

    def _as_object(self) -> JsObject:
        """The env's own properties as one plain object: workerd builds ``env`` with
        ``v8::Object::New`` (worker.c++), so Pyodide converts and lists it as a plain object."""
        return JsObject({name: getattr(self, name) for name in self._env})

    def to_py(self, *, depth: int = -1, default_converter: Callable[..., Any] | None = None) -> Any:
        """Pyodide's ``to_py`` of a plain object: a ``dict`` of every binding and var, vars
        converted (a JSON var to dicts and lists), bindings left as proxies."""
        if depth == 0:
            return self
        return self._as_object().to_py(depth=depth, default_converter=default_converter)

    def object_keys(self) -> JsArray:
        return self._as_object().object_keys()

    def object_values(self) -> JsArray:
        return self._as_object().object_values()

    def object_entries(self) -> JsArray:
        return self._as_object().object_entries()

    def __repr__(self) -> str:
        return "[object Object]"


def _json_numbers(value: Any) -> Any:
    """A JSON var's object or array with its whole numbers of magnitude ``Number.MAX_SAFE_INTEGER``
    as floats: they are JSON numbers, which Pyodide reads back as ``int``, where ``to_js`` would make
    BigInts of those Python ints (``JsBigInt`` in the Python 3.14 era). A copy, made without
    recursion (a JSON config's var may nest 5,000 levels deep); anything else is ``value`` itself."""
    if type(value) not in (dict, list):
        return value
    out: list[Any] = [None]
    todo: list[tuple[Any, Any, Any]] = [(value, out, 0)]
    while todo:
        item, into, slot = todo.pop()
        made: Any
        if type(item) is list:
            into[slot] = made = [None] * len(item)
            todo.extend((v, made, i) for i, v in enumerate(item))
        elif type(item) is dict:
            into[slot] = made = dict.fromkeys(item)
            todo.extend((v, made, k) for k, v in item.items())
        else:
            into[slot] = float(item) if type(item) is int and abs(item) == MAX_SAFE_INTEGER else item
    return out[0]


def _declared_field(env: Any, name: str) -> str | None:
    """The config field that declares binding ``name`` (``"services"``, ...), if any."""
    from workers_env.config.bindings import declared_bindings

    config = getattr(env, "config", None)
    merged = getattr(config, "merged", None)
    if not isinstance(merged, Mapping):
        return None
    return next((d.field for d in declared_bindings(merged) if d.name == name), None)


# -- the SDK's conversions (workers/rpc.py) ------------------------------------------


#: the values a JS array holds as themselves; any other Python object in one is a PyProxy
#: (what ``to_js`` leaves of an object it cannot convert, such as the SDK's own binding wrapper)
_JS_ITEMS = (str, int, float, bool, bytes, JsProxy, JsDate, JsOpaque, JsNull, ByteStream, list, dict)


def _iterated(value: Any, level: int = 1) -> Any:
    """A JS array argument as the binding reads it after the SDK's ``_raise_on_disabled_type``
    iterated it (workers-runtime-sdk ``workers/rpc.py``; workerd's built-in ``_workers.py``):
    ``for v in value`` over a JsProxy array converts each PyProxy item back to its Python object
    and destroys the proxy -- checked with Pyodide 0.28.2 and the SDK 1.9.5 under Node -- so
    a statement list made with ``to_js([db.prepare(...).bind(...), ...])`` reaches ``batch()``
    as destroyed proxies. Nested arrays are iterated alike, and so are arrays inside a Python
    dict's values or list (the check walks into those first); JS objects are not (not iterable).
    Returns ``value`` itself when nothing was destroyed (a dict or list: a copy otherwise)."""
    if isinstance(value, dict):
        if _PLAIN.issuperset(map(type, value.values())):  # a flat object, at C speed
            return value
        read_dict = _sdk_walk(level, _ARGUMENT,
                              lambda: {k: _iterated(v, level + 1) for k, v in value.items()})
        return value if all(read_dict[k] is v for k, v in value.items()) else read_dict
    if type(value) is list:  # a JsSet (a list subclass) is JavaScript: not one of these
        if _PLAIN.issuperset(map(type, value)):  # a vector, at C speed
            return value
        read_list = _sdk_walk(level, _ARGUMENT, lambda: [_iterated(v, level + 1) for v in value])
        return value if all(a is b for a, b in zip(read_list, value)) else read_list
    if not isinstance(value, JsArray):
        return value
    items = value._items
    if _PLAIN.issuperset(map(type, items)):  # a vector: nothing to destroy, at C speed
        return value

    def walk() -> list[Any]:
        return [_iterated(v, level + 1) if isinstance(v, JsArray)
                else v if v is None or v is UNDEFINED or isinstance(v, _JS_ITEMS) else DestroyedProxy(v) for v in items]

    read = _sdk_walk(level, _ARGUMENT, walk)
    if all(a is b for a, b in zip(read, items)):
        return value
    return JsArray(read, nulls=value._nulls)


def _refuse_unsendable(value: Any, level: int = 1, builtin: bool = False) -> None:
    """The SDK's check before ``to_js``: tuples and bytearrays cannot cross RPC; nor, for the
    built-in SDK (``builtin``: workerd's ``_workers.py`` refuses ``LambdaType``), a plain function
    or lambda at any depth -- the external SDK sends any callable as a stub (``create_proxy``),
    and so does the built-in one a bound method, a ``partial`` or a callable object."""
    if builtin and isinstance(value, types.FunctionType):
        raise unsendable(value)
    if isinstance(value, (JsProxy, _BindingWrapper)) or (callable(value) and not isinstance(value, type)):
        return
    if isinstance(value, (tuple, bytearray)):
        raise unsendable(value)
    if inspect.isawaitable(value):
        raise users_mistake(TypeError(f"Awaitable {type(value)} cannot be sent over RPC."))
    if isinstance(value, (dict, list, set, frozenset)):
        items = value.values() if isinstance(value, dict) else value
        if _PLAIN.issuperset(map(type, items)) and level < ROOMY_FROM:  # a vector, a flat object
            return

        def walk() -> None:
            for item in items:
                _refuse_unsendable(item, level + 1, builtin)

        _sdk_walk(level, _ARGUMENT, walk)


def _none_to_null(value: Any, level: int = 1) -> Any:
    if value is None:
        return jsnull
    if isinstance(value, dict):
        return _sdk_walk(level, _ARGUMENT,
                         lambda: {k: _none_to_null(v, level + 1) for k, v in value.items()})
    if type(value) is list:  # a JsSet (a list subclass) is already JavaScript: left as it is
        if _PLAIN.issuperset(map(type, value)):  # a vector: no None to replace, at C speed
            return _sdk_walk(level, _ARGUMENT, lambda: list(value))
        return _sdk_walk(level, _ARGUMENT, lambda: [_none_to_null(v, level + 1) for v in value])
    return value


def python_to_rpc(value: Any) -> Any:
    """Python -> JS for binding calls: ``None`` is null, dicts plain objects, lists arrays."""
    if value is None:
        return jsnull
    if type(value) in _SAME_IN_JS and (type(value) is not int or is_safe_int(value)):  # a key, a number: each
        return value  # step below hands it on as it is
    if isinstance(value, _BindingWrapper):
        return value._binding
    value = _iterated(_none_to_null(value))
    _refuse_unsendable(value)
    return to_js(value, dict_converter=object_from_entries, default_converter=_rpc_default)


def builtin_python_to_rpc(value: Any) -> Any:
    """The built-in SDK's ``python_to_rpc`` (workerd ``_workers.py``, since "Implements Python
    RPC", 2025-04): the unsendable types refused, then ``to_js`` with the same default converter
    as the external SDK's -- an object with ``js_object`` (a ``Request``, a ``Response``) that
    object, a ``datetime`` a ``Date``, an ``Exception`` an ``Error`` -- and dicts as ``Map``s."""
    value = _iterated(value)
    _refuse_unsendable(value, builtin=True)
    return to_js(value, dict_converter=lambda entries: JsMap({e[0]: e[1] for e in entries}),
                 default_converter=_rpc_default)


def _rpc_default(value: Any, convert: Callable[[Any], Any], cache: Any) -> Any:
    if isinstance(value, _BindingWrapper):
        return value._binding
    if hasattr(value, "js_object"):
        return value.js_object
    if isinstance(value, datetime.datetime):  # the SDK: js.Date.new(obj.timestamp() * 1000)
        return _model_to_js(value)
    if isinstance(value, Exception):  # the SDK: js.Error.new(str(obj))
        return JsOpaque("Error", value)
    _refuse_unsendable(value)
    return value


def rpc_args(args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    """A call's arguments through :func:`python_to_rpc` (the SDK's ``_BindingWrapper._convert_args``)."""
    return [python_to_rpc(a) for a in args], {k: python_to_rpc(v) for k, v in kwargs.items()}


#: the results :func:`python_from_rpc` hands back as they are (a float may be a whole number: an ``int``)
_AS_THEY_ARE = frozenset({str, int, bool, type(None)})


#: ``workers-runtime-sdk`` releases that changed ``_BindingWrapper`` (each read in the
#: release's wheel and workers-py's history): 1.4.1 (workers-py #128) stopped wrapping a result
#: that is a ``ReadableStream``, ``Headers`` or other body type -- in 1.3.0 and 1.4.0 every proxy
#: a call returned was wrapped, so ``Response(await env.KV.get(key, "stream"))`` was
#: ``AttributeError: 'function' object has no attribute 'name'``; 1.4.2 (#127) added ``__iter__``,
#: ``__len__`` and integer ``__getitem__`` (before, ``len()`` is Python's own refusal and
#: iterating reads ``getattr(binding, 0)``); 1.6.5 (#160) added ``__bool__`` -- from 1.4.2 until
#: then ``bool(self.env.KV)`` (``if self.env.KV:``) fell back to ``__len__`` and raised
#: ``TypeError: 'KvNamespace' object has no len()``.
PASSES_BODIES_FROM, ITERABLE_FROM, BOOL_FROM = (1, 4, 1), (1, 4, 2), (1, 6, 5)

#: the release that added ``_RpcStubWrapper`` (1.6.5, workers-py #160): from it a function (or
#: RpcTarget) a call returns comes back callable; 1.3.0 to 1.6.4's ``_convert_result`` hand it
#: back as ``self.__class__(converted)`` -- the calling wrapper's class, which has no
#: ``__call__`` (read in the 1.3.0, 1.4.0, 1.4.1, 1.5.0 and 1.5.4 tags and the 1.6.4 and 1.6.5 wheels)
RPC_STUB_WRAPPER_FROM = (1, 6, 5)


def _sdk_before(era: Any, version: tuple[int, ...]) -> bool:
    """Whether ``era`` (``None``: the running Worker's) runs an external SDK older than ``version``."""
    if era is None:
        era = getattr(current_runtime(), "era", None)
    if era is None or not era.external_sdk or era.sdk_version is None:
        return False
    return not era.sdk_at_least(version)


#: the release whose wrappers (``_BindingWrapper`` and its subclasses, ``_EnvWrapper``) got
#: ``__new__ = _idempotent_new`` (workers-py #131, 465c702)
IDEMPOTENT_FROM = (1, 5, 2)
_NO_OBJ: Any = object()


def _idempotent_new(cls: type, obj: Any = _NO_OBJ, *args: Any, **kwargs: Any) -> Any:
    """The external SDK's ``__new__`` of its wrappers from 1.5.2: ``cls(w)`` of a ``cls`` is ``w``
    itself, and ``copy.copy``/``copy.deepcopy`` of one -- which call ``cls.__new__(cls)`` -- are
    Python's ``TypeError: _idempotent_new() missing 1 required positional argument: 'obj'``
    (measured with the real 1.5.4, 1.6.3, 1.6.4 and 1.9.5 SDKs in real Pyodide 314.0.6 and 0.28.2,
    review85). Before 1.5.2 and in the built-in SDK a plain ``object.__new__``: there a copy recurses
    in ``__getattr__`` (the built-in SDK's ``RecursionError``, measured)."""
    if _idempotent_era():
        if obj is _NO_OBJ:
            raise TypeError("_idempotent_new() missing 1 required positional argument: 'obj'")
        if isinstance(obj, cls):
            return obj
    return object.__new__(cls)


def _idempotent_era() -> bool:
    """Whether the running Worker's SDK (outside Worker code: the newest) has :func:`_idempotent_new`."""
    era = getattr(current_runtime(), "era", None)
    if era is None:
        return True
    return bool(era.external_sdk) and not _sdk_before(era, IDEMPOTENT_FROM)


class _BindingWrapper(metaclass=SdkType):
    """A binding as ``self.env`` hands it out: every call converts like production. Named as the
    external SDK names it (``workers.rpc._BindingWrapper``; ``workers._workers`` before 1.6.4)."""

    __new__ = _idempotent_new  # type: ignore[assignment]

    _sdk_class = True  # named as production names it (sdknames)

    def __init__(self, binding: Any, era: Any = None):  # a JsBinding; Worker code may wrap any JS object, as with the SDK's
        if binding is self:  # (_idempotent_new handed it back)
            return
        self._binding = binding
        self._era = era  # the SDK era whose wrapper this is (None: the running Worker's)

    def _before(self, version: tuple[int, ...]) -> bool:
        return _sdk_before(self.__dict__.get("_era"), version)

    def __getattr__(self, name: str) -> Any:
        # Every release's __getattr__ (1.3.0 to 1.9.5) ends in setattr(self, name, result): a value
        # read once is kept, so self.env.AI.lastRequestId read after each of two run()s gives the
        # first call's id both times (a new self.env, the next request's, reads afresh).
        try:
            attr = getattr(self._binding, name)
        except Exception as error:  # a miss, or a binding nobody emulates: the caller's frames alone, as
            to_the_caller(error)  # production's rpc.py over Pyodide's C lookup (walk60: ours were shown)
            raise
        era = self.__dict__.get("_era")
        if not callable(attr) and not isinstance(attr, _Constructor):  # a JS constructor is a function
            binding = self._binding
            if isinstance(binding, JsBinding) and binding._hosts and _is_host_object(attr):
                # an object of yours a stub holds (its id): JS, so the SDK's _convert_result wraps
                # it in this wrapper's class (stub.id a _FetcherWrapper), as production's DurableObjectId
                value = self._nested(binding._from_binding(attr))
            else:
                value = _wrap_result(attr, era, self) if _sdk_before(era, PASSES_BODIES_FROM) else python_from_rpc(attr)
            setattr(self, name, value)
            return value

        def call(*args: Any, **kwargs: Any) -> Any:
            js_args, js_kwargs = rpc_args(args, kwargs)
            result = attr(*js_args, **js_kwargs)
            if type(result) in _AWAITABLE_TYPES or inspect.isawaitable(result):
                return _named(_convert(result, era, self), self._binding, name)
            return _wrap_result(result, era, self)

        call.__name__ = name
        setattr(self, name, call)
        return call

    def _nested(self, value: Any) -> Any:
        """The SDK's ``self.__class__(value)``: a JS object a call or read of this wrapper gives
        back, wrapped in this wrapper's own class."""
        return type(self)(value, self.__dict__.get("_era"))

    # object.__repr__ of the SDK's class (it defines none): print(self.env.DB) in the external
    # SDK's era writes <workers.rpc._BindingWrapper object at 0x...>
    __repr__ = default_repr

    # the SDK's _BindingWrapper protocol methods: errors name the JavaScript class
    @property
    def _real_name(self) -> str:
        return self._binding._js_name

    def __getitem__(self, key: Any) -> Any:
        if self._before(ITERABLE_FROM):  # getattr(binding, key) whatever the key: an int is a TypeError
            return python_from_rpc(getattr(self._binding, key))
        return python_from_rpc(self._binding[key] if isinstance(key, int) else getattr(self._binding, key))

    def _answers_every_name(self) -> bool:
        """Whether the wrapped JS object has a property of any name: workerd's ``Fetcher`` and
        Durable Object stub (``JSG_WILDCARD_PROPERTY(getRpcMethod)``, an RPC method for every
        name but ``then``), so the SDK's ``hasattr(binding, "length")`` / ``"__iter__"`` probes
        find one there."""
        return getattr(self._binding, "_js_class", None) in _FETCHER_CLASSES

    def __iter__(self) -> Any:
        if self._before(ITERABLE_FROM):  # no __iter__ yet: Python iterates __getitem__(0), (1), ...
            return self._by_index()
        return self._not_iterable()

    def _not_iterable(self) -> Any:
        """The SDK's ``__iter__``, a generator: the error comes with the first item. A binding
        that answers every name has ``__iter__`` as far as ``hasattr`` sees, and Pyodide's
        ``for item in binding`` then refuses the proxy."""
        if self._answers_every_name():
            raise TypeError("'pyodide.ffi.JsProxy' object is not iterable")
        raise TypeError(f"'{self._real_name}' object is not iterable")
        yield  # a generator, as the SDK's

    def _by_index(self) -> Any:
        index = 0
        while True:
            try:
                item = self[index]
            except IndexError:
                return
            yield item
            index += 1

    def __bool__(self) -> bool:
        if self._before(ITERABLE_FROM):  # neither __bool__ nor __len__: object's truth
            return True
        if self._before(BOOL_FROM):  # no __bool__ yet: Python falls back to __len__
            return len(self) != 0
        return self._binding is not None

    def __len__(self) -> int:
        if self._before(ITERABLE_FROM):
            raise TypeError(f"object of type '{type(self).__name__}' has no len()")
        if self._before(BOOL_FROM) and self._answers_every_name():
            # 1.4.2..1.6.4 return ``binding.length`` once hasattr finds it: an RPC method proxy
            raise TypeError("'pyodide.ffi.JsProxy' object cannot be interpreted as an integer")
        raise TypeError(f"'{self._real_name}' object has no len()")


class _RpcStubWrapper(_BindingWrapper):
    """A function or RpcTarget received over RPC, as the SDK wraps it: callable."""

    _sdk_class = True

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        js_args, js_kwargs = rpc_args(args, kwargs)
        result = self._binding(*js_args, **js_kwargs)
        era = self.__dict__.get("_era")
        return _convert(result, era, self) if inspect.isawaitable(result) else _wrap_result(result, era, self)


def _wrap_result(value: Any, era: Any = None, wrapper: _BindingWrapper | None = None) -> Any:
    """As the SDK's ``_convert_result`` in ``wrapper`` (the wrapper whose call or attribute gave
    ``value``; ``None``: a plain ``_BindingWrapper``): a JS object that stays a proxy (a D1
    statement) is wrapped again in that wrapper's class (``self.__class__``), so its methods
    convert like the binding's; in workers-runtime-sdk 1.3.0 and 1.4.0 any proxy
    ``python_from_rpc`` leaves (a KV ``"stream"`` read's ``ReadableStream``) too. A function
    returned over RPC is a callable ``_RpcStubWrapper`` from 1.6.5, and before it the calling
    wrapper's class too -- an object Python cannot call. A list's items each so."""
    if type(value) in _AS_THEY_ARE:  # what python_from_rpc hands back as it is, asked first
        return value
    if _is_instance(JsBinding, value):
        return _rewrapped(value, era, wrapper)
    if _is_instance(FunctionStub, value):  # a function the call returned
        if _sdk_before(era, RPC_STUB_WRAPPER_FROM):
            return _rewrapped(value, era, wrapper)
        return _RpcStubWrapper(value, era)
    converted = python_from_rpc(value)
    if isinstance(converted, JsProxy) and _sdk_before(era, PASSES_BODIES_FROM):
        return _rewrapped(converted, era, wrapper)
    if isinstance(converted, list) and any(isinstance(item, (JsBinding, FunctionStub)) for item in converted):
        return [_wrap_result(item, era, wrapper) if isinstance(item, (JsBinding, FunctionStub)) else item
                for item in converted]
    return converted


def _rewrapped(value: Any, era: Any, wrapper: _BindingWrapper | None) -> Any:
    """``value`` in ``wrapper``'s class (``self.__class__(value)``), a plain ``_BindingWrapper`` without one."""
    return _BindingWrapper(value, era) if wrapper is None else wrapper._nested(value)


async def _convert(pending: Awaitable[Any], era: Any = None, wrapper: _BindingWrapper | None = None) -> Any:
    return _wrap_result(await pending, era, wrapper)


def _named(coro: Any, binding: Any, method: str) -> Any:
    """``coro`` named after the call it stands for, so a forgotten ``await`` reads "coroutine
    'env.VECTORIZE.upsert' was never awaited" (the SDK's own coroutine names an inner helper)."""
    coro.__qualname__ = f"env.{getattr(binding, '_name', None) or type(binding).__name__}.{method}"
    return coro


class _EnvWrapper(metaclass=SdkClass):
    """``self.env``: attribute access only; bindings wrapped, vars as JavaScript gives them."""

    _sdk_class = True  # named as production names it (sdknames)

    def __new__(cls, env: Any = _NO_OBJ) -> _EnvWrapper:
        """From workers-runtime-sdk 1.5.2 ``_idempotent_new`` (``type(self.env)(self.env)`` is
        ``self.env``, a copy its ``TypeError``); before and in the built-in SDK a new wrapper
        every time, of a wrapper too (see :meth:`__getattr__`)."""
        if _idempotent_era():  # the external SDK's from 1.5.2 (a copy its TypeError)
            return _idempotent_new(cls, env)  # type: ignore[no-any-return]
        return super().__new__(cls)

    def __init__(self, env: Any):
        if env is self:
            return
        self._env = env

    def __repr__(self) -> str:
        # object.__repr__, with the module production defines the class in: print(self.env) in a
        # Worker writes <workers._workers._EnvWrapper object at 0x...> (workers.rpc from
        # workers-runtime-sdk 1.6.4), as it does deployed
        return f"<{sdk_module('_EnvWrapper', self._sdk_era())}._EnvWrapper object at {hex(id(self))}>"

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and "_env" in self.__dict__:
            # (but an instance copy.copy made bare, no _env yet: the name is looked up on _env,
            # which recurses -- the SDKs' own RecursionError, whose __getattr__ has no such guard)
            raise AttributeError(name)
        value = getattr(self._env, name)
        if isinstance(self._env, _EnvWrapper):  # type(self.env)(self.env) before 1.5.2: a wrapper's wrapper
            value = _wrapped_again(value)
        elif isinstance(value, JsBinding) and value._js_class in _OWN_WRAPPERS:
            # both SDKs' _EnvWrapper hand Fetchers, Durable Object namespaces and Workflows out through
            # wrappers of their own, per era; a late import: sdkwrappers builds on this module
            from workers_env.runtime.sdkwrappers import sdk_wrapper

            value = sdk_wrapper(name, value, self._sdk_era())
        elif isinstance(value, JsBinding) and value._sdk_wraps:
            value = _BindingWrapper(value, self._sdk_era())
        setattr(self, name, value)
        return value

    def _sdk_era(self) -> Any:
        """The era of the env this wraps (a ``JsEnv``'s), else of the running Worker; ``None``
        when neither says (the newest SDK)."""
        era = self._env.__dict__.get("_era") if isinstance(self._env, JsEnv) else None
        if era is None:
            era = getattr(current_runtime(), "era", None)
        return era


#: the JavaScript classes both SDKs' ``_EnvWrapper`` hand out through wrappers of their own
_OWN_WRAPPERS = frozenset({"Fetcher", "DurableObjectNamespace", "WorkflowImpl"})


def _wrapped_again(value: Any) -> Any:
    """What the SDK's ``_EnvWrapper._getattr_helper`` makes of ``value``, read through the
    ``_EnvWrapper`` it wraps (``type(self.env)(self.env)`` in the built-in SDK and before
    workers-runtime-sdk 1.5.2, where that is a new wrapper): it asks ``value.constructor.name``
    (``_is_js_instance``) -- a binding's wrapper (``_BindingWrapper``, ``_FetcherWrapper``) hands
    its ``constructor`` out as a wrapped method, a Python function, so that is ``AttributeError:
    'function' object has no attribute 'name'``; a Durable Object namespace's or Workflow's wrapper
    passes it through, so it is wrapped again; anything else (a var, a binding handed out as
    JavaScript gives it) comes back as it is. Measured with the real 1.5.1 and built-in SDKs in
    real Pyodide 314.0.6 and 0.26.0a4 (tools/pyodide/sdk_env_rewrap_probe.mjs)."""
    if not hasattr(value, "constructor"):
        return value
    js_name = value.constructor.name
    if js_name in ("DurableObjectNamespace", "WorkflowImpl") and not isinstance(value, JsBinding):
        return type(value)(value)
    return value


def env_wrapper(env: Any) -> _EnvWrapper:
    """``self.env`` of ``env``: workers-env wraps where both SDKs do and where they wrapped already
    (a Worker's subclass's ``__init__`` and ``WorkerEntrypoint.__init__`` both see ``env``), so an
    ``env`` already wrapped is itself."""
    return env if isinstance(env, _EnvWrapper) else _EnvWrapper(env)


EnvWrapper = _EnvWrapper
