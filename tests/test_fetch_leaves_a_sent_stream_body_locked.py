"""A ReadableStream sent as the init's body of ``fetch``, ``env.ASSETS.fetch`` or a service
binding's ``fetch`` is left ``locked`` once the call has taken it, whatever it answered (the
pump that read it holds it); after a refusal (a GET with it) it is not. wrangler dev 4.164.0:
tools/wrangler/fetcher_init_refusals_probe.py's ``POST, body a stream`` (``locked true`` on every
path and date, ASSETS' 405 too) and ``GET, body a stream`` (``locked false``); workers-env left it
unlocked (left57). In the 314 era the SDK's fetch (314's pyfetch makes the Request first, then
hands ``fetch`` that Request and the init again) was the disturbed-stream error where workerd
sends it: the stream is read once."""

from __future__ import annotations

from pathlib import Path

from fetcher_init_helpers import outcomes

CASES = [["url", {"method": "POST", "body": "$stream"}], ["url", {"method": "GET", "body": "$stream"}]]


def test_sent_locked_refused_not(tmp_path: Path, monkeypatch) -> None:
    import fetcher_init_helpers

    probe = fetcher_init_helpers._BODY.replace(
        '    if kind != "url":\n',
        '    body = init.get("body") if init else None\n'
        '    if body == "$stream":\n'
        '        got += f" (locked {str(bool(sent.locked)).lower()})"\n'
        '    if kind != "url":\n').replace(
        "def value(v):\n",
        "sent = None\n\n\ndef value(v):\n    global sent\n    if v == \"$stream\":\n        sent = stream()\n        return sent\n")
    monkeypatch.setattr(fetcher_init_helpers, "RAW", probe + "\n\nasync def on_fetch(request, env):\n"
                                                       "    return await run(env, request, False)\n")
    monkeypatch.setattr(fetcher_init_helpers, "SDK", probe + "\n\nclass Default(WorkerEntrypoint):\n"
                                                       "    async def fetch(self, request):\n"
                                                       "        return await run(self.env, request, True)\n")
    refused = "TypeError: Request with a GET or HEAD method cannot have a body. (locked false)"
    for date, sdk in (("2025-11-01", False), ("2025-11-01", True), ("2026-10-01", True)):
        got = outcomes(tmp_path / date, date, CASES, sdk=sdk)
        assert got[0] == {"js.fetch": "ok 200  (locked true)", "ASSETS": "ok 405  (locked true)",
                          "SVC": "ok 200 POST s (locked true)"}, sdk
        assert {k: fetcher_init_helpers.message(v) for k, v in got[1].items()} == dict.fromkeys(got[1], refused), sdk
