"""Workers KV (``[[kv_namespaces]]``): the KV binding with expiry and wrangler's local state.

``namespace`` (``KvNamespace``, the surface Worker code sees), ``limits`` (every limit and
error text), ``store`` (the in-memory store) and ``persistent`` (Miniflare's on-disk layout,
shared with ``wrangler dev --local``), ``assembly`` (one binding per ``[[kv_namespaces]]``).
"""
