"""Slash commands: what a user types and what they get back when it is wrong."""

from __future__ import annotations

import pytest

from coach.tui.commands import COMMANDS, CommandParseError, commands_help, parse_command


@pytest.mark.parametrize(
    ("text", "name", "args"),
    [
        ("/lint examples", "lint", {"path": "examples"}),
        ('/lint "my repo/src"', "lint", {"path": "my repo/src"}),
        (
            "/data data/t.csv --target is_fraud",
            "data",
            {"path": "data/t.csv", "target": "is_fraud"},
        ),
        ("/data --target=y t.parquet", "data", {"path": "t.parquet", "target": "y"}),
        ("/DATA t.csv -t y", "data", {"path": "t.csv", "target": "y"}),
        (
            "/data train.csv --target y --test test.csv --time-col=day --group-col user --id-col id",
            "data",
            {
                "path": "train.csv",
                "target": "y",
                "test": "test.csv",
                "time_col": "day",
                "group_col": "user",
                "id_col": "id",
            },
        ),
        ("/baseline", "baseline", {}),
        (
            "/baseline accuracy=0.97 roc_auc=0.9",
            "baseline",
            {"scores": "accuracy=0.97 roc_auc=0.9"},
        ),
        (
            '/brainstorm features for "churn" data',
            "brainstorm",
            {"text": 'features for "churn" data'},
        ),
        ("/review", "review", {}),
        ("/export", "export", {}),
        ("/export notes/session.md", "export", {"path": "notes/session.md"}),
        ("/help", "help", {}),
        ("/help /data", "help", {"topic": "data"}),
    ],
)
def test_valid_commands_parse(text, name, args):
    command = parse_command(text)
    assert command.name == name
    assert command.args == args


@pytest.mark.parametrize(
    ("text", "message", "help_mentions"),
    [
        ("/lnt examples", "Unknown command /lnt. Did you mean /lint?", "/data FILE --target COL"),
        ("/frobnicate", "Unknown command /frobnicate.", "/brainstorm TEXT"),
        ("/lint", "/lint needs a PATH", "Usage: /lint PATH"),
        ("/lint a b", "/lint takes one PATH (got 2)", "Usage: /lint PATH"),
        ("/data t.csv", "/data needs --target COL", "Usage: /data FILE --target COL"),
        ("/data --target y", "/data needs a FILE", "Usage: /data FILE --target COL"),
        ("/data t.csv --target", "--target needs a column name", "Usage: /data FILE"),
        ("/data t.csv --taget y", "/data does not know the option --taget", "Usage: /data"),
        ("/data t.csv --target y --test", "--test needs a FILE", "--time-col C"),
        ("/baseline now", "METRIC=VALUE (got 'now')", "Usage: /baseline [METRIC=VALUE ...]"),
        ("/findings all", "/findings takes no arguments (got: all)", "Usage: /findings"),
        ("/brainstorm", "/brainstorm needs the topic", "Usage: /brainstorm TEXT"),
        ('/lint "unclosed', "Cannot read the arguments of /lint", "Usage: /lint PATH"),
        ("/help nope", "No command /nope.", "/review"),
        ("/", "Type a command after the slash.", "/lint PATH"),
    ],
)
def test_bad_commands_explain_and_show_help(text, message, help_mentions):
    with pytest.raises(CommandParseError) as caught:
        parse_command(text)
    assert message in caught.value.message
    assert help_mentions in caught.value.help


def test_full_help_lists_every_command_with_its_usage():
    text = commands_help()
    for spec in COMMANDS:
        assert spec.usage in text
        assert spec.summary in text
