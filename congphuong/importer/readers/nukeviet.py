"""A NukeViet 4 database dump (.sql as phpMyAdmin or mysqldump writes it): the news module and the
laws (văn bản pháp luật) module, read from the dump's text; no MySQL server needed.

Tables, as NukeViet 4's modules/news/action_mysql.php and module-laws' action_mysql.php create them
(`<prefix>_<lang>_<module_data>_<table>`; prefix "nv4" by default, lang "vi"; a module may be a copy
under another name, e.g. "thongbao", so every module with the right tables is read):

- news: `_rows` (id, catid, listcatid, author, status, publtime, title, alias, hometext, homeimgfile,
  homeimgalt, homeimgthumb), `_detail` (id, bodyhtml — `bodytext` in some versions — sourcetext,
  files), older versions' `_bodyhtml_<n>` / `_bodytext` (id, body), `_cat` (catid, title, alias).
- laws: `_row` (id, title, alias, code, cid, sid, sgid, introtext, bodytext, files, publtime,
  startvalid, exptime; older dumps: signer, start_date, file), `_cat` (id, title: "Thể loại" — the
  document type), `_subject` (id, title: "Cơ quan ban hành"), `_signer` (id, title, offices,
  positions).
- `<prefix>_<lang>_modules` (title, module_file, module_data, module_upload), when present, gives
  each module's name in URLs and its upload folder; without it both are module_data.

INSERT statements with or without a column list (without one, the columns come from the dump's
CREATE TABLE), multi-row VALUES, quoted strings with MySQL's backslash escapes, NULL, numbers and
0x… literals are understood; comments and every other statement are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from congphuong.core.text import nfc
from congphuong.importer.items import LegacyAttachment, LegacyFormatError, LegacyImage, LegacyItem
from congphuong.importer.readers import _dates

FORMAT = "nukeviet"
LABEL = "Bản sao cơ sở dữ liệu NukeViet 4 (.sql)"

_SQL_HEAD = re.compile(
    rb"^(?:\s|--[^\n]*\n|/\*.*?\*/;?|#[^\n]*\n)*(?:CREATE\s|INSERT\s|DROP\s|SET\s|LOCK\s|USE\s|START\s)",
    re.IGNORECASE | re.DOTALL,
)
_SQL_STATEMENT = re.compile(
    rb"(?:CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?[`\"]?[\w.$]+[`\"]?\s*\("
    rb"|INSERT\s+(?:IGNORE\s+)?INTO\s+[`\"]?[\w.$]+[`\"]?\s*(?:\(|VALUES))",
    re.IGNORECASE,
)
_MODULE_TABLE = re.compile(
    r"^(?P<prefix>[a-z0-9]+)_(?P<lang>[a-z]{2})_(?P<module>[a-z0-9_]+?)_"
    r"(?P<table>rows|detail|cat|row|signer|subject|bodytext|bodyhtml_\d+)$",
    re.IGNORECASE,
)
_MODULES_TABLE = re.compile(r"^(?P<prefix>[a-z0-9]+)_(?P<lang>[a-z]{2})_modules$", re.IGNORECASE)


def sniff(path, head: bytes) -> bool:
    """A MySQL dump: SQL statements from the start, with CREATE TABLE or INSERT INTO. Which
    NukeViet tables it holds is read() to say (the news tables are often past the first 64 KiB)."""
    head = head.lstrip(b"\xef\xbb\xbf")
    if not _SQL_HEAD.match(head[:8192]):
        return False
    return bool(_SQL_STATEMENT.search(head))


# --- the SQL dump's lexer -------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>--[^\n]*|\#[^\n]*|/\*.*?\*/)
  | (?P<string>'(?:[^'\\]++|\\.|'')*+')
  | (?P<dstring>"(?:[^"\\]++|\\.|"")*+")
  | (?P<ident>`(?:[^`]|``)*`)
  | (?P<hex>0x[0-9A-Fa-f]*)
  | (?P<number>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_$]*)
  | (?P<punct>[(),;.=])
  | (?P<other>.)
    """,
    re.DOTALL | re.VERBOSE,
)
_ESCAPES = {"0": "\x00", "b": "\b", "n": "\n", "r": "\r", "t": "\t", "Z": "\x1a", "%": "\\%", "_": "\\_"}
_ESCAPE = re.compile(r"\\(.)|''|\"\"", re.DOTALL)


def _unescape(body: str) -> str:
    def replace(match):
        if match.group(1) is None:
            return match.group(0)[0]
        return _ESCAPES.get(match.group(1), match.group(1))

    return _ESCAPE.sub(replace, body)


@dataclass
class Token:
    kind: str  # string, ident, number, word, punct, null, end
    value: object
    line: int


class _Lexer:
    def __init__(self, source: str, text: str):
        self.source = source
        self.text = text
        self.position = 0
        self.line = 1
        self.peeked: Token | None = None

    def error(self, line: int, message: str) -> LegacyFormatError:
        return LegacyFormatError(self.source, line, message)

    def peek(self) -> Token:
        if self.peeked is None:
            self.peeked = self._next()
        return self.peeked

    def next(self) -> Token:
        token = self.peek()
        self.peeked = None
        return token

    def _next(self) -> Token:
        text = self.text
        while True:
            if self.position >= len(text):
                return Token("end", None, self.line)
            match = _TOKEN.match(text, self.position)
            assert match is not None  # the last alternative matches any character
            kind = match.lastgroup
            value = match.group()
            line = self.line
            self.line += value.count("\n")
            self.position = match.end()
            if kind == "ws":
                continue
            if kind == "comment":
                if value.startswith("/*") and not value.endswith("*/"):
                    raise self.error(line, "chú thích /* … */ không được đóng.")
                continue
            if kind == "string":
                return Token("string", _unescape(value[1:-1]), line)
            if kind == "dstring":
                return Token("string", _unescape(value[1:-1]), line)
            if kind == "ident":
                return Token("ident", value[1:-1].replace("``", "`"), line)
            if kind == "hex":
                try:
                    return Token("string", bytes.fromhex(value[2:]).decode("utf-8"), line)
                except ValueError:
                    return Token("string", value, line)
            if kind == "number":
                return Token("number", value, line)
            if kind == "word":
                if value.upper() == "NULL":
                    return Token("null", None, line)
                return Token("word", value, line)
            if kind == "punct":
                return Token("punct", value, line)
            if value in "'\"`":
                raise self.error(line, f"chuỗi mở bằng {value} không được đóng.")
            return Token("other", value, line)

    def skip_statement(self) -> None:
        while True:
            token = self.next()
            if token.kind == "end" or (token.kind == "punct" and token.value == ";"):
                return

    def name(self) -> str:
        """A table name, possibly `db`.`table`: the table part."""
        token = self.next()
        if token.kind not in ("ident", "word"):
            raise self.error(token.line, "thiếu tên bảng.")
        name = str(token.value)
        while self.peek().kind == "punct" and self.peek().value == ".":
            self.next()
            name = str(self.next().value)
        return name


# --- statements -----------------------------------------------------------------------------------

_COLUMN_STOP = {"PRIMARY", "KEY", "UNIQUE", "INDEX", "CONSTRAINT", "FULLTEXT", "SPATIAL", "FOREIGN", "CHECK"}
_INSERT_MODIFIERS = {"LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE", "INTO"}


@dataclass
class Dump:
    columns: dict[str, list[str]] = field(default_factory=dict)  # table → columns, from CREATE TABLE
    rows: dict[str, list[tuple[int, dict]]] = field(default_factory=dict)  # table → (line, row)


def _wanted(table: str) -> bool:
    return bool(_MODULE_TABLE.match(table) or _MODULES_TABLE.match(table))


def parse_dump(source: str, text: str, wanted=_wanted) -> Dump:
    lexer = _Lexer(source, text)
    dump = Dump()
    while True:
        token = lexer.next()
        if token.kind == "end":
            return dump
        if token.kind != "word":
            if not (token.kind == "punct" and token.value == ";"):
                lexer.skip_statement()
            continue
        keyword = str(token.value).upper()
        if keyword == "CREATE" and lexer.peek().kind == "word" and str(lexer.peek().value).upper() == "TABLE":
            lexer.next()
            _create_table(lexer, dump)
        elif keyword in ("INSERT", "REPLACE"):
            _insert(lexer, dump, token.line, wanted)
        else:
            lexer.skip_statement()


def _create_table(lexer: _Lexer, dump: Dump) -> None:
    while lexer.peek().kind == "word" and str(lexer.peek().value).upper() in ("IF", "NOT", "EXISTS"):
        lexer.next()
    table = lexer.name()
    token = lexer.next()
    if not (token.kind == "punct" and token.value == "("):
        lexer.skip_statement()  # CREATE TABLE … LIKE / AS SELECT
        return
    columns = []
    depth = 1
    at_start = True
    while depth:
        token = lexer.next()
        if token.kind == "end":
            raise lexer.error(token.line, f"CREATE TABLE `{table}` không được đóng ngoặc.")
        if at_start and depth == 1:
            at_start = False
            if token.kind == "ident" or (token.kind == "word" and str(token.value).upper() not in _COLUMN_STOP):
                columns.append(str(token.value))
        if token.kind == "punct" and token.value == "(":
            depth += 1
        elif token.kind == "punct" and token.value == ")":
            depth -= 1
        elif token.kind == "punct" and token.value == "," and depth == 1:
            at_start = True
    dump.columns[table] = columns
    lexer.skip_statement()


def _insert(lexer: _Lexer, dump: Dump, line: int, wanted) -> None:
    while lexer.peek().kind == "word" and str(lexer.peek().value).upper() in _INSERT_MODIFIERS:
        lexer.next()
    table = lexer.name()
    if not wanted(table):
        lexer.skip_statement()  # another table's data: only its strings matter, to find the ";"
        return
    columns: list[str] | None = None
    token = lexer.next()
    if token.kind == "punct" and token.value == "(":
        columns = []
        while True:
            token = lexer.next()
            if token.kind in ("ident", "word"):
                columns.append(str(token.value))
            elif token.kind == "punct" and token.value == ")":
                break
            elif not (token.kind == "punct" and token.value == ","):
                raise lexer.error(token.line, f"danh sách cột của INSERT INTO `{table}` không hợp lệ.")
        token = lexer.next()
    if not (token.kind == "word" and str(token.value).upper() in ("VALUES", "VALUE")):
        lexer.skip_statement()  # INSERT … SELECT / SET: not a dump's form
        return
    if columns is None:
        columns = dump.columns.get(table)
        if columns is None:
            raise lexer.error(
                line, f"INSERT INTO `{table}` không có danh sách cột và tệp không có CREATE TABLE cho bảng này."
            )
    rows = dump.rows.setdefault(table, [])
    while True:
        token = lexer.next()
        if not (token.kind == "punct" and token.value == "("):
            raise lexer.error(token.line, f"INSERT INTO `{table}`: thiếu “(” mở đầu một dòng dữ liệu.")
        row_line = token.line
        values = _values(lexer, table)
        if len(values) != len(columns):
            raise lexer.error(
                row_line,
                f"INSERT INTO `{table}`: dòng dữ liệu có {len(values)} giá trị nhưng bảng có {len(columns)} cột.",
            )
        rows.append((row_line, dict(zip(columns, values, strict=True))))
        token = lexer.next()
        if token.kind == "punct" and token.value == ",":
            continue
        if token.kind == "end" or (token.kind == "punct" and token.value == ";"):
            return
        if token.kind == "word" and str(token.value).upper() == "ON":  # ON DUPLICATE KEY UPDATE …
            lexer.skip_statement()
            return
        raise lexer.error(token.line, f"INSERT INTO `{table}`: thiếu dấu phẩy hoặc chấm phẩy sau dòng dữ liệu.")


def _values(lexer: _Lexer, table: str) -> list:
    values: list = []
    expecting = True
    while True:
        token = lexer.next()
        if token.kind == "end":
            raise lexer.error(token.line, f"INSERT INTO `{table}`: dòng dữ liệu không được đóng ngoặc.")
        if token.kind == "punct" and token.value == ")":
            if expecting and values:
                raise lexer.error(token.line, f"INSERT INTO `{table}`: thiếu giá trị trước “)”.")
            return values
        if token.kind == "punct" and token.value == ",":
            if expecting:
                raise lexer.error(token.line, f"INSERT INTO `{table}`: thiếu giá trị trước dấu phẩy.")
            expecting = True
            continue
        if not expecting:
            raise lexer.error(token.line, f"INSERT INTO `{table}`: thiếu dấu phẩy giữa hai giá trị.")
        if token.kind == "word" and lexer.peek().kind == "string":
            prefix = str(token.value)
            token = lexer.next()
            if prefix.lower() == "x":  # X'5068…'
                try:
                    token.value = bytes.fromhex(str(token.value)).decode("utf-8")
                except ValueError as error:
                    raise lexer.error(token.line, f"INSERT INTO `{table}`: chuỗi X'…' không hợp lệ.") from error
            elif not prefix.startswith("_"):  # _binary '…', _utf8mb4 '…'
                raise lexer.error(token.line, f"INSERT INTO `{table}`: giá trị không hiểu được “{prefix}”.")
        if token.kind == "string":
            values.append(nfc(token.value))
        elif token.kind == "number":
            values.append(token.value)
        elif token.kind == "null":
            values.append(None)
        elif token.kind == "word" and str(token.value).upper() in ("TRUE", "FALSE"):
            values.append("1" if str(token.value).upper() == "TRUE" else "0")
        else:
            raise lexer.error(token.line, f"INSERT INTO `{table}`: giá trị không hiểu được “{token.value}”.")
        expecting = False


# --- NukeViet's modules ---------------------------------------------------------------------------


@dataclass
class Module:
    prefix: str
    lang: str
    data: str
    tables: dict[str, list[tuple[int, dict]]] = field(default_factory=dict)  # "rows" → rows
    name: str = ""  # in URLs
    upload: str = ""  # folder under /uploads/

    def rows(self, table: str) -> list[tuple[int, dict]]:
        return self.tables.get(table, [])

    def by_id(self, table: str, key: str = "id") -> dict[str, dict]:
        return {str(row.get(key)): row for _line, row in self.rows(table)}


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _upload_url(module: Module, path: str) -> str:
    path = _text(path)
    if not path or re.match(r"^(?:[a-z]+:)?//", path, re.IGNORECASE) or path.startswith("/"):
        return path
    return f"/uploads/{module.upload}/{path}"


def read(path) -> Iterator[LegacyItem]:
    source = str(path)
    data = Path(path).read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise LegacyFormatError(
            source,
            data.count(b"\n", 0, error.start) + 1,
            "bản sao cơ sở dữ liệu không phải mã UTF-8; hãy xuất lại với bảng mã utf8mb4.",
        ) from error
    dump = parse_dump(source, text)
    modules: dict[tuple[str, str, str], Module] = {}
    for table, rows in dump.rows.items():
        match = _MODULE_TABLE.match(table)
        if match:
            key = (match["prefix"], match["lang"], match["module"])
            module = modules.setdefault(key, Module(*key))
            module.tables[match["table"].lower()] = rows
    for table, rows in dump.rows.items():
        match = _MODULES_TABLE.match(table)
        if not match:
            continue
        for _line, row in rows:
            key = (match["prefix"], match["lang"], _text(row.get("module_data")))
            if key in modules:
                modules[key].name = _text(row.get("title"))
                modules[key].upload = _text(row.get("module_upload"))
    news = [module for module in modules.values() if "rows" in module.tables]
    laws = [module for module in modules.values() if "row" in module.tables]
    if not news and not laws:
        raise LegacyFormatError(
            source,
            0,
            "không tìm thấy dữ liệu tin tức hay văn bản của NukeViet 4 trong tệp "
            "(bảng <tiền tố>_vi_news_rows hoặc <tiền tố>_vi_laws_row, có INSERT INTO).",
        )
    for module in news + laws:
        module.name = module.name or module.data
        module.upload = module.upload or module.data
    for module in news:
        yield from _news(source, module)
    for module in laws:
        yield from _laws(source, module)


def _news(source: str, module: Module) -> Iterator[LegacyItem]:
    categories = module.by_id("cat", "catid")
    details = module.by_id("detail")
    bodies: dict[str, str] = {}
    for table, rows in module.tables.items():
        if table.startswith("bodyhtml_") or table == "bodytext":
            for _line, row in rows:
                body = row.get("bodyhtml") if "bodyhtml" in row else row.get("bodytext")
                if body:
                    bodies.setdefault(str(row.get("id")), body)
    for line, row in module.rows("rows"):
        news_id = _text(row.get("id"))
        detail = details.get(news_id, {})
        body = detail.get("bodyhtml") or detail.get("bodytext") or bodies.get(news_id) or ""
        category = categories.get(_text(row.get("catid")), {})
        alias = _text(row.get("alias"))
        cat_alias = _text(category.get("alias"))
        url = f"/{module.name}/{cat_alias}/{alias}-{news_id}.html" if cat_alias and alias else ""
        images = []
        image = _text(row.get("homeimgfile"))
        if image and _text(row.get("homeimgthumb")) != "0":
            alt = _text(row.get("homeimgalt"))
            images.append(LegacyImage(src=_upload_url(module, image), alt=alt, caption=alt))
        attachments = [
            LegacyAttachment(src=_upload_url(module, name), title=PurePosixPath(name).name)
            for name in _text(detail.get("files")).split(",")
            if name.strip()
        ]
        other_categories = [
            _text(categories[cat_id].get("title"))
            for cat_id in _text(row.get("listcatid")).split(",")
            if cat_id.strip() in categories and cat_id.strip() != _text(row.get("catid"))
        ]
        published = _dates.from_timestamp(row.get("publtime")) or _dates.from_timestamp(row.get("addtime"))
        yield LegacyItem(
            source_file=source,
            source_line=line,
            source_url=url,
            title=_text(row.get("title")),
            published_at=published,
            body_html=_text(body),
            summary=_text(row.get("hometext")),
            category_hint=_text(category.get("title")),
            images=images,
            attachments=attachments,
            author=_text(row.get("author")),
            kind="",
            extra={
                "format": FORMAT,
                "module": module.name,
                "lang": module.lang,
                "id": news_id,
                "status": _text(row.get("status")),
                "categories": other_categories,
                "source_text": _text(detail.get("sourcetext")),
            },
        )


def _laws(source: str, module: Module) -> Iterator[LegacyItem]:
    categories = module.by_id("cat")
    subjects = module.by_id("subject")
    signers = module.by_id("signer")
    for line, row in module.rows("row"):
        law_id = _text(row.get("id"))
        signer = signers.get(_text(row.get("sgid", row.get("signer"))), {})
        signer_name = _text(signer.get("title")) if signer else ""
        if not signer and row.get("signer") and not _text(row.get("signer")).isdigit():
            signer_name = _text(row.get("signer"))  # some versions keep the name itself
        document_type = _text(categories.get(_text(row.get("cid")), {}).get("title"))
        issuer = _text(subjects.get(_text(row.get("sid")), {}).get("title")) or _text(signer.get("offices"))
        issued = _dates.from_timestamp(row.get("publtime"))
        effective = _dates.from_timestamp(row.get("startvalid", row.get("start_date")))
        expires = _dates.from_timestamp(row.get("exptime"))
        files = _text(row.get("files", row.get("file")))
        attachments = [
            LegacyAttachment(src=_upload_url(module, name.strip()), title=PurePosixPath(name.strip()).name)
            for name in files.split(",")
            if name.strip()
        ]
        alias = _text(row.get("alias"))
        introtext = _text(row.get("introtext"))
        yield LegacyItem(
            source_file=source,
            source_line=line,
            source_url=f"/{module.name}/detail/{alias}/" if alias else "",  # rewrite_endurl "/"
            title=_text(row.get("title")) or introtext,
            published_at=issued or _dates.from_timestamp(row.get("addtime")),
            body_html=_text(row.get("bodytext")),
            summary=introtext,
            category_hint=document_type,
            attachments=attachments,
            kind="document",
            document_number=_text(row.get("code")),
            document_type=document_type,
            issuer=issuer,
            issued_on=issued.date() if issued else None,
            effective_from=effective.date() if effective else None,
            signer_name=signer_name,
            extra={
                "format": FORMAT,
                "module": module.name,
                "lang": module.lang,
                "id": law_id,
                "status": _text(row.get("status")),
                "expires_on": expires.date().isoformat() if expires else "",
                "signer_position": _text(signer.get("positions")),
            },
        )
