"""Reading charter and record files: YAML, then the schema, with every problem located.

A problem is reported as ``file:line: field: what is expected``, where ``line``
is the line of the offending value in the file (or of the mapping that lacks a
required key), found by walking the YAML node tree along the problem's path.
No Django here: the loaders in :mod:`secretariat.charters.loaders` translate
the problems and write the database.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from secretariat.charters.schema import Loc, Problem

Spec = TypeVar("Spec", bound=BaseModel)


class _Loader(yaml.SafeLoader):
    """YAML without implicit timestamps or YAML 1.1 booleans: dates stay text for the schema.

    PyYAML's own date conversion crashes on an impossible date such as
    2021-02-30 instead of reporting it; the schema reports it with its line.
    """


_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool"}
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# YAML 1.2 booleans and integers only: YAML 1.1 also reads yes, no, on and off as booleans and
# 12:00 as the base-60 number 720, which would turn the position `yes`, an override's `on:` or a
# deadline's time of day into something else.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:int"]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
)


@dataclass(frozen=True, slots=True)
class LocatedProblem:
    """A problem with the file and line it was found at."""

    path: str
    line: int
    field: str
    code: str
    message: str
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class InvalidFileError(Exception):
    """The file cannot be loaded; ``problems`` says where and why."""

    def __init__(self, problems: list[LocatedProblem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


def field_path(loc: Loc) -> str:
    """Write a path the way a reader of the YAML file would: ``members[2].periods[0].from``.

    >>> field_path(("members", 2, "periods", 0, "from"))
    'members[2].periods[0].from'
    """
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def line_of(root: yaml.Node | None, loc: Loc) -> int:
    """Return the 1-based line of the value at ``loc``, or of its deepest existing ancestor.

    A mapping's value is reported at its key's line: that is where a reader looks,
    and a nested block only starts on the line after.
    """
    node, line = root, 1 if root is None else root.start_mark.line + 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            found = next((pair for pair in node.value if pair[0].value == str(part)), None)
            if found is None:
                break
            key, node = found
            line = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if not 0 <= part < len(node.value):
                break
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def read(
    path: Path,
    model: type[Spec],
    check: Callable[[Spec], list[Problem]] | None = None,
) -> Spec:
    """Parse and check a file; raise :class:`InvalidFileError` with every problem found."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidFileError(
            [LocatedProblem(name, 1, "", "unreadable", f"cannot be read: {error}")]
        ) from error
    try:
        root = yaml.compose(text, Loader=_Loader)
        data: Any = yaml.load(text, Loader=_Loader)  # noqa: S506 -- _Loader is a SafeLoader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        reason = getattr(error, "problem", None) or str(error)
        raise InvalidFileError(
            [
                LocatedProblem(
                    name,
                    line,
                    "",
                    "yaml-syntax",
                    f"is not valid YAML: {reason}",
                    {"reason": reason},
                )
            ]
        ) from error
    if not isinstance(data, dict):
        raise InvalidFileError(
            [
                LocatedProblem(
                    name,
                    1,
                    "",
                    "not-a-mapping",
                    "the file must be a YAML mapping of keys to values",
                )
            ]
        )
    try:
        spec = model.model_validate(data)
    except ValidationError as error:
        schema_problems = [
            Problem(tuple(detail["loc"]), detail["type"], detail["msg"], detail.get("ctx"))
            for detail in error.errors(include_url=False)
        ]
        raise _located(name, root, schema_problems) from error
    problems = check(spec) if check is not None else []
    if problems:
        raise _located(name, root, problems)
    return spec


def refuse(path: Path, problems: list[Problem]) -> InvalidFileError:
    """Locate problems found after parsing (e.g. against the database) in the file."""
    return _located(
        str(path), yaml.compose(path.read_text(encoding="utf-8"), Loader=_Loader), problems
    )


def _located(name: str, root: yaml.Node | None, problems: list[Problem]) -> InvalidFileError:
    return InvalidFileError(
        [
            LocatedProblem(
                name,
                line_of(root, problem.loc),
                field_path(problem.loc),
                problem.code,
                problem.message,
                dict(problem.params or {}),
            )
            for problem in problems
        ]
    )
