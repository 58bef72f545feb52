"""The shipped weekly measurement (deploy/systemd/congphuong-measure.*) runs `manage.py measure_portal` as
the command accepts it, and the deploy docs install it: the self-assessment's "last recorded run" has a
schedule behind it (issue 19, part 4)."""

import configparser
import shlex
from pathlib import Path

from django.conf import settings

from congphuong.assessment.management.commands.measure_portal import Command

ROOT = Path(settings.BASE_DIR)
UNITS = ROOT / "deploy" / "systemd"


def _unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read_string((UNITS / name).read_text(encoding="utf-8"))
    return parser


def test_the_unit_runs_measure_portal_with_arguments_the_command_accepts():
    service = _unit("congphuong-measure.service")["Service"]
    command = shlex.split(service["ExecStart"])
    assert command[0].endswith("/.venv/bin/python") and command[1:3] == ["manage.py", "measure_portal"]
    Command().create_parser("manage.py", "measure_portal").parse_args(command[3:])
    assert service["WorkingDirectory"] == str(Path(command[0]).parents[2])
    assert service["Type"] == "oneshot" and service["User"] == "congphuong"


def test_the_timer_is_weekly_and_the_deploy_docs_enable_it():
    timer = _unit("congphuong-measure.timer")["Timer"]
    assert timer["OnCalendar"].startswith("Mon ") and timer["Persistent"] == "true"
    deploy = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    assert "systemctl enable --now congphuong-measure.timer" in deploy
    assert "congphuong-measure.timer" in (ROOT / "docs" / "self-assessment.md").read_text(encoding="utf-8")
