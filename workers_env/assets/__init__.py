"""Static assets (``[assets] directory``): served in front of the Worker as Cloudflare's
router and asset worker do, and ``env.ASSETS`` when the table names a ``binding``."""

from workers_env.assets.binding import AssetsBinding
from workers_env.assets.server import AssetServer

__all__ = ["AssetServer", "AssetsBinding"]
