"""``[vars]``' TOML dates and ``[define]``'s non-string values are reported in the order
wrangler's ``Object.entries``/``for ... in`` walks them: integer-like keys first, ascending, then
the others as written (``"02"`` is no array index). Measured with wrangler 4.164.0's
``unstable_readConfig`` on these very files (``tools/wrangler/config_fuzz.py`` seeds 14 and 15
found it)."""

from __future__ import annotations

from pathlib import Path

from workers_env.config import check_config

TOML = ('name = "w"\nmain = "src/index.js"\ncompatibility_date = "2024-09-23"\n'
        '[vars]\nb = 1979-05-27\n"1" = 1979-05-28\n"0" = "x"\n"02" = 1979-05-29\n'
        '[define]\nb = 1\n"7" = 2\n"07" = 3\n')
JSON = '{"name": "w", "vars": {"z": true, "3": {}}, "define": {"z": true, "10": 1, "2": null}}'


def lines(folder: Path, name: str, text: str) -> list[str]:
    (folder / name).write_text(text, encoding="utf-8")
    return [line.strip() for line in check_config(folder / name).render(cwd=folder).splitlines()]


def test_toml_vars_dates_and_define_values(tmp_path: Path) -> None:
    assert lines(tmp_path, "wrangler.toml", TOML) == [
        "Processing wrangler.toml configuration:",
        '- The field "vars.1" is a TOML date, which is not supported. Please use a string instead, '
        'e.g. 1 = "2025-12-19".',
        '- The field "vars.b" is a TOML date, which is not supported. Please use a string instead, '
        'e.g. b = "2025-12-19".',
        '- The field "vars.02" is a TOML date, which is not supported. Please use a string instead, '
        'e.g. 02 = "2025-12-19".',
        '- The field "define.7" should be a string but got 2.',
        '- The field "define.b" should be a string but got 1.',
        '- The field "define.07" should be a string but got 3.',
    ]


def test_json_define_values(tmp_path: Path) -> None:
    assert lines(tmp_path, "wrangler.json", JSON) == [
        "Processing wrangler.json configuration:",
        '- The field "define.2" should be a string but got null.',
        '- The field "define.10" should be a string but got 1.',
        '- The field "define.z" should be a string but got true.',
    ]
