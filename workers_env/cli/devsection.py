"""The wrangler config's ``[dev]`` section as ``workers-env dev`` reads it, as wrangler dev 4.164.0
does (``resolveDevConfig``; measured with a JavaScript twin): ``--ip`` over ``[dev] ip`` (an
empty ``--ip`` falls back to it), ``--port`` over ``[dev] port`` (either one given: that port or
an error; neither: 8787, else a free one), ``[dev] upstream_protocol`` (default: ``local_protocol``)
the scheme of the URL the Worker sees. Only the first config's section counts in ``dev -c A -c B``
(the session served on 8787 with ``[dev] port`` in B's), and ``[env.NAME] dev`` is no field of an
environment (wrangler warns and ignores it). ``local_protocol = "https"`` -- wrangler's HTTPS with a
self-signed certificate of its own -- is refused: workers-env dev serves plain HTTP. The section's
types and unknown keys are checked with the rest of the config (``workers-env validate``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

__all__ = ["DevSection", "dev_section"]


def _port_text(value: float) -> str:
    """A config's ``[dev] port`` number as JavaScript shows it (``70000``, ``1.5``, ``Infinity``)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return str(int(value)) if value == int(value) else repr(value)


@dataclass(frozen=True)
class DevSection:
    """The ``[dev]`` keys dev uses, each None when absent or not of wrangler's type (the
    config's validation refuses those first)."""

    ip: str | None = None
    port: int | str | None = None  # a port, else its text for dev's bad-port refusal
    local_protocol: str = "http"
    upstream_protocol: str = "http"

    def https_refusal(self, config_name: str) -> str | None:
        """workers-env's refusal of ``local_protocol = "https"``, else None."""
        if self.local_protocol != "https":
            return None
        return (f'[dev] local_protocol = "https" in {config_name}: wrangler dev then serves HTTPS with a self-signed '
                "certificate of its own; workers-env dev serves plain HTTP only: remove local_protocol (or set it "
                'to "http"); upstream_protocol = "https" still gives the Worker https:// URLs')


def dev_section(raw: Any) -> DevSection:
    """The ``[dev]`` section of the raw (top-level) config ``raw``."""
    dev = raw.get("dev") if isinstance(raw, dict) else None
    if not isinstance(dev, dict):
        return DevSection()
    ip = dev.get("ip") if isinstance(dev.get("ip"), str) else None
    port = dev.get("port")
    if isinstance(port, bool) or not isinstance(port, (int, float)):
        port = None
    elif not math.isfinite(port) or port != int(port) or not 0 <= port <= 65535:
        port = _port_text(port)
    else:
        port = int(port)
    local = _protocol(dev.get("local_protocol"), "http")
    return DevSection(ip, port, local, _protocol(dev.get("upstream_protocol"), local))


def _protocol(value: Any, default: str) -> str:
    return value if value in ("http", "https") else default
