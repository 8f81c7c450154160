"""A command reads its config file and an ``--env-file`` once each (before session 69 both twice:
the config checked for its warnings and read again to be loaded, the ``--env-file`` checked for
being readable and read again to be parsed); a missing ``--env-file`` still stops the command
before the other files are parsed or warned of, and a broken config still prints its warnings
before its errors (test_cli_config_warnings_print_before_the_config_errors.py)."""

from __future__ import annotations

from pathlib import Path

from workers_env.cli import main

CONFIG = 'name = "w"\n[[kv_namespaces]]\nbinding = "KV"\nid = "top"\n[env.staging]\n' \
         '[[env.staging.kv_namespaces]]\nbinding = "KVS"\nid = "stg"\n'


def _counting_reads(monkeypatch) -> list[Path]:
    reads: list[Path] = []
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        reads.append(self)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    return reads


def test_a_required_env_file_is_read_once(tmp_path, monkeypatch, capsys):
    (tmp_path / "wrangler.toml").write_text(CONFIG)
    (tmp_path / "vars.env").write_text("CLOUDFLARE_ENV=staging\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLOUDFLARE_ENV", raising=False)
    reads = _counting_reads(monkeypatch)
    assert main(["kv", "key", "list", "--binding", "KVS", "--local", "--env-file", "vars.env"]) == 0
    assert [path.name for path in reads].count("vars.env") == 1
    assert [path.name for path in reads].count("wrangler.toml") == 1


def test_a_missing_env_file_stops_before_a_bad_one_is_warned_of(tmp_path, monkeypatch, capsys):
    (tmp_path / "wrangler.toml").write_text(CONFIG)
    (tmp_path / "bad.env").write_bytes(b"A=\xff\n")
    monkeypatch.chdir(tmp_path)
    assert main(["kv", "key", "list", "--binding", "KV", "--local", "--env-file", "bad.env",
                 "--env-file", "gone.env"]) == 1
    err = capsys.readouterr().err
    assert "gone.env" in err and "--env-file names a .env file to load" in err
    assert "bad.env" not in err  # stopped before any file was parsed, as before
