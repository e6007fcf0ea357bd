#!/usr/bin/env python3
"""Set up and run Coach from a fresh clone with nothing but Python >= 3.11.

    python3 dev.py run     # create .venv if needed, then open Coach on the example project
    python3 dev.py test    # create .venv if needed, then run the whole test suite
    python3 dev.py setup   # only (re)create the environment
    python3 dev.py lock    # re-resolve requirements/*.txt (needs network; maintainers only)

The environment is installed from the hash-pinned lock (requirements/dev.txt), and rebuilt
whenever the lock or pyproject.toml changes. Standard library only: this runs before anything
is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("COACH_VENV", ROOT / ".venv"))
LOCK = ROOT / "requirements" / "dev.txt"
STAMP = VENV / ".coach-installed"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
EXAMPLE_ARGS = [
    str(ROOT / "examples"),
    "--data",
    str(ROOT / "examples" / "data" / "transactions.csv"),
    "--target",
    "is_fraud",
]


def _say(message: str) -> None:
    print(f"[dev] {message}", file=sys.stderr, flush=True)


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for path in (LOCK, ROOT / "pyproject.toml"):
        digest.update(path.read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def _run(cmd: list[str], **kwargs: object) -> None:
    result = subprocess.run(cmd, **kwargs)
    if result.returncode != 0:
        _say(f"command failed ({result.returncode}): {' '.join(cmd)}")
        sys.exit(result.returncode)


def setup() -> None:
    """Create the virtual environment from the lock, unless it is already up to date."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may run under any python3
        sys.exit(f"Coach needs Python >= 3.11; this is {sys.version.split()[0]}.")
    wanted = _fingerprint()
    if STAMP.exists() and STAMP.read_text().strip() == wanted and PYTHON.exists():
        return
    if VENV.exists():
        _say(f"the lock changed: rebuilding {VENV}")
        shutil.rmtree(VENV)
    _say(f"creating {VENV} (first run: about a minute)")
    venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    _run(
        [str(PYTHON), "-m", "pip", "install", "--quiet", "--require-hashes", "-r", str(LOCK)],
        env=env,
    )
    # The project itself, editable, built with the hatchling pinned in the lock.
    _run(
        [
            str(PYTHON),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-e",
            str(ROOT),
        ],
        env=env,
    )
    STAMP.write_text(wanted)
    _say("environment ready")


def run(extra: list[str]) -> int:
    setup()
    args = extra or EXAMPLE_ARGS
    return subprocess.call([str(BIN / "coach"), *args], cwd=ROOT)


def test(extra: list[str]) -> int:
    setup()
    return subprocess.call([str(PYTHON), "-m", "pytest", *extra], cwd=ROOT)


def lock() -> int:
    setup()
    uv = [str(PYTHON), "-m", "uv"]
    if subprocess.call([*uv, "--version"], stdout=subprocess.DEVNULL) != 0:
        _say("`uv` is needed to re-lock: install it into the venv (pip install uv) first")
        return 2
    common = ["pip", "compile", "--generate-hashes", "--python-version", "3.11", "-q"]
    req = ROOT / "requirements"
    for name in ("main", "dev"):
        _run([*uv, *common, str(req / f"{name}.in"), "-o", str(req / f"{name}.txt")], cwd=req)
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    command, extra = argv[0], argv[1:]
    if command == "setup":
        setup()
        return 0
    if command == "run":
        return run(extra)
    if command == "test":
        return test(extra)
    if command == "lock":
        return lock()
    print(f"unknown command '{command}'\n{__doc__}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
