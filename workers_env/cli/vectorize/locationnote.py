"""What ``workers-env vectorize`` says after yargs' ``Unknown argument: local``.

A user of ``d1 ... --local`` and ``kv ... --local`` writes ``vectorize insert idx --file f
--local`` too; wrangler 4.164.0's vectorize commands take neither ``--local`` nor ``--remote``
(they act on the account: wrangler has no local Vectorize), and workers-env's take them as
wrangler does, refused. The ``(workers-env: ...)`` line after the refusal says where these
commands' vectors live instead, so the refusal does not read as "Vectorize cannot be local"."""

from __future__ import annotations

__all__ = ["location_option_note"]


def location_option_note(message: str) -> str | None:
    """The line for yargs' ``Unknown argument(s): ...`` ``message`` naming ``local`` or
    ``remote`` on a ``vectorize`` command, else None."""
    if not message.startswith(("Unknown argument: ", "Unknown arguments: ")):
        return None
    names = message.partition(": ")[2].split(", ")
    given = next((name for name in names if name in ("local", "remote")), None)
    if given is None:
        return None
    return (f"vectorize takes no --{given}, as wrangler's takes none: wrangler has no local Vectorize and its "
            "vectorize commands act on your Cloudflare account, while workers-env's always act on the local "
            "state (<persist-to>/v3/vectorize/, by default .wrangler/state beside the config), which load_env("
            "persist_to=...) and workers-env dev read and wrangler never does: drop it")
