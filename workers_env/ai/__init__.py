"""Workers AI (``[ai] binding = "AI"``): offline, deterministic embeddings and scriptable
text generation with the runtime's ``env.AI.run(model, inputs, options)`` surface.

Filled by the Workers AI issue; nothing lives here yet.
"""
