"""Non-page content (published Q&A) and the demo hook."""

import pytest
from django.apps import apps

from congphuong.search import engine, indexer
from congphuong.search.demo import build_demo
from congphuong.search.models import SearchDocument

from .helpers import make_article, titles

pytestmark = pytest.mark.django_db

needs_feedback = pytest.mark.skipif(not apps.is_installed("congphuong.feedback"), reason="feedback app not installed")


@needs_feedback
def test_published_answers_are_found_without_contact_details(home):
    from congphuong.feedback.models import Question
    from congphuong.feedback.tests.factories import FeedbackPageFactory, QuestionFactory, published_question

    page = FeedbackPageFactory(parent=home)
    question = published_question(page)
    QuestionFactory(site=home.get_site(), page=page, content="Câu hỏi chưa trả lời về giấy chứng sinh")
    outcome = engine.run("giay chung sinh", home.pk)
    docs = [outcome.documents[key] for key in outcome.ordered]
    assert [(doc.kind, doc.object_id) for doc in docs] == [("hoi-dap", question.pk)]
    assert docs[0].url.startswith(page.url)
    # Names, phones and e-mails are never indexed.
    for private in ("Bích Ngọc", "0912345678", "bichngoc"):
        assert engine.run(private, home.pk).total == 0
    stored = SearchDocument.objects.get(kind="hoi-dap")
    assert "0912345678" not in stored.body and "Ngọc" not in stored.title + stored.body
    # Withdrawn from the public: gone from the index.
    question.is_public = False
    question.save()
    assert engine.run("giay chung sinh", home.pk).total == 0
    assert not Question.objects.published().exists()


def test_build_demo_indexes_the_ward_idempotently(category, home):
    make_article(category, "Lễ hội trăng rằm")
    indexer.clear_index()
    site = home.get_site()
    assert build_demo(home, site) >= 3  # home, category, article
    assert titles("trang ram", home) == ["Lễ hội trăng rằm"]
    assert build_demo(home, site) == 0  # nothing changed: nothing rewritten
