"""D1 (``[[d1_databases]]``): the D1 binding on real SQLite, with wrangler's local state layout.

Filled by the D1 issue; nothing lives here yet.
"""
