"""Which reader each input needs: a file, or a folder of them (as a browser or wget saves a site).

In a folder, the page assets (images, styles, scripts, attached files, a browser's `…_files/`
folders) are not inputs: they are found again when a page refers to them. Every other file must be
recognised, and all by the same reader: a folder mixing formats, or a file no reader recognises,
is refused with a Vietnamese message naming the file (and the line, when one is wrong).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .items import LegacyFormatError
from .readers import readers

HEAD_BYTES = 65536
ASSET_EXTENSIONS = {
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".svg", ".ico", ".tif", ".tiff",
    ".css", ".js", ".map", ".woff", ".woff2", ".ttf", ".eot", ".otf",
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods", ".ppt", ".pptx", ".zip", ".rar", ".7z",
    ".mp3", ".mp4", ".webm", ".avi", ".flv", ".swf",
}  # fmt: skip
IGNORED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini", "robots.txt", ".wget-hsts"}


class DetectionError(LegacyFormatError):
    pass


@dataclass
class Input:
    path: Path
    reader: object  # a reader module (readers/__init__.py)

    @property
    def format(self) -> str:
        return self.reader.FORMAT


def reader_named(name: str):
    for module in readers():
        if name == module.FORMAT:
            return module
    known = ", ".join(module.FORMAT for module in readers())
    raise DetectionError(name, 0, f"không có định dạng «{name}»; các định dạng: {known}.")


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    found = []
    for file in sorted(path.rglob("*")):
        relative = file.relative_to(path)
        if not file.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        if any(part.endswith(("_files", "_tap_tin")) for part in relative.parts[:-1]):
            continue  # the assets folder a browser saves beside a page
        if file.name in IGNORED_NAMES or file.suffix.lower() in ASSET_EXTENSIONS:
            continue
        found.append(file)
    return found


def sniff_file(file: Path):
    """The first reader (most specific first) that recognises `file`, or None."""
    with file.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    for module in readers():
        if module.sniff(file, head):
            return module
    return None


def detect(paths, forced: str | None = None) -> list[Input]:
    """The inputs in `paths` (files or folders), each with its reader; one format for all."""
    forced_reader = reader_named(forced) if forced else None
    inputs: list[Input] = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise DetectionError(str(path), 0, "không có tệp hay thư mục này.")
        files = _files(path)
        if not files:
            raise DetectionError(str(path), 0, "thư mục không có trang nào để nhập.")
        for file in files:
            if file.stat().st_size == 0:
                raise DetectionError(str(file), 0, "tệp rỗng.")
            module = forced_reader or sniff_file(file)
            if module is None:
                raise DetectionError(
                    str(file),
                    1,
                    "không nhận ra định dạng (HTML, văn bản thuần, WXR, RSS/Atom, NukeViet, CSV); "
                    "dùng --format để chỉ định.",
                )
            inputs.append(Input(file, module))
    formats = {entry.format for entry in inputs}
    if len(formats) > 1:
        first = inputs[0]
        other = next(entry for entry in inputs if entry.format != first.format)
        raise DetectionError(
            str(other.path),
            1,
            f"đầu vào trộn nhiều định dạng: tệp này là «{other.reader.LABEL}» còn {first.path} là "
            f"«{first.reader.LABEL}». Nhập mỗi định dạng một lượt riêng.",
        )
    return inputs


def read_all(inputs: list[Input]):
    """Every item of every input, in order; the first unreadable file stops everything."""
    for entry in inputs:
        try:
            yield from entry.reader.read(entry.path)
        except LegacyFormatError:
            raise
        except (OSError, ValueError) as error:
            raise LegacyFormatError(str(entry.path), 0, f"không đọc được: {error}") from error
