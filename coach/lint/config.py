"""Settings for `coach lint`: defaults < the nearest config file < the command line.

Like ruff, configuration is resolved *per file*, hierarchically: each file is checked with the
closest config file above it (`.coach.toml`, `coach.toml` with a `[lint]` table, or a
`pyproject.toml` with `[tool.coach.lint]`, in that order of preference within one folder), so
`coach lint a.py sub/b.py` and `coach lint sub/b.py a.py` report the same. `--config FILE` and
`--isolated` apply one configuration (or none) to every file.

Rule selection works like ruff's: `select` and `ignore` take rule codes or prefixes (`LEAK`,
`LEAK00`, `LEAK001`, `ALL`); within one layer the more specific selector wins and `ignore` wins a
tie; a later layer (the command line) that sets `select` starts afresh, one that only sets `ignore`
switches more rules off.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import tomllib
from pathlib import Path
from typing import Any

import pathspec
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from coach.catalog import Catalog, CatalogError, default_catalog
from coach.lint.sources import DEFAULT_MAX_CODE_BYTES

CONFIG_TABLE = "tool.coach.lint"
# Looked for in each folder, first match wins (ruff's order: dedicated files before pyproject).
CONFIG_FILES = (".coach.toml", "coach.toml", "pyproject.toml")
KNOWN_KEYS = (
    "select",
    "ignore",
    "extend-select",
    "exclude",
    "extend-exclude",
    "per-file-ignores",
    "respect-gitignore",
    "max-file-size",
)
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m)?\s*$", re.IGNORECASE)
_SIZE_UNITS = {None: 1, "b": 1, "k": 1000, "kb": 1000, "m": 1_000_000, "mb": 1_000_000}


class ConfigError(Exception):
    """Bad settings (file or flags): a usage error, reported in one line with exit code 2."""


class SelectionLayer(BaseModel):
    """One source of rule selection (the config file, then the command line)."""

    model_config = ConfigDict(frozen=True)

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    origin: str = "default"


class LintSettings(BaseModel):
    """The effective settings of one run, with where each came from (for --show-settings)."""

    project_root: Path
    config_file: Path | None = None
    layers: list[SelectionLayer] = Field(
        default_factory=lambda: [SelectionLayer(select=("ALL",), origin="default")]
    )
    exclude: list[str] = Field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict)
    respect_gitignore: bool = True
    force_exclude: bool = False
    max_file_size: int = DEFAULT_MAX_CODE_BYTES
    origins: dict[str, str] = Field(default_factory=dict)
    # Finds the settings of other files (their own nearest config); None = one config for all.
    _resolver: SettingsResolver | None = PrivateAttr(default=None)

    def for_path(self, path: str | Path) -> LintSettings:
        """The settings that apply to `path`: those of its nearest config file (hierarchical)."""
        if self._resolver is None:
            return self
        return self._resolver.for_path(Path(path))

    def rule_enabled(self, rule_id: str) -> bool:
        enabled = False
        for layer in self.layers:
            if layer.select is not None:
                enabled = _decide(rule_id, layer.select, layer.ignore)
            elif enabled and any(_matches(sel, rule_id) for sel in layer.ignore):
                enabled = False
        return enabled

    def ignored_for_file(self, rule_id: str, path: str) -> bool:
        """Whether `per-file-ignores` switches `rule_id` off for the file shown as `path`."""
        for pattern, selectors in self.per_file_ignores.items():
            if _path_matches(pattern, path, self.project_root) and any(
                _matches(sel, rule_id) for sel in selectors
            ):
                return True
        return False

    def enabled_rules(self, rule_ids: list[str]) -> list[str]:
        return [rid for rid in sorted(rule_ids) if self.rule_enabled(rid)]


def _matches(selector: str, rule_id: str) -> bool:
    return selector == "ALL" or rule_id.startswith(selector)


def _specificity(selector: str) -> int:
    return 0 if selector == "ALL" else len(selector)


def _decide(rule_id: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    chosen = [_specificity(s) for s in select if _matches(s, rule_id)]
    dropped = [_specificity(s) for s in ignore if _matches(s, rule_id)]
    if not chosen:
        return False
    return not dropped or max(chosen) > max(dropped)


def _path_matches(pattern: str, path: str, root: Path) -> bool:
    spec = pathspec.GitIgnoreSpec.from_lines([pattern])
    absolute = Path(path) if Path(path).is_absolute() else Path.cwd() / path
    candidates = [Path(path).name, path]
    with contextlib.suppress(ValueError):
        candidates.append(absolute.resolve().relative_to(root).as_posix())
    return any(spec.match_file(c) for c in candidates)


# --------------------------------------------------------------------------- selectors


def lint_catalog() -> Catalog | None:
    """The rule catalog, or None when it cannot be loaded.

    Linting still works without it (ids are printed without names and nothing is validated):
    a broken catalog file should not stop a CI job from seeing its findings.
    """
    try:
        return default_catalog()
    except CatalogError:
        return None


def code_rule_ids() -> list[str]:
    """The rules `coach lint` can report (catalog rules detected in code)."""
    catalog = lint_catalog()
    return sorted(r.id for r in catalog.rules.values() if "code" in r.detectors) if catalog else []


def known_rule_ids() -> list[str] | None:
    """Rule ids of the catalog; None when the catalog cannot be loaded (then nothing is checked)."""
    catalog = lint_catalog()
    return sorted(catalog.rules) if catalog else None


def normalise_selectors(values: list[str] | tuple[str, ...], where: str) -> tuple[str, ...]:
    """Upper-cased selectors, each checked against the catalog (a typo is an error, not a no-op)."""
    known = known_rule_ids()
    out: list[str] = []
    for value in values:
        for part in str(value).split(","):
            selector = part.strip().upper()
            if not selector:
                continue
            if not re.fullmatch(r"ALL|[A-Z]{1,8}[0-9]{0,3}", selector):
                raise ConfigError(f"{where}: '{part.strip()}' is not a rule code or prefix")
            unknown = selector != "ALL" and not any(rid.startswith(selector) for rid in known or [])
            if known is not None and unknown:
                close = difflib.get_close_matches(selector, known, n=3, cutoff=0.5)
                families = sorted({re.sub(r"\d+$", "", rid) for rid in known})
                hint = (
                    f" Did you mean {', '.join(close)}?"
                    if close
                    else f" Known families: {', '.join(families)}."
                )
                raise ConfigError(f"{where}: unknown rule selector '{selector}'.{hint}")
            out.append(selector)
    return tuple(out)


# --------------------------------------------------------------------------- config file


def _is_pyproject(path: Path) -> bool:
    return path.name == "pyproject.toml"


def table_name(path: Path) -> str:
    """Where the lint settings sit in `path`: `[tool.coach.lint]` or, in coach.toml, `[lint]`."""
    return CONFIG_TABLE if _is_pyproject(path) else "lint"


def config_in(directory: Path) -> Path | None:
    """The config file of one folder: `.coach.toml`, `coach.toml`, or a pyproject.toml that has
    a `[tool.coach.lint]` table (a pyproject without one belongs to someone else)."""
    for name in CONFIG_FILES:
        candidate = directory / name
        if not candidate.is_file():
            continue
        if not _is_pyproject(candidate):
            return candidate
        try:
            data = tomllib.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue  # someone else's broken file is not ours to report unless we use it
        if isinstance(data.get("tool", {}).get("coach", {}).get("lint"), dict):
            return candidate
    return None


def find_config(start: Path) -> Path | None:
    """The nearest config file in `start` (a folder, or a file's folder) or above it."""
    start = start if start.is_dir() else start.parent
    for directory in (start, *start.parents):
        found = config_in(directory)
        if found is not None:
            return found
    return None


def read_config(path: Path) -> dict[str, Any]:
    """The lint table of `path` with keys normalised to kebab-case."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8: {exc.reason}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    where = table_name(path)
    if _is_pyproject(path):
        table = data.get("tool", {}).get("coach", {}).get("lint", {})
    else:
        table = data.get("lint", {})
        unknown = sorted(set(data) - {"lint"})
        if unknown:
            raise ConfigError(
                f"{path}: unknown table or key '{unknown[0]}'; lint settings go in a [lint] table"
            )
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [{where}] must be a table")
    out: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("_", "-")
        if name not in KNOWN_KEYS:
            close = difflib.get_close_matches(name, KNOWN_KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ConfigError(
                f"{path}: [{where}] unknown key '{key}'{hint}; known keys: {', '.join(KNOWN_KEYS)}"
            )
        out[name] = value
    return out


def _string_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"{where}: expected a list of strings, got {value!r}")


def parse_size(value: Any, where: str) -> int:
    """`2000000`, `"2MB"`, `"500 kB"` -> bytes."""
    if isinstance(value, bool):
        raise ConfigError(f'{where}: expected a size such as 2000000 or "2MB", got {value!r}')
    if isinstance(value, int) and value > 0:
        return value
    match = _SIZE.match(str(value))
    if not match or float(match.group(1)) <= 0:
        raise ConfigError(f'{where}: expected a size such as 2000000 or "2MB", got {value!r}')
    unit = match.group(2).lower() if match.group(2) else None
    return int(float(match.group(1)) * _SIZE_UNITS[unit])


# --------------------------------------------------------------------------- resolution


class CliOptions(BaseModel):
    """What the command line said (None = not given)."""

    select: list[str] | None = None
    ignore: list[str] | None = None
    exclude: list[str] | None = None
    max_file_size: str | None = None
    config: Path | None = None
    isolated: bool = False
    no_respect_gitignore: bool = False
    force_exclude: bool = False


def resolve_settings(
    paths: list[str], cli: CliOptions | None = None, cwd: Path | None = None
) -> LintSettings:
    """The settings for the first path (what `--show-settings` prints); every file of a run gets
    its own through `LintSettings.for_path`, so the order of `paths` never matters."""
    cli = cli or CliOptions()
    cwd = (cwd or Path.cwd()).resolve()
    resolver = SettingsResolver(cli, cwd)
    first = Path(paths[0]) if paths else cwd
    return resolver.for_path(first)


class SettingsResolver:
    """Settings per config file, built once each; which config applies to a folder is cached."""

    def __init__(self, cli: CliOptions, cwd: Path) -> None:
        self.cli = cli
        self.cwd = cwd
        self.fixed: Path | None = None
        if cli.config is not None:
            self.fixed = cli.config if cli.config.is_absolute() else cwd / cli.config
            if not self.fixed.is_file():
                raise ConfigError(f"{cli.config}: config file not found")
        self._by_config: dict[Path | None, LintSettings] = {}
        self._by_folder: dict[Path, Path | None] = {}

    def for_path(self, path: Path) -> LintSettings:
        return self._settings(self._config_for(path))

    def _config_for(self, path: Path) -> Path | None:
        if self.cli.isolated:
            return None
        if self.fixed is not None:
            return self.fixed
        path = Path(os.path.realpath(path if path.is_absolute() else self.cwd / path))
        folder = path if path.is_dir() else path.parent
        if not folder.is_dir():
            folder = self.cwd
        if folder not in self._by_folder:
            self._by_folder[folder] = find_config(folder)
        return self._by_folder[folder]

    def _settings(self, config_file: Path | None) -> LintSettings:
        if config_file not in self._by_config:
            settings = _build_settings(config_file, self.cli, self.cwd)
            if self.fixed is None and not self.cli.isolated:
                settings._resolver = self
            self._by_config[config_file] = settings
        return self._by_config[config_file]


def _build_settings(config_file: Path | None, cli: CliOptions, cwd: Path) -> LintSettings:
    """Defaults, then one config file (or none), then the command line."""
    root = config_file.parent.resolve() if config_file else cwd
    settings = LintSettings(project_root=root, config_file=config_file)
    origins = {
        key: "default"
        for key in (
            "select",
            "ignore",
            "exclude",
            "per-file-ignores",
            "respect-gitignore",
            "max-file-size",
        )
    }

    if config_file is not None:
        table = read_config(config_file)
        where = f"{config_file} [{table_name(config_file)}]"
        label = f"{display_config(config_file, cwd)}"
        if "select" in table or "ignore" in table or "extend-select" in table:
            select = (
                normalise_selectors(
                    _string_list(table["select"], f"{where} select"), f"{where} select"
                )
                if "select" in table
                else ("ALL",)
            )
            select += normalise_selectors(
                _string_list(table.get("extend-select", []), f"{where} extend-select"),
                f"{where} extend-select",
            )
            ignore = normalise_selectors(
                _string_list(table.get("ignore", []), f"{where} ignore"), f"{where} ignore"
            )
            settings.layers = [SelectionLayer(select=select, ignore=ignore, origin=label)]
            for key in ("select", "ignore"):
                if key in table or (key == "select" and "extend-select" in table):
                    origins[key] = label
        for key in ("exclude", "extend-exclude"):
            if key in table:
                settings.exclude += _string_list(table[key], f"{where} {key}")
                origins["exclude"] = label
        if "per-file-ignores" in table:
            value = table["per-file-ignores"]
            if not isinstance(value, dict):
                raise ConfigError(
                    f"{where} per-file-ignores: expected a table of pattern = [codes]"
                )
            settings.per_file_ignores = {
                pattern: list(
                    normalise_selectors(
                        _string_list(codes, f"{where} per-file-ignores '{pattern}'"),
                        f"{where} per-file-ignores '{pattern}'",
                    )
                )
                for pattern, codes in value.items()
            }
            origins["per-file-ignores"] = label
        if "respect-gitignore" in table:
            if not isinstance(table["respect-gitignore"], bool):
                raise ConfigError(f"{where} respect-gitignore: expected true or false")
            settings.respect_gitignore = table["respect-gitignore"]
            origins["respect-gitignore"] = label
        if "max-file-size" in table:
            settings.max_file_size = parse_size(table["max-file-size"], f"{where} max-file-size")
            origins["max-file-size"] = label

    if cli.select is not None or cli.ignore:
        select = normalise_selectors(cli.select, "--select") if cli.select is not None else None
        ignore = normalise_selectors(cli.ignore or [], "--ignore")
        settings.layers.append(SelectionLayer(select=select, ignore=ignore, origin="command line"))
        if select is not None:
            origins["select"] = "command line"
            origins["ignore"] = "command line" if ignore else "(reset by --select)"
        else:
            origins["ignore"] = _combined(origins["ignore"], "command line")
    if cli.exclude:
        settings.exclude += [p for value in cli.exclude for p in value.split(",") if p.strip()]
        origins["exclude"] = _combined(origins["exclude"], "command line")
    if cli.no_respect_gitignore:
        settings.respect_gitignore = False
        origins["respect-gitignore"] = "command line"
    if cli.max_file_size is not None:
        settings.max_file_size = parse_size(cli.max_file_size, "--max-file-size")
        origins["max-file-size"] = "command line"
    settings.force_exclude = cli.force_exclude
    settings.origins = origins
    return settings


def _combined(before: str, now: str) -> str:
    return now if before == "default" else f"{before} + {now}"


def display_config(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd).as_posix()
    except ValueError:
        return str(path)


def effective_select_ignore(settings: LintSettings) -> tuple[list[str], list[str]]:
    """The select / ignore lists that matter now (for showing the settings)."""
    select: list[str] = []
    ignore: list[str] = []
    for layer in settings.layers:
        if layer.select is not None:
            select, ignore = list(layer.select), list(layer.ignore)
        else:
            ignore += list(layer.ignore)
    return select, ignore
