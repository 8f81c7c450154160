"""Every ``"package.module:function"`` reference a project writes -- ``[tool.workers-env.bindings]``
factories (``load_env``, ``workers-env dev``), ``[tool.workers-env.ai.embedders]`` and
``embedders=``, ``[tool.workers-env.ai.replies]``'s ``{ function = ... }`` -- goes through one parser
(``workers_env/_targets.py``): the same forms are taken (a dotted name after the colon, for one in a
class: ``"pkg.mod:Class.make"``) and the same mistakes are said in the same words. Before
(leftovers60), a factory's ``mod:Class.make`` was "module has no 'Class.make'", an embedder module whose
own code failed came out as its bare exception, and a name with a space passed the bindings' check."""

from __future__ import annotations

import sys

import pytest

from workers_env import ConfigError, load_env
from workers_env._env import bindings_from_pyproject
from workers_env.config import load_config

MODEL = "@cf/baai/bge-small-en-v1.5"
CODE = ("class Fakes:\n    @staticmethod\n    def make():\n        return {'made': True}\n\n"
        "    @staticmethod\n    def embed(texts):\n        return [[1.0] * 384 for _ in texts]\n")


def _project(tmp_path, module: str, pyproject: str = "", code: str = CODE):
    (tmp_path / "wrangler.toml").write_text('name = "w"\n[ai]\nbinding = "AI"\n')
    (tmp_path / f"{module}.py").write_text(code)
    (tmp_path / "pyproject.toml").write_text(pyproject)
    return tmp_path


def test_a_dotted_name_after_the_colon_is_taken_by_a_bindings_factory(tmp_path):
    root = _project(tmp_path, "lo60_facts_a", '[tool.workers-env.bindings]\nSTORE = "lo60_facts_a:Fakes.make"\n')
    assert bindings_from_pyproject(load_config(root)) == {"STORE": {"made": True}}
    assert str(root) not in sys.path  # (on it only while the module imports; audit37)


def test_and_by_an_embedder(tmp_path):
    root = _project(tmp_path, "lo60_emb_a", f'[tool.workers-env.ai.embedders]\n"{MODEL}" = "lo60_emb_a:Fakes.embed"\n')
    load_env(root)  # (refused, it would raise)
    assert str(root) not in sys.path


@pytest.mark.parametrize("target", ["lo60_x:f g", "lo60_x:", ":f", "lo60_x:f:g", "lo60 x:f", "lo60_x:f."])
def test_a_malformed_reference_is_refused_alike_everywhere(tmp_path, target):
    shown = (f'"{target}" is not "package.module:{{kind}}" (a module to import, a colon, then the name of the '
             '{kind} in it: "package.module:{kind}", or "package.module:Class.{kind}" for one in a class)')
    root = _project(tmp_path, "lo60_x", f'[tool.workers-env.bindings]\nSTORE = "{target}"\n')
    with pytest.raises(ConfigError) as info:
        bindings_from_pyproject(load_config(root))
    assert info.value.problems == [f"[tool.workers-env.bindings] in {root / 'pyproject.toml'}: STORE: "
                                   + shown.format(kind="factory")]
    with pytest.raises(ConfigError) as info:
        load_env(root, embedders={MODEL: target})
    assert str(info.value) == f'the embedders= argument, "{MODEL}": ' + shown.format(kind="function")


def test_a_module_whose_own_code_fails_is_named_alike_everywhere(tmp_path):
    root = _project(tmp_path, "lo60_broken", "", code="raise RuntimeError('no credentials')\n")
    (root / "pyproject.toml").write_text('[tool.workers-env.bindings]\nSTORE = "lo60_broken:make"\n')
    with pytest.raises(ConfigError) as info:
        bindings_from_pyproject(load_config(root))
    said = 'importing "lo60_broken" raised RuntimeError: no credentials; fix that module'
    assert info.value.problems == [f"[tool.workers-env.bindings] in {root / 'pyproject.toml'}: STORE: {said}"]
    with pytest.raises(ConfigError) as info:
        load_env(root, embedders={MODEL: "lo60_broken:embed"})
    assert str(info.value) == f'the embedders= argument, "{MODEL}": {said}'


def test_a_module_missing_a_package_it_imports_says_to_install_that_package(tmp_path):
    """The module named is there; a package its code imports is not (review93b: this read
    ``cannot import "lo60_needs" ...; the module must be importable``, which sent the user
    looking for the wrong module)."""
    root = _project(tmp_path, "lo60_needs", "", code="import r93b_nowhere_installed.sub\n")
    (root / "pyproject.toml").write_text('[tool.workers-env.bindings]\nSTORE = "lo60_needs:make"\n')
    with pytest.raises(ConfigError) as info:
        bindings_from_pyproject(load_config(root))
    said = ('importing "lo60_needs" raised ModuleNotFoundError: No module named \'r93b_nowhere_installed\'; install '
            'the package that provides "r93b_nowhere_installed" where workers-env runs, or fix that module')
    assert info.value.problems == [f"[tool.workers-env.bindings] in {root / 'pyproject.toml'}: STORE: {said}"]
    with pytest.raises(ConfigError) as info:
        load_env(root, embedders={MODEL: "lo60_needs:embed"})
    assert str(info.value) == f'the embedders= argument, "{MODEL}": {said}'


def test_a_missing_module_of_the_projects_own_package_is_named_as_failing(tmp_path):
    """A package of the project whose ``__init__`` imports a submodule it lacks, or a module importing
    a name another lacks: fix it, not install anything; a module the reference itself names that is
    not there is still ``cannot import``."""
    package = tmp_path / "lo60_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("import lo60_pkg.helpers\n")
    root = _project(tmp_path, "lo60_other", '[tool.workers-env.bindings]\nSTORE = "lo60_pkg.stores:make"\n'
                                            'NAME = "lo60_names:make"\nMORE = "lo60_other.nope:make"\n')
    (root / "lo60_names.py").write_text("from json import lo60_nothing\n")
    with pytest.raises(ConfigError) as info:
        bindings_from_pyproject(load_config(root))
    where = f"[tool.workers-env.bindings] in {root / 'pyproject.toml'}"
    store, name, more = info.value.problems
    assert store == (f'{where}: STORE: importing "lo60_pkg.stores" raised ModuleNotFoundError: No module named '
                     "'lo60_pkg.helpers'; fix that module")
    assert name.startswith(f'{where}: NAME: importing "lo60_names" raised ImportError: cannot import name '
                           "'lo60_nothing' from 'json'") and name.endswith("; fix that module")
    assert more == (f'{where}: MORE: cannot import "lo60_other.nope" for "lo60_other.nope:make" (No module named '
                    f"'lo60_other.nope'; 'lo60_other' is not a package); the module must be importable from {root} "
                    "or your environment")


def test_a_module_that_is_not_there_is_named_alike_everywhere(tmp_path):
    root = _project(tmp_path, "lo60_here", '[tool.workers-env.bindings]\nSTORE = "lo60_absent:make"\n')
    said = ('cannot import "lo60_absent" for "lo60_absent:{}" (No module named \'lo60_absent\'); the module must be '
            f"importable from {root} or your environment")
    with pytest.raises(ConfigError) as info:
        bindings_from_pyproject(load_config(root))
    assert info.value.problems == [f"[tool.workers-env.bindings] in {root / 'pyproject.toml'}: STORE: "
                                   + said.format("make")]
    with pytest.raises(ConfigError) as info:
        load_env(root, embedders={MODEL: "lo60_absent:embed"})
    assert str(info.value) == f'the embedders= argument, "{MODEL}": ' + said.format("embed")
