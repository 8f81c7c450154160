"""A file of the Worker's folder that wrangler would not upload cannot be read by Worker code.

Deployed, Python sees only the Text, Data and Python modules wrangler uploaded (its module
rules: ``*.txt``/``*.html``/``*.sql`` Text and ``*.bin`` Data by default, plus the config's
``[[rules]]``); reading ``content/about.md`` without a rule for it is ``FileNotFoundError``
there, and here, with the rule to add in the message. The test's own reads are untouched.
"""

from __future__ import annotations

import textwrap

import pytest
from worker_helpers import one_file_worker, typical_pyproject

from workers_env import load_env, load_worker

ENTRY = """\
    from pathlib import Path
    from workers import Response, WorkerEntrypoint

    HERE = Path(__file__).parent

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            name = request.url.split("/", 3)[3]
            try:
                if name.startswith("pathlib/"):
                    text = (HERE / name.split("/", 1)[1]).read_text()
                else:
                    with open(HERE / name) as f:
                        text = f.read()
            except FileNotFoundError as exc:
                return Response(f"{exc.strerror}", status=404)
            return Response(text)
"""


def _project(tmp_path, extra="", date="2026-05-01"):
    folder = one_file_worker(tmp_path, ENTRY, extra=extra, date=date)
    src = folder / "src"
    (src / "content").mkdir()
    (src / "content" / "about.md").write_text("# About\n")
    (src / "note.txt").write_text("a note\n")
    (src / "page.html").write_text("<p>hi</p>\n")
    (src / "blob.bin").write_bytes(b"bin\n")
    (src / "data.json").write_text('{"a": 1}\n')
    return folder


async def _read(worker, name):
    response = await worker.fetch(f"/{name}")
    return response.status, await response.text()


@pytest.mark.asyncio
async def test_default_rules_upload_text_html_sql_and_bin(tmp_path):
    worker = load_worker(_project(tmp_path))
    assert await _read(worker, "note.txt") == (200, "a note\n")
    assert await _read(worker, "page.html") == (200, "<p>hi</p>\n")
    assert await _read(worker, "blob.bin") == (200, "bin\n")
    assert await _read(worker, "entry.py") == (200, (tmp_path / "src" / "entry.py").read_text())


@pytest.mark.asyncio
async def test_a_file_no_rule_matches_is_missing_with_the_rule_to_add(tmp_path):
    folder = _project(tmp_path)
    worker = load_worker(folder)
    status, text = await _read(worker, "content/about.md")
    assert status == 404
    assert text == ("No such file or directory once deployed (wrangler would not upload 'content/about.md': no "
                    'module rule matches it; add one to wrangler.toml, e.g. [[rules]] type = "Data" globs = '
                    '["**/*.md"] (or "Text"), and Python reads it as a file)')
    assert (await _read(worker, "data.json"))[0] == 404
    assert (await _read(worker, "pathlib/data.json"))[0] == 404  # through pathlib too
    assert (folder / "src" / "content" / "about.md").read_text() == "# About\n"  # the test's own read


@pytest.mark.asyncio
async def test_a_rule_uploads_it(tmp_path):
    worker = load_worker(_project(tmp_path, extra='[[rules]]\ntype = "Data"\nglobs = ["**/*.md", "**/*.json"]\n'))
    assert await _read(worker, "content/about.md") == (200, "# About\n")
    assert await _read(worker, "pathlib/data.json") == (200, '{"a": 1}\n')
    assert await _read(worker, "note.txt") == (200, "a note\n")  # a Data rule leaves the Text defaults


@pytest.mark.asyncio
async def test_a_rule_without_fallthrough_shadows_the_defaults_of_its_type(tmp_path):
    worker = load_worker(_project(tmp_path, extra='[[rules]]\ntype = "Text"\nglobs = ["**/*.md"]\n'))
    assert await _read(worker, "content/about.md") == (200, "# About\n")
    assert (await _read(worker, "note.txt"))[0] == 404  # *.txt was the default Text rule's
    worker = load_worker(_project(tmp_path / "ft", extra='[[rules]]\ntype = "Text"\nglobs = ["**/*.md"]\n'
                                                         "fallthrough = true\n"))
    assert await _read(worker, "note.txt") == (200, "a note\n")


@pytest.mark.asyncio
async def test_without_additional_modules_only_main_is_there(tmp_path):
    # (dated before the external SDK's date: uploaded alone, main has an SDK only with the built-in one)
    worker = load_worker(_project(tmp_path, extra="find_additional_modules = false\n", date="2026-03-01"))
    status, text = await _read(worker, "note.txt")
    assert status == 404 and "find_additional_modules = false uploads only main" in text
    assert (await _read(worker, "entry.py"))[0] == 200


def test_without_additional_modules_the_packages_left_behind_are_named_on_stderr(tmp_path, capfd):
    project = one_file_worker(tmp_path, "from workers import Response, WorkerEntrypoint\n\n"
                              "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n"
                              "        return Response('up')\n", date="2025-11-01",
                              extra="find_additional_modules = false\n")
    (project / "python_modules").mkdir()
    load_worker(project)
    assert capfd.readouterr().err == (
        "workers-env: find_additional_modules = false: wrangler uploads only main (src/entry.py) (wrangler 4.102 and "
        "later; earlier releases ignored the key for a Python Worker and uploaded every module, so one deployed with "
        "them has them), not python_modules/, "
        "so the packages in python_modules/ are not there once deployed; workers-env still imports them from your "
        "virtualenv. Remove that line (or set it to true) to deploy them.\n")


def test_without_additional_modules_the_declared_packages_are_named_on_stderr(tmp_path, capfd):
    project = one_file_worker(tmp_path, "from workers import Response, WorkerEntrypoint\n\n"
                              "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n"
                              "        return Response('up')\n", date="2025-11-01",
                              extra="find_additional_modules = false\n")
    (project / "pyproject.toml").write_text('[project]\nname = "w"\nversion = "0"\ndependencies = ["fastapi"]\n')
    load_worker(project)
    assert capfd.readouterr().err == (
        "workers-env: find_additional_modules = false: wrangler uploads only main (src/entry.py) (wrangler 4.102 and "
        "later; earlier releases ignored the key for a Python Worker and uploaded every module, so one deployed with "
        "them has them), not python_modules/, "
        "so the packages it declares (fastapi) are not there once deployed; workers-env still imports them from your "
        "virtualenv. Remove that line (or set it to true) to deploy them.\n")


@pytest.mark.asyncio
async def test_a_module_type_python_does_not_see_as_a_file(tmp_path):
    folder = _project(tmp_path)
    (folder / "src" / "code.wasm").write_bytes(b"\0asm")
    status, text = await _read(load_worker(folder), "code.wasm")
    assert status == 404 and "as a CompiledWasm module, which Python does not see as a file" in text


@pytest.mark.asyncio
async def test_workers_env_reads_its_own_files_for_the_worker(tmp_path):
    """Static assets kept under main's folder are served through ``env.ASSETS`` from Worker
    code: the emulator's reads are not the Worker's."""
    entry = """\
        from workers import Response, WorkerEntrypoint

        class Default(WorkerEntrypoint):
            async def fetch(self, request):
                return await self.env.ASSETS.fetch("https://example.com/about.md")
    """
    folder = one_file_worker(tmp_path, entry, extra='[assets]\ndirectory = "src/static"\nbinding = "ASSETS"\n'
                                                    'run_worker_first = true\n')
    (folder / "src" / "static").mkdir()
    (folder / "src" / "static" / "about.md").write_text("# served\n")
    response = await load_worker(folder).fetch("/")
    assert (response.status, await response.text()) == (200, "# served\n")


@pytest.mark.asyncio
async def test_a_symlink_is_judged_by_its_own_name_and_a_symlinked_folder_is_not_walked(tmp_path):
    folder = _project(tmp_path)
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "page.tmpl").write_text("<p>linked</p>\n")
    (tmp_path / "shared" / "t.html").write_text("<p>t</p>\n")
    (folder / "src" / "linked.html").symlink_to(tmp_path / "shared" / "page.tmpl")  # uploaded as linked.html
    (folder / "src" / "linked.md").symlink_to(tmp_path / "src" / "note.txt")  # a name no rule uploads
    (folder / "src" / "templates").symlink_to(tmp_path / "shared", target_is_directory=True)
    worker = load_worker(folder)
    assert await _read(worker, "linked.html") == (200, "<p>linked</p>\n")
    assert (await _read(worker, "linked.md"))[0] == 404
    status, text = await _read(worker, "templates/t.html")
    assert status == 404 and "'templates' is a symbolic link to a folder" in text


@pytest.mark.asyncio
async def test_the_config_file_is_never_uploaded(tmp_path):
    (tmp_path / "entry.py").write_text(textwrap.dedent(ENTRY))
    (tmp_path / "wrangler.toml").write_text(
        'name = "w"\nmain = "entry.py"\ncompatibility_date = "2026-05-01"\ncompatibility_flags = ["python_workers"]\n'
        '[[rules]]\ntype = "Text"\nglobs = ["**/*.toml"]\nfallthrough = true\n')
    typical_pyproject(tmp_path)
    (tmp_path / "other.toml").write_text("x = 1\n")
    worker = load_worker(tmp_path)
    assert await _read(worker, "other.toml") == (200, "x = 1\n")
    status, text = await _read(worker, "wrangler.toml")
    assert status == 404 and "wrangler never uploads its config file 'wrangler.toml'" in text


@pytest.mark.asyncio
async def test_a_binding_you_supply_reads_files_for_the_worker(tmp_path):
    """A fake binding of the test reading a file under ``src/`` while the Worker calls it."""
    entry = """\
        from workers import Response, WorkerEntrypoint

        class Default(WorkerEntrypoint):
            async def fetch(self, request):
                return Response(await self.env.FILES.get("fixture.md"))
    """
    folder = one_file_worker(tmp_path, entry)
    (folder / "src" / "fixture.md").write_text("from the fake\n")

    class Files:
        async def get(self, name):
            return (folder / "src" / name).read_text()

    worker = load_worker(folder, env=load_env(folder, bindings={"FILES": Files()}))
    response = await worker.fetch("/")
    assert (response.status, await response.text()) == (200, "from the fake\n")
