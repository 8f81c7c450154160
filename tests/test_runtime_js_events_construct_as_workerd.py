"""``js.Event``, ``CustomEvent``, ``ErrorEvent``, ``MessageEvent`` and ``CloseEvent`` construct as
workerd's (api/basics.c++; a JavaScript twin under wrangler dev 4.164.0): the init's flags, each
member's default (``CustomEvent``'s and ``ErrorEvent``'s ``detail`` and ``error`` ``undefined``,
``MessageEvent``'s ``data`` ``null``), the flags read by every init (workerd 1.20261117.1, though
the 6552d99 mirror's ``ErrorEventInit`` and ``Initializer`` structs had none), ``timeStamp`` 0, ``isTrusted`` false, no target before a
dispatch, the phase constants on the class and its instances, jsg's TypeErrors, and read-only
members. The init is read as the Worker's Pyodide hands it over: a JS object, keyword arguments,
or a Python dict -- whose keys Pyodide 0.26 does not read (0.26.0a4 and 0.28.2 under Node)."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import snippet_answers

NULL_028 = "jsnull (JsNull)"

CASES = [
    ("e = js.Event.new('x'); (e.type, e.bubbles, e.cancelable, e.composed, e.defaultPrevented, e.returnValue, "
     "e.eventPhase, e.timeStamp, e.isTrusted, e.cancelBubble, e.target, e.currentTarget, e.srcElement, "
     "e.composedPath().length)",
     "('x', False, False, False, False, True, 0, 0, False, False, None, None, None, 0) (tuple)"),
    ("e = js.Event.new('x', to_js({'bubbles': 1, 'cancelable': 'y', 'composed': True}, "
     "dict_converter=Object.fromEntries)); (e.bubbles, e.cancelable, e.composed)", "(True, True, True) (tuple)"),
    ("e = js.Event.new('x', cancelable=True); e.cancelable", "True (bool)"),
    ("e = js.Event.new('x'); e.preventDefault(); (e.defaultPrevented, e.returnValue)", "(False, True) (tuple)"),
    ("e = js.Event.new('x', cancelable=True); e.preventDefault(); (e.defaultPrevented, e.returnValue)",
     "(True, False) (tuple)"),
    ("e = js.Event.new('x'); e.cancelBubble = True; f = js.Event.new('y'); f.stopPropagation(); "
     "(e.cancelBubble, f.cancelBubble)", "(True, True) (tuple)"),
    ("(js.Event.NONE, js.Event.CAPTURING_PHASE, js.Event.AT_TARGET, js.Event.BUBBLING_PHASE, "
     "js.Event.new('x').AT_TARGET)", "(0, 1, 2, 3, 2) (tuple)"),
    ("(js.Event.new(5).type, js.Event.new(None).type)", "('5', 'undefined') (tuple)"),
    ("(str(js.Event.new('x')), str(js.CustomEvent.new('x')), str(js.ErrorEvent.new('x')), "
     "str(js.MessageEvent.new('x')), str(js.CloseEvent.new('x')), str(js.EventTarget.new()))",
     "('[object Event]', '[object CustomEvent]', '[object ErrorEvent]', '[object MessageEvent]', "
     "'[object CloseEvent]', '[object EventTarget]') (tuple)"),
    ("js.Event.new()", "JsException: TypeError: Failed to construct 'Event': constructor parameter 1 is not of "
                       "type 'string'."),
    ("js.Event('x')", "JsException: TypeError: Failed to construct 'Event': Please use the 'new' operator, this "
                      "object constructor cannot be called as a function."),
    ("js.EventTarget()", "JsException: TypeError: Failed to construct 'EventTarget': Please use the 'new' operator, "
                         "this object constructor cannot be called as a function."),
    ("js.Event.new('x', 5)", "JsException: TypeError: Failed to construct 'Event': constructor parameter 2 is not "
                             "of type 'Init'."),
    ("js.Event.new('x', 's')", "JsException: TypeError: Failed to construct 'Event': constructor parameter 2 is not "
                               "of type 'Init'."),
    ("js.Event.new('x', js.JSON.parse('null')).bubbles", "False (bool)"),
    # jsg's members are read-only; the Worker's Pyodide assigns as strict code does (events_probe.py's
    # readonly_assign, wrangler dev 4.164.0; not Node's getter-only text)
    *[(f"e = js.{cls}.new('x'{init}); e.{name} = 9", f"JsException: TypeError: Cannot assign to read only property "
                                                     f"'{name}' of object '#<{cls}>'")
      for cls, init, name in (("Event", "", "type"), ("Event", "", "eventPhase"), ("Event", "", "timeStamp"),
                              ("Event", "", "isTrusted"), ("Event", "", "returnValue"), ("Event", "", "target"),
                              ("CustomEvent", ", detail=1", "detail"), ("MessageEvent", ", data=1", "data"),
                              ("ErrorEvent", "", "message"), ("ErrorEvent", "", "error"), ("CloseEvent", "", "code"),
                              ("CloseEvent", "", "reason"))],
    ("e = js.Event.new('x'); e.cancelBubble = 1; e.cancelBubble", "True (bool)"),
    # a flag as jsg converts a bool: JS truthiness, null false (from a JS object Pyodide 0.28 reads it as jsnull)
    ("e = js.Event.new('x', bubbles='false', cancelable=0, composed=JSON.parse('null')); "
     "e.cancelBubble = JSON.parse('null'); (e.bubbles, e.cancelable, e.composed, e.cancelBubble)",
     "(True, False, False, False) (tuple)"),
    ("js.CloseEvent.new('c', wasClean=JSON.parse('null')).wasClean", "False (bool)"),
    # a MessageEvent's and a CloseEvent's members are jsg instance properties: their own (events_probe.py's
    # own_keys and json_stringify)
    ("(list(js.Object.keys(js.CloseEvent.new('c'))), list(js.Object.keys(js.MessageEvent.new('m', data=1))), "
     "list(js.Object.keys(js.ErrorEvent.new('e'))), list(js.Object.keys(js.CustomEvent.new('x'))))",
     "(['wasClean', 'reason', 'code'], ['ports', 'source', 'lastEventId', 'origin', 'data'], [], []) (tuple)"),
    ("(JSON.stringify(js.CloseEvent.new('c', code=1000)), JSON.stringify(js.MessageEvent.new('m', data='d')), "
     "JSON.stringify(js.Event.new('x')))",
     "('{\"wasClean\":false,\"reason\":\"\",\"code\":1000}', "
     "'{\"ports\":[],\"source\":null,\"lastEventId\":\"\",\"origin\":\"\",\"data\":\"d\"}', '{}') (tuple)"),
    ("e = js.MessageEvent.new('m', data=1); (e.origin, e.lastEventId, e.source is JSON.parse('null'), e.ports.length)",
     "('', '', True, 0) (tuple)"),
    ("e = js.CustomEvent.new('x'); e.detail", "None (NoneType)"),
    ("e = js.CustomEvent.new('x', to_js({'detail': {'a': 1}, 'cancelable': True}, "
     "dict_converter=Object.fromEntries)); (e.detail.a, e.cancelable, e.type)", "(1, True, 'x') (tuple)"),
    ("e = js.ErrorEvent.new('error', message='m', error=5, filename='f', lineno=3, colno=4); "
     "(e.type, e.message, e.error, e.filename, e.lineno, e.colno)", "('error', 'm', 5, 'f', 3, 4) (tuple)"),
    ("e = js.ErrorEvent.new('error'); (e.message, e.filename, e.lineno, e.colno)", "('', '', 0, 0) (tuple)"),
    ("js.ErrorEvent.new('error').error", "None (NoneType)"),
    ("e = js.ErrorEvent.new('error', lineno=3.7, colno=-2); (e.lineno, e.colno)", "(3, -2) (tuple)"),
    ("(js.ErrorEvent.new('e', cancelable=True).cancelable, js.MessageEvent.new('m', bubbles=True).bubbles, "
     "js.CloseEvent.new('c', cancelable=True).cancelable, js.CustomEvent.new('x', cancelable=True).cancelable)",
     "(True, True, True, True) (tuple)"),
    ("js.CloseEvent.new('c', code=2 ** 31)",
     "JsException: TypeError: Value out of range. Must be between -2147483648 and 2147483647 (inclusive)."),
    *[(f"js.{name}.new('x', 5)", f"JsException: TypeError: Failed to construct '{name}': constructor parameter 2 is "
                                 f"not of type '{init}'.")
      for name, init in (("CustomEvent", "CustomEventInit"), ("ErrorEvent", "ErrorEventInit"),
                         ("MessageEvent", "Initializer"), ("CloseEvent", "Initializer"))],
    ("e = js.MessageEvent.new('message', data='d'); (e.type, e.data)", "('message', 'd') (tuple)"),
    ("js.MessageEvent.new('message').data", NULL_028),
    ("e = js.CloseEvent.new('close', code=1000, reason='r', wasClean=True); (e.type, e.code, e.reason, e.wasClean)",
     "('close', 1000, 'r', True) (tuple)"),
    ("e = js.CloseEvent.new('close'); (e.code, e.reason, e.wasClean)", "(0, '', False) (tuple)"),
]


def test_events_construct_as_workerds(tmp_path: Path) -> None:
    answers = snippet_answers(tmp_path, [code for code, _ in CASES], "2026-11-17")
    assert dict(zip([code for code, _ in CASES], answers)) == dict(CASES)


@pytest.mark.filterwarnings("ignore::workers_env.PyProxyWarning")  # 0.26's: the dict's keys go unread
@pytest.mark.parametrize(("date", "cancelable", "null"), [
    ("2025-09-01", "False (bool)", "None (NoneType)"),  # Pyodide 0.26: a dict's keys unread; null is None
    ("2025-10-01", "True (bool)", NULL_028),  # Pyodide 0.28: its keys read
])
def test_a_python_dict_init_is_read_as_the_workers_pyodide_reads_it(tmp_path: Path, date: str, cancelable: str,
                                                                    null: str) -> None:
    snippets = ["js.Event.new('x', {'cancelable': True}).cancelable", "js.MessageEvent.new('message').data"]
    assert snippet_answers(tmp_path, snippets, date) == [cancelable, null]
