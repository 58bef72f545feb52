import datetime
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from congphuong.news.tests.factories import ArticlePageFactory, CategoryPageFactory

pytestmark = pytest.mark.django_db


def test_category_lists_articles_newest_first_with_vietnamese_pagination(client, category):
    base = timezone.make_aware(datetime.datetime(2025, 3, 1, 8, 0))
    for n in range(15):
        ArticlePageFactory(parent=category, title=f"Tin số {n:02d}", published_at=base + datetime.timedelta(days=n))
    response = client.get(category.url)
    assert response.status_code == 200
    html = response.content.decode()
    titles = re.findall(r"Tin số (\d\d)", html)
    assert titles[:3] == ["14", "13", "12"]
    assert "Trang sau" in html
    second = client.get(category.url + "?trang=2").content.decode()
    assert "Tin số 02" in second and "Tin số 14" not in second
    assert "Trang trước" in second
    # A bad page number does not break the page.
    assert client.get(category.url + "?trang=abc").status_code == 200
    assert client.get(category.url + "?trang=999").status_code == 200


def test_nested_category_articles_appear_in_parent(client, category):
    child = CategoryPageFactory(parent=category, title="Thông báo", slug="thong-bao")
    ArticlePageFactory(parent=child, title="Thông báo lịch tiếp công dân")
    html = client.get(category.url).content.decode()
    assert "Thông báo lịch tiếp công dân" in html
    assert child.url in html  # the sub-category is listed


def test_article_page_shows_what_a_reader_expects(client, category):
    article = ArticlePageFactory(
        parent=category,
        title="Phường tổ chức hội nghị khuyến học",
        lead="Hội nghị bàn giải pháp xây dựng xã hội học tập.",
        signing_unit="ỦY BAN NHÂN DÂN PHƯỜNG THỬ NGHIỆM",
        published_at=datetime.datetime(2023, 5, 18, 9, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=7))),
    )
    article.tags.add("khuyến học")
    article.save_revision().publish()
    response = client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thứ Năm, 18/05/2023 09:30" in html
    assert "Hội nghị bàn giải pháp xây dựng xã hội học tập." in html
    assert "ỦY BAN NHÂN DÂN PHƯỜNG THỬ NGHIỆM" in html
    soup = BeautifulSoup(html, "html.parser")
    assert any(a.get("href") == category.url and "Quay lại" in a.get_text() for a in soup.find_all("a"))
    assert "khuyến học" in html
    assert 'lang="vi"' in html
    # Open Graph and NewsArticle JSON-LD
    assert 'property="og:title"' in html
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(ld.group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Phường tổ chức hội nghị khuyến học"
    assert data["datePublished"].startswith("2023-05-18T09:30")


def test_article_json_ld_cannot_be_broken_out_of(client, category):
    article = ArticlePageFactory(parent=category, title="Tiêu đề </script><script>alert(1)</script>")
    html = client.get(article.url).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_article_print_view(client, article):
    response = client.get(article.url + "ban-in/")
    assert response.status_code == 200
    html = response.content.decode()
    assert article.title in html
    assert "<nav" not in html  # no site chrome on paper


def test_related_articles_prefer_shared_tags(client, category):
    other = CategoryPageFactory(parent=category.get_parent(), title="An sinh xã hội", slug="an-sinh-xa-hoi")
    main = ArticlePageFactory(parent=category, title="Bài chính")
    main.tags.add("học bổng")
    main.save()
    tagged = ArticlePageFactory(parent=other, title="Bài cùng thẻ ở danh mục khác")
    tagged.tags.add("học bổng")
    tagged.save()
    ArticlePageFactory(parent=category, title="Bài cùng danh mục")
    related = main.related_articles()
    assert related[0].title == "Bài cùng thẻ ở danh mục khác"
    assert "Bài cùng danh mục" in [a.title for a in related]
    assert main.pk not in [a.pk for a in related]


def test_unpublished_article_is_not_listed_or_served(client, category):
    article = ArticlePageFactory(parent=category, title="Bài sắp bị gỡ")
    article.unpublish()
    assert "Bài sắp bị gỡ" not in client.get(category.url).content.decode()
    assert client.get(article.url or "/khuyen-hoc-khuyen-tai/" + article.slug + "/").status_code == 404


def test_article_attachments_are_listed_with_type_and_size(client, category):
    from congphuong.documents.pdf import pdf_document

    notice = pdf_document("Thông báo số 15/TB-UBND", "thong-bao-15.pdf", ["Thong bao so 15"])
    article = ArticlePageFactory(
        parent=category,
        title="Thông báo lịch tiếp công dân",
        body=[{"type": "documents", "value": {"heading": "Tệp đính kèm", "documents": [notice.pk]}}],
    )
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    section = soup.select_one("section.documents")
    assert section is not None and section.h2.get_text(strip=True) == "Tệp đính kèm"
    link = section.find("a", string="Thông báo số 15/TB-UBND")
    assert link and link["href"] == notice.url
    meta = section.select_one(".doc-meta").get_text()
    assert re.fullmatch(r"\(PDF, \d+\sbyte\)", meta.strip()), meta  # a no-break space before the unit
