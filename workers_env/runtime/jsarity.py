"""The ``length`` of the JavaScript functions Worker code reads on ``js``: how many parameters
each declares, which Pyodide reads off the JS function (``js.Math.max.length`` is 2).

V8's built-ins have the ECMAScript ``length`` (``JSON.stringify`` 3, ``Date`` 7, a typed array's
constructor 3); workerd's own functions and classes, made by jsg, 0 whatever they take
(``fetch``, ``Response``, ``Response.json``, ``crypto.getRandomValues``, ``atob``) -- but for the
timers (``setTimeout`` 2, ``clearTimeout`` 1). Every value was measured under ``wrangler dev``
4.164.0 for each function workers-env has on ``js``; Node (where the Pyodide differential runs)
has its own ``fetch`` (``length`` 1), so the differential compares V8's built-ins only.

An array's methods (``arr.push``, ``arr.join``) have the ``length`` ECMAScript gives
``Array.prototype``'s, the same in every V8 (Node 24 and workerd alike).
"""

from __future__ import annotations

__all__ = ["ARRAY_METHOD_LENGTHS", "function_length"]

#: ``length`` of each function whose length is not 0, by its path on ``js`` (workerd, wrangler
#: dev 4.164.0); every other function workers-env has there measured 0
_LENGTHS = {
    "AggregateError": 2, "Array": 1, "Array.from": 1, "Array.isArray": 1, "ArrayBuffer": 1, "ArrayBuffer.isView": 1, "BigInt": 1,
    "BigInt64Array": 3, "BigInt64Array.from": 1, "BigUint64Array": 3, "BigUint64Array.from": 1, "Boolean": 1,
    "DataView": 1, "Date": 7, "Date.UTC": 7, "Date.parse": 1, "Error": 1, "EvalError": 1, "Float32Array": 3,
    "Float32Array.from": 1, "Float64Array": 3, "Float64Array.from": 1, "Int16Array": 3, "Int16Array.from": 1,
    "Int32Array": 3, "Int32Array.from": 1, "Int8Array": 3, "Int8Array.from": 1, "JSON.parse": 2, "JSON.stringify": 3,
    "Math.abs": 1, "Math.acos": 1, "Math.acosh": 1, "Math.asin": 1, "Math.asinh": 1, "Math.atan": 1, "Math.atan2": 2,
    "Math.atanh": 1, "Math.cbrt": 1, "Math.ceil": 1, "Math.clz32": 1, "Math.cos": 1, "Math.cosh": 1, "Math.exp": 1,
    "Math.expm1": 1, "Math.floor": 1, "Math.fround": 1, "Math.hypot": 2, "Math.imul": 2, "Math.log": 1,
    "Math.log10": 1, "Math.log1p": 1, "Math.log2": 1, "Math.max": 2, "Math.min": 2, "Math.pow": 2, "Math.round": 1,
    "Math.sign": 1, "Math.sin": 1, "Math.sinh": 1, "Math.sqrt": 1, "Math.tan": 1, "Math.tanh": 1, "Math.trunc": 1,
    "Number": 1, "Number.isFinite": 1, "Number.isInteger": 1, "Number.isNaN": 1, "Number.isSafeInteger": 1,
    "Number.parseFloat": 1, "Number.parseInt": 2, "Object": 1, "Object.assign": 2, "Object.entries": 1,
    "Object.fromEntries": 1, "Object.keys": 1, "Object.values": 1, "Promise": 1, "Promise.all": 1,
    "Promise.allSettled": 1, "Promise.any": 1, "Promise.race": 1, "Promise.reject": 1, "Promise.resolve": 1,
    "RangeError": 1, "ReferenceError": 1, "String": 1, "String.fromCharCode": 1, "String.fromCodePoint": 1,
    "String.raw": 1, "Symbol.for": 1, "Symbol.keyFor": 1, "SyntaxError": 1, "TypeError": 1, "URIError": 1,
    "Uint16Array": 3, "Uint16Array.from": 1, "Uint32Array": 3, "Uint32Array.from": 1, "Uint8Array": 3,
    "Uint8Array.from": 1, "Uint8ClampedArray": 3, "Uint8ClampedArray.from": 1, "clearInterval": 1, "clearTimeout": 1,
    "console.context": 1, "decodeURI": 1, "decodeURIComponent": 1, "encodeURI": 1, "encodeURIComponent": 1, "escape": 1,
    "eval": 1,
    "isFinite": 1, "isNaN": 1, "parseFloat": 1, "parseInt": 2, "setInterval": 2, "setTimeout": 2, "unescape": 1,
}


def function_length(path: str) -> int:
    """The ``length`` of the JS function at ``path`` on ``js`` (``"Math.max"``, ``"fetch"``)."""
    return _LENGTHS.get(path, 0)


#: ``length`` of each ``Array.prototype`` method (ECMAScript's; read off V8 under Node 24.19, the
#: same in workerd): what ``arr.push.length`` reads in Pyodide; ``name`` is the key
ARRAY_METHOD_LENGTHS = {
    "at": 1, "concat": 1, "copyWithin": 2, "entries": 0, "every": 1, "fill": 1, "filter": 1, "find": 1,
    "findIndex": 1, "findLast": 1, "findLastIndex": 1, "flat": 0, "flatMap": 1, "forEach": 1, "includes": 1,
    "indexOf": 1, "join": 1, "keys": 0, "lastIndexOf": 1, "map": 1, "pop": 0, "push": 1, "reduce": 1,
    "reduceRight": 1, "reverse": 0, "shift": 0, "slice": 2, "some": 1, "sort": 1, "splice": 2,
    "toLocaleString": 0, "toReversed": 0, "toSorted": 1, "toSpliced": 2, "toString": 0, "unshift": 1,
    "values": 0, "with": 2,
}
