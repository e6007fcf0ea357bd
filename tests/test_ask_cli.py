"""`coach ask`: the answer a user sees, the JSON a script reads, and what the log holds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach.cli.main import main
from coach.store import Store

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("sklearn", "litellm", "textual", "pandas")


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache dir (TF-IDF index, compiled patterns) for the whole test session."""
    return tmp_path_factory.mktemp("coach-cache")


@pytest.fixture(autouse=True)
def _cache(shared_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_CACHE_DIR", str(shared_cache))


def ask(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), "ask", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def ask_json(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> dict:
    code, out, err = ask(capsys, db, "--format", "json", *args)
    assert code == 0, err
    return json.loads(out)


def test_json_answer_has_the_documented_shape_and_is_logged(capsys, db_path: Path) -> None:
    payload = ask_json(
        capsys, db_path, "--no-llm", "0.2% are fraud and my model gets 99.8% accuracy"
    )
    assert list(payload)[:5] == ["question", "session", "route", "suggestions", "related"]
    assert payload["route"] == "rules"
    assert [s["rule"] for s in payload["suggestions"]] == ["BASE003", "IMB001"]
    base = payload["suggestions"][0]
    assert set(base) >= {"id", "source", "rule", "severity", "title", "body", "evidence", "draft"}
    assert base["source"] == "rule" and base["draft"] is False and base["severity"] == "warning"
    assert {"kind": "question", "text": "0.2% are fraud"} in base["evidence"]
    assert "99.8%" in base["body"] and "How to fix" in base["body"]
    assert all(set(r) == {"rule", "title", "score"} for r in payload["related"])
    assert not {r["rule"] for r in payload["related"]} & {"BASE003", "IMB001"}

    with Store.open(db_path) as store:
        logged = store.list_suggestions(session=payload["session"])
        assert {s.id for s in logged} == {s["id"] for s in payload["suggestions"]}
        assert all(s.question_text == payload["question"] for s in logged)
        (question,) = store.questions(payload["session"])
        assert question.route == "rules"


def test_text_answer_shows_severity_rule_evidence_numbers_and_fix(capsys, db_path: Path) -> None:
    code, out, _ = ask(capsys, db_path, "--no-llm", "With 2% positives my model gets 98.1%")
    assert code == 0
    assert "[warning] BASE003 not-beating-baseline" in out
    assert 'evidence (question): "With 2% positives"' in out
    assert "always predicting the majority class scores 98% accuracy" in out
    assert "majority baseline accuracy = 0.98" in out
    assert "fix: " in out and "more: coach rule BASE003" in out
    assert "related checklist items:" in out


def test_no_rule_without_an_llm_says_so_plainly(capsys, db_path: Path) -> None:
    payload = ask_json(capsys, db_path, "--no-llm", "give me feature ideas for churn prediction")
    assert payload["route"] == "draft" and payload["suggestions"] == []
    assert "No rule in Coach's catalog applies" in payload["notes"][0]
    assert "--no-llm" in payload["notes"][0]
    assert payload["related"], "related checklist items are always offered"

    code, out, _ = ask(capsys, db_path, "give me feature ideas for churn prediction")
    assert code == 0
    assert "No rule in Coach's catalog applies" in out and "COACH_MODEL" in out
    with Store.open(db_path) as store:
        assert [q.route for s in store.sessions() for q in store.questions(s.id)] == [
            "draft",
            "draft",
        ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["   "], "the question is empty"),
        (["--repo", "no/such/dir", "does my code leak?"], "no/such/dir: no such file or directory"),
        (["--data", "x.csv", "is my data imbalanced?"], "--data needs --target"),
    ],
)
def test_bad_input_is_a_clear_error_and_the_question_is_still_logged(
    capsys, db_path: Path, args: list[str], message: str
) -> None:
    code, out, err = ask(capsys, db_path, "--no-llm", *args)
    assert code == 2 and out == ""
    assert message in err and "the question was logged" in err
    assert "Traceback" not in err
    with Store.open(db_path) as store:
        (session,) = store.sessions()
        (question,) = store.questions(session.id)
        assert question.text == " ".join(args[-1:]).strip() and question.route == "none"


def test_missing_target_column_names_the_columns(capsys, db_path: Path, tmp_path: Path) -> None:
    data = tmp_path / "d.csv"
    data.write_text("amount,is_fraud\n1,0\n2,1\n", encoding="utf-8")
    code, _, err = ask(
        capsys,
        db_path,
        "--no-llm",
        "--data",
        str(data),
        "--target",
        "fraud",
        "is my data imbalanced?",
    )
    assert code == 2 and "is_fraud" in err and "the question was logged" in err


def test_dataset_numbers_answer_data_questions(capsys, db_path: Path, tmp_path: Path) -> None:
    data = tmp_path / "tx.csv"
    rows = ["amount,is_fraud"] + [f"{i},{1 if i % 50 == 0 else 0}" for i in range(1000)]
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    payload = ask_json(
        capsys,
        db_path,
        "--no-llm",
        "--data",
        str(data),
        "--target",
        "is_fraud",
        "is my data imbalanced? my model gets 97.5% accuracy",
    )
    rules = [s["rule"] for s in payload["suggestions"]]
    assert rules[:2] == ["BASE003", "IMB001"] and "IMB003" in rules
    base = payload["suggestions"][0]
    assert "2% in the minority class from your dataset" in base["body"]
    assert payload["context"]["data"]["class_counts"] == {"0": 980, "1": 20}
    assert set(payload["context"]["data"]["checks"]) <= {
        "target",
        "imbalance",
        "order",
        "columns",
        "duplicates",
        "conflicts",
    }


def test_repo_findings_answer_code_questions_with_file_and_line(
    capsys, db_path: Path, tmp_path: Path
) -> None:
    repo = tmp_path / "proj"
    repo.mkdir()
    (repo / "train.py").write_text(
        "import pandas as pd\n"
        "from sklearn.preprocessing import StandardScaler\n"
        "from sklearn.model_selection import train_test_split\n"
        "from sklearn.linear_model import LogisticRegression\n"
        "df = pd.read_csv('data.csv')\n"
        "X = df.drop(columns=['y'])\n"
        "y = df['y']\n"
        "X = StandardScaler().fit_transform(X)\n"
        "X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)\n"
        "model = LogisticRegression().fit(X_train, y_train)\n"
        "print(model.score(X_test, y_test))\n",
        encoding="utf-8",
    )
    payload = ask_json(
        capsys, db_path, "--no-llm", "--repo", str(repo), "does my code have leakage?"
    )
    leak = next(s for s in payload["suggestions"] if s["rule"] == "LEAK001")
    code_evidence = [e for e in leak["evidence"] if e["kind"] == "code"]
    assert code_evidence and code_evidence[0]["location"]["line"] == 8
    assert (
        "train.py:8: " in code_evidence[0]["text"] and "StandardScaler" in code_evidence[0]["text"]
    )
    assert payload["context"]["repo"]["findings"] >= 1


def test_a_session_collects_several_questions(capsys, db_path: Path) -> None:
    first = ask_json(capsys, db_path, "--no-llm", "I scaled before splitting")
    second = ask_json(
        capsys, db_path, "--no-llm", "--session", first["session"], "I tuned on the test set"
    )
    third = ask_json(capsys, db_path, "--no-llm", "--session", "last", "my accuracy is 100%")
    assert first["session"] == second["session"] == third["session"]
    with Store.open(db_path) as store:
        assert len(store.questions(first["session"])) == 3


def test_record_appends_readable_markdown_without_volatile_ids(
    capsys, db_path: Path, tmp_path: Path
) -> None:
    transcript = tmp_path / "demo.md"
    ask(capsys, db_path, "--no-llm", "I scaled before splitting", "--record", str(transcript))
    ask(capsys, db_path, "--no-llm", "hello coach", "--record", str(transcript))
    text = transcript.read_text(encoding="utf-8")
    assert text.startswith("# Transcript: demo")
    assert "$ coach ask --no-llm 'I scaled before splitting'" in text
    assert "## 2. hello coach" in text
    assert "[error] LEAK001" in text and "id <id>" in text and "session <id>" in text

    from coach.cli.transcript import parse

    _, entries = parse(transcript)
    assert [e.command[-1] for e in entries] == ["I scaled before splitting", "hello coach"]


def test_ask_without_llm_imports_no_heavy_library(tmp_path: Path, shared_cache: Path) -> None:
    probe = (
        "import sys, json, io, contextlib\n"
        "from coach.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['--db', {str(tmp_path / 'x.db')!r}, 'ask', '--no-llm', "
        "'0.2% are fraud and my model gets 99.8% accuracy'])\n"
        f"print(json.dumps([code, sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))]))\n"
    )
    env = {**os.environ, "COACH_CACHE_DIR": str(shared_cache)}
    # Warm the cache (the TF-IDF index is built with scikit-learn once per catalog version).
    subprocess.run(
        [sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, check=True
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [0, []]


@pytest.fixture
def llm_server(monkeypatch: pytest.MonkeyPatch):
    """The LLM tests' loopback OpenAI-compatible server, configured through the environment."""
    sys.path.insert(0, str(ROOT / "tests" / "llm"))
    try:
        from fake_openai_server import FakeOpenAIServer
    finally:
        sys.path.pop(0)
    server = FakeOpenAIServer().start()
    monkeypatch.setenv("COACH_MODEL", "openai/test-model")
    monkeypatch.setenv("COACH_API_BASE", server.api_base)
    monkeypatch.setenv("COACH_API_KEY", "sk-test-not-a-real-key-123456")
    yield server
    server.stop()


def test_brainstorm_adds_a_labelled_draft_after_the_rule_answer(
    capsys, db_path: Path, llm_server
) -> None:
    payload = ask_json(capsys, db_path, "--brainstorm", "I scaled the data before splitting")
    assert payload["route"] == "rules+draft"
    rule, draft = payload["suggestions"]
    assert (rule["source"], rule["rule"], rule["draft"]) == ("rule", "LEAK001", False)
    assert (draft["source"], draft["draft"], draft["status"]) == ("llm", True, "pending")
    assert "LEAK001" in llm_server.received_text(), "the draft prompt carries the rule answer"
    with Store.open(db_path) as store:
        (question,) = store.questions(payload["session"])
        assert question.route == "rules+draft"
        assert {s.source for s in store.list_suggestions(session=payload["session"])} == {
            "rule",
            "llm",
        }


def test_show_prompt_prints_what_would_be_sent_and_sends_nothing(
    capsys, db_path: Path, llm_server
) -> None:
    code, out, _ = ask(
        capsys, db_path, "--show-prompt", "give me feature ideas for churn prediction"
    )
    assert code == 0
    assert "prompt preview — nothing was sent" in out
    assert "give me feature ideas for churn prediction" in out
    assert llm_server.requests == []
    code, out, _ = ask(capsys, db_path, "--no-llm", "--brainstorm", "I scaled before splitting")
    assert code == 0 and "Brainstorm skipped: --no-llm was given." in out
    assert "route: rules ·" in out
