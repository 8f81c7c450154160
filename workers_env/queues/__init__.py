"""Queues (``queues.producers``, ``queues.consumers``): a producer binding whose sends are
recorded for tests and, for a queue the Worker consumes, delivered to its ``queue()`` handler.

``producer`` (``QueueProducer``, the surface Worker code sees, and the record a test reads),
``limits`` (the content types and error texts workerd checks before a message leaves, and the
limits Miniflare's broker checks of a queue the Worker consumes), ``v8size`` (a ``v8`` message's
bytes as V8 serialises it),
``broker`` (Miniflare's broker: batches, retries, dead-letter queues, synchronous, driven by the
runtime), ``assembly`` (one producer per ``queues.producers`` entry, one broker per env).
"""
