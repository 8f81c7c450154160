"""A mistake in a command's arguments reads as wrangler (yargs) words it, laid out and exiting as
wrangler 4.164.0's handleError prints a ``CommandLineArgsError``: an empty line on stdout, the
error on stderr, then the help of the command the line names on stdout; exit 1.

argparse would exit 2 with its own text and its usage line on stderr; the texts here are wrangler
4.164.0's for the same command lines (a missing positional, a missing required option, a value
outside the choices, an unknown option) and its handlers' own for an empty ``--ids`` and a
``--dimensions`` that is not a number (``tools/wrangler/cli_layout_differential.py``'s option
errors compare them with wrangler's).
"""

from __future__ import annotations

import shutil

import pytest
from cli_helpers import run_main

from workers_env.cli import main


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """A project whose index ``idx`` the CLI made, once for the file (making its state database
    was most of each test's setup)."""
    folder = tmp_path_factory.mktemp("app")
    (folder / "wrangler.toml").write_text('name = "x"\n')
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        assert main(["vectorize", "create", "idx", "--dimensions", "3", "--metric", "cosine"]) == 0
    return folder


@pytest.fixture
def app(made, tmp_path, monkeypatch):
    """Each test's own copy of that project, its state files as the CLI left them."""
    shutil.copytree(made, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def error_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    done = run_main(capsys, *argv)
    assert done.returncode == 1
    assert done.stdout.startswith("\nusage: workers-env") and "Traceback" not in done.stderr
    return done.stderr


@pytest.mark.parametrize(("argv", "text"), [
    (["vectorize", "get"], "Not enough non-option arguments: got 0, need at least 1"),
    (["kv", "key", "get"], "Not enough non-option arguments: got 0, need at least 1"),
    (["vectorize", "create-metadata-index", "idx", "--type", "string"], "Missing required argument: propertyName"),
    (["vectorize", "get-vectors", "idx"], "Missing required argument: ids"),
    (["vectorize", "create", "abc", "--dimensions", "3", "--metric", "cos"],
     'Invalid values:\n\n    Argument: metric, Given: "cos", Choices: "euclidean", "cosine", "dot-product"'),
    (["vectorize", "list", "--bogus"], "Unknown argument: bogus"),
    (["vectorize", "list", "--bogus", "--other=1"], "Unknown arguments: bogus, other"),
    (["vectorize", "list", "--bogus", "--bogus"], "Unknown argument: bogus"),
    # a dashed name with its camelCase alias, the word after it being its value (wrangler 4.164.0)
    (["vectorize", "list", "--foo-bar", "baz", "--x-y=1"], "Unknown arguments: foo-bar, fooBar, x-y, xY"),
    (["d1", "execute", "DB", "--command", "SELECT 1", "--bogus", "value"], "Unknown argument: bogus"),
    (["bogus"], "Unknown argument: bogus"),
    (["d1", "bogus"], "Unknown argument: bogus"),
    (["kv", "key", "put", "K", "--path"], "Not enough arguments following: path"),
    # an unknown option before the missing argument is the missing argument (yargs checks it first;
    # argparse 3.14's one-pass intermixed parse named the option: cli_layout_differential 917/920 there)
    (["kv", "key", "get", "--key", "k", "--binding", "KV"], "Not enough non-option arguments: got 0, need at least 1"),
    (["d1", "execute", "--database", "DB", "--command", "SELECT 1"],
     "Not enough non-option arguments: got 0, need at least 1"),
    (["vectorize", "query", "idx", "--vector", "-1.5e3", "1", "--bogus"], "Unknown arguments: 1, bogus"),
])
def test_yargs_texts(app, capsys, argv, text):
    # laid out as wrangler 4.164.0 prints them: yargs' further lines as notes (a blank line, then
    # each indented by two more spaces), two blank lines after the message
    assert error_of(argv, capsys) == f"✘ [ERROR] {text}\n\n\n"


@pytest.mark.parametrize(("argv", "text"), [
    (["vectorize", "get-vectors", "idx", "--ids"], "🚨 Please provide valid vector identifiers."),
    (["vectorize", "delete-vectors", "idx", "--ids"], "🚨 Please provide valid vector identifiers for deletion."),
    (["vectorize", "create", "abc", "--dimensions", "abc", "--metric", "cosine"],
     "🚨 You must provide both dimensions and a metric, or a known model preset when creating an index."),
])
def test_the_handlers_own_texts(app, capsys, argv, text):
    capsys.readouterr()
    assert main(argv) == 1
    out = capsys.readouterr()  # as wrangler's handleError reports a thrown UserError
    assert (out.out, out.err) == ("\n", f"✘ [ERROR] {text}\n\n\n")


@pytest.mark.parametrize(("argv", "command"), [
    (["d1", "execute"], "d1 execute"),
    (["d1", "execute", "DB", "--command", "select 1", "--bogus"], "d1 execute"),
    (["d1", "migrations", "create", "DB"], "d1 migrations create"),
    (["d1", "migrations", "bogus"], "d1 migrations"),
    (["kv", "key", "get", "k", "--binding", "KV", "--bogus"], "kv key get"),
    (["kv", "bogus"], "kv"),
    (["vectorize", "query", "idx", "--vector", "1", "--bogus"], "vectorize query"),
    (["vectorize", "query", "idx", "--return-metadata", "bogus"], "vectorize query"),
    (["dev", "extra1", "extra2"], "dev"),
    (["dev", "--bogus"], "dev"),
    (["validate", "--bogus"], "validate"),
    (["validate", "a", "b"], "validate"),
    (["bogus"], ""),
])
def test_the_help_of_the_command_the_line_names_follows_on_stdout(app, capsys, argv, command):
    """wrangler parses the line's words that are not options again with ``--help``: each names a
    command of the one before until one does not, and that command's help is shown."""
    done = run_main(capsys, *argv)
    help_text = run_main(capsys, *command.split(), "--help").stdout
    assert done.returncode == 1
    assert done.stdout == "\n" + help_text  # handleError's empty line, then the help
    assert done.stderr.startswith("✘ [ERROR] ") and done.stderr.endswith("\n\n\n")
    assert "usage:" not in done.stderr


@pytest.mark.parametrize(("argv", "text"), [
    (["d1", "execute", "DB", "--command", "select 1", "--command", "select 2"],
     'The argument "--command" expects a single value, but received multiple: ["select 1","select 2"].'),
    (["vectorize", "list", "--cwd"], "Not enough arguments following: cwd"),
    (["kv", "key", "get", "k"],
     "Missing required option: exactly one of --binding and --namespace-id must be provided"),
    (["kv", "key", "get", "k", "--binding", "KV", "--namespace-id", "n"],
     "Conflicting options: --binding and --namespace-id cannot be used together. Please provide only one."),
    (["kv", "key", "put", "k", "v", "--binding", "KV", "--metadata", "{"],
     "--metadata must be valid JSON. Received: {"),
    (["kv", "key", "put", "k", "v", "--binding", "KV", "--metadata", "[1]"],
     "--metadata must be a JSON object. Received: [1]"),
])
def test_wranglers_other_command_line_errors_show_the_help_too(app, capsys, argv, text):
    """demandSingleValue, demandOneOfOption and kv put's ``--metadata`` coerce throw
    ``CommandLineArgsError`` too: the same layout, the command's help included."""
    assert error_of(argv, capsys) == f"✘ [ERROR] {text}\n\n\n"
    assert not (app / ".wrangler" / "state" / "v3" / "kv").exists()  # nothing written


def test_an_abbreviated_option_is_unknown_as_in_yargs(app, capsys):
    """argparse would read ``--comm`` as ``--command``; yargs takes no abbreviation, and the word
    after the unknown option is its value, not another unknown word."""
    assert error_of(["d1", "execute", "DB", "--comm", "select 1"], capsys) == "✘ [ERROR] Unknown argument: comm\n\n\n"


@pytest.mark.parametrize(("argv", "text"), [
    (["vectorize", "query", "idx", "--vector", "1", "--top-k", "abc"], "argument --top-k: not a number: 'abc'"),
])
def test_a_value_yargs_takes_but_workers_env_refuses_is_a_commands_error(app, capsys, argv, text):
    """yargs reads a number option's non-number as NaN and goes on; workers-env refuses it, printed
    as wrangler prints what a command throws: the empty line, the error, no help."""
    done = run_main(capsys, *argv)
    assert (done.returncode, done.stdout, done.stderr) == (1, "\n", f"✘ [ERROR] {text}\n\n\n")


@pytest.mark.parametrize(("argv", "text"), [
    (["d1", "exectue", "DB", "--local", "--command", "select 1"], "Unknown arguments: local, command, exectue, DB"),
    (["kv", "ky", "get", "k", "--binding", "KV", "--local"], "Unknown arguments: binding, local, ky, get, k"),
    (["bogus", "list"], "Unknown arguments: bogus, list"),
    (["d1", "bogus", "DB", "--persist-to", "st", "-c", "wrangler.toml"],
     "Unknown arguments: persist-to, persistTo, bogus, DB"),
])
def test_a_word_naming_no_command_is_named_with_everything_the_group_does_not_know(app, capsys, argv, text):
    """At the command group the line reached, yargs calls every option but wrangler's global ones
    (``-c``, ``-e``, ``--cwd``, ...) unknown too, and every word from the misspelt one on that is
    no option's value: the options first (wrangler 4.164.0)."""
    assert error_of(argv, capsys) == f"✘ [ERROR] {text}\n\n\n"


def test_bulk_puts_metadata_that_is_no_json_shows_the_help_too(app, capsys):
    (app / "bulk.json").write_text('[{"key": "a", "value": "1"}]')
    argv = ["kv", "bulk", "put", "bulk.json", "--binding", "KV", "--metadata", "{"]
    assert error_of(argv, capsys) == "✘ [ERROR] --metadata must be valid JSON. Received: {\n\n\n"
    assert not (app / ".wrangler" / "state" / "v3" / "kv").exists()


def test_metadata_is_read_with_the_line_before_anything_else(app, capsys):
    """wrangler reads ``--metadata`` in yargs' coerce, as it parses the line: before the handler
    refuses ``--remote`` or looks the namespace up."""
    argv = ["kv", "key", "put", "k", "v", "--remote", "--binding", "NOPE", "--metadata", "1"]
    assert error_of(argv, capsys) == "✘ [ERROR] --metadata must be a JSON object. Received: 1\n\n\n"


@pytest.mark.parametrize(("argv", "name"), [
    (["kv", "key", "get", "k", "--binding"], "binding"),
    (["kv", "key", "get", "k", "--namespace-id", "--local"], "namespace-id"),
    (["kv", "key", "list", "--binding", "KV", "--prefix"], "prefix"),
    (["d1", "execute", "DB", "--local", "--command", "select 1", "--persist-to"], "persist-to"),
    (["d1", "export", "DB", "--local", "--output", "o.sql", "--compatibility"], "compatibility"),
    (["dev", "--var"], "var"),
    (["dev", "--env-file"], "env-file"),
    (["vectorize", "list", "--config"], "config"),
    (["vectorize", "list", "-c"], "c"),  # named as typed, as yargs names it
    (["d1", "migrations", "apply", "DB", "--local", "-e"], "e"),
    (["kv", "key", "list", "--binding", "KV", "-c", "--local"], "c"),
])
def test_an_option_wrangler_requires_a_value_of_is_refused_without_one(app, capsys, argv, name):
    """Only wrangler's ``requiresArg`` options (measured with wrangler 4.164.0) refuse a missing
    value, naming the option as the line spells it."""
    assert error_of(argv, capsys) == f"✘ [ERROR] Not enough arguments following: {name}\n\n\n"


@pytest.mark.parametrize(("argv", "text"), [
    (["d1", "execute", "DB", "--local", "--file"],
     'Missing required option --command or --file. Provide a SQL command inline with --command="<SQL>", '
     "or a path to a SQL file with --file=<path>."),
    (["d1", "execute", "DB", "--local", "--command"],
     'Missing required option --command or --file. Provide a SQL command inline with --command="<SQL>", '
     "or a path to a SQL file with --file=<path>."),
    (["vectorize", "create", "abc", "--dimensions", "--metric", "cosine"],
     "🚨 You must provide both dimensions and a metric, or a known model preset when creating an index."),
    (["vectorize", "create", "abc", "--description"],
     "🚨 You must provide both dimensions and a metric, or a known model preset when creating an index."),
    (["vectorize", "insert", "idx", "--file"], "🚨 Cannot read invalid or empty file: ."),
    (["vectorize", "query", "idx", "--top-k"],
     "🚨 Either vector or vector-id parameter must be provided, but not both."),
    (["vectorize", "query", "nope", "--namespace"],  # before the index is looked up, as wrangler
     "🚨 Either vector or vector-id parameter must be provided, but not both."),
    (["kv", "key", "put", "k", "v", "--local", "--persist-to"],
     "Missing required option: exactly one of --binding and --namespace-id must be provided"),
])
def test_any_other_option_without_a_value_reads_as_yargs_reads_it_and_the_command_goes_on(app, capsys, argv, text):
    """yargs reads it as its default, else "" (a string) or undefined (a number): the command
    then stops where wrangler's stops, with its text, not at the command line."""
    done = run_main(capsys, *argv)
    assert done.returncode == 1
    assert "Not enough arguments" not in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"✘ [ERROR] {text}\n")


@pytest.mark.parametrize(("argv", "text"), [
    (["vectorize", "create", "abc", "--metric"],
     'Invalid values:\n\n    Argument: metric, Given: "", Choices: "euclidean", "cosine", "dot-product"'),
    (["vectorize", "create-metadata-index", "idx", "--property-name", "p", "--type"],
     'Invalid values:\n\n    Argument: type, Given: "", Choices: "string", "number", "boolean"'),
    # yargs checks the required options before the choices
    (["vectorize", "create-metadata-index", "idx", "--type"], "Missing required argument: propertyName"),
    (["vectorize", "create-metadata-index", "idx", "--type", "bogus"], "Missing required argument: propertyName"),
    (["vectorize", "query", "idx", "--return-metadata", "bogus", "--bogus"], "Unknown argument: bogus"),
])
def test_an_empty_value_outside_the_choices_is_refused_after_the_required_options(app, capsys, argv, text):
    assert error_of(argv, capsys) == f"✘ [ERROR] {text}\n\n\n"


def test_a_number_option_without_a_value_is_its_default(app, capsys):
    """``--top-k`` alone is 5, ``--batch-size`` alone its default, ``--ttl`` alone undefined."""
    (app / "v.ndjson").write_text("".join(f'{{"id": "{i}", "values": [1, {i}, 0]}}\n' for i in range(7)))
    assert run_main(capsys, "vectorize", "insert", "idx", "--file", "v.ndjson", "--batch-size").returncode == 0
    done = run_main(capsys, "vectorize", "query", "idx", "--vector", "1", "1", "0", "--top-k")
    assert done.returncode == 0 and '"count": 5' in done.stdout
    (app / "wrangler.toml").write_text('name = "x"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n')
    argv = ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--ttl", "--expiration"]
    assert run_main(capsys, *argv).returncode == 0
    assert run_main(capsys, "kv", "key", "get", "k", "--binding", "KV", "--local", "--persist-to").stdout == "v"


def test_d1s_empty_options(app, capsys):
    """wrangler runs ``--file`` when truthy, else ``--command`` (``--file --command Q`` runs Q),
    and writes an export to ``--output`` as given, "" too."""
    (app / "wrangler.toml").write_text('name = "x"\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\n'
                                       'database_id = "00000000-0000-4000-8000-000000000001"\n')
    done = run_main(capsys, "d1", "execute", "DB", "--local", "--file", "--command", "select 1 as one", "--json")
    assert done.returncode == 0 and '"one": 1' in done.stdout
    done = run_main(capsys, "d1", "export", "DB", "--local", "--output")
    assert (done.returncode, done.stderr) == (1, "✘ [ERROR] ENOENT: no such file or directory, open ''\n\n\n")


def test_dev_reads_ip_and_port_without_a_value_as_their_defaults():
    from workers_env.cli import build_parser

    args = build_parser("dev").parse_args(["dev", "--ip", "--port"])
    # "" then listens where no --ip does (wrangler's `||`); --port as if not given: 8787, else the next free one
    assert (args.ip, args.port) == ("", None)
