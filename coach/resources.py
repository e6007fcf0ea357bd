"""Where the bundled data files (rule catalog, prompt templates) live.

In a wheel they are installed as `coach/_data/...`; in a source checkout they sit at the top of
the repository. Both layouts are supported so that an editable install and a wheel behave alike.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    bundled = _PACKAGE_DIR / "_data" / name
    if bundled.is_dir():
        return bundled
    checkout = _PACKAGE_DIR.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"Coach's bundled '{name}' directory is missing (looked in {bundled} and {checkout}); "
        "the installation is incomplete — reinstall the package."
    )


def rules_dir() -> Path:
    return _data_dir("rules")


def prompts_dir() -> Path:
    return _data_dir("prompts")
