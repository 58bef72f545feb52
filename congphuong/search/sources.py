"""The portal's content types in the search index (see registry.py for the rules).

Apps may also register themselves in their own ``search_sources.py``; a registration there
with the same model label replaces the one here.
"""

from __future__ import annotations

from django.apps import apps

from .registry import ModelSource, register_model, register_page


def _article_tags(page) -> str:
    return " ".join(item.tag.name for item in page.tagged_items.all())


register_page(
    "news.ArticlePage",
    kind="tin-bai",
    label="Tin bài",
    date="published_at",
    category=True,
    extra_text=_article_tags,
    prefetch=("tagged_items__tag",),
)
register_page("media.MediaStoryPage", kind="media", label="Tin media", date="published_at")
register_page("documents.LegalDocumentPage", kind="van-ban", label="Văn bản", date="issued_on")
register_page("documents.DraftDocumentPage", kind="du-thao", label="Dự thảo lấy ý kiến")
register_page("procedures.ProcedurePage", kind="thu-tuc", label="Thủ tục hành chính")


# --- Published Q&A (congphuong.feedback): only approved public answers, never contact details. ---


def _question_model():
    try:
        return apps.get_model("feedback", "Question")
    except LookupError:
        return None


def _qa_queryset():
    model = _question_model()
    return model.objects.published().select_related("page", "neighbourhood") if model else []


def _qa_url(question):
    page = question.page
    if page is None or not page.live:
        return None
    try:
        parts = page.specific.get_url_parts()
        return parts[2] + page.specific.reverse_subpage("answer", kwargs={"pk": question.pk}) if parts else None
    except Exception:  # a renamed route must not break indexing of everything else
        return None


def _qa_text(question) -> str:
    return " ".join(part for part in (question.display_question, question.display_answer) if part)


_Question = _question_model()
if _Question is not None and all(
    hasattr(_Question, name) for name in ("is_published", "display_title", "display_question", "display_answer")
):
    register_model(
        ModelSource(
            model_label="feedback.Question",
            kind="hoi-dap",
            label="Hỏi đáp",
            queryset=_qa_queryset,
            is_public=lambda question: bool(question.is_published) and _qa_url(question) is not None,
            title=lambda question: question.display_title,
            text=_qa_text,
            url=_qa_url,
            site_id=lambda question: question.site_id,
            date=lambda question: getattr(question, "published_at", None),
        )
    )
