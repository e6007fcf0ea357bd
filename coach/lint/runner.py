"""Orchestration of a lint run: discover -> load + parse + analyse each file -> project checks ->
selection, suppression -> a `LintRun` the reporters print.

Files are independent, so a large run is spread over a process pool (one worker per core); a
handful of files stays in this process, where starting workers would cost more than it saves.
Each worker sends back only what the report needs (findings, the few source lines they point at,
suppression comments), never whole files, so memory stays bounded by the largest single file.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field, PrivateAttr

from coach import __version__
from coach.cancel import Token, checkpoint
from coach.lint.config import LintSettings, known_rule_ids, lint_catalog
from coach.lint.model import FileAnalysis, FileReport, LintReport, LintSummary, SourceFile
from coach.lint.sources import Candidate, Discovery, Loaded, discover, load_file
from coach.lint.suppress import Directive, Suppressions, parse_directives
from coach.models import Finding, Location

if TYPE_CHECKING:  # multiprocessing and concurrent.futures load only for a parallel run
    import multiprocessing.context

# Below these, a run stays in one process (worker start-up would dominate).
PARALLEL_MIN_FILES = 8
PARALLEL_MIN_BYTES = 1_500_000
RECURSION_LIMIT = 10_000  # deep but legal code (long `a + b + ...` chains) must not fail

ProgressCallback = Callable[[int, int], None]


class FileEntry(FileReport):
    """A file of the run: the shared `FileReport` plus what a user needs to trust the result."""

    kind: str | None = None  # py | ipynb | exported
    notes: list[str] = Field(default_factory=list)  # e.g. "decoded as Latin-1", a skipped cell


class UnusedSuppressionEntry(BaseModel):
    path: str
    line: int
    cell: int | None = None
    comment: str
    codes: list[str] = Field(default_factory=list)
    reason: str


class LintRun(LintReport):
    """The report of one run (what `--format json` prints), plus what the text output needs."""

    files: list[FileEntry] = Field(default_factory=list)  # type: ignore[assignment]
    unused_suppressions: list[UnusedSuppressionEntry] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)  # run-level: symlink loops, folders unreadable
    suppressed: int = 0
    baselined: int = 0
    internal_errors: int = 0
    elapsed: float = 0.0
    jobs: int = 1
    # (path, cell, line) in the user's coordinates -> the source line, for snippets and baselines.
    _lines: dict[tuple[str, int | None, int], str] = PrivateAttr(default_factory=dict)

    def source_line(self, location: Location | None) -> str | None:
        if location is None or location.line is None:
            return None
        return self._lines.get((location.path, location.cell, location.line))

    def recount(self) -> None:
        """Recompute the summary after findings were added or filtered (e.g. by a baseline)."""
        self.summary = LintSummary(
            files=len(self.files),
            files_with_models=sum(1 for f in self.files if f.models_found),
            findings=len(self.findings),
            errors=sum(1 for f in self.files if f.status != "ok"),
        )


@dataclass
class FileOutcome:
    """What a worker sends back for one file."""

    entry: FileEntry
    source: SourceFile | None = None  # text dropped (only path, kind and cells are kept)
    analysis: FileAnalysis | None = None
    directives: list[Directive] = field(default_factory=list)
    lines: dict[int, str] = field(default_factory=dict)  # text line -> the user's line
    internal_error: str | None = None


# --------------------------------------------------------------------------- per file


def _referenced_lines(analysis: FileAnalysis, source: SourceFile) -> set[int]:
    """The lines of the text the findings point at (their snippets travel with the outcome)."""
    wanted: set[int] = set()
    for finding in analysis.findings:
        for location in (finding.location, *finding.related):
            if location is not None and location.line and location.path in (source.path, ""):
                wanted.add(source.text_line(location))  # type: ignore[arg-type]
                if location.end_line:
                    wanted.add(source.text_line(location, location.end_line))  # type: ignore[arg-type]
    return wanted


def lint_file(candidate: Candidate, max_file_size: int) -> FileOutcome:
    """Load, parse and analyse one file. Problems with the file become its status, never raise."""
    try:
        return _lint_file(candidate, max_file_size)
    except Exception as exc:  # a bug of ours must cost one file, not the run
        detail = f"internal error: {type(exc).__name__}: {exc}"
        entry = FileEntry(path=candidate.display, status="skipped", detail=detail)
        return FileOutcome(entry, internal_error=detail)


def _lint_file(candidate: Candidate, max_file_size: int) -> FileOutcome:
    try:
        loaded = load_file(candidate, max_file_size)
    except (RecursionError, MemoryError) as exc:
        entry = FileEntry(path=candidate.display, status="too-large", detail=_why(exc))
        return FileOutcome(entry)
    entry = FileEntry(**loaded.report.model_dump(), notes=list(loaded.notes))
    if loaded.source is None or loaded.tree is None:
        return FileOutcome(entry)
    source = loaded.source
    entry.kind = source.kind
    outcome = FileOutcome(entry)
    try:
        from coach.lint.analysis import analyze_source

        analysis = analyze_source(source, loaded.tree)
    except (RecursionError, MemoryError) as exc:
        entry.status = "too-large"
        entry.detail = _why(exc)
        return outcome
    except Exception as exc:  # a bug in the analysis must not take the whole run down
        entry.status = "skipped"
        entry.detail = f"internal error in the analysis: {type(exc).__name__}: {exc}"
        outcome.internal_error = entry.detail
        return outcome
    finally:
        loaded.tree = None
    entry.models_found = analysis.models_found
    entry.evaluation_found = analysis.evaluation_found
    outcome.analysis = analysis
    outcome.directives = parse_directives(source.text)
    outcome.lines = _lines_of(loaded, _referenced_lines(analysis, source))
    outcome.source = source.model_copy(update={"text": ""})
    return outcome


def _why(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply to analyse (the recursion limit was reached)"
    return "ran out of memory while analysing"


def _lines_of(loaded: Loaded, numbers: set[int]) -> dict[int, str]:
    return {n: loaded.line(n) for n in numbers}


def _worker_init(parent: int | None = None) -> None:
    sys.setrecursionlimit(max(sys.getrecursionlimit(), RECURSION_LIMIT))
    _die_with_parent(parent)


def _die_with_parent(parent: int | None) -> None:
    """Ask Linux to SIGKILL this worker when its parent dies (kill -9 or SIGTERM of
    `coach lint --jobs N` must not leave workers running forever, e.g. after a CI time-out)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if parent is not None and os.getppid() != parent:
        os._exit(1)  # the parent died before the request took effect


def _lint_chunk(jobs: list[tuple[int, Candidate, int]]) -> list[tuple[int, FileOutcome]]:
    return [(index, lint_file(candidate, limit)) for index, candidate, limit in jobs]


# --------------------------------------------------------------------------- the run


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _total_size(files: list[Candidate], stop_at: int) -> int:
    total = 0
    for candidate in files:
        try:
            total += candidate.path.stat().st_size
        except OSError:
            continue
        if total >= stop_at:
            break
    return total


def _pool_context() -> multiprocessing.context.BaseContext:
    import multiprocessing

    # fork is by far the cheapest start, but is unsafe once other threads run (e.g. in the app).
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def run_files(
    files: list[Candidate],
    max_file_size: int | list[int],
    jobs: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: Token | None = None,
) -> tuple[list[FileOutcome], int]:
    """Outcomes in the order of `files`, and the number of processes used.

    `max_file_size` is one limit for all, or one per file (each file's own config may set it).
    With `cancel` set, stops between files (or between worker chunks) with `Cancelled`; queued
    chunks are dropped and running workers are left to finish on their own."""
    jobs = jobs or default_jobs()
    total = len(files)
    limits = max_file_size if isinstance(max_file_size, list) else [max_file_size] * total
    parallel = (
        jobs > 1
        and total >= PARALLEL_MIN_FILES
        and _total_size(files, PARALLEL_MIN_BYTES) >= PARALLEL_MIN_BYTES
    )
    outcomes: list[FileOutcome | None] = [None] * total
    if not parallel:
        old_limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(old_limit, RECURSION_LIMIT))
        try:
            for index, candidate in enumerate(files):
                checkpoint(cancel)
                outcomes[index] = lint_file(candidate, limits[index])
                if progress:
                    progress(index + 1, total)
        finally:
            sys.setrecursionlimit(old_limit)
        return [o for o in outcomes if o is not None], 1
    # Largest files first so that no worker is left with a big file at the end.
    order = sorted(range(total), key=lambda i: -_size(files[i]))
    size = max(1, min(64, total // (jobs * 16)))
    chunks = [
        [(i, files[i], limits[i]) for i in order[start : start + size]]
        for start in range(0, total, size)
    ]
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    done = 0
    try:
        pool = ProcessPoolExecutor(
            jobs, _pool_context(), initializer=_worker_init, initargs=(os.getpid(),)
        )
        try:
            futures = [pool.submit(_lint_chunk, chunk) for chunk in chunks]
            pending = set(futures)
            while pending:
                finished, pending = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
                checkpoint(cancel)
                for future in finished:
                    for index, outcome in future.result():
                        outcomes[index] = outcome
                        done += 1
                if finished and progress:
                    progress(done, total)
        except BaseException:  # cancelled, or a broken pool: drop the queue, do not wait
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
    except (BrokenProcessPool, OSError):
        # Workers could not start (e.g. no usable __main__ for `spawn`): finish in-process.
        missing = [i for i, o in enumerate(outcomes) if o is None]
        rest, _ = run_files([files[i] for i in missing], [limits[i] for i in missing], 1)
        for index, outcome in zip(missing, rest, strict=True):
            outcomes[index] = outcome
        return [o for o in outcomes if o is not None], 1
    return [o for o in outcomes if o is not None], jobs


def _size(candidate: Candidate) -> int:
    try:
        return candidate.path.stat().st_size
    except OSError:
        return 0


def lint_paths(
    paths: Sequence[str | Path],
    settings: LintSettings,
    *,
    cwd: Path | None = None,
    jobs: int | None = None,
    progress: ProgressCallback | None = None,
    stdin_text: str | None = None,
    stdin_filename: str | None = None,
    cancel: Token | None = None,
) -> LintRun:
    """Lint files and folders; every per-file problem ends up in the report, never as an error.

    The path `-` is `stdin_text` (what an editor sends), reported and configured as
    `stdin_filename` (default `-`, read as a script). Raises `PathError` (from discovery) only
    when a path given by the user does not exist, and `Cancelled` when `cancel` is set.
    """
    started = time.perf_counter()
    cwd = (cwd or Path.cwd()).resolve()
    lint_catalog()  # loaded once here, so that forked workers inherit it
    paths = list(paths) or ["."]
    named = [p for p in paths if str(p) != "-"]
    discovery = _discover(named, settings, cwd) if named else Discovery()
    if len(named) < len(paths):
        discovery.files += _stdin_candidate(stdin_text, stdin_filename, settings, cwd)
    limits = [settings.for_path(cwd / c.display).max_file_size for c in discovery.files]
    checkpoint(cancel)
    outcomes, used_jobs = run_files(discovery.files, limits, jobs, progress, cancel)
    run = LintRun(version=__version__, notes=list(discovery.notes), jobs=used_jobs)
    run.files = [FileEntry(**r.model_dump()) for r in discovery.skipped]
    run.files += [o.entry for o in outcomes]
    run.internal_errors = sum(1 for o in outcomes if o.internal_error)
    _collect_findings(run, outcomes, settings, discovery.files)
    run.files.sort(key=lambda f: f.path)
    run.recount()
    run.elapsed = time.perf_counter() - started
    return run


def _discover(paths: list[str | Path], settings: LintSettings, cwd: Path) -> Discovery:
    """Walk each path with its own nearest settings (exclusions, .gitignore), then drop files that
    their own nearer config excludes, so that neither argument order nor nesting matters."""
    groups: dict[int, tuple[LintSettings, list[str | Path]]] = {}
    for raw in paths:
        own = settings.for_path(raw if Path(raw).is_absolute() else cwd / raw)
        groups.setdefault(id(own), (own, []))[1].append(raw)
    merged = Discovery()
    seen: set[Path] = set()
    for own, group in groups.values():
        found = discover(
            group,
            cwd=cwd,
            exclude=own.exclude,
            exclude_base=own.project_root,
            respect_gitignore=own.respect_gitignore,
            force_exclude=own.force_exclude,
        )
        for candidate in found.files:
            key = Path(os.path.realpath(candidate.path))
            if key in seen:
                continue
            seen.add(key)
            nearest = settings.for_path(candidate.path)
            walked_or_forced = not candidate.explicit or nearest.force_exclude
            if nearest is not own and walked_or_forced and _excluded_by(nearest, candidate.path):
                continue
            merged.files.append(candidate)
        merged.skipped += found.skipped
        merged.notes += found.notes
    return merged


def _stdin_candidate(
    text: str | None, filename: str | None, settings: LintSettings, cwd: Path
) -> list[Candidate]:
    """The text from standard input as a file in a private temporary folder, shown as `filename`.

    The folder lives until the process ends (the loader reads the file, and re-reads it for
    project-level findings); nothing else is written."""
    import atexit
    import shutil
    import tempfile

    display = filename or "-"
    own = settings.for_path(cwd / display if filename else cwd)
    if filename and own.force_exclude and _excluded_by(own, cwd / filename):
        return []
    folder = Path(tempfile.mkdtemp(prefix="coach-stdin-"))
    atexit.register(shutil.rmtree, folder, True)
    suffix = Path(display).suffix if Path(display).suffix in (".py", ".ipynb") else ".py"
    path = folder / f"stdin{suffix}"
    path.write_text(text or "", encoding="utf-8")
    return [Candidate(path, display, explicit=True)]


def _excluded_by(settings: LintSettings, path: Path) -> bool:
    if not settings.exclude:
        return False
    import pathspec

    spec = pathspec.GitIgnoreSpec.from_lines(settings.exclude)
    try:
        relative = Path(os.path.realpath(path)).relative_to(settings.project_root).as_posix()
    except ValueError:
        return False
    return spec.match_file(relative)


def _collect_findings(
    run: LintRun,
    outcomes: list[FileOutcome],
    settings: LintSettings,
    candidates: list[Candidate],
) -> None:
    analysed = [o for o in outcomes if o.analysis is not None and o.source is not None]
    by_path = {o.source.path: o for o in analysed if o.source is not None}
    raw: list[Finding] = [f for o in analysed for f in o.analysis.findings]  # type: ignore[union-attr]
    if analysed:
        try:
            from coach.lint.analysis import project_findings

            raw += project_findings([(o.source, o.analysis) for o in analysed])  # type: ignore[misc]
        except Exception as exc:
            run.internal_errors += 1
            run.notes.append(
                f"internal error in the project-level checks: {type(exc).__name__}: {exc}"
            )
    suppressions = {path: Suppressions(o.directives) for path, o in by_path.items()}
    known = known_rule_ids()
    reported: list[Finding] = []
    for finding in raw:
        path = finding.location.path if finding.location else None
        own = settings.for_path(path) if path else settings
        if not own.rule_enabled(finding.rule):
            continue
        if path is not None and own.ignored_for_file(finding.rule, path):
            continue
        suppression = suppressions.get(path) if path else None
        if suppression is not None and finding.location is not None:
            loc = finding.location
            source = by_path[loc.path].source
            assert source is not None
            line, end = source.text_line(loc), source.text_line(loc, loc.end_line)
            if suppression.suppress(finding.rule, line, end if loc.end_line else None):
                run.suppressed += 1
                continue
        reported.append(_with_snippets(run, finding, by_path, candidates))
    reported.sort(key=_finding_order)
    run.findings = reported
    for path, suppression in suppressions.items():
        source = by_path[path].source
        for unused in suppression.unused(settings.for_path(path).rule_enabled, known):
            cell, line = source.locate(unused.line) if source else (None, unused.line)
            if source is not None and source.kind == "exported":
                line = unused.line
            run.unused_suppressions.append(
                UnusedSuppressionEntry(
                    path=path,
                    line=line,
                    cell=cell,
                    comment=unused.comment,
                    codes=list(unused.codes),
                    reason=unused.reason,
                )
            )
    run.unused_suppressions.sort(key=lambda u: (u.path, u.cell or 0, u.line))
    for rule in sorted({f.rule for f in run.findings} - set(known or [])):
        if known is not None:
            run.notes.append(
                f"rule {rule} is not in the catalog (reported anyway; please report it)"
            )


def _finding_order(finding: Finding) -> tuple:
    loc = finding.location
    if loc is None:
        return ("", 0, 0, 0, finding.rule)
    return (loc.path, loc.cell or 0, loc.line or 0, loc.column or 0, finding.rule)


def _with_snippets(
    run: LintRun,
    finding: Finding,
    by_path: dict[str, FileOutcome],
    candidates: list[Candidate],
) -> Finding:
    """The finding with its catalog severity; the source lines it points at kept for snippets."""
    for location in (finding.location, *finding.related):
        if location is not None:
            _remember_line(run, location, by_path, candidates)
    if finding.severity is None:
        return finding.model_copy(update={"severity": _catalog_severity(finding.rule)})
    return finding


def _catalog_severity(rule_id: str) -> str:
    catalog = lint_catalog()
    rule = catalog.rules.get(rule_id) if catalog else None
    return rule.severity if rule else "warning"


def _remember_line(
    run: LintRun,
    location: Location,
    by_path: dict[str, FileOutcome],
    candidates: list[Candidate],
) -> None:
    outcome = by_path.get(location.path)
    if outcome is None or outcome.source is None or location.line is None:
        return
    text_line = outcome.source.text_line(location)
    assert text_line is not None
    if text_line not in outcome.lines:
        outcome.lines.update(_reload_lines(location.path, {text_line}, candidates))
    run._lines[(location.path, location.cell, location.line)] = outcome.lines.get(text_line, "")


def _reload_lines(path: str, numbers: set[int], candidates: list[Candidate]) -> dict[int, str]:
    """Lines a project-level finding points at that the worker did not send (rare)."""
    candidate = next((c for c in candidates if c.display == path), None)
    if candidate is None:
        return {}
    loaded = load_file(candidate, parse=False)
    return {n: loaded.line(n) for n in numbers} if loaded.source is not None else {}
