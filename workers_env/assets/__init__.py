"""Static assets (``[assets] directory``): served in front of the Worker as Cloudflare's
router and asset worker do, and ``env.ASSETS`` when the table names a ``binding``.

``manifest`` (the directory's servable files), ``intent`` (which file a path names under
``html_handling`` / ``not_found_handling``), ``server`` (the asset worker's responses and the
router's choice), ``redirects`` (the ``_redirects`` file), ``binding`` (``env.ASSETS``), ``limits`` (limits and error texts),
``assembly``.
"""

from workers_env.assets.binding import AssetsBinding
from workers_env.assets.server import AssetServer

__all__ = ["AssetServer", "AssetsBinding"]
