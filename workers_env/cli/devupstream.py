"""The origin ``workers-env dev`` gives the Worker, from its options and the config, as wrangler
dev 4.164.0 resolves it (``resolveDevConfig``'s ``origin``; config/routes.py,
runtime/devorigin.py): the scheme ``--upstream-protocol``, else ``[dev] upstream_protocol``; the
host ``--host``, else ``--local-upstream``, else ``[dev] host``, else the first route's
(``--routes`` over the config's; not with ``--no-infer-origin-from-routes``)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Any

from workers_env.cli.devsection import dev_section
from workers_env.config.routes import cf_worker_zone, dev_host, inferred_host_problem
from workers_env.runtime.devorigin import Origin

__all__ = ["OriginOptions"]


@dataclass(frozen=True)
class OriginOptions:
    """dev's options that shape the Worker's origin."""

    host: str | None = None
    routes: tuple[str, ...] | None = None
    infer: bool = True
    scheme: str | None = None

    @classmethod
    def of(cls, args: argparse.Namespace) -> OriginOptions:
        # wrangler's `args.host ?? args.localUpstream`, then `host || config.dev.host`: an empty
        # --host is no host, and hides --local-upstream
        host = args.host if args.host is not None else args.local_upstream
        return cls(host or None, tuple(args.routes) if args.routes else None, args.infer_origin is not False,
                   args.upstream_protocol)

    def _read(self) -> dict[str, Any]:
        return {"host": self.host, "routes": list(self.routes) if self.routes else None, "infer": self.infer}

    def origin(self, config: Any) -> Origin:
        """The origin the Worker of ``config`` sees."""
        return Origin(self.scheme or dev_section(config.raw).upstream_protocol, dev_host(config, **self._read()))

    def problem(self, config: Any) -> str | None:
        """wrangler's refusal of a first route that names no host (the dev host to come from it),
        or why the dev host makes no URL; else None."""
        return inferred_host_problem(config, **self._read()) or self.origin(config).problem()

    def zone(self, config: Any) -> str:
        """The ``CF-Worker`` header of the Worker's own fetches."""
        return cf_worker_zone(config, **self._read())
