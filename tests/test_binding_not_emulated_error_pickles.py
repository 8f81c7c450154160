"""``workers_env.BindingNotEmulatedError`` -- what a test's Worker meets using an R2 bucket, a
service nobody supplied -- survives ``pickle`` (a ``multiprocessing`` pool's result, a cache) with
its message and its ``binding``/``kind``/``field``, as every other public error does: its ``__init__``
takes those three, and unpickling called it with the message alone, a ``TypeError`` (review90;
walk58's test pickles ConfigError and AiError)."""

from __future__ import annotations

import pickle

import workers_env


def test_it_pickles_with_its_fields():
    error = workers_env.BindingNotEmulatedError("BUCKET", "R2 Bucket", "r2_buckets")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is workers_env.BindingNotEmulatedError
    assert (str(again), again.binding, again.kind, again.field) == (str(error), "BUCKET", "R2 Bucket", "r2_buckets")
