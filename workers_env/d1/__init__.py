"""D1 (``[[d1_databases]]``): the D1 binding on real SQLite, with wrangler's local state layout.

``binding`` (the surface Worker code sees), ``database`` (the SQLite core and D1's rules on
user SQL), ``values`` (what ``bind()`` takes and rows give back), ``limits`` (every limit and
error text), ``sqltext`` (splitting SQL), ``layout`` (wrangler's file naming), ``migrations``
(wrangler's migration files and table) and ``assembly`` (one binding per entry).
"""

from workers_env.d1.binding import D1Database, D1DatabaseSession, D1PreparedStatement

__all__ = ["D1Database", "D1DatabaseSession", "D1PreparedStatement"]
