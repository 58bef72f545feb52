"""A safe XML parse for the XML readers (WXR, RSS/Atom): a small element tree that remembers the line
each element starts on, so that an item and an error can name it.

defusedxml's expat reader refuses entity declarations and external references (billion laughs,
XXE); a DOCTYPE alone (old RSS 0.91 files carry one) is allowed. ElementTree does not keep line
numbers, the SAX locator does, hence this tree of our own.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import escape
from html.entities import name2codepoint
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler, feature_namespaces

from defusedxml import DefusedXmlException
from defusedxml.expatreader import DefusedExpatParser

from congphuong.core.text import nfc
from congphuong.importer.items import LegacyFormatError

XHTML = "http://www.w3.org/1999/xhtml"
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Node:
    uri: str
    name: str
    line: int
    attrs: dict[tuple[str, str], str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)
    text: str = ""  # character data before the first child
    tail: str = ""  # character data after this element, inside its parent

    def is_(self, uri: str, name: str) -> bool:
        return self.uri == uri and self.name == name

    def find(self, uri: str, name: str) -> Node | None:
        for child in self.children:
            if child.uri == uri and child.name == name:
                return child
        return None

    def find_all(self, uri: str, name: str) -> Iterator[Node]:
        for child in self.children:
            if child.uri == uri and child.name == name:
                yield child

    def child_text(self, uri: str, name: str) -> str:
        child = self.find(uri, name)
        return child.all_text().strip() if child is not None else ""

    def all_text(self) -> str:
        parts = [self.text]
        for child in self.children:
            parts.append(child.all_text())
            parts.append(child.tail)
        return "".join(parts)

    def attr(self, name: str, default: str = "") -> str:
        return self.attrs.get(("", name), default)

    def inner_markup(self) -> str:
        """The children serialised back as (X)HTML, for Atom's type="xhtml" content."""
        parts = [escape(self.text, quote=False)]
        for child in self.children:
            parts.append(child.markup())
            parts.append(escape(child.tail, quote=False))
        return "".join(parts)

    def markup(self) -> str:
        attrs = "".join(f' {name}="{escape(value)}"' for (_uri, name), value in self.attrs.items())
        if self.name in _VOID and not self.children and not self.text:
            return f"<{self.name}{attrs}>"
        return f"<{self.name}{attrs}>{self.inner_markup()}</{self.name}>"


class _TreeBuilder(ContentHandler):
    def __init__(self):
        super().__init__()
        self.locator = None
        self.root: Node | None = None
        self.stack: list[Node] = []
        self.chunks: list[str] = []

    def setDocumentLocator(self, locator):  # noqa: N802 (SAX's name)
        self.locator = locator

    def line(self) -> int:
        return self.locator.getLineNumber() if self.locator is not None else 0

    def _flush(self):
        if not self.chunks:
            return
        data = "".join(self.chunks)
        self.chunks = []
        if not self.stack:
            return
        current = self.stack[-1]
        if current.children:
            current.children[-1].tail += data
        else:
            current.text += data

    def startElementNS(self, name, qname, attrs):  # noqa: N802
        self._flush()
        uri, local = name
        node = Node(uri=uri or "", name=local, line=self.line())
        node.attrs = {(key[0] or "", key[1]): nfc(value) for key, value in attrs.items()}
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def endElementNS(self, name, qname):  # noqa: N802
        self._flush()
        node = self.stack.pop()
        node.text = nfc(node.text)
        for child in node.children:
            child.tail = nfc(child.tail)

    def characters(self, content):
        self.chunks.append(content)


_NAMED_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")
_XML_ENTITIES = {b"amp", b"lt", b"gt", b"quot", b"apos"}


def _numeric_entities(data: bytes) -> bytes:
    """HTML's named entities (&nbsp; &ocirc; …), which many portals' feeds write outside CDATA and
    XML does not define, as numeric references; an unknown name is left for the parser to refuse."""

    def replace(match):
        name = match.group(1)
        if name in _XML_ENTITIES:
            return match.group(0)
        codepoint = name2codepoint.get(name.decode("ascii"))
        return b"&#%d;" % codepoint if codepoint else match.group(0)

    return _NAMED_ENTITY.sub(replace, data)


def parse(path) -> Node:
    """The document's root element; LegacyFormatError (Vietnamese, with the line) if it is not
    well-formed XML or declares entities. HTML's named entities are accepted (see above)."""
    with open(path, "rb") as stream:
        data = stream.read()
    try:
        return _parse(path, data, first_try=True)
    except _UndefinedEntity:
        return _parse(path, _numeric_entities(data), first_try=False)


class _UndefinedEntity(Exception):
    pass


def _parse(path, data: bytes, *, first_try: bool) -> Node:
    handler = _TreeBuilder()
    parser = DefusedExpatParser(forbid_dtd=False, forbid_entities=True, forbid_external=True)
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(handler)
    try:
        parser.parse(io.BytesIO(data))
    except SAXParseException as error:
        if first_try and "undefined entity" in error.getMessage() and _NAMED_ENTITY.search(data):
            raise _UndefinedEntity from error
        raise LegacyFormatError(
            str(path), error.getLineNumber() or 0, f"tệp XML không hợp lệ ({error.getMessage()})."
        ) from error
    except DefusedXmlException as error:
        raise LegacyFormatError(
            str(path),
            handler.line(),
            "tệp XML khai báo thực thể (ENTITY) hoặc tham chiếu bên ngoài; bị từ chối vì lý do an toàn.",
        ) from error
    if handler.root is None:
        raise LegacyFormatError(str(path), 0, "tệp XML rỗng.")
    return handler.root


def root_tag(head: bytes) -> str:
    """The qualified name of the first element in `head` (after the XML declaration, comments,
    processing instructions and DOCTYPE), lower-cased; "" if none is found."""
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    position = 0
    length = len(text)
    while position < length:
        start = text.find("<", position)
        if start < 0:
            return ""
        if text.startswith("<?", start):
            end = text.find("?>", start)
        elif text.startswith("<!--", start):
            end = text.find("-->", start)
        elif text.startswith("<!", start):
            end = text.find(">", start)
        else:
            rest = text[start + 1 :]
            name = ""
            for char in rest:
                if char.isspace() or char in "/>":
                    break
                name += char
            return name.lower()
        if end < 0:
            return ""
        position = end + 1
    return ""
