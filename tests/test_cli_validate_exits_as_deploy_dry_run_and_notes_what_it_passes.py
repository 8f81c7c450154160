"""``workers-env validate`` exits as ``wrangler deploy --dry-run`` 4.164.0 does on compatibility dates
and flags (measured offline on a JavaScript twin and a Python Worker, flags52:
``tools/wrangler/deploy_dry_run_probe.py``), and notes what that passes and a deploy or a start still
refuses: a date or flags the Workers runtime does not start with (Cloudflare's API judges them on
upload), flags workerd marks experimental (Cloudflare refuses them on upload, in workerd's words), and no
date at all (wrangler deploy's own refusal, before the upload; dev runs the Worker
on its default date, so validate's exit stays 0: README, "Where we had to choose")."""

from __future__ import annotations

import json

import pytest

from workers_env.cli import main

EXPERIMENTAL = ("(workers-env: wrangler dev runs durable_object_snapshots, and deploy --dry-run passes it, but "
                "Cloudflare refuses the upload: The compatibility flag durable_object_snapshots is experimental and "
                "cannot yet be used in Workers deployed to Cloudflare. Remove it from compatibility_flags to deploy)")
#: (date or None, flags, deploy --dry-run's exit, wrangler's error line or None, a note expected)
CASES = {
    "experimental flag": ("2026-11-17", ["durable_object_snapshots"], 0, None, EXPERIMENTAL),
    "unknown flag": ("2026-11-17", ["made_up"], 0, None, "No such compatibility flag: made_up."),
    "contradictory pair": ("2026-11-17", ["nodejs_compat", "no_nodejs_compat"], 0, None,
                           "Compatibility flags are mutually contradictory: nodejs_compat vs no_nodejs_compat."),
    "redundant flag": ("2026-11-17", ["url_standard"], 0, None, None),
    "future date": ("2027-01-01", [], 0, None, 'Compatibility date "2027-01-01" is in the future and unsupported.'),
    "past wrangler's runtime": ("2026-11-30", [], 0, None, None),
    "month of one digit": ("2026-1-01", [], 0, None, "Invalid compatibility date: 2026-1-01."),
    "month 13": ("2026-13-01", [], 1, "2026-13-01", None),
    "no dashes": ("20260101", [], 1, "20260101", None),
    "empty date": ("", [], 1, "", None),
    "before 2000": ("1999-12-31", [], 0, None, "Invalid compatibility date: 1999-12-31."),
    "before 2009": ("2008-12-31", [], 0, None, None),
    "February 30": ("2026-02-30", [], 0, None, None),
}
NOTE = ("(workers-env: wrangler's checks pass this config (deploy --dry-run too), but the Workers runtime does not "
        "start its Worker (wrangler dev and load_worker stop; Cloudflare judges it on upload): ")


def twin(folder, date, flags) -> None:
    (folder / "worker.js").write_text('export default { async fetch() { return new Response("ok"); } };\n')
    (folder / "wrangler.toml").write_text('name = "twin"\nmain = "worker.js"\n'
                                          + ("" if date is None else f'compatibility_date = "{date}"\n')
                                          + f"compatibility_flags = {json.dumps(flags)}\n")


@pytest.mark.parametrize("case", list(CASES))
def test_the_exit_and_the_lines_are_deploy_dry_runs(tmp_path, monkeypatch, capsys, case):
    date, flags, exit_code, invalid, note = CASES[case]
    twin(tmp_path, date, flags)
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == exit_code
    out = capsys.readouterr().out.splitlines()
    if invalid is not None:  # wrangler's own validation, as deploy --dry-run prints it; no note then
        assert out == ["Processing wrangler.toml configuration:",
                       f'  - "compatibility_date" field should be a valid ISO-8601 date (YYYY-MM-DD), but got '
                       f'"{invalid}".']
        return
    assert out[-1] == "wrangler.toml is valid."
    notes = out[:-1]
    if note is None:
        assert notes == []
    elif note is EXPERIMENTAL:
        assert notes == [EXPERIMENTAL]
    else:
        assert len(notes) == 1 and notes[0].startswith(NOTE + note)


def test_experimental_flags_are_named_in_workerds_order_with_its_words(tmp_path, monkeypatch, capsys):
    # workerd's compatibility-date.c++ (CURRENT_DATE_FOR_CLOUDFLARE): "The compatibility flag X is
    # experimental and cannot yet be used in Workers deployed to Cloudflare."; a third party's
    # deploy of streaming_tail_worker got it as code 10021. python_workers_development: the load's note
    twin(tmp_path, "2026-11-17", ["durable_object_snapshots", "url_standard", "rtti_api",
                                  "python_workers_development"])
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 0
    notes = capsys.readouterr().out.splitlines()
    assert notes[0] == (
        "(workers-env: wrangler dev runs rtti_api and durable_object_snapshots, and deploy --dry-run passes them, "
        "but Cloudflare refuses the upload: The compatibility flag rtti_api is experimental and cannot yet be used "
        "in Workers deployed to Cloudflare. The compatibility flag durable_object_snapshots is experimental and "
        "cannot yet be used in Workers deployed to Cloudflare. Remove them from compatibility_flags to deploy)")
    assert notes[1].startswith(NOTE + "python_workers_development runs a Python Worker on workerd's development")
    assert notes[2:] == ["wrangler.toml is valid."]


def test_the_notes_hints_are_the_loads(tmp_path, monkeypatch, capsys):
    twin(tmp_path, "1999-12-31", ["made_up"])
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        NOTE + "Invalid compatibility date: 1999-12-31; No such compatibility flag: made_up. The Workers runtime "
        'takes years 2000 to 2999, months 01 to 12 and days 01 to 31: give a date from 2000-01-01 to today, e.g. '
        'compatibility_date = "2026-11-23". Remove it from compatibility_flags or correct its spelling: the Workers '
        "runtime does not start a Worker that names a flag it does not know.)")


def test_no_date_is_deploys_refusal_noted_and_exit_0(tmp_path, monkeypatch, capsys):
    # wrangler deploy --dry-run 4.164.0: '✘ [ERROR] A compatibility_date is required when uploading a
    # Worker. Add the following to your wrangler.toml file: ...compatibility_date = "2026-11-17"...', exit 1
    twin(tmp_path, None, [])
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "(workers-env: no compatibility_date: wrangler dev runs the Worker on its default date, 2026-11-23, but "
        'wrangler deploy stops ("A compatibility_date is required when uploading a Worker."): add '
        'compatibility_date = "2026-11-23" to wrangler.toml)', "wrangler.toml is valid."]
    (tmp_path / "wrangler.toml").unlink()
    (tmp_path / "wrangler.jsonc").write_text('{"name": "twin", "main": "worker.js"}')
    assert main(["validate", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["ok"] is True
    assert [w["message"] for w in payload["warnings"]] == [
        "workers-env: no compatibility_date: wrangler dev runs the Worker on its default date, 2026-11-23, but "
        'wrangler deploy stops ("A compatibility_date is required when uploading a Worker."): add '
        '"compatibility_date": "2026-11-23" to wrangler.jsonc']


def test_a_config_without_main_gets_no_note(tmp_path, monkeypatch, capsys):
    (tmp_path / "wrangler.toml").write_text('name = "x"\ncompatibility_flags = ["made_up"]\n')
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 0
    assert capsys.readouterr().out == "wrangler.toml is valid.\n"
