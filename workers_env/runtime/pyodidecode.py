"""``pyodide.code``: running Python source (``eval_code``, ``CodeRunner``, ...) and ``run_js``.

Everything but ``run_js`` is pure Python in Pyodide (``_pyodide/_base.py`` and
``pyodide/code.py``, Mozilla Public License 2.0) and is ported here as Pyodide 0.28.2 has it;
the Worker's Pyodide decides what differs: 0.26's ``find_imports`` lists top-level packages
only, and its ``eval_code``/``eval_code_async``/``CodeRunner`` take no ``dont_inherit`` or
``optimize``.

``run_js(code)`` is ``js.eval(code)``. workerd refuses ``eval`` while handling a request
(``EvalError: Code generation from strings disallowed for this context``, src/workerd/io/
worker.c++: only startup may generate code, from 2025-06-01 or with
``allow_eval_during_startup``), and that refusal is what a request's ``run_js`` gets here.
Where production would evaluate the JavaScript (a Worker's top level, from 2025-06-01)
workers-env has no JavaScript engine: ``NotEmulatedError``.
"""

# No ``from __future__ import annotations`` here: ``compile()`` (``dont_inherit=False``, Pyodide's
# default) takes the future flags of the module calling it, and Pyodide's ``_base.py`` has none, so
# ``eval_code("x: int = 1")`` keeps ``int`` itself in ``__annotations__``, not the string ``'int'``.

# This file ports Pyodide's ``_pyodide/_base.py`` and ``pyodide/code.py`` (0.28.2,
# https://github.com/pyodide/pyodide), Copyright (c) Pyodide contributors and Mozilla, and is,
# as they are, subject to the terms of the Mozilla Public License, v. 2.0. If a copy of the MPL
# was not distributed with this file, You can obtain one at https://mozilla.org/MPL/2.0/.

import ast
import builtins
import linecache
import tokenize
from collections.abc import Callable, Generator
from copy import deepcopy
from functools import lru_cache, wraps
from inspect import Parameter, Signature, signature
from io import StringIO
from textwrap import dedent
from types import CodeType
from typing import Any, Literal, ParamSpec, TypeVar

from workers_env._errors import JsException, NotEmulatedError
from workers_env.runtime.current import current_context, current_runtime, pyodide_028

__all__ = ["CodeRunner", "eval_code", "eval_code_async", "find_imports", "js_eval", "relaxed_call", "relaxed_wrap",
           "run_js", "should_quiet"]

#: workerd's message when JavaScript code generates code from a string outside startup
EVAL_REFUSED = "Code generation from strings disallowed for this context"


def should_quiet(source: str, /) -> bool:
    """``True`` if the last non-whitespace token of ``source`` is a semicolon (a comment is not)."""
    tokens = list(tokenize.generate_tokens(StringIO(source).readline))
    for token in reversed(tokens):
        if token.type in (tokenize.ENDMARKER, tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT):
            continue
        return token.type == tokenize.OP and token.string == ";"
    return False


def _last_assign_to_expr(mod: ast.Module) -> None:
    """``return_mode="last_expr_or_assign"``: a last assignment's target becomes the last expression."""
    if not mod.body:
        return
    last_node = mod.body[-1]
    target: ast.expr
    if isinstance(last_node, ast.Assign):
        target = last_node.targets[0]  # ``a = b = 1``: the first
    elif isinstance(last_node, ast.AugAssign | ast.AnnAssign):
        target = last_node.target
    else:
        return
    if isinstance(target, ast.Name):
        mod.body.append(ast.Expr(ast.Name(target.id, ast.Load())))
        ast.fix_missing_locations(mod)


class EvalCodeResultException(Exception):
    """Raised by the compiled code to hand back its last expression's value (Pyodide's own)."""

    def __init__(self, v: Any) -> None:
        super().__init__(v)
        self.value = v


EvalCodeResultException.__module__ = "_pyodide._base"

def _install_result_exception() -> None:
    """Pyodide puts this in builtins at its start (in a list, so CPython's own tests of the
    builtin exceptions do not see it), for the compiled code's ``raise``; here at first use.
    (A module-level function: in a class body the name would be mangled.)"""
    builtins.___EvalCodeResultException = [EvalCodeResultException]  # type: ignore[attr-defined]


_raise_template_ast = ast.parse("raise ___EvalCodeResultException[0](x)").body[0]


def _last_expr_to_raise(mod: ast.Module) -> None:
    if not mod.body:
        return
    last_node = mod.body[-1]
    if not isinstance(last_node, ast.Expr | ast.Await):
        return
    raise_expr = deepcopy(_raise_template_ast)
    raise_expr.exc.args[0] = last_node.value  # type: ignore[attr-defined]
    mod.body[-1] = raise_expr


def _parse_and_compile_gen(source: str, *, return_mode: str = "last_expr", quiet_trailing_semicolon: bool = True,
                           mode: str = "exec", filename: str = "<exec>", flags: int = 0x0, dont_inherit: bool = False,
                           optimize: int = -1) -> Generator[ast.Module, ast.Module, CodeType]:
    """Parse ``source``, yield the AST (for the caller to transform), compile it and return the code."""
    source = dedent(source)  # mis-indented input from multi-line strings
    mod = compile(source, filename, mode, flags | ast.PyCF_ONLY_AST)
    mod = yield mod
    if quiet_trailing_semicolon and should_quiet(source):
        return_mode = "none"
    if return_mode == "last_expr_or_assign":
        _last_assign_to_expr(mod)
    if return_mode.startswith("last_expr"):
        _last_expr_to_raise(mod)
    ast.fix_missing_locations(mod)
    return compile(mod, filename, mode, flags, dont_inherit, optimize)


ReturnMode = Literal["last_expr", "last_expr_or_assign", "none"]

#: the default of ``dont_inherit``/``optimize`` (Pyodide 0.26.0a2 has neither parameter)
_UNSET: Any = type("_Unset", (), {"__repr__": lambda self: "<default>"})()


def _compile_options(caller: str, dont_inherit: Any, optimize: Any) -> tuple[bool, int]:
    """``dont_inherit`` and ``optimize`` as compiled; on Pyodide 0.26 passing either is the
    ``TypeError`` its functions, which lack them, raise."""
    if not pyodide_028():
        for name, value in (("dont_inherit", dont_inherit), ("optimize", optimize)):
            if value is not _UNSET:
                raise TypeError(f"{caller}() got an unexpected keyword argument {name!r}")
    return (False if dont_inherit is _UNSET else dont_inherit), (-1 if optimize is _UNSET else optimize)


class CodeRunner:
    """Fine control over running a code block (Pyodide's ``CodeRunner``): parse at construction
    (``ast`` may be transformed), :meth:`compile` (``code`` may be replaced), then :meth:`run`
    or :meth:`run_async`; the last expression's value is returned per ``return_mode``."""

    ast: ast.Module
    code: CodeType | None

    def __init__(self, source: str, *, return_mode: ReturnMode = "last_expr", mode: str = "exec",
                 quiet_trailing_semicolon: bool = True, filename: str = "<exec>", flags: int = 0x0,
                 dont_inherit: bool = _UNSET, optimize: int = _UNSET):
        dont_inherit, optimize = _compile_options("CodeRunner.__init__", dont_inherit, optimize)
        _install_result_exception()
        self._compiled = False
        self._source = source
        self._gen = _parse_and_compile_gen(source, return_mode=return_mode, mode=mode,
                                           quiet_trailing_semicolon=quiet_trailing_semicolon, filename=filename,
                                           flags=flags, dont_inherit=dont_inherit, optimize=optimize)
        self.ast = next(self._gen)

    def compile(self) -> "CodeRunner":
        """Compile ``self.ast`` into ``self.code``; once only. Returns ``self``."""
        if self._compiled:
            raise RuntimeError("Already compiled")
        self._compiled = True
        try:
            self._gen.send(self.ast)
        except StopIteration as e:
            self.code = e.value
        else:
            raise AssertionError()
        return self

    def _set_linecache(self) -> None:
        assert self.code
        filename = self.code.co_filename
        if filename.startswith("<") and filename.endswith(">"):
            return
        source = self._source
        linecache.cache[filename] = [lambda: source]  # type: ignore[assignment]  # as Pyodide does

    def _evaluate(self, globals: dict[str, Any] | None, locals: dict[str, Any] | None) -> Any:
        """``self.code`` evaluated in ``globals`` (a new namespace by default) and ``locals`` (the
        globals by default): the coroutine of code that awaits at top level, else ``None``."""
        if globals is None:
            globals = {}
        if locals is None:
            locals = globals
        if not self._compiled:
            raise RuntimeError("Not yet compiled")
        if self.code is None:
            return None
        self._set_linecache()
        return eval(self.code, globals, locals)  # noqa: S307 - what eval_code is for

    def run(self, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None) -> Any:
        """Run ``self.code`` (no top-level ``await``: :meth:`run_async`)."""
        try:
            if self._evaluate(globals, locals):
                raise RuntimeError("Used eval_code with TOP_LEVEL_AWAIT. Use run_async for this instead.")
        except EvalCodeResultException as e:
            return e.value
        return None

    async def run_async(self, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None) -> Any:
        """Run ``self.code``, awaiting it when it uses top-level ``await``."""
        try:
            coroutine = self._evaluate(globals, locals)
            if coroutine:
                await coroutine
        except EvalCodeResultException as e:
            return e.value
        return None


def eval_code(source: str, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None, *,
              return_mode: ReturnMode = "last_expr", quiet_trailing_semicolon: bool = True, filename: str = "<exec>",
              flags: int = 0x0, dont_inherit: bool = _UNSET, optimize: int = _UNSET) -> Any:
    """Run a string as Python source code; returns its last expression's value (``return_mode``)."""
    dont_inherit, optimize = _compile_options("eval_code", dont_inherit, optimize)
    return CodeRunner(source, return_mode=return_mode, quiet_trailing_semicolon=quiet_trailing_semicolon,
                      filename=filename, flags=flags, dont_inherit=dont_inherit if pyodide_028() else _UNSET,
                      optimize=optimize if pyodide_028() else _UNSET).compile().run(globals, locals)


async def eval_code_async(source: str, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None,
                          *, return_mode: ReturnMode = "last_expr", quiet_trailing_semicolon: bool = True,
                          filename: str = "<exec>", flags: int = 0x0, dont_inherit: bool = _UNSET,
                          optimize: int = _UNSET) -> Any:
    """Run a string of Python source that may use top-level ``await``."""
    dont_inherit, optimize = _compile_options("eval_code_async", dont_inherit, optimize)
    flags = flags or ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    runner = CodeRunner(source, return_mode=return_mode, quiet_trailing_semicolon=quiet_trailing_semicolon,
                        filename=filename, flags=flags, dont_inherit=dont_inherit if pyodide_028() else _UNSET,
                        optimize=optimize if pyodide_028() else _UNSET)
    return await runner.compile().run_async(globals, locals)


def _add_prefixes(s: set[str], mod: str) -> None:
    [current, *rest] = mod.split(".")
    s.add(current)
    for part in rest:
        current += f".{part}"
        s.add(current)


def find_imports(source: str) -> list[str]:
    """The module names ``source`` imports, sorted (``[]`` if it is no valid Python). Pyodide
    0.28 lists ``package.module`` and ``package``; 0.26 the top-level package only."""
    source = dedent(source)
    try:
        mod = ast.parse(source)
    except SyntaxError:
        return []
    prefixes = pyodide_028()
    imports: set[str] = set()
    names: list[str] = []
    for node in ast.walk(mod):
        if isinstance(node, ast.Import):
            names += [name.name for name in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            names.append(node.module)
    for name in names:
        if prefixes:
            _add_prefixes(imports, name)
        else:
            imports.add(name.split(".")[0])
    return sorted(imports)


def js_eval(code: Any = None, *_: Any) -> Any:
    """The global ``eval`` (``js.eval``): a non-string comes back as it is, as JavaScript's does;
    a string is workerd's ``EvalError`` while handling a request (or at the top level before
    2025-06-01), else ``NotEmulatedError`` -- no JavaScript engine here."""
    if not isinstance(code, str):
        return code
    runtime = current_runtime()
    startup = runtime is not None and current_context() is None
    if runtime is not None and not (startup and getattr(runtime, "eval_during_startup", True)):
        raise JsException(EVAL_REFUSED, name="EvalError")
    raise NotEmulatedError(
        "JavaScript's eval (pyodide.code.run_js(), js.eval()) is not emulated by workers-env: there is no "
        f"JavaScript engine to evaluate {code[:60]!r}{'...' if len(code) > 60 else ''} (production evaluates it only "
        "at a Worker's top level, from compatibility date 2025-06-01; while handling a request workerd refuses it "
        "with EvalError). Use the `js` module's objects from Python instead (`from js import JSON, Object`)")


def run_js(code: str, /) -> Any:
    """``js.eval(code)`` after a type check: workerd's ``EvalError`` while handling a request
    (as deployed); ``NotEmulatedError`` where production would evaluate it (module docstring)."""
    if not isinstance(code, str):
        raise TypeError(f"argument should have type 'string' not type '{type(code).__name__}'")
    return js_eval(code)


def _relaxed_call_sig(func: Callable[..., Any]) -> Signature | None:
    try:
        sig = signature(func)
    except (TypeError, ValueError):
        return None
    new_params = list(sig.parameters.values())
    idx: int | None = -1
    for idx, param in enumerate(new_params):
        if param.kind in (Parameter.KEYWORD_ONLY, Parameter.VAR_KEYWORD):
            break
        if param.kind == Parameter.VAR_POSITIONAL:
            idx = None
            break
    else:
        idx += 1  # type: ignore[operator]
    if idx is not None:
        new_params.insert(idx, Parameter("__var_positional", Parameter.VAR_POSITIONAL))
    for param in new_params:
        if param.kind == Parameter.VAR_KEYWORD:
            break
    else:
        new_params.append(Parameter("__var_keyword", Parameter.VAR_KEYWORD))
    return sig.replace(parameters=new_params)


@lru_cache
def _relaxed_call_sig_cached(func: Callable[..., Any]) -> Signature | None:
    return _relaxed_call_sig(func)


def _do_call(func: Callable[..., Any], sig: Signature, args: Any, kwargs: dict[str, Any]) -> Any:
    bound = sig.bind(*args, **kwargs)
    bound.arguments.pop("__var_positional", None)
    bound.arguments.pop("__var_keyword", None)
    return func(*bound.args, **bound.kwargs)


Param = ParamSpec("Param")
RetType = TypeVar("RetType")


def relaxed_wrap(func: Callable[Param, RetType]) -> Callable[..., RetType]:
    """A function like ``func`` that discards extra positional and keyword arguments."""
    sig = _relaxed_call_sig(func)
    if sig is None:
        raise TypeError("Cannot wrap function")
    sig2 = sig

    @wraps(func)
    def wrapper(*args: Param.args, **kwargs: Param.kwargs) -> RetType:
        return _do_call(func, sig2, args, kwargs)  # type: ignore[no-any-return]

    return wrapper


def relaxed_call(func: Callable[..., RetType], *args: Any, **kwargs: Any) -> RetType:
    """Call ``func``, discarding the extra positional and keyword arguments it does not take."""
    sig = _relaxed_call_sig_cached(func)
    if sig is None:
        return func(*args, **kwargs)
    return _do_call(func, sig, args, kwargs)  # type: ignore[no-any-return]


_BASE_NAMES: tuple[Any, ...] = (should_quiet, CodeRunner, eval_code, eval_code_async, find_imports)
_CODE_NAMES: tuple[Any, ...] = (run_js, relaxed_wrap, relaxed_call)
for _base_name in _BASE_NAMES:  # where Pyodide defines each
    _base_name.__module__ = "_pyodide._base"
for _code_name in _CODE_NAMES:
    _code_name.__module__ = "pyodide.code"
