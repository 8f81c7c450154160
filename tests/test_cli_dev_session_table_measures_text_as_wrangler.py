"""``workers-env dev -c A -c B``'s bindings table measures and cuts as wrangler 4.164.0's
``printBindings`` does, by JavaScript's ``.length`` -- UTF-16 code units, an emoji two -- and
prints a var's JSON as ``JSON.stringify`` does (``1.0`` as ``1``). The expected text is wrangler's
own output for a JavaScript twin of this config (``wrangler dev -c a -c b``, piped): an emoji var
cut at 37 units keeps half an emoji, which Node prints as U+FFFD."""

from __future__ import annotations

from dev_reload_helpers import dev_printed_before_serving

CONFIG = '''name = "alpha"
main = "src/entry.py"
compatibility_date = "2025-11-02"
compatibility_flags = ["python_workers"]
services = [{ binding = "B", service = "beta" }]
[vars]
F = 1.0
G = 2.50
BIG = 1e21
E = "é"
EMO = "EMO25"
EMO2 = "EMO20"
"😀K" = "x"
CJK = "漢字漢字"
OBJ = { f = 1.0, s = "é😀" }
[[kv_namespaces]]
binding = "KV"
id = "k1"
[[d1_databases]]
binding = "DB"
database_name = "d"
database_id = "dd"
'''.replace("EMO25", "😀" * 25).replace("EMO20", "😀" * 20)

WRANGLERS_TABLE = '''alpha has access to the following bindings:
Binding                                                    Resource                  Mode
env.KV (k1)                                                KV Namespace              local
env.DB (d)                                                 D1 Database               local
env.B (beta)                                               Worker                    local [not connected]
env.F (1)                                                  Environment Variable      local
env.G (2.5)                                                Environment Variable      local
env.BIG (1e+21)                                            Environment Variable      local
env.E ("é")                                                Environment Variable      local
env.EMO ("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀�...")       Environment Variable      local
env.EMO2 ("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀�...")      Environment Variable      local
env.😀K ("x")                                              Environment Variable      local
env.CJK ("漢字漢字")                                           Environment Variable      local
env.OBJ ({"f":1,"s":"é😀"})                                Environment Variable      local
'''

ENTRY = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("hi")
'''


def test_widths_and_cuts_in_utf16_units_and_numbers_as_json_stringify(tmp_path, monkeypatch):
    for name, config in (("a", CONFIG), ("b", 'name = "beta"\nmain = "src/entry.py"\ncompatibility_date = '
                                              '"2025-11-02"\ncompatibility_flags = ["python_workers"]\n')):
        (tmp_path / name / "src").mkdir(parents=True)
        (tmp_path / name / "src" / "entry.py").write_text(ENTRY)
        (tmp_path / name / "wrangler.toml").write_text(config)
    out, served = dev_printed_before_serving(tmp_path, "-c", "a/wrangler.toml", "-c", "b/wrangler.toml",
                                             monkeypatch=monkeypatch)
    assert WRANGLERS_TABLE in out
