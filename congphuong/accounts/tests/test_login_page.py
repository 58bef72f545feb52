"""The admin login page speaks Vietnamese, labels included."""

import re

import pytest


@pytest.mark.django_db
def test_login_labels_are_vietnamese(client):
    html = client.get("/admin/login/").content.decode()
    labels = [
        re.sub(r"<[^>]+>|\s+", " ", label).strip() for label in re.findall(r"<label[^>]*>(.*?)</label>", html, re.S)
    ]
    assert any(label.startswith("Mật khẩu") for label in labels), labels
    assert not any("Password" in label for label in labels), labels
