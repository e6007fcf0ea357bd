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
# The resolver that writes requirements/*.txt. Pinned so that two maintainers re-locking the same
# .in files get the same result; dev.py lock installs exactly this version into the venv.
UV_VERSION = "0.13.9"
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


def _uv_version(uv: list[str]) -> str | None:
    result = subprocess.run([*uv, "--version"], capture_output=True, text=True)
    return result.stdout.split()[1] if result.returncode == 0 and result.stdout else None


def lock() -> int:
    """Re-resolve the locks with the pinned uv, kept in its own small venv (.venv-uv) so that
    re-locking never depends on the project environment, which a bad lock could have broken."""
    uv_venv = ROOT / ".venv-uv"
    uv = [str(uv_venv / BIN.name / ("uv.exe" if os.name == "nt" else "uv"))]
    if _uv_version(uv) != UV_VERSION:
        _say(f"installing uv=={UV_VERSION} into {uv_venv} (the pinned resolver)")
        venv.EnvBuilder(with_pip=True, clear=True).create(uv_venv)
        uv_python = uv_venv / BIN.name / PYTHON.name
        _run([str(uv_python), "-m", "pip", "install", "--quiet", f"uv=={UV_VERSION}"])
    # --no-strip-extras: a dependency asking for `httpx[http2]` must find that exact line, or
    # pip --require-hashes refuses it as unpinned.
    common = [
        "pip",
        "compile",
        "--generate-hashes",
        "--no-strip-extras",
        "--python-version",
        "3.11",
    ]
    common.append("-q")
    req = ROOT / "requirements"
    for name in ("main", "dev"):
        _run([*uv, *common, f"{name}.in", "-o", f"{name}.txt"], cwd=req)
        _carry_header(req / f"{name}.in", req / f"{name}.txt")
    return 0


def _carry_header(source: Path, lock_file: Path) -> None:
    """Copy the .in file's leading comment block (why a pin is what it is) into the lock."""
    header = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    if header:
        text = lock_file.read_text(encoding="utf-8")
        lock_file.write_text("\n".join(header) + "\n#\n" + text, encoding="utf-8")


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
