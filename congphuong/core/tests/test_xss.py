"""Known XSS payloads fed through every place a user's text reaches a public page.

Rich text goes through the same conversion as the admin's editor (Draftail contentstate,
Wagtail's whitelist); plain fields (titles, lead, captions, alt text, search query, the
question form) are stored as typed and must come out escaped. The rendered HTML is
parsed: no <script> except JSON-LD and same-site files, no on* attribute, no
javascript: URL, no foreign iframe, object or embed, no <base>.
"""

import json
import re

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from congphuong.core.blocks.body import RICH_TEXT_FEATURES
from congphuong.media.tests.factories import GalleryImageFactory, MediaIndexPageFactory, MediaStoryPageFactory
from congphuong.news.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('xss')</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<a href="javascript:alert(1)">bấm vào đây</a>',
    '<a href="  JaVaScRiPt:alert(1)">bấm</a>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&amp;lt;img src=x onerror=alert(1)&amp;gt;",
    "<img src=x onerror=alert(1)//",
    '<iframe src="javascript:alert(1)"></iframe>',
    "<body onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "</title><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
    '<base href="https://evil.example/">',
    "javascript:alert(1)",
]
IDS = [f"p{n}" for n in range(len(PAYLOADS))]

ALLOWED_FRAMES = ("https://www.youtube-nocookie.com/", "https://www.facebook.com/")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "xlink:href", "srcset", "background")
# Markup that only exists when a payload was not escaped (the escaped form starts with &lt;).
RAW_MARKERS = ("<img src=x", "<svg onload", "<script>alert", "<body onload", '<iframe src="javascript')


def _is_dangerous_url(value: str) -> bool:
    compact = re.sub(r"[\s\x00-\x1f]+", "", value).lower()
    return compact.startswith(("javascript:", "vbscript:", "data:text/html"))


def assert_no_injected_markup(html: str, where: str) -> None:
    for marker in RAW_MARKERS:
        assert marker not in html, f"{where}: raw {marker!r} in the page"
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        for attribute, value in tag.attrs.items():
            values = value if isinstance(value, list) else [value]
            assert not attribute.lower().startswith("on"), f"{where}: <{tag.name} {attribute}=…>"
            if attribute.lower() in URL_ATTRIBUTES:
                assert not any(_is_dangerous_url(v) for v in values), f"{where}: <{tag.name} {attribute}={value!r}>"
            if attribute.lower() == "style":
                assert not re.search(r"javascript:|expression\(|url\(", " ".join(values), re.I), f"{where}: style"
        if tag.name == "script":
            kind = (tag.get("type") or "").lower()
            if kind == "application/ld+json":
                json.loads(tag.string or "")  # data, and still valid JSON
            else:
                src = tag.get("src") or ""
                assert src.startswith("/static/") and not (tag.string or "").strip(), f"{where}: {tag}"
        if tag.name in {"iframe", "frame"}:
            assert (tag.get("src") or "").startswith(ALLOWED_FRAMES), f"{where}: {tag}"
        assert tag.name not in {"object", "embed", "base", "applet"}, f"{where}: {tag}"
        if tag.name == "meta":
            assert (tag.get("http-equiv") or "").lower() != "refresh", f"{where}: {tag}"


def _contentstate(text: str, url: str | None = None) -> str:
    block = {
        "key": "a1b2c",
        "type": "unstyled",
        "depth": 0,
        "text": text,
        "inlineStyleRanges": [{"offset": 0, "length": len(text), "style": "BOLD"}],
        "entityRanges": [],
        "data": {},
    }
    entity_map = {}
    if url is not None:
        block["entityRanges"] = [{"offset": 0, "length": len(text), "key": 0}]
        entity_map = {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}}
    return json.dumps({"blocks": [block], "entityMap": entity_map})


def editor_html(payload: str, features) -> str:
    """What the admin's rich text editor stores for this input.

    The editor sends the server a contentstate document, never HTML: the payload is
    typed text, the URL of a link, and, when it is well-formed HTML, also what the
    editor makes of it as pasted/stored HTML (Wagtail's whitelist).
    """
    converter = ContentstateConverter(features=features)
    stored = converter.to_database_format(_contentstate(payload))
    stored += converter.to_database_format(_contentstate("liên kết", url=payload))
    try:
        pasted = converter.from_database_format(f"<p>{payload}</p>")
    except AssertionError:  # the converter refuses malformed HTML outright
        return stored
    return stored + converter.to_database_format(pasted)


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url}: HTTP {response.status_code}"
    return response.content.decode()


@pytest.mark.parametrize("payload", PAYLOADS, ids=IDS)
def test_article_fields(client, home, category, payload):
    image = wagtail_factories.ImageFactory(title=payload)
    article = ArticlePageFactory(
        parent=category,
        title=f"Tin {payload}",
        seo_title=f"SEO {payload}",
        search_description=f"Mô tả {payload}",
        lead=f"Sapo {payload}",
        signing_unit=payload,
        listing_image=image,
        body=[
            {"type": "heading", "value": {"text": payload, "level": "h2"}},
            {"type": "paragraph", "value": editor_html(payload, RICH_TEXT_FEATURES)},
            {"type": "image", "value": {"image": image.pk, "alt_text": payload, "caption": payload}},
            {"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": ""}},
            {"type": "quote", "value": {"text": payload, "source": payload}},
            {
                "type": "video",
                "value": {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": payload, "caption": payload},
            },
            {
                "type": "table",
                "value": {
                    "data": [[payload, "Cột 2"], [payload, payload]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                    "table_caption": payload,
                },
            },
        ],
    )
    article.tags.add(payload[:100])
    article.save_revision().publish()
    for url in (article.url, article.url + "ban-in/", category.url, home.url):
        assert_no_injected_markup(get_ok(client, url), url)


@pytest.mark.parametrize("payload", PAYLOADS, ids=IDS)
def test_media_story_fields(client, home, payload):
    index = MediaIndexPageFactory(parent=home)
    story = MediaStoryPageFactory(
        parent=index,
        title=f"Phóng sự {payload}",
        lead=payload,
        description=editor_html(payload, ["bold", "italic", "link", "ol", "ul"]),
    )
    GalleryImageFactory(page=story, caption=payload, image=wagtail_factories.ImageFactory(title=payload))
    GalleryImageFactory(page=story, caption="", image=wagtail_factories.ImageFactory(title=payload))
    story.save_revision().publish()
    for url in (story.url, index.url, home.url):
        assert_no_injected_markup(get_ok(client, url), url)


@pytest.mark.parametrize("payload", PAYLOADS, ids=IDS)
def test_search_query_is_escaped(client, home, category, payload):
    ArticlePageFactory(parent=category, title=f"Kết quả {payload}", lead=payload)
    for query in (payload, f"Kết quả {payload}", "alert"):
        response = client.get("/tim-kiem/", {"q": query})
        assert response.status_code == 200
        assert_no_injected_markup(response.content.decode(), f"/tim-kiem/?q={query}")


def test_editor_conversion_drops_scripts_and_javascript_links():
    stored = editor_html("<script>alert(1)</script><a href='javascript:alert(2)'>x</a>", RICH_TEXT_FEATURES)
    stored += editor_html("javascript:alert(3)", RICH_TEXT_FEATURES)
    soup = BeautifulSoup(stored, "html.parser")
    assert not soup.find_all("script")
    assert not [a for a in soup.find_all("a") if _is_dangerous_url(a.get("href") or "")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in stored  # typed text stays text


def test_video_urls_must_be_http():
    from django.core.exceptions import ValidationError

    from congphuong.core.blocks.media import VideoBlock

    with pytest.raises(ValidationError):
        VideoBlock().clean({"url": "javascript:alert(1)", "title": "x", "caption": ""})


@pytest.mark.parametrize("payload", PAYLOADS[:6], ids=IDS[:6])
def test_question_form_fields(client, home, payload):
    feedback = pytest.importorskip("congphuong.feedback.tests.helpers")
    from congphuong.feedback.tests.factories import FeedbackPageFactory, published_question

    page = FeedbackPageFactory(parent=home)
    # An invalid submission shows the form again with what was typed.
    data = feedback.question_data(full_name=payload, phone=payload, email=payload, content=payload, consent="")
    response = client.post(page.url + "gui-cau-hoi/", data, REMOTE_ADDR="203.0.113.10")
    assert response.status_code in (200, 400)
    assert_no_injected_markup(response.content.decode(), "gui-cau-hoi/ (invalid)")
    # A published question and answer.
    question = published_question(page, full_name=payload, content=payload, answer=payload, answering_unit=payload)
    for url in (page.url, f"{page.url}cau-hoi/{question.pk}/", f"{page.url}tra-cuu/?ma={question.code}"):
        assert_no_injected_markup(get_ok(client, url), url)


@pytest.mark.parametrize(
    "html",
    [
        "<p><img src=x onerror=alert(1)></p>",
        "<a href=' javascript:alert(1)'>x</a>",
        "<script>alert(1)</script>",
        '<iframe src="https://evil.example/"></iframe>',
        "<div onclick='x()'>x</div>",
        '<base href="https://evil.example/">',
    ],
)
def test_the_checker_catches_injections(html):
    with pytest.raises(AssertionError):
        assert_no_injected_markup(html, "sample")


def test_the_checker_accepts_safe_markup():
    assert_no_injected_markup(
        '<script type="application/ld+json">{"a": "&lt;/script&gt;"}</script><script src="/static/js/x.js" defer>'
        '</script><p>&lt;script&gt;alert(1)&lt;/script&gt;</p><iframe src="https://www.youtube-nocookie.com/embed/x">'
        "</iframe>",
        "sample",
    )


@pytest.mark.parametrize("payload", PAYLOADS[:8], ids=IDS[:8])
def test_draft_comment_form_and_published_comments(client, home, payload):
    import time

    from congphuong.documents import antispam
    from congphuong.documents.models import DraftComment
    from congphuong.documents.tests.factories import (
        DraftCommentFactory,
        DraftDocumentPageFactory,
        DraftIndexPageFactory,
    )

    draft = DraftDocumentPageFactory(parent=DraftIndexPageFactory(parent=home), title=f"Dự thảo {payload}")
    data = {
        "name": payload,
        "email": "khong-hop-le",  # invalid: the form comes back with what was typed
        "phone": "",
        "body": payload,
        "website": "",
        "started": antispam.issue_token(f"draft-comment.{draft.pk}", issued_at=time.time() - 60),
    }
    response = client.post(draft.url, data, REMOTE_ADDR="203.0.113.40")
    assert response.status_code in (200, 400)
    assert_no_injected_markup(response.content.decode(), "draft comment form (invalid)")
    DraftCommentFactory(draft=draft, name=payload, body=payload, status=DraftComment.Status.APPROVED)
    html = get_ok(client, draft.url)
    assert_no_injected_markup(html, "draft page with an approved comment")
    assert_no_injected_markup(get_ok(client, draft.get_parent().url), "draft index")


@pytest.mark.parametrize("payload", PAYLOADS[:8], ids=IDS[:8])
def test_document_and_procedure_titles_and_summaries(client, home, payload):
    from congphuong.documents.tests.factories import DocumentIndexPageFactory, LegalDocumentPageFactory
    from congphuong.procedures.tests.factories import ProcedureIndexPageFactory, ProcedurePageFactory

    index = DocumentIndexPageFactory(parent=home)
    document = LegalDocumentPageFactory(parent=index, title=f"Quyết định {payload}", summary=payload)
    procedures = ProcedureIndexPageFactory(parent=home)
    procedure = ProcedurePageFactory(parent=procedures, title=f"Thủ tục {payload}", fees=payload)
    for url in (index.url, document.url, procedures.url, procedure.url, f"{index.url}?q={payload}"):
        assert_no_injected_markup(get_ok(client, url), url)


@pytest.mark.parametrize("payload", PAYLOADS[:6], ids=IDS[:6])
def test_rating_comment_and_lookup_code(client, home, payload):
    from congphuong.feedback.tests.factories import FeedbackPageFactory, published_question

    page = FeedbackPageFactory(parent=home)
    question = published_question(page)
    # Score out of range: the form is shown again with the comment as typed.
    response = client.post(f"{page.url}cau-hoi/{question.pk}/danh-gia/", {"score": "9", "comment": payload})
    assert_no_injected_markup(response.content.decode(), "rating form (invalid)")
    response = client.get(f"{page.url}tra-cuu/", {"ma": payload})
    assert_no_injected_markup(response.content.decode(), "lookup with a junk code")
