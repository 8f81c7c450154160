"""Workers KV (``[[kv_namespaces]]``): the KV binding with expiry and wrangler's local state.

Filled by the KV issue; nothing lives here yet.
"""
