"""Rate Limiting (``[[ratelimits]]``, and ``[[unsafe.bindings]] type = "ratelimit"``): the
binding's ``limit({key})`` counted as ``wrangler dev`` counts it locally (Miniflare's ratelimit plugin).

``limits`` (the option names, periods and every error text), ``counter`` (the fixed windows of
one namespace: synchronous, thread-safe, no event loop), ``binding`` (``RateLimit``, the surface
Worker code sees), ``assembly`` (one binding per entry, one counter per namespace).
"""
