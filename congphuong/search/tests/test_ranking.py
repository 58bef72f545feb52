"""Ranking on a crafted corpus (runs on SQLite, and on PostgreSQL in the second `make test` pass)."""

import datetime
import unicodedata
from dataclasses import replace

import pytest
from django.db import connection

from congphuong.search import engine
from congphuong.search.models import SearchTerm

from .helpers import make_article, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home):
    from congphuong.news.tests.factories import CategoryPageFactory

    return CategoryPageFactory(parent=home, title="Tin hoạt động", slug="tin-hoat-dong")


@pytest.fixture
def corpus(news):
    category = news
    make_article(
        category, "Khuyên học sinh đội mũ bảo hiểm khi đến trường", "Công an phường khuyên học sinh chấp hành luật."
    )
    make_article(category, "Lễ tổng kết năm học của khu phố 3", "Quỹ khuyến học khu phố trao 40 suất quà cho học sinh.")
    make_article(category, "Trao học bổng khuyến học cho học sinh vượt khó", "Hội Khuyến học phường trao học bổng.")
    make_article(category, "Họp tổ dân phố", "Các hộ khuyên nhau giữ vệ sinh; học tập gương tốt.")
    make_article(category, "Đại hội Đảng bộ phường nhiệm kỳ mới", "Đảng ủy phường tổ chức đại hội.")
    return category


def test_runs_on_the_expected_database():
    assert connection.vendor in ("sqlite", "postgresql")


def test_exact_diacritics_rank_above_folded_matches(corpus, home):
    ranked = titles("khuyến học", home)
    assert ranked[:2] == ["Trao học bổng khuyến học cho học sinh vượt khó", "Lễ tổng kết năm học của khu phố 3"]
    assert ranked.index("Khuyên học sinh đội mũ bảo hiểm khi đến trường") > 1
    # The other accented form, typed exactly, comes first in its turn.
    assert titles("khuyên học", home)[0] == "Khuyên học sinh đội mũ bảo hiểm khi đến trường"


def test_query_without_diacritics_finds_every_form_most_likely_first(corpus, home):
    ranked = titles("khuyen hoc", home)
    assert set(ranked) >= {
        "Khuyên học sinh đội mũ bảo hiểm khi đến trường",
        "Lễ tổng kết năm học của khu phố 3",
        "Trao học bổng khuyến học cho học sinh vượt khó",
    }
    assert ranked[0] == "Trao học bổng khuyến học cho học sinh vượt khó"


def test_title_matches_rank_above_text_matches(news, home):
    category = news
    make_article(
        category, "Thông báo lịch tiếp công dân", "Hướng dẫn thủ tục đăng ký thường trú tại phường.", days_ago=1
    )
    make_article(category, "Thủ tục đăng ký thường trú", "Người dân mang theo giấy tờ.", days_ago=30)
    for query in ("đăng ký thường trú", "dang ky thuong tru", "ĐĂNG KÝ THƯỜNG TRÚ"):
        assert titles(query, home) == ["Thủ tục đăng ký thường trú", "Thông báo lịch tiếp công dân"], query


def test_quoted_phrases_match_as_phrases(category, home):
    make_article(category, "Cấp đổi hộ khẩu", "Nội dung về hộ khẩu.")
    make_article(category, "Khẩu hiệu của hộ gia đình", "Mỗi hộ treo một khẩu hiệu.")
    assert titles('"hộ khẩu"', home) == ["Cấp đổi hộ khẩu"]
    assert titles('"ho khau"', home) == ["Cấp đổi hộ khẩu"]
    # Unquoted: both, the adjacent words first.
    assert titles("ho khau", home) == ["Cấp đổi hộ khẩu", "Khẩu hiệu của hộ gia đình"]


def test_three_word_phrase_is_a_phrase_not_a_chain_of_pairs(category, home):
    """Every adjacent pair of "sinh hoạt hè" is in the second text, but never the three words in a
    row: PostgreSQL finds candidates by word pairs and must still confirm the phrase."""
    make_article(category, "Thiếu nhi khu phố 2", "Các em tham gia sinh hoạt hè tại nhà văn hóa.")
    make_article(category, "Chi đoàn khu phố 5", "Buổi sinh hoạt chi đoàn; hoạt hè là tên đội văn nghệ.")
    assert titles('"sinh hoạt hè"', home) == ["Thiếu nhi khu phố 2"]
    assert titles('"sinh hoat he"', home) == ["Thiếu nhi khu phố 2"]
    outcome = engine.run('"sinh hoạt hè"', home.pk)
    assert outcome.total == 1


def test_words_adjacent_in_the_text_rank_above_words_apart(category, home):
    """Neither title has the words: the older page, where they are adjacent, still comes first."""
    make_article(category, "Thông báo sửa đường", "Đường vào hẻm 142 tạm đóng.", days_ago=30)
    make_article(category, "Tin khu dân cư", "Hẻm số 9 có 142 hộ dân.", days_ago=1)
    assert titles("hẻm 142", home) == ["Thông báo sửa đường", "Tin khu dân cư"]
    assert titles("hem 142", home) == ["Thông báo sửa đường", "Tin khu dân cư"]


def test_postgres_query_leaves_out_words_other_terms_imply():
    """A word inside a quoted phrase, a word required in its exact form or in the title need not be
    looked up again in the GIN index; the phrase itself and unrelated words stay."""
    from congphuong.search.backends import EXACT, TITLE, Expr, PostgresBackend, Term

    expr = Expr(
        terms=[
            *(Term((word,)) for word in ("cai", "cach", "hanh", "chinh", "phuong")),
            Term(("cai", "cach")),
            Term(("hành",), mode=EXACT),
            Term(("chinh",), field=TITLE),
        ],
        scope=3,
    )
    where, params = PostgresBackend()._where(expr)
    # The ward also as a column, checked first (migration 0005; docs/search.md).
    assert where == "root_id = ANY(%s::bigint[]) AND vec @@ %s::tsquery"
    assert params == [[3], "('phuong') & ('cai_cach') & ('=hành') & ('^chinh') & '§p3'"]
    # Checked with word positions on candidates: the phrase is kept as a phrase.
    _where, params = PostgresBackend()._where(replace(expr, keys=(1,)))
    assert params == ["('phuong') & ('cai' <-> 'cach') & ('=hành') & ('^chinh') & '§p3'"]


def test_newer_breaks_ties(category, home):
    make_article(category, "Lịch tiêm chủng mở rộng tháng 5", "Tiêm chủng tại trạm y tế.", days_ago=40)
    make_article(category, "Lịch tiêm chủng mở rộng tháng 6", "Tiêm chủng tại trạm y tế.", days_ago=10)
    make_article(category, "Lịch tiêm chủng mở rộng tháng 4", "Tiêm chủng tại trạm y tế.", days_ago=70)
    assert titles("tiêm chủng mở rộng", home) == [
        "Lịch tiêm chủng mở rộng tháng 6",
        "Lịch tiêm chủng mở rộng tháng 5",
        "Lịch tiêm chủng mở rộng tháng 4",
    ]


def test_d_with_stroke_and_decomposed_queries(corpus, home):
    expected = ["Đại hội Đảng bộ phường nhiệm kỳ mới"]
    assert titles("dang bo", home) == expected
    assert titles("ĐẢNG BỘ", home) == expected
    assert titles(unicodedata.normalize("NFD", "đảng bộ"), home) == expected
    assert titles(unicodedata.normalize("NFD", "khuyến học"), home) == titles("khuyến học", home)


def test_suggestion_learned_from_the_index(corpus, home):
    assert engine.run("khuyen hoc", home.pk).suggestion == "khuyến học"
    assert engine.run("dang uy", home.pk).suggestion == "đảng ủy"
    assert engine.run("khuyến học", home.pk).suggestion == ""  # typed correctly: nothing to suggest
    # A tone mark the index has never seen: the known form is suggested and searched.
    wrong = engine.run("khuyển học", home.pk)
    assert wrong.suggestion == "khuyến học"
    assert [wrong.documents[key].title for key in wrong.ordered[:2]] == titles("khuyến học", home)[:2]


def test_term_counts_follow_the_index(corpus, home):
    counts = dict(SearchTerm.objects.filter(folded="khuyen hoc").values_list("form", "count"))
    assert counts == {"khuyến học": 2, "khuyên học": 1}  # documents, not occurrences
    corpus.get_children().get(title__startswith="Khuyên học").specific.unpublish()
    assert not SearchTerm.objects.filter(folded="khuyen hoc", form="khuyên học").exists()


def test_no_document_with_every_word_falls_back_to_any_word(corpus, home):
    outcome = engine.run("khuyến học zzqx", home.pk)
    assert outcome.relaxed
    assert outcome.total >= 2


def test_filters_by_kind_category_and_date(corpus, home, category):
    other = category  # "Khuyến học – khuyến tài": a page that matches too
    make_article(other, "Khuyến học ở khu phố 5", "Khuyến học.", days_ago=400)
    everything = titles("khuyen hoc", home)
    assert "Khuyến học ở khu phố 5" in everything
    in_category = titles("khuyen hoc", home, engine.Filters(category=other.pk))
    assert in_category == ["Khuyến học – khuyến tài", "Khuyến học ở khu phố 5"]  # the category and its articles
    articles_only = titles("khuyen hoc", home, engine.Filters(kinds=("tin-bai",)))
    assert "Khuyến học – khuyến tài" not in articles_only and "Khuyến học ở khu phố 5" in articles_only
    today = datetime.date.today()
    recent = titles("khuyen hoc", home, engine.Filters(date_from=today - datetime.timedelta(days=100), date_to=today))
    assert "Khuyến học ở khu phố 5" not in recent and "Trao học bổng khuyến học cho học sinh vượt khó" in recent


def test_counts_per_filter(corpus, home, category):
    make_article(category, "Khuyến học ở khu phố 5", "Khuyến học.")
    outcome = engine.run("khuyen hoc", home.pk)
    kinds, categories = engine.facet_counts(outcome, engine.Filters(), ["tin-bai", "trang", "media"], [category.pk])
    # Four articles in "Tin hoạt động" ("Họp tổ dân phố" has both words apart), one in the other
    # category, and the category page "Khuyến học – khuyến tài" itself.
    assert kinds == {"tin-bai": 5, "trang": 1, "media": 0}
    assert categories == {category.pk: 2}  # the category page and its article
    filtered = engine.facet_counts(outcome, engine.Filters(kinds=("tin-bai",)), ["tin-bai"], [category.pk])
    assert filtered == ({"tin-bai": 5}, {category.pk: 1})
    filtered = engine.facet_counts(outcome, engine.Filters(category=category.pk), ["tin-bai", "trang"], [category.pk])
    assert filtered == ({"tin-bai": 1, "trang": 1}, {category.pk: 2})
    # The big-result path (one capped count per value) gives the same numbers.
    old_limit = engine.FACET_EXACT_LIMIT
    engine.FACET_EXACT_LIMIT = 0
    try:
        assert engine.facet_counts(outcome, engine.Filters(), ["tin-bai", "trang", "media"], [category.pk]) == (
            kinds,
            categories,
        )
    finally:
        engine.FACET_EXACT_LIMIT = old_limit


def test_common_word_queries_use_the_bounded_path(category, home):
    for n in range(6):
        make_article(category, f"Phường ra quân dọn vệ sinh đợt {n}", "Người dân phường tham gia.", days_ago=50 - n)
    make_article(category, "Thông báo của ủy ban", "Tin này nhắc đến phường ở cuối.", days_ago=1)
    old_limit = engine.RANK_ALL_LIMIT
    engine.RANK_ALL_LIMIT = 2  # as if "phường" matched more documents than the backend ranks in full
    try:
        ranked = titles("phuong", home)
    finally:
        engine.RANK_ALL_LIMIT = old_limit
    assert ranked[0] == "Phường ra quân dọn vệ sinh đợt 5"  # title match, newest first
    assert ranked[-1] == "Thông báo của ủy ban" or ranked.index("Thông báo của ủy ban") > 5


def test_highlighted_snippet_in_accented_form_and_escaped(news, home):
    make_article(news, "Quỹ <b>khuyến học</b> & bạn", "Đầu bài. " * 30 + "Quỹ khuyến học &amp; quỹ 'bảo trợ' năm nay.")
    outcome = engine.run("khuyen hoc", home.pk)
    hit = engine.hits_for_page(outcome, outcome.ordered[:1])[0]
    assert hit.title_html == "Quỹ &lt;b&gt;<mark>khuyến</mark> <mark>học</mark>&lt;/b&gt; &amp; bạn"
    assert "<mark>khuyến</mark> <mark>học</mark>" in hit.snippet_html
    assert "&amp; quỹ &#x27;bảo trợ&#x27;" in hit.snippet_html
    assert hit.snippet_html.startswith("… ")
