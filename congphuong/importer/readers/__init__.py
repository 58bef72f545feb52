"""The readers of old portals' exports, and the detection of which one a file needs.

Each reader module defines `FORMAT` (its name on the command line and in reports, e.g. "html"),
`LABEL` (Vietnamese, for reports), `sniff(path, head: bytes) -> bool` (does this file look like
mine? `head` is the first 64 KiB) and `read(path) -> Iterator[LegacyItem]` (raises
`LegacyFormatError` naming file and line). READERS lists them in the order detection tries them:
the most specific first.
"""

from importlib import import_module

READER_MODULES = [
    "congphuong.importer.readers.nukeviet",
    "congphuong.importer.readers.wxr",
    "congphuong.importer.readers.feed",
    "congphuong.importer.readers.csv_rows",
    "congphuong.importer.readers.html",
    "congphuong.importer.readers.text",
]


def readers():
    """The reader modules that exist (a reader not written yet is skipped)."""
    found = []
    for name in READER_MODULES:
        try:
            found.append(import_module(name))
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
    return found
