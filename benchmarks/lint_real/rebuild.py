"""Rebuild the real-code lint corpus from fetched git snapshots (stdlib only).

Third-party code is never committed: each split keeps only a manifest
(``<split>/manifest.csv`` with columns repo,commit,path) and this script extracts those files
at that commit into ``benchmarks/lint_real/corpus/<split>/<owner>__<name>/<path>`` (git-ignored).

A snapshot is any git directory under ``<mirror>/<owner>+<name>/`` (a bare repository such as
``/work/.mirror/owner+name/repo``) or a normal clone at ``<mirror>/<owner>+<name>``.

Usage:
    python benchmarks/lint_real/rebuild.py [--split dev|heldout|all] [--mirror DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPLITS = ("dev", "heldout")


def read_manifest(split: str) -> list[tuple[str, str, str]]:
    """Rows (repo, commit, path) of a split's manifest; empty when the split does not exist."""
    path = HERE / split / "manifest.csv"
    if not path.is_file():
        return []
    with path.open(newline="", encoding="utf-8") as fh:
        return [(r["repo"], r["commit"], r["path"]) for r in csv.DictReader(fh)]


def find_git_dir(mirror: Path, repo: str) -> Path | None:
    """The git directory of a fetched snapshot of ``repo``, or None when it is not here."""
    root = mirror / repo.replace("/", "+")
    if not root.is_dir():
        return None
    subdirs = sorted(p for p in root.iterdir() if p.is_dir() and p.name != ".git")
    candidates = [root / ".git", root, *subdirs, *(d / ".git" for d in subdirs)]
    for cand in candidates:
        if (cand / "HEAD").is_file() and (cand / "objects").is_dir():
            return cand
    return None


def has_commit(git_dir: Path, commit: str) -> bool:
    res = subprocess.run(
        ["git", "--git-dir", str(git_dir), "cat-file", "-e", f"{commit}^{{commit}}"],
        capture_output=True,
    )
    return res.returncode == 0


def extract(git_dir: Path, commit: str, path: str, dest: Path) -> bool:
    """Write ``commit:path`` to ``dest``; False when the blob is absent from the snapshot."""
    res = subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"], capture_output=True
    )
    if res.returncode != 0:
        return False
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(res.stdout)
    return True


def rebuild(split: str, mirror: Path, out: Path, clean: bool) -> int:
    """Extract one split; returns the number of problems (missing repos, commits or files)."""
    rows = read_manifest(split)
    if not rows:
        print(f"[{split}] no manifest at {HERE / split / 'manifest.csv'} - skipped")
        return 0
    target = out / split
    if clean and target.exists():
        shutil.rmtree(target)
    by_repo: dict[tuple[str, str], list[str]] = {}
    for repo, commit, path in rows:
        by_repo.setdefault((repo, commit), []).append(path)
    problems = 0
    written = 0
    for (repo, commit), paths in sorted(by_repo.items()):
        git_dir = find_git_dir(mirror, repo)
        if git_dir is None:
            problems += 1
            print(
                f"[{split}] MISSING repo {repo} ({len(paths)} files). Get it with the search "
                f"tool's fetch('github:{repo}') (lands in {mirror}/{repo.replace('/', '+')}/), "
                f"or: git clone https://github.com/{repo} {mirror}/{repo.replace('/', '+')} && "
                f"git -C {mirror}/{repo.replace('/', '+')} checkout {commit}"
            )
            continue
        if not has_commit(git_dir, commit):
            problems += 1
            print(
                f"[{split}] {repo}: commit {commit} is not in {git_dir} - fetch a snapshot "
                f"that contains it (git fetch origin {commit} in a clone)"
            )
            continue
        owner, name = repo.split("/", 1)
        base = target / f"{owner}__{name}"
        for path in paths:
            if extract(git_dir, commit, path, base / path):
                written += 1
            else:
                problems += 1
                print(f"[{split}] {repo}@{commit[:10]}: file not in snapshot: {path}")
    print(f"[{split}] {written}/{len(rows)} files written under {target}")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    ap.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("--out", type=Path, default=HERE / "corpus")
    ap.add_argument("--keep", action="store_true", help="do not delete the split folder first")
    args = ap.parse_args(argv)
    splits = SPLITS if args.split == "all" else (args.split,)
    problems = sum(rebuild(s, args.mirror, args.out, clean=not args.keep) for s in splits)
    if problems:
        print(f"{problems} problem(s); the corpus is incomplete (figures will not be comparable)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
