"""Workers AI (``[ai] binding = "AI"``): offline, deterministic embeddings and scriptable
text generation with the runtime's ``env.AI.run(model, inputs, options)`` surface.

``binding`` (``AiBinding``), ``catalog`` (the models) and ``catalog_entries`` (their catalog
ids and descriptions), ``limits`` (every limit and error text), ``validation`` (input checks)
with ``cabidela`` (the service's JSON Schema validator, ported) on ``input_schemas`` (the
models' own), ``embedder`` (the offline embedder), ``embedders``
(plugged real models), ``generation`` (replies and server-sent events), ``assembly`` (the
builder named in ``workers_env._env.BINDING_BUILDERS``).
"""
