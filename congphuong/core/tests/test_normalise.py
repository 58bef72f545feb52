import unicodedata

import pytest

from congphuong.news.tests.factories import ArticlePageFactory

NFD = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731


@pytest.mark.django_db
def test_page_text_and_streamfield_are_stored_in_nfc(category):
    article = ArticlePageFactory(
        parent=category,
        title=NFD("Hội nghị tổng kết khuyến học"),
        lead=NFD("Đoạn dẫn có dấu"),
        body=[{"type": "paragraph", "value": NFD("<p>Nội dung về Đảng ủy</p>")}],
    )
    article.refresh_from_db()
    assert article.title == "Hội nghị tổng kết khuyến học"
    assert article.lead == "Đoạn dẫn có dấu"
    assert article.body[0].value.source == "<p>Nội dung về Đảng ủy</p>"


@pytest.mark.django_db
def test_ward_settings_stored_in_nfc(ward):
    from congphuong.wards.models import WardSettings

    settings = WardSettings.for_site(ward)
    settings.address = NFD("Số 5 đường Lê Lợi")
    settings.save()
    settings.refresh_from_db()
    assert settings.address == "Số 5 đường Lê Lợi"


@pytest.mark.django_db
def test_blank_slug_is_generated_in_ascii_from_title(category):
    from congphuong.news.models import ArticlePage

    article = ArticlePage(title="Đảng ủy phường tổ chức hội nghị", slug="")
    category.add_child(instance=article)
    assert article.slug == "dang-uy-phuong-to-chuc-hoi-nghi"
    twin = ArticlePage(title="Đảng ủy phường tổ chức hội nghị", slug="")
    category.add_child(instance=twin)
    assert twin.slug == "dang-uy-phuong-to-chuc-hoi-nghi-2"


@pytest.mark.django_db
def test_slug_clash_is_a_clear_error(category):
    from django.core.exceptions import ValidationError

    from congphuong.news.models import ArticlePage

    ArticlePageFactory(parent=category, title="Bài một", slug="bai-trung")
    clash = ArticlePage(title="Bài hai", slug="bai-trung")
    with pytest.raises(ValidationError) as excinfo:
        category.add_child(instance=clash)
    assert "bai-trung" in str(excinfo.value)
