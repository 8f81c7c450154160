"""Frames of a package installed in the user's site-packages (``pip install --user``), or in a
site-packages only ``site`` lists (a Debian Python's ``/usr/lib/python3/dist-packages``), are a
library's, as those of the environment's own site-packages are: a workers-env bug failing in one
keeps its frames, and a library frame workers-env's code called is left out of a traceback that
hides workers-env's. They counted as the user's code: such a bug was shown without workers-env's
frames, and the library's frames stayed."""

from __future__ import annotations

import site
from pathlib import Path

from workers_env._errors import users_mistake
from workers_env.runtime.tracebacks import PACKAGE_DIR, hides_our_frames, without_our_frames

STEP = """\
def step(rest, error):
    if rest:
        return rest[0](rest[1:], error)
    raise error
"""


def _raised(error: BaseException, *files: str) -> BaseException:
    """``error`` raised through one function in each of ``files`` (called from this test's frame)."""
    steps = []
    for file in files:
        namespace: dict = {}
        exec(compile(STEP, file, "exec"), namespace)
        steps.append(namespace["step"])
    try:
        steps[0](steps[1:], error)
    except BaseException as caught:
        return caught
    raise AssertionError("nothing raised")


def _files(tb) -> list[str]:
    found = []
    while tb is not None:
        found.append(tb.tb_frame.f_code.co_filename)
        tb = tb.tb_next
    return found


USER_LIBRARY = str(Path(site.getusersitepackages()) / "hunt_lib" / "core.py")
OURS = PACKAGE_DIR + "runtime/hunt_fake.py"


def test_a_workers_env_bug_failing_in_a_user_installed_library_keeps_its_frames():
    error = _raised(RuntimeError("a bug"), OURS, USER_LIBRARY)
    assert not hides_our_frames(error, error.__traceback__)
    assert OURS in _files(without_our_frames(error))


def test_a_user_installed_library_workers_env_called_is_left_out():
    error = _raised(users_mistake(ValueError("refused")), OURS, USER_LIBRARY)
    assert _files(without_our_frames(error)) == [__file__]
