"""Validating HSDS output against Open Referral's own schemas (copied in tests/exchange/hsds)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HSDS = Path(__file__).parent / "hsds"
SCHEMAS = HSDS / "schema"
EXAMPLES = HSDS / "examples"


def validator(object_name: str) -> Any:
    """A Draft 2020-12 validator with format checks, `$ref`s resolved to the local files."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    registry: Registry = Registry()
    for path in SCHEMAS.glob("*.json"):
        contents = json.loads(path.read_text(encoding="utf-8"))
        registry = registry.with_resource(
            path.name, Resource.from_contents(contents, default_specification=DRAFT202012))
    schema = json.loads((SCHEMAS / f"{object_name}.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, registry=registry,
                                format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(object_name: str, obj: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator(object_name).iter_errors(obj)]
