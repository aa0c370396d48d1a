"""Safe YAML reading that keeps the line of every key, and front-matter splitting.

PyYAML's composer gives each node a start mark; we build plain Python values
from the nodes ourselves (with the safe constructor for scalars), so no YAML
tag can construct an object, and every value's line can be reported.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

#: Limits that keep a huge or hostile file from hanging the build.
MAX_BYTES = 1_000_000
MAX_DEPTH = 20
MAX_NODES = 200_000  # also stops "billion laughs" alias bombs

Path_ = tuple[Hashable, ...]


class SourceError(Exception):
    """A file that cannot be read as YAML; ``line`` is 1-based when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Document:
    """Plain data read from YAML, with the line of each key path (1-based)."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    first_line: int = 1

    def line(self, *path: Hashable) -> int:
        """The line of the deepest known part of ``path`` (the document's first line at worst)."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return self.first_line


class _Builder(yaml.constructor.SafeConstructor):
    """Builds plain values from composed nodes, recording each key's line."""

    def __init__(self, line_offset: int) -> None:
        super().__init__()
        self.line_offset = line_offset
        self.lines: dict[Path_, int] = {}
        self.nodes = 0

    def build(self, node: yaml.Node, path: Path_ = (), depth: int = 0) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise SourceError(f"more than {MAX_NODES} values (are aliases repeated?)")
        if depth > MAX_DEPTH:
            raise SourceError(f"nesting deeper than {MAX_DEPTH} levels", self._line(node))
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _COLLECTIONS:
            raise SourceError(f"the YAML tag {node.tag} is not allowed", self._line(node))
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            self.flatten_mapping(node)  # resolves '<<' merge keys safely
            for key_node, value_node in node.value:
                key = self.build(key_node, path, depth + 1)
                if not isinstance(key, Hashable):
                    raise SourceError("a key must be a plain value", self._line(key_node))
                if key in result:
                    raise SourceError(f"key '{key}' appears twice", self._line(key_node))
                self.lines[path + (key,)] = self._line(key_node)
                result[key] = self.build(value_node, path + (key,), depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item_node in enumerate(node.value):
                self.lines[path + (index,)] = self._line(item_node)
                items.append(self.build(item_node, path + (index,), depth + 1))
            return items
        if node.tag.startswith("tag:yaml.org,2002:") and node.tag.rsplit(":", 1)[1] in _SCALARS:
            try:
                return self.construct_object(node, deep=True)
            except ValueError:
                return node.value  # e.g. '2025-13-01': kept as text, so the field check can say why
        raise SourceError(f"the YAML tag {node.tag} is not allowed", self._line(node))

    def _line(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self.line_offset


#: libyaml's parser when PyYAML has it (about ten times faster), else the Python one.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_COLLECTIONS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_SCALARS = {"str", "int", "float", "bool", "null", "timestamp", "binary"}


def read_text(raw: bytes) -> str:
    """Decode a source file: UTF-8 only, a leading byte-order mark tolerated."""
    if len(raw) > MAX_BYTES:
        raise SourceError(f"file is larger than {MAX_BYTES // 1000} kB")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SourceError("not valid UTF-8 text; save the file as UTF-8", line) from None


def load_yaml(text: str, line_offset: int = 0) -> Document:
    """Read one YAML document into plain data with key lines; raise SourceError."""
    try:
        try:
            node = yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            # Read again with the pure-Python parser: its messages are the ones editors see.
            node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + line_offset if mark else None
        problem = error.problem or "invalid YAML"
        if "\t" in text and "found character '\\t'" in str(error):
            problem = "a tab is used for indentation; indent with spaces"
        raise SourceError(f"YAML syntax error: {problem}", line) from None
    except yaml.YAMLError as error:
        raise SourceError(f"YAML error: {error}") from None
    if node is None:
        return Document(data=None, first_line=1 + line_offset)
    builder = _Builder(line_offset)
    try:
        data = builder.build(node)
    except yaml.constructor.ConstructorError as error:
        line = error.problem_mark.line + 1 + line_offset if error.problem_mark else None
        raise SourceError(f"invalid value: {error.problem}", line) from None
    except RecursionError:
        raise SourceError(f"nesting deeper than {MAX_DEPTH} levels") from None
    return Document(data=data, lines=builder.lines, first_line=1 + line_offset)


def read_data_file(path: Path, source: str, kind: type = dict) -> Document:
    """Read a YAML file that must hold a mapping (or a list); raise SourceError with the reason."""
    doc = load_yaml(read_text(path.read_bytes()))
    if not isinstance(doc.data, kind):
        what = "a mapping of 'key: value' lines" if kind is dict else "a list"
        raise SourceError(f"must be {what}", doc.first_line)
    return doc


@dataclass(frozen=True)
class FrontMatter:
    """A Markdown file split into its YAML front matter and its body."""

    meta: Document
    body: str
    body_line: int


def split_front_matter(text: str) -> FrontMatter:
    """Split '---\\n<yaml>\\n---\\n<body>'; a file without front matter has empty meta."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter(Document(data={}), text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            meta = load_yaml("".join(lines[1:index]), line_offset=1)
            return FrontMatter(meta, "".join(lines[index + 1 :]), index + 2)
    raise SourceError("front matter opened with '---' on line 1 is never closed", 1)
