"""Safe YAML reading that keeps the line of every key, and front-matter splitting.

PyYAML's composer gives each node a start mark; we build plain Python values
from the nodes ourselves (with the safe constructor for scalars), so no YAML
tag can construct an object, and every value's line can be reported.

This is also where invisible control characters stop: every text the site reads
goes through ``load_yaml`` or ``split_front_matter``, which remove them from what
they return and record where each was (``Document.controls``,
``FrontMatter.body_controls``). The loaders report them and leave the item out;
an output writer (HTML, feeds, calendars, JSON-LD, search, cards) can never get
one, whether or not a loader reports it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

#: Limits that keep a huge or hostile file from hanging the build.
MAX_BYTES = 1_000_000
MAX_DEPTH = 20
MAX_NODES = 200_000  # also stops "billion laughs" alias bombs

Path_ = tuple[Hashable, ...]

#: What no text of the site may hold: the C0 controls but tab, line feed and carriage return; DEL; the C1
#: controls (U+0080-U+009F); the noncharacters U+FFFE and U+FFFF; lone surrogates. XML (feeds, calendars
#: made by lxml) refuses most of them, HTML forbids them, and none is visible in an editor.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True, order=True)
class Control:
    """An invisible control character found in a source file (and removed from what was read)."""

    line: int
    code: str  #: 'U+000B'
    path: Path_ = ()  #: the YAML key path of the value that held it; () in a Markdown body
    escaped: bool = False  #: written as an escape in a double-quoted YAML string ('\\v'), not as the character


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def strip_controls(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """``text`` without control characters, and the (line, column, code) of each, as in the text returned.

    Line feeds are never removed, so lines stay the editor's lines. One pass: a file full of them
    costs no more than a file without.
    """
    if not CONTROL.search(text):
        return text, []
    found: list[tuple[int, int, str]] = []
    line, line_start, scanned, on_line = 1, 0, 0, 0
    for match in CONTROL.finditer(text):
        breaks = text.count("\n", scanned, match.start())
        if breaks:
            line += breaks
            line_start = text.rfind("\n", scanned, match.start()) + 1
            on_line = 0
        scanned = match.start()
        found.append((line, match.start() - line_start - on_line, _code(match.group())))
        on_line += 1
    return CONTROL.sub("", text), found


def ordered(controls: list[Control] | tuple[Control, ...]) -> tuple[Control, ...]:
    """Controls once each, by line (key paths may mix numbers and names, so they are compared as text)."""
    return tuple(sorted(set(controls), key=lambda c: (c.line, c.code, repr(c.path), c.escaped)))


class SourceError(Exception):
    """A file that cannot be read as YAML; ``line`` is 1-based when known."""

    def __init__(self, message: str, line: int | None = None, hint: str = "", field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.hint = hint
        self.field = field

    def problem(self, source: str, leads: bool = False) -> Problem:
        """The located problem of ``source`` that this error is."""
        return Problem(source, self.line, self.field, self.message, self.hint, leads=leads)


@dataclass(frozen=True)
class Document:
    """Plain data read from YAML, with the line of each key path (1-based)."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    first_line: int = 1
    controls: tuple[Control, ...] = ()  #: control characters removed from the values, with their key paths

    def controls_under(self, path: Path_) -> list[Control]:
        """The control characters found in the values under ``path`` (every one for ())."""
        return [c for c in self.controls if c.path[: len(path)] == path]

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
        self.marks: dict[Path_, tuple[int, int]] = {}  #: (line, column) of each key, to place literal controls
        self.controls: list[Control] = []
        self.nodes = 0

    def build(self, node: yaml.Node, path: Path_ | None = (), depth: int = 0) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise SourceError(f"more than {MAX_NODES} values (are aliases repeated?)")
        if depth > MAX_DEPTH:
            raise SourceError(f"nesting deeper than {MAX_DEPTH} levels", self._line(node))
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _COLLECTIONS:
            raise SourceError(f"the YAML tag {node.tag} is not allowed", self._line(node))
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and path is None:  # a key that is a collection
            raise SourceError("a key must be a plain value", self._line(node))
        if isinstance(node, yaml.MappingNode) and path is not None:
            result: dict[Any, Any] = {}
            self.flatten_mapping(node)  # resolves '<<' merge keys safely
            for key_node, value_node in node.value:
                # A plain key's control characters are recorded below, at the key's own path.
                key = self.build(key_node, None if isinstance(key_node, yaml.ScalarNode) else path, depth + 1)
                if not isinstance(key, Hashable):
                    raise SourceError("a key must be a plain value", self._line(key_node))
                if isinstance(key, str) and CONTROL.search(key):
                    key = self._cleaned(key, path + (CONTROL.sub("", key),), key_node)
                if key in result:
                    raise SourceError(f"key '{key}' appears twice", self._line(key_node))
                self._place(path + (key,), key_node)
                result[key] = self.build(value_node, path + (key,), depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode) and path is not None:
            items = []
            for index, item_node in enumerate(node.value):
                self._place(path + (index,), item_node)
                items.append(self.build(item_node, path + (index,), depth + 1))
            return items
        if node.tag.startswith("tag:yaml.org,2002:") and node.tag.rsplit(":", 1)[1] in _SCALARS:
            try:
                value = self.construct_object(node, deep=True)
            except ValueError:
                value = node.value  # e.g. '2025-13-01': kept as text, so the field check can say why
            if isinstance(value, str) and path is not None and CONTROL.search(value):
                value = self._cleaned(value, path, node)
            return value
        raise SourceError(f"the YAML tag {node.tag} is not allowed", self._line(node))

    def _place(self, path: Path_, node: yaml.Node) -> None:
        self.lines[path] = self._line(node)
        self.marks[path] = (self._line(node), node.start_mark.column)

    def _cleaned(self, text: str, path: Path_, node: yaml.Node) -> str:
        """``text`` without its control characters (only an escape in a quoted string can make one here)."""
        for char in dict.fromkeys(CONTROL.findall(text)):
            self.controls.append(Control(self._line(node), _code(char), path, escaped=True))
        return CONTROL.sub("", text)

    def place_literals(self, literal: list[tuple[int, int, str]]) -> list[Control]:
        """Controls typed in the file at (line, column): each belongs to the value written there, that is
        the deepest key that starts last before it (one before the first key goes with the first entry)."""
        if not literal:
            return []
        # By position, the deeper key last among keys at the same place: the last one not after a control wins.
        keys = sorted(((mark[0], mark[1], len(path)), index) for index, (path, mark) in enumerate(self.marks.items()))
        paths = list(self.marks)
        first = next((paths[i] for _, i in keys if len(paths[i]) == 1), ())
        controls = []
        for line, column, code in literal:
            at = bisect.bisect_right(keys, ((line, column, MAX_DEPTH + 1), len(paths)))
            controls.append(Control(line, code, paths[keys[at - 1][1]] if at else first))
        return controls

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


def load_yaml(text: str, line_offset: int = 0,
              literal: list[tuple[int, int, str]] | None = None) -> Document:
    """Read one YAML document into plain data with key lines; raise SourceError.

    Control characters are removed, and each is recorded in ``Document.controls`` with the key
    path of the value that held it. ``literal``: those already removed from ``text`` by the caller,
    as (file line, column, code).
    """
    if literal is None:
        text, literal = strip_controls(text)
        literal = [(line + line_offset, column, code) for line, column, code in literal]
    try:
        try:
            node = yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            # Read again with the pure-Python parser: its messages are the ones editors see.
            node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, text, line_offset) from None
    except yaml.YAMLError as error:
        raise SourceError(f"YAML error: {error}") from None
    if node is None:
        return Document(data=None, first_line=1 + line_offset,
                        controls=ordered([Control(line, code) for line, _, code in literal]))
    builder = _Builder(line_offset)
    try:
        data = builder.build(node)
    except yaml.constructor.ConstructorError as error:
        line = error.problem_mark.line + 1 + line_offset if error.problem_mark else None
        raise SourceError(f"invalid value: {error.problem}", line) from None
    except RecursionError:
        raise SourceError(f"nesting deeper than {MAX_DEPTH} levels") from None
    controls = builder.controls + builder.place_literals(literal)
    return Document(data=data, lines=builder.lines, first_line=1 + line_offset,
                    controls=ordered(controls))


_KEY_VALUE = re.compile(r"^\s*(?:-\s+)?(?P<key>[^\s:#'\"\[\]{}][^:#]*?)\s*:\s+(?P<value>.*?)\s*$")


def _syntax_error(error: yaml.MarkedYAMLError, text: str, line_offset: int) -> SourceError:
    """The parser's error as an editor can act on it: the usual slips get their own words and fix."""
    problem = error.problem or "invalid YAML"
    mark = error.problem_mark or error.context_mark
    context_line = error.context_mark.line if error.context_mark else None
    index = mark.line if mark else None
    lines = text.split("\n")

    def at(row: int | None, message: str, hint: str = "", field: str = "") -> SourceError:
        line = row + 1 + line_offset if row is not None else None
        return SourceError(f"YAML syntax error: {message}", line, hint, field)

    found = _KEY_VALUE.match(lines[index]) if index is not None and index < len(lines) else None
    key, value = (found.group("key"), found.group("value")) if found else ("", "")
    if "found character '\\t'" in str(error) or "tab character" in problem:
        return at(index, "a tab is used for indentation; indent with spaces")
    if problem == "mapping values are not allowed here":
        if found and ": " in value + " " and value[:1] not in "\"'":
            return at(index, "': ' inside a text that is not in quotes",
                      f"put the {key} in quotes: {key}: {_quoted(value)}",
                      key)
        return at(index, "this line is indented more than the key above it", "line up keys of the same level")
    if problem.startswith(("expected <block end>, but found '<scalar>'", "expected ',' or '}', but got '<scalar>'",
                           "expected ',' or ']', but got '<scalar>'")) and value[:1] in ("\"", "'"):
        if value[0] == '"':
            return at(index, "a \" inside a text in double quotes ends it too early",
                      "inside, use « » or ’ instead, or put the text in single quotes", key)
        return at(index, "an apostrophe inside a text in single quotes ends it too early",
                  "write the apostrophe as ’ or put the text in double quotes", key)
    if re.fullmatch(r"expected ',' or '[}\]]', but got '(<scalar>|:)'", problem):
        return at(index, "a text inside { } or [ ] holds a quote, a comma or ': '",
                  "put each text in double quotes, or write one 'key: value' per line", key)
    if problem == "found unexpected end of stream" and error.context and "quoted scalar" in error.context:
        found = _KEY_VALUE.match(lines[context_line]) if context_line is not None else None
        return at(context_line, "a quote is never closed", "close it at the end of the text",
                  found.group("key") if found else "")
    starts = re.fullmatch(r"found character '(.)' that cannot start any token", problem)
    if starts and found:
        return at(index, f"a text cannot start with '{starts.group(1)}' unless it is in quotes",
                  f"put the {key} in quotes: {key}: {_quoted(value)}", key)
    escape = re.fullmatch(r"found unknown escape character '(.+)'", problem)
    if escape:
        return at(index, f"'\\{escape.group(1)}' is not allowed in a text in double quotes",
                  "write \\\\ for a backslash, or put the text in single quotes", key)
    if problem == "could not find expected ':'":
        return at(context_line, "this line is not 'key: value'",
                  "add ': ' after the key, or indent the line if it goes on with the text above")
    if problem.startswith("expected <block end>, but found '-'"):
        return at(index, "a list item '-' where a key was expected", "indent the list under its key")
    return at(index, problem)


def _quoted(value: str) -> str:
    if '"' not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def read_data_file(path: Path, source: str, kind: type = dict) -> Document:
    """Read a YAML file that must hold a mapping (or a list); raise SourceError with the reason."""
    doc = load_yaml(read_text(path.read_bytes()))
    if not isinstance(doc.data, kind):
        what = "a mapping of 'key: value' lines" if kind is dict else "a list"
        raise SourceError(f"must be {what}", doc.first_line)
    return doc


def read_registry(path: Path, kind: type = dict) -> tuple[Document, list[tuple[SourceError, Hashable | None]]]:
    """Read a registry (a mapping of entries, or a list of them), keeping every entry that can be read.

    A YAML syntax error costs only the entry it is in: the file is then read again entry by entry
    (an entry starts at a line that is not indented: 'key:' or '- '). Returns the entries read, and
    each error with the key of its entry when it can be told (else None). Raises SourceError when
    the file as a whole cannot be read (not UTF-8, not a mapping or list).
    """
    text = read_text(path.read_bytes())
    try:
        doc = load_yaml(text)
    except SourceError:
        blocks = _entry_blocks(text, kind)
        if len(blocks) < 2:
            raise
    else:
        if not isinstance(doc.data, kind):
            what = "a mapping of 'key: value' lines" if kind is dict else "a list"
            raise SourceError(f"must be {what}", doc.first_line)
        return doc, []
    data: Any = {} if kind is dict else []
    lines: dict[Path_, int] = {}
    controls: list[Control] = []
    errors: list[tuple[SourceError, Hashable | None]] = []
    for start, block in blocks:
        try:
            part = load_yaml(block, line_offset=start)
            if part.data is None:
                continue  # only comments
            if not isinstance(part.data, kind):
                raise SourceError("this entry is not like the others", start + 1)
        except SourceError as error:
            errors.append((error, _entry_key(block, kind)))
            continue
        shift = len(data) if kind is list else 0
        entries: Any = part.data  # of ``kind``, checked above
        for key in entries if kind is dict else ():
            if key in data:
                errors.append((SourceError(f"key '{key}' appears twice", part.line(key)), None))
        if kind is dict:
            fresh = [key for key in entries if key not in data]
            data.update({key: entries[key] for key in fresh})
        else:
            data.extend(entries)
        for key_path, line in part.lines.items():
            moved = _shifted(key_path, shift) if kind is list else key_path
            lines.setdefault(moved, line)
        controls += [Control(c.line, c.code, _shifted(c.path, shift) if kind is list else c.path, c.escaped)
                     for c in part.controls]
    return Document(data, lines, 1, ordered(controls)), errors


def _shifted(key_path: Path_, shift: int) -> Path_:
    if key_path and isinstance(key_path[0], int):
        return (key_path[0] + shift, *key_path[1:])
    return key_path


def _entry_blocks(text: str, kind: type) -> list[tuple[int, str]]:
    """The file cut before each line that starts an entry: (0-based first line, text)."""
    lines = text.split("\n")
    starts = [index for index, line in enumerate(lines)
              if line[:1] not in ("", " ", "\t", "#") and (kind is dict or line.startswith("-"))]
    if not starts:
        return [(0, text)]
    starts[0] = 0  # comments before the first entry go with it
    bounds = starts + [len(lines)]
    return [(bounds[i], "\n".join(lines[bounds[i]: bounds[i + 1]])) for i in range(len(starts))]


def _entry_key(block: str, kind: type) -> Hashable | None:
    """The key of an entry that cannot be read, when its first line tells it."""
    if kind is dict:
        for line in block.split("\n"):
            if line[:1] not in ("", " ", "\t", "#"):
                found = re.match(r"^(['\"]?)([^'\":#\s][^'\":#]*?)\1\s*:", line)
                return found.group(2) if found else None
        return None
    found = re.search(r"^[-\s]*number:\s*(\d+)\s*$", block, re.MULTILINE)
    return int(found.group(1)) if found else None


@dataclass(frozen=True)
class FrontMatter:
    """A Markdown file split into its YAML front matter and its body."""

    meta: Document
    body: str
    body_line: int
    body_controls: tuple[Control, ...] = ()  #: control characters removed from the body, by file line


def split_front_matter(text: str) -> FrontMatter:
    """Split '---\\n<yaml>\\n---\\n<body>'; a file without front matter has empty meta.

    Control characters are removed from both parts and recorded (see ``load_yaml``).
    """
    text, found = strip_controls(text)
    # Lines end at '\\n' only, as editors count them (str.splitlines would also break at U+2028…).
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter(Document(data={}), text, 1, _in_body(found, 1))
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            body_line = index + 2
            meta = load_yaml("".join(lines[1:index]), line_offset=1,
                             literal=[f for f in found if f[0] < body_line])
            return FrontMatter(meta, "".join(lines[index + 1 :]), body_line, _in_body(found, body_line))
    raise SourceError("front matter opened with '---' on line 1 is never closed", 1)


def _in_body(found: list[tuple[int, int, str]], body_line: int) -> tuple[Control, ...]:
    return ordered([Control(line, code) for line, _, code in found if line >= body_line])
