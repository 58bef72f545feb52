"""The shipped nightly backup (deploy/systemd) and the documentation describe one path: `manage.py backup`.

Read from the files themselves, so that changing the unit without the docs (or the reverse) fails.
"""

import configparser
import shlex
from pathlib import Path

from django.conf import settings

from congphuong.backup.management.commands.backup import Command as BackupCommand

ROOT = Path(settings.BASE_DIR)
SERVICE = ROOT / "deploy" / "systemd" / "congphuong-backup.service"
TIMER = ROOT / "deploy" / "systemd" / "congphuong-backup.timer"
DOCS = [ROOT / "docs" / "backup.md", ROOT / "docs" / "deploy.md"]


def unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def exec_start() -> list[str]:
    return shlex.split(unit(SERVICE)["Service"]["ExecStart"])


def test_the_unit_runs_manage_py_backup_with_arguments_the_command_accepts():
    command = exec_start()
    assert command[0].endswith("/.venv/bin/python") and command[1:3] == ["manage.py", "backup"]
    options = BackupCommand().create_parser("manage.py", "backup").parse_args(command[3:])
    service = unit(SERVICE)["Service"]
    assert options.output_dir is not None and options.keep > 0
    # The only directory the unit may write is the one the archives go to, and files are owner-only.
    assert service["ReadWritePaths"].split() == [str(options.output_dir)]
    assert service["UMask"] == "0077"
    assert "WorkingDirectory" in service and service["WorkingDirectory"] == str(Path(command[0]).parents[2])


def test_the_docs_show_the_units_command_and_schedule_and_no_other_backup_path():
    command = unit(SERVICE)["Service"]["ExecStart"].strip()
    calendar = unit(TIMER)["Timer"]["OnCalendar"].strip()
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        assert command in text, f"{doc.name} does not show the unit's command"
        assert "backup.sh" not in text.replace("`deploy/backup.sh` đã bỏ", ""), doc.name
        assert "pg_restore --" not in text and "SHA256SUMS" not in text, doc.name
    assert f"OnCalendar={calendar}" in DOCS[0].read_text(encoding="utf-8")
    assert not (ROOT / "deploy" / "backup.sh").exists()
