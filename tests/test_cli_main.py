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
