"""What the readers' tests share: the fixtures folder and a file's head as detection sees it."""

import datetime
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"

# fixture → the reader (FORMAT) that must claim it; None: none of the structured readers
CLAIMED_BY = {
    "wordpress-phuong-7.xml": "wxr",
    "rss-phuong-3.xml": "feed",
    "atom-phuong-5.xml": "feed",
    "bang-tin-phuong-1.csv": "csv",
    "bang-tin-ascii.csv": "csv",
    "nukeviet-phuong-2.sql": "nukeviet",
    "trang-tin-cu.html": None,
}


def fixture(name: str) -> Path:
    return FIXTURES / name


def head(path: Path) -> bytes:
    with open(path, "rb") as stream:
        return stream.read(64 * 1024)


def vietnam_time(*args) -> datetime.datetime:
    from zoneinfo import ZoneInfo

    return datetime.datetime(*args, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def assert_vietnam_time(value: datetime.datetime, *args) -> None:
    assert value is not None
    assert value.tzinfo is not None and str(value.tzinfo) == "Asia/Ho_Chi_Minh"
    assert value.utcoffset() == datetime.timedelta(hours=7)
    assert value == vietnam_time(*args)
