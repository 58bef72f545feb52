"""The learning society's public pages translated to English (/en/, docs/english-section.md): English
labels, headings, choice labels, chart texts, dates and numbers; the same pages in Vietnamese unchanged."""

import re

import pytest

from congphuong.core.localisation import translate_page
from congphuong.learning.models import Target

from .factories import LearningSocietyPageFactory
from .test_public import populate

pytestmark = pytest.mark.django_db

VIETNAMESE = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.IGNORECASE)


@pytest.fixture
def pages(home):
    page = LearningSocietyPageFactory(parent=home)
    translate_page(home, title="Test Ward", slug=f"{home.slug}-en")
    english = translate_page(page, title="Learning society", slug="learning-society")
    return page, english


def _main(html):
    return re.search(r"<main.*?</main>", html, re.S).group(0)


def _vietnamese_words(html, data):
    text = re.sub(r"<[^>]+>", " ", _main(html))
    return sorted({word for word in re.findall(r"\w+", text) if VIETNAMESE.search(word) and word not in data})


def _words(*texts):
    return {word for text in texts for word in re.findall(r"\w+", text)}


def test_the_learning_figures_in_english(client, ward, pages):
    page, english = pages
    secrets, published, shown = populate(ward, 4)
    Target.objects.update_or_create(
        site=None, kind="gia_dinh", year=2025, defaults={"percent": 70, "legal_basis": "QĐ 387"}
    )
    vi = client.get(page.url + "?nam=2025").content.decode()
    en = client.get("/en/learning-society/?nam=2025").content.decode()
    assert '<html lang="en">' in en
    assert "Learning models: results for 2025" in en and "Learning families (share of households)" in en
    assert ">Registered</th>" in en and ">Target</th>" in en and "by 2025" in en
    assert "Share recognised in 2025 against the target" in en  # the chart's accessible name
    assert "Awards and scholarships in 2025" in en and "4 awards, worth 2,000,000 VND in all." in en
    assert "Outstanding pupils" in en  # a choice label
    # Only what the ward wrote stays Vietnamese: the khu phố, the school and the grade.
    assert _vietnamese_words(en, _words("Khu phố 4", "Trường THCS Thử", "Lớp 8")) == []
    # Vietnamese unchanged.
    assert "Kết quả xây dựng các mô hình học tập năm 2025" in vi and "4 suất, tổng giá trị 2.000.000 đ." in vi
    assert "Gia đình học tập (tỷ lệ hộ gia đình)" in vi and "đến 2025" in vi and "December" not in vi

    bad = client.get("/en/learning-society/?nam=abc").content.decode()
    assert "The year “abc” is not valid; showing the figures for" in bad
    assert "Năm “abc” không hợp lệ; đang hiện số liệu năm" in client.get(page.url + "?nam=abc").content.decode()


def test_the_fund_page_in_english(client, ward, pages):
    page, english = pages
    secrets, published, shown = populate(ward, 4)
    vi = client.get(page.url + "cong-khai-quy/?nam=2025").content.decode()
    en = client.get("/en/learning-society/cong-khai-quy/?nam=2025").content.decode()
    assert "<h1>Study promotion fund accounts 2025</h1>" in en and '<html lang="en">' in en
    assert '<a href="/en/">Home</a>' in en  # the page's own breadcrumbs lead to the English home
    assert "Income, spending and balance by quarter" in en and ">Q1 2025</th>" in en
    assert "Donors and businesses" in en and "2,000,000 VND" in en  # a source's label, money in English
    assert "Other contributions (not named): 1, 1,000,000 VND in all." in en
    assert "2 awards are not named" in en
    names = " ".join(published + [shown, "Trường THCS Thử", "Lớp 8"])
    assert _vietnamese_words(en, _words(names)) == []
    monthly = client.get("/en/learning-society/cong-khai-quy/?nam=2025&ky=thang").content.decode()
    assert ">03/2025</th>" in monthly and "by month" in monthly and "Month" in monthly
    bad = client.get("/en/learning-society/cong-khai-quy/?nam=2025&ky=x").content.decode()
    assert "The period is not valid; showing quarters." in bad
    # Vietnamese unchanged.
    assert "<h1>Công khai quỹ khuyến học năm 2025</h1>" in vi and ">Quý I/2025</th>" in vi
    assert "Các khoản đóng góp khác (không nêu tên): 1 khoản, tổng 1.000.000 đ." in vi
    assert '<li><a href="/">Trang chủ</a></li>' in vi
