"""Back office: menus in Vietnamese, page editors, comment moderation limited to one's own ward."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from congphuong.documents.models import DraftComment, LegalDocumentPage
from congphuong.editorial.tests.factories import make_group, make_user
from congphuong.wards.tests.factories import make_ward

from .factories import (
    DocumentIndexPageFactory,
    DocumentTypeFactory,
    DraftCommentFactory,
    DraftDocumentPageFactory,
    DraftIndexPageFactory,
    IssuerFactory,
    LegalDocumentPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(django_user_model):
    return django_user_model.objects.create_superuser("quantri-test", "qt@example.vn", "Mat-khau-thu-nghiem-2025")


@pytest.fixture
def two_wards(home, draft_index):
    """A moderator of the test ward, and a second ward with its own draft and comment."""
    other = make_ward(hostname="phuong-khac.test", name="Phường Khác")
    other_draft = DraftDocumentPageFactory(
        parent=DraftIndexPageFactory(parent=other.root_page), title="Dự thảo phường Khác"
    )
    group = make_group("Lãnh đạo duyệt", home, ["add", "change", "publish"])
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="documents", codename__endswith="draftcomment")
    )
    moderator = make_user("lanhdao-test", group)
    draft = DraftDocumentPageFactory(parent=draft_index, title="Dự thảo của phường")
    return {
        "moderator": moderator,
        "own": DraftCommentFactory(draft=draft, body="Góp ý trong phường mình."),
        "other": DraftCommentFactory(draft=other_draft, body="Góp ý của phường Khác."),
    }


def test_menus_are_in_vietnamese(client, admin, home):
    client.force_login(admin)
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    # The sidebar menu is rendered from JSON props.
    html = json.dumps(json.loads(soup.find(id="wagtail-sidebar-props").string), ensure_ascii=False)
    for label in (
        "Văn bản",
        "Góp ý dự thảo",
        "Loại văn bản",
        "Cơ quan ban hành",
        "Lĩnh vực văn bản",
        "Thủ tục",
        "Lĩnh vực thủ tục",
    ):
        assert label in html, label


def test_page_editors_open_for_every_page_type(client, admin, home, doc_index, draft_index):
    client.force_login(admin)
    for parent, model in (
        (home, "documentindexpage"),
        (home, "draftindexpage"),
        (doc_index, "legaldocumentpage"),
        (draft_index, "draftdocumentpage"),
    ):
        # The section pages allow one per ward: check against a fresh parent for those.
        url = reverse("wagtailadmin_pages:add", args=("documents", model, parent.pk))
        response = client.get(url)
        assert response.status_code in (200, 302), model
        if response.status_code == 200:
            assert "Thêm" in response.content.decode() or "Tạo" in response.content.decode()
    html = client.get(
        reverse("wagtailadmin_pages:add", args=("documents", "legaldocumentpage", doc_index.pk))
    ).content.decode()
    for label in (
        "Số/ký hiệu",
        "Loại văn bản",
        "Cơ quan ban hành",
        "Ngày ban hành",
        "Trích yếu",
        "Văn bản này thay thế",
    ):
        assert label in html


def _document_form(title, number, slug, replaced=None):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "number": number,
            "doc_type": DocumentTypeFactory().pk,
            "issuer": IssuerFactory().pk,
            "signer_name": "",
            "signer_position": "",
            "issued_on": "2025-03-01",
            "effective_from": "",
            "effective_until": "",
            "summary": "Về việc thử nghiệm biểu mẫu quản trị",
            "body": rich_text(""),
            "attachments": inline_formset([]),
            "replacement_links": inline_formset([{"document": replaced.pk}] if replaced else []),
            "related_links": inline_formset([]),
        }
    )


def test_admin_saves_a_document_and_refuses_a_replacement_from_another_ward(client, admin, doc_index):
    client.force_login(admin)
    url = reverse("wagtailadmin_pages:add", args=("documents", "legaldocumentpage", doc_index.pk))
    own = LegalDocumentPageFactory(parent=doc_index, title="Văn bản cũ của phường")
    response = client.post(url, _document_form("Quyết định mới", "5/QĐ-UBND", "quyet-dinh-moi", replaced=own))
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = LegalDocumentPage.objects.get(title="Quyết định mới")
    assert saved.slug == "quyet-dinh-moi"

    other = make_ward(hostname="phuong-khac.test", name="Phường Khác")
    foreign = LegalDocumentPageFactory(
        parent=DocumentIndexPageFactory(parent=other.root_page), title="Văn bản phường Khác"
    )
    response = client.post(url, _document_form("Quyết định sai", "6/QĐ-UBND", "quyet-dinh-sai", replaced=foreign))
    assert response.status_code == 200
    assert "Chỉ chọn được văn bản của chính phường này." in response.content.decode()
    assert not Page.objects.filter(title="Quyết định sai").exists()


def test_moderator_sees_only_their_wards_comments(client, two_wards):
    client.force_login(two_wards["moderator"])
    listing = client.get(reverse("wagtailsnippets_documents_draftcomment:list"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Góp ý trong phường mình." in html
    assert "Góp ý của phường Khác." not in html
    assert "Phường Thử Nghiệm" in html  # the ward column
    # Nor open it by its address.
    other_edit = reverse("wagtailsnippets_documents_draftcomment:edit", args=(two_wards["other"].pk,))
    assert client.get(other_edit).status_code in (302, 403, 404)
    own_edit = reverse("wagtailsnippets_documents_draftcomment:edit", args=(two_wards["own"].pk,))
    assert client.get(own_edit).status_code == 200


def test_nobody_adds_comments_in_the_admin(client, admin, two_wards):
    client.force_login(admin)
    response = client.get(reverse("wagtailsnippets_documents_draftcomment:add"))
    assert response.status_code in (302, 403)


def test_bulk_approve_and_hide(client, two_wards):
    moderator = two_wards["moderator"]
    own, other = two_wards["own"], two_wards["other"]
    client.force_login(moderator)
    approve = reverse("wagtail_bulk_action", args=("documents", "draftcomment", "duyet"))
    # A request naming another ward's comment is refused whole (editorial/isolation.py).
    assert client.get(f"{approve}?id={own.pk}&id={other.pk}").status_code == 404
    assert client.post(f"{approve}?id={own.pk}&id={other.pk}").status_code == 404
    confirm = client.get(f"{approve}?id={own.pk}")
    assert confirm.status_code == 200
    assert "Duyệt" in confirm.content.decode()
    response = client.post(f"{approve}?id={own.pk}")
    assert response.status_code == 302
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.status == DraftComment.Status.APPROVED
    assert own.moderated_by == moderator and own.moderated_at is not None
    assert other.status == DraftComment.Status.PENDING  # another ward's comment is out of reach

    hide = reverse("wagtail_bulk_action", args=("documents", "draftcomment", "an"))
    client.post(f"{hide}?id={own.pk}")
    own.refresh_from_db()
    assert own.status == DraftComment.Status.HIDDEN


def test_edit_form_changes_status_and_records_the_moderator(client, two_wards):
    own = two_wards["own"]
    client.force_login(two_wards["moderator"])
    url = reverse("wagtailsnippets_documents_draftcomment:edit", args=(own.pk,))
    response = client.post(url, {"status": DraftComment.Status.APPROVED, "internal_note": "Đã xem."})
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.status == DraftComment.Status.APPROVED
    assert own.internal_note == "Đã xem."
    assert own.moderated_by == two_wards["moderator"]
    assert own.body == "Góp ý trong phường mình."  # the citizen's words are read-only


def test_managed_lists_get_ascii_slugs(admin, client):
    doc_type = DocumentTypeFactory(name="Chỉ thị")
    assert doc_type.slug == "chi-thi"
    issuer = IssuerFactory(name="Đảng ủy phường")
    assert issuer.slug == "dang-uy-phuong"
    # Same slug from another name gets a suffix.
    assert DocumentTypeFactory(name="Chi thi").slug == "chi-thi-2"


def test_draft_editor_panels(client, admin, draft_index):
    client.force_login(admin)
    html = client.get(
        reverse("wagtailadmin_pages:add", args=("documents", "draftdocumentpage", draft_index.pk))
    ).content.decode()
    for label in ("Bắt đầu lấy ý kiến", "Kết thúc lấy ý kiến", "Cơ quan chủ trì soạn thảo"):
        assert label in html


def test_an_editor_can_open_the_document_editor_with_plain_lists(client, home, doc_index):
    DocumentTypeFactory(name="Kế hoạch")
    editor = make_user("bientap-test", make_group("Biên tập viên", home, ["add", "change"]))
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:add", args=("documents", "legaldocumentpage", doc_index.pk)))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    options = [o.get_text(strip=True) for o in soup.select('select[name="doc_type"] option') if o.get("value")]
    assert "Kế hoạch" in options
    assert soup.select_one('select[name="issuer"]')


def test_a_document_saved_without_a_slug_takes_one_from_its_title(client, admin, doc_index):
    """As when the cadre submits before the editor's script has filled the slug (a slow phone)."""
    client.force_login(admin)
    url = reverse("wagtailadmin_pages:add", args=("documents", "legaldocumentpage", doc_index.pk))
    for number in ("7/QĐ-UBND", "8/QĐ-UBND"):
        response = client.post(url, _document_form("Quyết định của Đảng ủy phường", number, ""))
        assert response.status_code == 302, response.content.decode()[:2000]
    slugs = sorted(
        LegalDocumentPage.objects.filter(title="Quyết định của Đảng ủy phường").values_list("slug", flat=True)
    )
    assert slugs == ["quyet-dinh-cua-dang-uy-phuong", "quyet-dinh-cua-dang-uy-phuong-2"]
