"""Queue producers (``queues.producers``): a producer binding whose sends are recorded for tests.

``producer`` (``QueueProducer``, the surface Worker code sees, and the record a test reads),
``limits`` (the content types and error texts workerd checks before a message leaves),
``assembly`` (one producer per ``queues.producers`` entry).
"""
