"""Cloudflare's JSON Schema validator, cabidela, ported line by line from its TypeScript
(cloudflare/cabidela ``src/index.ts`` and ``src/helpers.ts`` at d17218f, v0.2.4).

Why a port: the Workers AI service checks ``run()`` inputs with cabidela -- workerd's ai.d.ts
names it as the schemas' validator, and the 5006 texts users quote from the service are its
texts -- and its rules are its own: the first error thrown ends a branch, a ``oneOf`` branch's
complaints are collected and printed only if the validation fails, a list of only strings
and numbers (``binary``) is not checked item by item, ``maxItems`` is not checked at all. Only
what the model schemas use is ported (no ``$ref``/``$merge``, no defaults).

JavaScript semantics kept: ``undefined`` apart from ``null``; property lookup on any value
(``"abc"["text"]`` is undefined, ``["a"]["0"]`` is ``"a"``); truthiness in path resolution;
``null == undefined`` in the ``binary`` test; one shared error set per validation.
"""

# This module is a Python port, with changes (only what the model schemas use; Python's
# values for JavaScript's), of cabidela 0.2.4 (https://github.com/cloudflare/cabidela):
#
# Copyright (c) 2023 Cloudflare, Inc.
# Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file
# except in compliance with the License. You may obtain a copy of the License at
# http://www.apache.org/licenses/LICENSE-2.0
# Unless required by applicable law or agreed to in writing, software distributed under the
# License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND,
# either express or implied. See the License for the specific language governing permissions
# and limitations under the License.

from __future__ import annotations

import math
import re
from typing import Any

from workers_env._jscoercions import js_truthy
from workers_env._jsvalues import UNDEFINED, js_string

__all__ = ["Cabidela", "CabidelaError", "validate"]


class CabidelaError(Exception):
    """What cabidela throws: its message is the service's 5006 description."""


def _get(obj: Any, key: Any) -> Any:
    """``obj[key]`` in JavaScript, for JSON values."""
    if isinstance(obj, dict):
        return obj.get(str(key), UNDEFINED)
    if isinstance(obj, (list, str)):
        text = str(key)
        if text.isdigit() and int(text) < len(obj):
            return obj[int(text)]
        if text == "length":
            return len(obj)
    return UNDEFINED


def resolve_payload(path: list[Any], obj: Any) -> Any:
    value = obj
    for key in path:
        value = _get(value, key) if js_truthy(value) else UNDEFINED
    return value


def path_to_string(path: list[Any]) -> str:
    return "/" if not path else "".join(f"/{p}" for p in path)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


_PLAIN_ATOMS = {str, int, float}


def get_metadata(value: Any) -> tuple[list[str], int, list[str]]:
    """(types, size, properties) as getMetaData gives them (types in insertion order)."""
    if value is None:
        return ["null"], 0, []
    if isinstance(value, str):
        return ["string"], len(value), []
    if _is_number(value):
        types = ["number"]
        if math.isfinite(value) and float(value).is_integer():
            types.append("integer")
        return types, 1, []
    if isinstance(value, bool):
        return ["boolean"], 1, []
    if isinstance(value, list):
        if set(map(type, value)) <= _PLAIN_ATOMS:  # the common case in one C-level pass
            binary = True
        else:
            found = next((item for item in value if not _is_number(item) and not isinstance(item, str)), UNDEFINED)
            binary = found is UNDEFINED or found is None  # `find(...) == undefined`: null counts too
        return (["array", "binary"] if binary else ["array"]), len(value), []
    if isinstance(value, dict):
        return ["object"], len(value), list(value)
    return [], 0, []  # undefined


class Needle:
    """Where the walk is: cabidela's ``SchemaNavigation`` (``evaluated`` and ``errors`` are
    shared by every needle of one validation, as the TypeScript's spreads share them)."""

    __slots__ = ("absorb", "carry", "errors", "evaluated", "path", "payload", "schema")

    def __init__(self, path, schema, payload, evaluated, errors, carry=False, absorb=False):
        self.path, self.schema, self.payload = path, schema, payload
        self.evaluated, self.errors, self.carry, self.absorb = evaluated, errors, carry, absorb

    def but(self, **changes: Any) -> Needle:
        new = Needle(self.path, self.schema, self.payload, self.evaluated, self.errors, self.carry, self.absorb)
        for name, value in changes.items():  # (faster than a dict of every slot, read by name)
            setattr(new, name, value)
        return new


def _same(a: Any, b: Any) -> bool:
    """JavaScript ``===`` (and ``includes``) on JSON values: numbers by value, not booleans."""
    if _is_number(a) and _is_number(b):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (dict, list)) or isinstance(b, (dict, list)):
        return a is b
    return type(a) is type(b) and a == b


def _has(schema: Any, key: str) -> bool:
    return isinstance(schema, dict) and key in schema


class Cabidela:
    def __init__(self, schema: dict[str, Any]):
        self.schema = schema

    def throw(self, message: str, needle: Needle) -> None:
        if needle.absorb is not True and needle.errors:
            message = f"{message}: {', '.join(needle.errors)}"
        raise CabidelaError(message)

    def parse_additional(self, needle: Needle, additional: Any, evaluated: set[str]) -> int:
        resolved = resolve_payload(needle.path, needle.payload)
        _, _, properties = get_metadata(resolved)
        unevaluated = [path_to_string([*needle.path, p]) for p in properties]
        unevaluated = [p for p in dict.fromkeys(unevaluated) if p not in evaluated]
        count = 0
        if additional is False:
            if unevaluated:
                self.throw(f"Additional or unevaluated properties '{', '.join(unevaluated)}' at "
                           f"'{path_to_string(needle.path)}' not allowed", needle.but(schema=additional, payload=resolved))
        else:
            for prop in unevaluated:
                if self.parse_sub(Needle([prop.split("/")[-1]], additional, resolved, set(), {})):
                    count += 1
                    needle.evaluated.add(path_to_string([prop]))
        return count

    def parse_object(self, needle: Needle) -> bool:
        schema = needle.schema
        local: set[str] = set()
        matches = 0
        for prop in schema.get("properties") or {}:
            if self.parse_sub(needle.but(path=[*needle.path, prop], schema=schema["properties"][prop])) > 0:
                local.add(path_to_string([*needle.path, prop]))
                matches += 1
        if "additionalProperties" in schema:
            matches += self.parse_additional(needle, schema["additionalProperties"], local)
        if "unevaluatedProperties" in schema:
            needle.evaluated |= local
            matches += self.parse_additional(needle, schema["unevaluatedProperties"], needle.evaluated)
        if "required" in schema:
            wanted = {path_to_string([*needle.path, r]) for r in schema["required"]}
            if wanted - (needle.evaluated | local):
                self.throw(f"required properties at '{path_to_string(needle.path)}' are "
                           f"'{','.join(schema['required'])}'", needle)
        return matches > 0

    def parse_list(self, options: list[Any], needle: Needle, stop) -> int:
        rounds = 0
        for option in options:
            branch = {"type": needle.schema.get("type", UNDEFINED), **option}  # `{type: schema.type, ...option}`
            try:
                rounds += self.parse_sub(needle.but(schema=branch, carry=False, absorb=True))
                if stop(rounds):
                    break
            except CabidelaError as exc:
                needle.errors[str(exc)] = None
        return rounds

    def parse_sub(self, needle: Needle) -> int:
        schema = needle.schema
        if schema is None or schema is UNDEFINED:
            self.throw(f"No schema for path '{path_to_string(needle.path)}'", needle)
        if schema is True:
            schema = needle.schema = {}
        if _has(schema, "not"):
            passed = False
            try:
                self.parse_sub(needle.but(schema=schema["not"]))
            except CabidelaError:
                passed = True
            if not passed:
                self.throw(f"not at '{path_to_string(needle.path)}' not met", needle)
        if _has(schema, "oneOf"):
            rounds = self.parse_list(schema["oneOf"], needle, lambda r: r != 1)
            if rounds != 1:
                if not needle.path:
                    self.throw(f"oneOf at '{path_to_string(needle.path)}' not met, {rounds} matches", needle)
                return 0
            return 1
        if _has(schema, "anyOf"):
            if self.parse_list(schema["anyOf"], needle, lambda r: r != 0) == 0:
                if not needle.path:
                    self.throw(f"anyOf at '{path_to_string(needle.path)}' not met", needle)
                return 0
            return 1
        if _has(schema, "allOf"):
            merged: dict[str, Any] = {}
            for part in schema["allOf"]:
                merged.update(part)
            try:
                self.parse_sub(needle.but(schema={"type": schema.get("type", UNDEFINED), **merged}, carry=True))
            except CabidelaError as exc:
                if not needle.path:
                    raise
                needle.errors[str(exc)] = None
                return 0
        resolved = resolve_payload(needle.path, needle.payload)
        types, size, _ = get_metadata(resolved)
        kind = schema.get("type", UNDEFINED)
        untyped = kind is UNDEFINED or kind is None  # `schema.type == undefined`
        if kind == "array" and "binary" not in types and "string" not in types:
            matched = 0
            items = list(range(len(resolved))) if isinstance(resolved, (list, str)) else \
                list(resolved) if isinstance(resolved, dict) else []
            for item in items:
                matched += self.parse_sub(needle.but(path=[*needle.path, str(item)], schema=schema.get("items", UNDEFINED)))
            return matched
        if kind == "object" or js_truthy(schema.get("properties", UNDEFINED)):
            return 1 if self.parse_object(needle) else 0
        if resolved is not UNDEFINED:
            if "const" in schema:
                if not _same(resolved, schema["const"]):
                    self.throw(f"const {js_string(resolved)} doesn't match {js_string(schema['const'])} at "
                               f"'{path_to_string(needle.path)}'", needle)
                elif untyped:
                    return 1
            if "enum" in schema:
                if isinstance(schema["enum"], list):
                    if not any(_same(v, resolved) for v in schema["enum"]):
                        self.throw(f"enum {js_string(resolved)} not in {js_string(schema['enum'])} at "
                                   f"'{path_to_string(needle.path)}'", needle)
                    elif untyped:
                        return 1
                else:
                    self.throw(f"enum should be an array at '{path_to_string(needle.path)}'", needle)
            if "type" in schema and kind not in types:
                listed = ",".join(f"'{t}'" for t in types)
                self.throw(f"Type mismatch of '{path_to_string(needle.path)}', '{js_string(kind)}' not in {listed}", needle)
            where = path_to_string(needle.path)
            if kind == "string":
                if "maxLength" in schema and size > schema["maxLength"]:
                    self.throw(f"Length of '{where}' must be <= {js_string(schema['maxLength'])}", needle)
                if "minLength" in schema and size < schema["minLength"]:
                    self.throw(f"Length of '{where}' must be >= {js_string(schema['minLength'])} not met", needle)
            elif kind in ("number", "integer"):
                if "minimum" in schema and resolved < schema["minimum"]:
                    self.throw(f"'{where}' must be >= {js_string(schema['minimum'])}", needle)
                if "exclusiveMinimum" in schema and resolved <= schema["exclusiveMinimum"]:
                    self.throw(f"'{where}' must be > {js_string(schema['exclusiveMinimum'])}", needle)
                if "maximum" in schema and resolved > schema["maximum"]:
                    self.throw(f"'{where}' must be <= {js_string(schema['maximum'])}", needle)
                if "exclusiveMaximum" in schema and resolved >= schema["exclusiveMaximum"]:
                    self.throw(f"'{where}' must be < {js_string(schema['exclusiveMaximum'])}", needle)
                if "multipleOf" in schema and math.fmod(resolved, schema["multipleOf"]) != 0:
                    self.throw(f"'{where}' must be multiple of {js_string(schema['multipleOf'])}", needle)
            if "pattern" in schema:
                try:
                    passes = re.search(schema["pattern"], js_string(resolved)) is not None
                except re.error:
                    passes = False
                if not passes:
                    self.throw(f"'{where}' failed test {schema['pattern']} patttern", needle)
            if needle.carry:
                needle.evaluated.add(path_to_string(needle.path))
            return 1
        return 0

    def validate(self, payload: Any) -> None:
        """Raise :class:`CabidelaError` with cabidela's message, or return."""
        self.parse_sub(Needle([], self.schema, payload, set(), {}))


def validate(schema: dict[str, Any], payload: Any) -> str | None:
    """cabidela's message for ``payload`` against ``schema``, or ``None`` if it passes."""
    try:
        Cabidela(schema).validate(payload)
    except CabidelaError as exc:
        return str(exc)
    return None
