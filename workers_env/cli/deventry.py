"""``workers-env dev``'s words for a Worker it cannot find, as wrangler dev 4.164.0 says them.

wrangler's ``getEntry`` refuses a config with no ``main`` (and no assets) before anything else
of ``dev`` -- before the ``[build]`` command, before "Using secrets defined in ..." and the
compatibility date's warning -- and its ``runCustomBuild`` refuses a ``main`` that is a folder
or is not there, after the build (``getMissingEntryPointMessage``). Each text is wrangler's,
then a ``(workers-env: ...)`` line where it helps (wrangler's own advice names its ``[script]``
positional and JavaScript files; workers-env dev runs the config's Python ``main``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from workers_env.config.compat import WRANGLER_DEFAULT_COMPAT_DATE
from workers_env.config.wrangler import display_path

__all__ = ["missing_entry", "unusable_main"]

#: the files wrangler offers for a ``main`` naming a folder (``getMissingEntryPointMessage``)
_FOLDER_ENTRIES = tuple(base + ext for base in ("worker", "dist/worker", "index", "dist/index")
                        for ext in (".ts", ".tsx", ".js", ".jsx"))

_FOLDER_MAIN = ('"main" names a folder: name the Python Worker\'s entry file in it, e.g. main = "src/entry.py"')
_PYTHON_MAIN = ('workers-env dev runs the Python Worker the config\'s "main" names (its PATH argument is the '
                'config, not a script): add main = "src/entry.py", the file with your handlers')


def _snippet(config: Any, field: dict[str, Any]) -> str:
    """wrangler's ``formatConfigSnippet``: ``field`` after the name and compatibility date the
    config lacks, as TOML (smol-toml's ``stringify``) or JSON (two spaces)."""
    merged = config.merged if isinstance(config.merged, dict) else {}
    snippet: dict[str, Any] = {
        **({} if merged.get("name") else {"name": "worker-name"}),
        **({} if merged.get("compatibility_date") else {"compatibility_date": WRANGLER_DEFAULT_COMPAT_DATE}),
        **field,
    }
    if Path(config.path).suffix != ".toml":
        return json.dumps(snippet, indent=2)
    plain = "".join(f"{key} = {json.dumps(value)}\n" for key, value in snippet.items() if not isinstance(value, dict))
    tables = [f"[{key}]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in value.items())
              for key, value in snippet.items() if isinstance(value, dict)]
    return "\n".join([plain.rstrip("\n") + "\n"] * bool(plain) + tables) if tables else plain


def missing_entry(config: Any) -> tuple[str, str] | None:
    """wrangler's error for a config with neither ``main`` nor assets, and the workers-env line
    after it; ``None`` when there is a ``main`` (or assets, served without one)."""
    merged = config.merged if isinstance(config.merged, dict) else {}
    if config.main is not None or merged.get("assets"):
        return None
    name = Path(config.path).name

    def add(field: dict[str, Any]) -> str:
        return f'add the following to your "{name}" file:\n\n```\n{_snippet(config, field)}\n```'

    text = ("Missing entry-point to Worker script or to assets directory\n\n"
            "If there is code to deploy, you can either:\n"
            "- Specify an entry-point to your Worker script via the command line (ex: `npx wrangler dev src/index.ts`)\n"
            f"- Or {add({'main': 'src/index.ts'})}\n\n\n"
            "If are uploading a directory of assets, you can either:\n"
            "- Specify the path to the directory of assets via the command line: (ex: `npx wrangler dev "
            "--assets=./dist`)\n"
            f"- Or {add({'assets': {'directory': './dist'}})}\n")
    return text, _PYTHON_MAIN


def unusable_main(config: Any, build_command: str | None, script: Path | None = None,
                  hint: str | None = None) -> tuple[str, str | None] | None:
    """wrangler's error for a ``main`` (or the ``script`` wrangler dev was given) that is a
    folder or is no file (after ``build_command``, if any, ran), and workers-env's line: ``hint``,
    else one naming a file beside it with a close name, if any; ``None`` when it is a file."""
    from workers_env.runtime.loader import near_main

    main_path = script if script is not None else config.main_path
    if main_path is None or main_path.is_file():
        return None
    shown = display_path(main_path)
    if main_path.is_dir():
        found = [str(Path(shown) / entry) for entry in _FOLDER_ENTRIES if (main_path / entry).is_file()]
        text = f'The provided entry-point path, "{shown}", points to a directory, rather than a file.\n'
        if found:
            return (text + f"\nDid you mean to set the main field to{' one of' if len(found) > 1 else ''}:\n```\n"
                    + "".join(f'main = "./{path}"\n' for path in found) + "```"), None
        return (text + "\n If you want to deploy a directory of static assets, you can do so by using the `--assets` "
                f"flag. For example:\n\nwrangler deploy --assets=./{shown}\n"), hint or _FOLDER_MAIN
    if build_command:
        text = (f'The expected output file at "{shown}" was not found after running custom build: {build_command}.\n'
                f"The `main` property in your {Path(config.path).name} file should point to the file generated by "
                "the custom build.")
        if hint is not None:
            return text, hint
    else:
        text = (f'The entry-point file at "{shown}" was not found.\n\n'
                "This might mean that your entry-point file needs to be generated (which is the general case when a "
                "framework is being used).\nIf that's the case please run your project's build command and try again.")
    if hint is not None:
        return text, hint
    near = near_main(config, main_path).strip()
    return text, near.removeprefix("(workers-env: ").removesuffix(")") or None
