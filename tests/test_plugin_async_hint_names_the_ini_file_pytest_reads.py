"""The hint for an unmarked ``async def`` test in strict mode names where ``asyncio_mode``
goes in the file pytest read its settings from: a ``pytest.ini`` beside ``pyproject.toml``
wins, and ``asyncio_mode = "auto"`` under pyproject's ``[tool.pytest.ini_options]`` (what the
quick start writes) is then never read -- so the hint must not send the user back there."""

from __future__ import annotations

import pytest

TESTS = """
    async def test_ours(env):
        pass
"""
AUTO_IN_PYPROJECT = '[tool.pytest.ini_options]\nasyncio_mode = "auto"\nasyncio_default_fixture_loop_scope = "function"\n'


def _run(pytester: pytest.Pytester) -> str:
    pytester.makefile(".toml", wrangler='name = "w"\n')
    pytester.makepyfile(test_async=TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest")  # in-process
    result.assert_outcomes(failed=1)
    return result.stdout.str()


def test_a_pytest_ini_beside_pyproject_is_the_file_named(pytester: pytest.Pytester) -> None:
    (pytester.path / "pyproject.toml").write_text(AUTO_IN_PYPROJECT)
    (pytester.path / "pytest.ini").write_text("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    out = _run(pytester)
    assert ("or set asyncio_mode = auto under [pytest] in pytest.ini (pytest reads its settings from that file, "
            "not from pyproject.toml) to run every async test.") in out


def test_pyproject_read_by_pytest_is_the_file_named(pytester: pytest.Pytester) -> None:
    (pytester.path / "pyproject.toml").write_text(AUTO_IN_PYPROJECT.replace('"auto"', '"strict"'))
    out = _run(pytester)
    assert ('or set asyncio_mode = "auto" under [tool.pytest.ini_options] in pyproject.toml (or [pytest] in '
            "pytest.ini) to run every async test.") in out


def test_setup_cfg_gets_its_own_section_name(pytester: pytest.Pytester) -> None:
    (pytester.path / "setup.cfg").write_text("[tool:pytest]\nasyncio_default_fixture_loop_scope = function\n")
    out = _run(pytester)
    assert "or set asyncio_mode = auto under [tool:pytest] in setup.cfg to run every async test." in out


def test_a_pytest_ini_without_a_pyproject_beside_it_says_nothing_of_pyproject(pytester: pytest.Pytester) -> None:
    (pytester.path / "pytest.ini").write_text("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    out = _run(pytester)
    assert "or set asyncio_mode = auto under [pytest] in pytest.ini to run every async test." in out
    assert "not from pyproject.toml" not in out


@pytest.mark.skipif(int(pytest.__version__.split(".")[0]) < 9, reason="pytest reads pytest.toml from 9.0")
def test_a_pytest_toml_gets_its_toml_line(pytester: pytest.Pytester) -> None:
    (pytester.path / "pytest.toml").write_text('[pytest]\nasyncio_default_fixture_loop_scope = "function"\n')
    out = _run(pytester)
    assert 'or set asyncio_mode = "auto" under [pytest] in pytest.toml to run every async test.' in out
