"""Building ``env.<binding>`` for a config's ``[assets]`` table that names a ``binding``."""

from __future__ import annotations

from workers_env._env import AssemblyContext
from workers_env.assets.binding import AssetsBinding
from workers_env.assets.server import AssetServer, assets_config
from workers_env.config.compat import compatibility_date

__all__ = ["build_bindings"]


def build_bindings(context: AssemblyContext) -> dict[str, AssetsBinding]:
    """``{binding: AssetsBinding}`` when ``assets`` has both a ``directory`` and a ``binding``."""
    config = context.config
    table = assets_config(config)
    if table is None or not isinstance(table.get("binding"), str):
        return {}
    server = AssetServer(table, root=config.root, compatibility_date=compatibility_date(config),
                         compatibility_flags=tuple(config.compatibility_flags))
    return {table["binding"]: AssetsBinding(server, binding=table["binding"])}
