"""The `coach` dispatcher: every command is reachable, and `coach PATH` means the app."""

from __future__ import annotations

import argparse

import pytest

from coach.cli import main as cli


def _registered_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def test_static_command_table_matches_what_modules_register() -> None:
    # The literal table lets the app start without importing every command module; it must
    # name exactly the commands the modules really add, or a command would become unreachable.
    assert _registered_names(cli.build_parser()) == set(cli.COMMANDS)
    for name, module in cli.COMMANDS.items():
        assert name in _registered_names(cli.build_parser(name)), (name, module)


@pytest.mark.parametrize(
    ("argv", "app"),
    [
        ([], True),
        (["examples"], True),
        (["--data", "d.csv", "--target", "y"], True),
        (["--resume"], True),
        (["--db", "x.db"], True),
        (["--db", "x.db", "rules"], False),
        (["lint", "examples"], False),
        (["--help"], False),
        (["--version"], False),
    ],
)
def test_app_or_command(argv: list[str], app: bool) -> None:
    assert cli._wants_app(argv) is app


def test_help_lists_every_command(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for name in cli.COMMANDS:
        assert name in out


@pytest.mark.parametrize("command", sorted(set(cli.COMMANDS)))
def test_every_command_help_has_examples(capsys, command: str) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main([command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out or "example" in out.lower(), command
    assert f"coach {command}" in out or command in ("review",), command


def test_version_answers_without_importing_anything(capsys) -> None:
    import subprocess
    import sys

    probe = (
        "import sys; from coach.cli.main import main; main(['--version']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pydantic', 'textual', 'sklearn', 'litellm', 'openai', 'pandas', 'sqlite_utils')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout
    version_line, imported = out.strip().splitlines()
    assert version_line.startswith("coach ")
    assert imported == "[]"


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_script_is_generated_from_the_parser(capsys, shell: str) -> None:
    assert cli.main(["completion", shell]) == 0
    script = capsys.readouterr().out
    for word in ("lint", "check-data", "output-format", "stdin-filename", "sarif"):
        assert word in script, word
    if shell == "fish":
        assert "complete -c coach -n '__fish_seen_subcommand_from lint' -l output-format" in script
    else:
        assert "complete -o default -F _coach_complete coach" in script


def test_bash_completion_completes_commands_options_and_choices(capsys, tmp_path) -> None:
    import shutil
    import subprocess

    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    cli.main(["completion", "bash"])
    script = tmp_path / "coach.bash"
    script.write_text(capsys.readouterr().out)

    def complete(*words: str) -> set[str]:
        line = " ".join(["coach", *words])
        test = (
            f"source {script}; COMP_WORDS=({line}); COMP_CWORD={len(words)}; "
            '_coach_complete; printf "%s\\n" "${COMPREPLY[@]}"'
        )
        result = subprocess.run([bash, "-c", test], capture_output=True, text=True, cwd=tmp_path)
        return set(result.stdout.split())

    assert {"lint", "log"} <= complete("l")
    assert "--output-format" in complete("lint", "--out")
    assert {"sarif", "json"} <= complete("lint", "--output-format", "")
    assert {"list", "search"} <= complete("log", "")


def test_a_command_needing_a_missing_extra_names_it(capsys, monkeypatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "sklearn" else real(name, *a),
    )
    assert cli.main(["check-data", "x.csv", "--target", "y"]) == 2
    err = capsys.readouterr().err
    assert "`coach check-data` needs the [data] extra (scikit-learn not installed)" in err
    assert "pipx install 'mlcoach[data]'" in err


def test_an_optional_library_missing_deeper_down_names_its_extra(capsys, monkeypatch) -> None:
    def ask_without_pandas(args) -> int:
        raise ModuleNotFoundError("No module named 'pandas'", name="pandas")

    parser = cli.build_parser("rules")
    monkeypatch.setattr(cli, "build_parser", lambda command=None: parser)
    monkeypatch.setattr(
        parser,
        "parse_args",
        lambda argv: argparse.Namespace(command="ask", func=ask_without_pandas),
    )
    assert cli.main(["ask", "x"]) == 2
    err = capsys.readouterr().err
    assert "`coach ask` needs the [data] extra (pandas not installed)" in err
