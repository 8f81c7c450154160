"""What ``workers-env dev`` says of an option of ``wrangler dev`` 4.164.0 it does not take.

yargs' ``Unknown argument: minify`` reads as a typo; for wrangler dev's own options a
``(workers-env: ...)`` line after it says the option is wrangler's and what to do instead, as
wrangler 3's ``kv:namespace`` spellings get one (README "Where we had to choose")."""

from __future__ import annotations

import re

__all__ = ["dev_option_note"]

_BUNDLING = ("it shapes the JavaScript bundle, which wrangler does not build for a Python Worker (it runs "
             "Python Workers unbundled): drop it")
_SERVING = "workers-env dev serves plain HTTP on --ip and --port, with no HTTPS or tunnel: drop it"

#: wrangler dev's options workers-env dev does not take, each with what to do instead
_NOTES: dict[str, str] = {
    **{name: _BUNDLING for name in ("bundle", "minify", "tsconfig", "jsx-factory", "jsx-fragment", "define",
                                     "alias")},
    **{name: _SERVING for name in ("local-protocol", "https-key-path", "https-cert-path", "tunnel", "tunnel-name",
                                    "tunnel-allowed-mail")},
    "inspector-port": "workers-env dev runs no DevTools inspector: drop it",
    "inspector-ip": "workers-env dev runs no DevTools inspector: drop it",
    "show-interactive-dev-session": "workers-env dev has no interactive hotkeys to show or hide: drop it",
    "latest": ("wrangler dev ignores it too (it is deploy's; dev runs --compatibility-date, else the config's "
               "compatibility_date, as workers-env dev does): drop it"),
    "name": "workers-env dev names the Worker by the config's name: set it there and drop --name",
    "assets": "workers-env dev serves the folder the config's [assets] directory names: set it there and drop --assets",
    "types": "workers-env dev generates no types (a Python Worker has none to check): drop it",
}

_CAMEL = re.compile(r"[A-Z]")


def dev_option_note(message: str) -> str | None:
    """The ``(workers-env: ...)`` line for yargs' ``Unknown argument(s): ...`` ``message`` of a
    ``dev`` line naming one of wrangler dev's own options (the first such), else None."""
    if not message.startswith(("Unknown argument: ", "Unknown arguments: ")):
        return None
    for name in message.partition(": ")[2].split(", "):
        kebab = _CAMEL.sub(lambda m: "-" + m.group().lower(), name)
        note = _NOTES.get(kebab)
        if note is not None:
            shown = "--no-bundle" if kebab == "bundle" else f"--{kebab}"  # (yargs names --no-bundle `bundle`)
            return f"{shown} is an option of wrangler dev that workers-env dev does not take: {note}"
    return None
