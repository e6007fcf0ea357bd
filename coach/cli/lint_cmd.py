"""`coach lint PATH...`: find leakage, missing baselines and imbalance mistakes in training code."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from coach.cli.common import CommandError

FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit")
# File states that mean "this file could not be parsed or read": they fail the run like findings
# (ruff does the same), unless --ignore-unparsable.
UNPARSABLE = ("syntax-error", "unreadable")

EPILOG = """\
examples:
  coach lint .                                  lint every .py and .ipynb under the current folder
  coach lint train.py notebooks/ --select LEAK  only the leakage rules
  coach lint . --output-format sarif -o coach.sarif   for GitHub code scanning
  cat train.py | coach lint - --stdin-filename train.py   from an editor
  coach lint . -q                               findings only, no summary

selecting rules:
  --select/--ignore take rule codes or prefixes: LEAK001, LEAK00, LEAK, ALL (comma-separated or
  repeated). The more specific selector wins; --select on the command line replaces the config's
  selection, --ignore adds to it. Settings live in the nearest config file above each file:
  .coach.toml or coach.toml (a [lint] table), or pyproject.toml ([tool.coach.lint]); each file uses
  its own nearest one, as in ruff:
    [tool.coach.lint]
    select = ["LEAK", "IMB"]
    ignore = ["LEAK005"]
    exclude = ["notebooks/scratch/"]
    per-file-ignores = { "tests/*" = ["EVAL"] }
    max-file-size = "2MB"
  `coach lint --show-settings` prints what is in effect and where each value came from.

suppressing:
  x = scaler.fit_transform(X)  # coach: ignore[LEAK001]    (or: # noqa: LEAK001)
  # coach: ignore-file[LEAK005]                            (anywhere in the file)
  Comments that no longer suppress anything are reported as unused suppressions.

what is read:
  .py files and Jupyter notebooks (.ipynb; code cells in order, IPython magics tolerated, findings
  located as cell + line), folders recursively (honouring .gitignore and --exclude). Files over
  max-file-size of code (default 2 MB; for notebooks outputs do not count) are reported as
  too-large; files that cannot be read or parsed are reported per file and never stop the run.

output formats (--output-format / --format):
  text (default), json, sarif (GitHub code scanning), github (workflow annotations),
  gitlab (GitLab code quality report), junit (JUnit XML for CI test reports).
  Lines and columns are 1-based in every format.

exit codes:
  0 no findings, 1 findings or a file that could not be parsed or read (a syntax error, a broken
  notebook; --ignore-unparsable reports them without failing), 2 usage or internal error.
  --exit-zero exits 0 in both cases.
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "lint",
        help="lint training code (.py, .ipynb) for leakage, baseline and imbalance mistakes",
        description=(
            "Lint ML training code for data leakage, missing baselines, class-imbalance mistakes "
            "and more. Findings come with the source line and the related lines as evidence."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders to lint (default: .)"
    )
    parser.add_argument(
        "--select", action="append", metavar="CODES", help="only these rules (codes or prefixes)"
    )
    parser.add_argument(
        "--ignore", action="append", metavar="CODES", help="skip these rules (codes or prefixes)"
    )
    parser.add_argument(
        "--exclude",
        action="append",
        metavar="PATTERN",
        help="gitignore-style pattern of files/folders to skip (added to the config's exclude)",
    )
    parser.add_argument(
        "--output-format",
        "--format",
        dest="format",
        choices=FORMATS,
        default="text",
        help="output format (default: text)",
    )
    parser.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="the name of the file read from standard input (the path `-`): used in the report "
        "and to find its settings",
    )
    parser.add_argument(
        "-o", "--output-file", metavar="FILE", type=Path, help="write the report to FILE"
    )
    parser.add_argument(
        "--statistics", action="store_true", help="show counts per rule instead of each finding"
    )
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when there are findings"
    )
    parser.add_argument(
        "--ignore-unparsable",
        action="store_true",
        help="report files with a syntax error or that cannot be read, but do not exit 1 for them",
    )
    quiet = parser.add_mutually_exclusive_group()
    quiet.add_argument(
        "-q", "--quiet", action="store_true", help="print findings only (no summary or notes)"
    )
    quiet.add_argument(
        "-s",
        "--silent",
        action="store_true",
        help="print nothing; the exit code still says whether there were findings",
    )
    parser.add_argument(
        "--show-settings", action="store_true", help="print the effective settings and exit"
    )
    parser.add_argument(
        "--write-baseline",
        metavar="FILE",
        type=Path,
        help="record the current findings in FILE (then use --baseline FILE to see only new ones)",
    )
    parser.add_argument(
        "--baseline", metavar="FILE", type=Path, help="hide findings recorded in FILE"
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        type=Path,
        help="use this config file (pyproject.toml, coach.toml) for every file",
    )
    parser.add_argument("--isolated", action="store_true", help="ignore configuration files")
    parser.add_argument(
        "--no-respect-gitignore", action="store_true", help="lint files that .gitignore excludes"
    )
    parser.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply exclusions to files named on the command line too (for pre-commit)",
    )
    parser.add_argument(
        "--max-file-size", metavar="SIZE", help='skip files with more code than this ("2MB")'
    )
    parser.add_argument(
        "-j", "--jobs", type=int, metavar="N", help="worker processes (default: one per core)"
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (auto: on a terminal, unless NO_COLOR is set)",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="also list every file and what was recognised"
    )
    parser.set_defaults(func=run_lint)


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


class _Progress:
    """`Linting 1200/5000 files` on a terminal's stderr, for runs long enough to need it."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.last = 0.0
        self.started = time.monotonic()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < 0.5 or (now - self.last < 0.1 and done != total):
            return
        self.last = now
        self.shown = True
        sys.stderr.write(f"\rLinting {done}/{total} files…")
        sys.stderr.flush()

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def run_lint(args: argparse.Namespace) -> int:
    from coach.lint.config import CliOptions, ConfigError, resolve_settings
    from coach.lint.reporters import summary_line
    from coach.lint.runner import lint_paths
    from coach.lint.sources import PathError

    paths = args.paths or ["."]
    if args.jobs is not None and args.jobs < 1:
        raise CommandError("--jobs must be at least 1")
    if args.stdin_filename and "-" not in paths and not args.paths:
        paths = ["-"]  # ruff's convention: --stdin-filename alone means "read standard input"
    if paths.count("-") > 1:
        raise CommandError("`-` (standard input) can be given only once")
    cli = CliOptions(
        select=_split(args.select),
        ignore=_split(args.ignore),
        exclude=_split(args.exclude),
        max_file_size=args.max_file_size,
        config=args.config,
        isolated=args.isolated,
        no_respect_gitignore=args.no_respect_gitignore,
        force_exclude=args.force_exclude,
    )
    first = args.stdin_filename if paths == ["-"] and args.stdin_filename else paths[0]
    try:
        settings = resolve_settings([first if first != "-" else "."], cli)
    except ConfigError as exc:
        raise CommandError(str(exc)) from exc
    if args.show_settings:
        print(render_settings(settings, args.format == "json"))
        return 0

    stdin_text = sys.stdin.read() if "-" in paths else None
    quiet = args.quiet or args.silent
    progress = _Progress(sys.stderr.isatty() and args.output_file is None and not quiet)
    try:
        run = lint_paths(
            paths,
            settings,
            jobs=args.jobs,
            progress=progress,
            stdin_text=stdin_text,
            stdin_filename=args.stdin_filename,
        )
    except PathError as exc:
        raise CommandError(str(exc)) from exc
    except ConfigError as exc:  # a nested config file read during the run
        raise CommandError(str(exc)) from exc
    finally:
        progress.clear()

    wants_baseline = args.write_baseline is not None or args.baseline is not None
    if wants_baseline and _baseline_step(run, args):
        return 2 if run.internal_errors else 0

    output = render_report(run, args)
    if args.output_file is not None:
        try:
            args.output_file.parent.mkdir(parents=True, exist_ok=True)
            args.output_file.write_text(output + "\n", encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"{args.output_file}: cannot write: {exc.strerror or exc}") from exc
        if not quiet:
            print(summary_line(run), file=sys.stderr)
    elif not args.silent:
        if output:
            print(output)
        if args.format != "text" and not quiet:
            print(summary_line(run), file=sys.stderr)
    if run.internal_errors:
        print(
            "coach: error: the analysis failed on some files (see above); please report it",
            file=sys.stderr,
        )
        return 2
    return exit_code(run, exit_zero=args.exit_zero, ignore_unparsable=args.ignore_unparsable)


def _baseline_step(run, args: argparse.Namespace) -> bool:
    """Write the baseline (True: the run ends here) or hide what it records (False)."""
    from coach.lint.baseline_file import BaselineError, apply_baseline, write_baseline
    from coach.lint.reporters import summary_line

    try:
        if args.write_baseline is not None:
            count = write_baseline(run, args.write_baseline)
            if not args.silent:
                print(
                    f"coach: wrote {count} finding(s) to {args.write_baseline}; "
                    f"run with --baseline {args.write_baseline} to see only new ones",
                    file=sys.stderr,
                )
                print(summary_line(run), file=sys.stderr)
            return True
        apply_baseline(run, args.baseline)
    except BaselineError as exc:
        raise CommandError(str(exc)) from exc
    return False


def exit_code(run, *, exit_zero: bool = False, ignore_unparsable: bool = False) -> int:
    """1 for findings or an unparsable file (ruff's rule), unless told otherwise."""
    if exit_zero:
        return 0
    unparsable = any(f.status in UNPARSABLE for f in run.files)
    return 1 if run.findings or (unparsable and not ignore_unparsable) else 0


def render_report(run, args: argparse.Namespace) -> str:  # run: LintRun
    """The report in the requested format (only the module for that format is imported)."""
    from coach.lint import reporters

    if args.format == "json":
        return reporters.render_json(run, statistics=args.statistics)
    if args.format == "sarif":
        return reporters.render_sarif(run)
    if args.format == "github":
        return reporters.render_github(run)
    if args.format in ("gitlab", "junit"):
        from coach.lint import ci_formats

        render = ci_formats.render_gitlab if args.format == "gitlab" else ci_formats.render_junit
        return render(run)
    color = args.output_file is None and reporters.use_color(args.color, sys.stdout)
    return reporters.render_text(
        run,
        color=color,
        statistics=args.statistics,
        verbose=args.verbose,
        quiet=args.quiet,
    )


def render_settings(settings, as_json: bool) -> str:  # settings: LintSettings
    from coach.lint.config import code_rule_ids, effective_select_ignore

    select, ignore = effective_select_ignore(settings)
    known = code_rule_ids()
    enabled = settings.enabled_rules(known)
    disabled = [rid for rid in known if rid not in enabled]
    origins = settings.origins
    values = {
        "config_file": str(settings.config_file) if settings.config_file else None,
        "project_root": str(settings.project_root),
        "select": select,
        "ignore": ignore,
        "exclude": settings.exclude,
        "per_file_ignores": settings.per_file_ignores,
        "respect_gitignore": settings.respect_gitignore,
        "max_file_size": settings.max_file_size,
        "enabled_rules": enabled,
        "disabled_rules": disabled,
        "origins": origins,
    }
    if as_json:
        return json.dumps(values, indent=2)
    rows = [
        ("select", ", ".join(select) or "(none)", origins.get("select")),
        ("ignore", ", ".join(ignore) or "(none)", origins.get("ignore")),
        ("exclude", ", ".join(settings.exclude) or "(none)", origins.get("exclude")),
        (
            "per-file-ignores",
            "; ".join(f"{k} = {', '.join(v)}" for k, v in settings.per_file_ignores.items())
            or "(none)",
            origins.get("per-file-ignores"),
        ),
        (
            "respect-gitignore",
            str(settings.respect_gitignore).lower(),
            origins.get("respect-gitignore"),
        ),
        (
            "max-file-size",
            f"{settings.max_file_size} bytes of code",
            origins.get("max-file-size"),
        ),
    ]
    width = max(len(r[0]) for r in rows)
    value_w = min(48, max(len(r[1]) for r in rows))
    out = [
        "Settings for `coach lint`",
        f"  config file:  {settings.config_file or '(none found: defaults)'}",
        f"  project root: {settings.project_root}",
        "",
    ]
    out += [f"  {name:<{width}}  {value:<{value_w}}  from {origin}" for name, value, origin in rows]
    out += [
        "",
        f"  enabled rules ({len(enabled)}): {' '.join(enabled) or '(none)'}",
        f"  disabled rules ({len(disabled)}): {' '.join(disabled) or '(none)'}",
    ]
    return "\n".join(out)
