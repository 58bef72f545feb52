"""Typos: only words of the ward's own index are suggested, and typo matches rank below real ones."""

import pytest

from congphuong.search import engine, typos
from congphuong.wards.tests.factories import make_ward

from .helpers import make_article, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(home):
    from congphuong.news.tests.factories import CategoryPageFactory

    news = CategoryPageFactory(parent=home, title="Tin hoạt động", slug="tin-hoat-dong")
    make_article(news, "Trao học bổng khuyến học cho học sinh vượt khó", "Hội Khuyến học phường trao học bổng.")
    make_article(news, "Quỹ khuyến học khu phố 2", "Quỹ khuyến học khu phố vận động.")
    make_article(news, "Cấp thẻ bảo hiểm y tế cho hộ cận nghèo", "Phường cấp thẻ bảo hiểm y tế miễn phí.")
    make_article(news, "Khuyến nông: hội thảo giống lúa", "Hội thảo khuyến nông.")
    # The unrelated notice that used to come second for "bao hiem y tee": it has "bảo hiểm" and "ý".
    make_article(news, "Lấy ý kiến về bảo hiểm xã hội tự nguyện", "Mời người dân góp ý về bảo hiểm xã hội.", days_ago=1)
    return news


def test_one_edit_away():
    assert {"hoc", "ho", "hk", "ohk", "hock"} <= typos.one_edit_away("hok")
    assert "hok" not in typos.one_edit_away("hok")
    assert "te" in typos.one_edit_away("tee")


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [
        ("khuyen hok", "khuyến học"),
        ("bao hiem y tee", "bảo hiểm y tế"),
        ("khuyến hok", "khuyến học"),
        ("bảo hiểm y tê", ""),  # a wrong tone mark, not a typo: "tê" folds to the known "te"
    ],
)
def test_typos_suggest_known_words_with_their_diacritics(corpus, home, query, suggestion):
    outcome = engine.run(query, home.pk)
    if suggestion:
        assert outcome.suggestion == suggestion
    else:
        assert outcome.corrected_query is None


def test_typo_results_are_the_corrected_query_not_any_word(corpus, home):
    outcome = engine.run("bao hiem y tee", home.pk)
    assert outcome.typo_only and not outcome.relaxed
    assert titles("bao hiem y tee", home) == ["Cấp thẻ bảo hiểm y tế cho hộ cận nghèo"]
    assert titles("khuyen hok", home) == titles("khuyen hoc", home)
    assert "Khuyến nông: hội thảo giống lúa" not in titles("khuyen hok", home)


def test_words_as_typed_rank_above_any_correction(corpus, home):
    # "hok" is now a word of the ward's index: the page with it matches as typed, nothing is corrected.
    make_article(corpus, "Câu lạc bộ khuyến học Hok Tốt", "Tên câu lạc bộ là Hok Tốt.", days_ago=300)
    outcome = engine.run("khuyen hok", home.pk)
    assert outcome.corrected_query is None and not outcome.typo_only
    assert titles("khuyen hok", home) == ["Câu lạc bộ khuyến học Hok Tốt"]


def test_a_word_known_only_in_another_ward_is_corrected_here(corpus, home):
    other = make_ward(hostname="phuong-khac.test", name="Phường Khác")
    make_article(other.root_page.specific, "Đội bóng Hok Tốt", "Hok Tốt thắng trận.")
    outcome = engine.run("khuyen hok", home.pk)
    assert outcome.typo_only and outcome.suggestion == "khuyến học"


def test_unknown_word_with_a_typo_match_elsewhere_is_not_corrected_to_another_wards_word(corpus, home):
    other = make_ward(hostname="phuong-khac.test", name="Phường Khác")
    make_article(other.root_page.specific, "Hội thi gói bánh tét", "Bánh tét ngày Tết.")
    # "tet" is in the shared vocabulary (the other ward) but not in this ward: no suggestion here.
    outcome = engine.run("banh tel", home.pk)
    assert outcome.suggestion == "" and outcome.corrected_query is None
    assert engine.run("banh tel", other.root_page_id).suggestion == "bánh tét"


def test_search_page_shows_the_corrected_results(corpus, client):
    response = client.get("/tim-kiem/", {"q": "bao hiem y tee"})
    html = response.content.decode()
    assert "Cấp thẻ <mark>bảo</mark> <mark>hiểm</mark> <mark>y</mark> <mark>tế</mark>" in html
    assert "dưới đây là kết quả cho “bảo hiểm y tế”" in html
    assert "Lấy ý kiến về bảo hiểm xã hội" not in html
