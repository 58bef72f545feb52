"""Decision files and evidence stay in their ward: no listing, choosing or downloading across wards."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupCollectionPermission, Site
from wagtail.permissions import policy_registry

from congphuong.editorial.roles import EDITOR, ensure_roles, ensure_ward_collection
from congphuong.learning import files
from congphuong.learning.choices import DecisionOutcome, LearningModel
from congphuong.learning.models import Evidence, ExportLog, RecognitionDecision, Registration, WardFileCollection
from congphuong.learning.roles import SITE_ADMIN, ensure_learning_roles
from congphuong.wards.tests.factories import make_ward

from .factories import leader, make_criteria_set, make_user, officer

pytestmark = pytest.mark.django_db

Document = get_document_model()
PDF = b"%PDF-1.4\n% tep thu\n%%EOF\n"


def html_of(response):
    """A chooser answers JSON with the HTML inside."""
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def refused(response):
    """Wagtail's admin answers a refused permission with a redirect to the dashboard."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def make_document(title, collection, filename):
    return Document.objects.create(title=title, file=ContentFile(PDF, name=filename), collection=collection)


@pytest.fixture
def wards(ward):
    other = make_ward(hostname="ben-kia.test", name="Phường Bên Kia")
    ensure_roles()  # the wards' editorial groups and public collections; the learning hook adds the private ones
    return ward, other


@pytest.fixture
def docs(wards):
    ward, other = wards
    return {
        "mine": make_document("Quyết định Bên Này", files.ensure_collection(ward), "qd-ben-nay.pdf"),
        "theirs": make_document("Quyết định Bên Kia", files.ensure_collection(other), "qd-ben-kia.pdf"),
        "public": make_document("Thông báo công khai", ensure_ward_collection(ward), "thong-bao.pdf"),
    }


def decision(site, number, document=None):
    return RecognitionDecision.objects.create(
        site=site,
        number=number,
        year=2025,
        learning_model=LearningModel.FAMILY,
        signed_on=datetime.date(2025, 12, 20),
        signer_name="Người Ký",
        signer_title="Chủ tịch UBND phường",
        document=document,
    )


def test_each_ward_has_a_private_collection_no_group_holds_a_right_on(wards):
    ward, other = wards
    ensure_learning_roles()  # idempotent
    links = {link.site_id: link.collection for link in WardFileCollection.objects.select_related("collection")}
    assert set(links) == {ward.pk, other.pk}
    root = Collection.get_first_root_node()
    for site_id, collection in links.items():
        assert collection.get_parent() == root  # not under the ward's public collection the editors share
        assert collection.name == files.collection_name(Site.objects.get(pk=site_id))
        assert not GroupCollectionPermission.objects.filter(collection=collection).exists()
    assert WardFileCollection.objects.count() == 2 and Collection.objects.filter(name__startswith="Hồ sơ").count() == 2


def test_officer_lists_and_chooses_only_their_wards_files(client, wards, docs):
    ward, _other = wards
    client.force_login(officer("canbo_a", sites=[ward]))
    for url in (
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs_chooser:choose"),
        reverse("wagtaildocs_chooser:choose_results"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html = html_of(response)
        assert "Quyết định Bên Này" in html, url
        assert "Quyết định Bên Kia" not in html, url
        assert "Thông báo công khai" not in html, url  # the officer holds no right on the public collection
    chosen = client.get(reverse("wagtaildocs_chooser:chosen", args=[docs["mine"].pk]))
    assert chosen.status_code == 200 and chosen.json()["result"]["title"] == "Quyết định Bên Này"
    assert refused(client.get(reverse("wagtaildocs_chooser:chosen", args=[docs["theirs"].pk])))
    assert refused(client.get(reverse("wagtaildocs:edit", args=[docs["theirs"].pk])))
    # Uploading offers the officer's own private collection only (the upload forms ask the policy).
    assert client.get(reverse("wagtaildocs:add_multiple")).status_code == 200
    policy = policy_registry.get_by_type(Document)
    user = get_user_model().objects.get(username="canbo_a")
    assert list(policy.collections_user_has_permission_for(user, "add")) == [docs["mine"].collection]


def test_editors_and_group_rights_on_root_never_reach_private_files(client, wards, docs):
    ward, _other = wards
    editor = make_user("bientap_a", sites=[])
    editor.groups.add(Group.objects.get(ward_role__site=ward, ward_role__role="editor"))
    client.force_login(editor)
    html = html_of(client.get(reverse("wagtaildocs_chooser:choose")))
    assert "Thông báo công khai" in html and "Quyết định Bên Này" not in html
    assert refused(client.get(reverse("wagtaildocs_chooser:chosen", args=[docs["mine"].pk])))

    # Even a group given rights on Root (an administrator's slip) does not open them.
    wide, _ = Group.objects.get_or_create(name=EDITOR)
    GroupCollectionPermission.objects.create(
        group=wide,
        collection=Collection.get_first_root_node(),
        permission=files_permission("choose_document"),
    )
    editor.groups.add(wide)
    html = html_of(client.get(reverse("wagtaildocs_chooser:choose")))
    assert "Thông báo công khai" in html and "Quyết định Bên Này" not in html
    assert client.get(docs["mine"].url).status_code == 404


def files_permission(codename):
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="wagtaildocs", codename=codename)


def test_private_file_downloads_only_for_the_wards_learning_users(client, wards, docs):
    ward, other = wards
    theirs = docs["theirs"]
    client.force_login(officer("canbo_a", sites=[ward]))
    assert client.get(theirs.url).status_code == 404
    client.logout()
    assert client.get(theirs.url).status_code == 404
    assert client.get(docs["public"].url).status_code == 200  # ordinary documents are untouched
    client.force_login(make_user("quantri_b", SITE_ADMIN, sites=[other]))  # no right on the dossiers
    assert client.get(theirs.url).status_code == 404
    assert not ExportLog.objects.exists()

    for user in (officer("canbo_b", sites=[other]), leader("lanhdao_b", sites=[other])):
        client.force_login(user)
        response = client.get(theirs.url)
        assert response.status_code == 200, user
        assert b"".join(response.streaming_content) == PDF
        assert "private" in response["Cache-Control"] and response["X-Content-Type-Options"] == "nosniff"
        entry = ExportLog.objects.latest("pk")
        assert entry.username == user.username and entry.what == "Tệp hồ sơ: Quyết định Bên Kia"
        assert list(entry.sites.all()) == [other]


def test_evidence_download_url_of_another_ward_answers_404(client, wards):
    ward, other = wards
    criteria_set = make_criteria_set(valid_from=datetime.date(2020, 1, 1))
    evidence = {}
    for site in (ward, other):
        registration = Registration.objects.create(
            site=site, year=2025, learning_model=LearningModel.WARD, criteria_set=criteria_set
        )
        item = Evidence(registration=registration, title=f"Minh chứng {site.site_name}", content_type="application/pdf")
        item.file.save("minh-chung.pdf", ContentFile(PDF), save=False)
        item.save()
        evidence[site.pk] = item
    client.force_login(officer("canbo_a", sites=[ward]))
    theirs, mine = evidence[other.pk], evidence[ward.pk]
    assert client.get(reverse("learning_evidence", args=[theirs.registration_id, theirs.pk])).status_code == 404
    # Another ward's evidence id under one's own dossier is not found either.
    assert client.get(reverse("learning_evidence", args=[mine.registration_id, theirs.pk])).status_code == 404
    response = client.get(reverse("learning_evidence", args=[mine.registration_id, mine.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF


def test_decision_takes_only_a_file_of_its_own_wards_private_collection(client, wards, docs):
    ward, other = wards
    record = decision(ward, "12/QĐ-UBND")
    url = reverse("learning_decision:edit", args=[record.pk])
    data = {
        "site": ward.pk,
        "year": 2025,
        "learning_model": LearningModel.FAMILY,
        "number": "12/QĐ-UBND",
        "signed_on": "2025-12-20",
        "signer_name": "Người Ký",
        "signer_title": "Chủ tịch UBND phường",
        "issuer": "Ủy ban nhân dân phường",
        "outcome": DecisionOutcome.RECOGNISED,  # the form's field since the higher body may refuse (issue 16)
    }
    client.force_login(officer("canbo_a", sites=[ward]))
    response = client.post(url, {**data, "document": docs["theirs"].pk})
    assert response.status_code == 200
    assert "chỉ chọn tệp trong thư mục “Hồ sơ xã hội học tập” của phường mình" in response.content.decode()
    response = client.post(url, {**data, "document": docs["public"].pk})
    assert response.status_code == 200
    record.refresh_from_db()
    assert record.document_id is None
    assert client.post(url, {**data, "document": docs["mine"].pk}).status_code == 302
    record.refresh_from_db()
    assert record.document_id == docs["mine"].pk

    # A user of both wards still cannot put ward B's file on ward A's decision.
    client.force_login(officer("canbo_ab", sites=[ward, other]))
    response = client.post(url, {**data, "document": docs["theirs"].pk})
    assert response.status_code == 200
    assert "Tệp quyết định phải nằm trong thư mục riêng “Hồ sơ xã hội học tập – Phường Thử Nghiệm”" in (
        response.content.decode()
    )
    record.refresh_from_db()
    assert record.document_id == docs["mine"].pk


def test_a_deleted_ward_takes_its_private_files_along(wards, docs):
    _ward, other = wards
    collection_id, document_id = docs["theirs"].collection_id, docs["theirs"].pk
    decision(other, "5/QĐ-UBND", docs["theirs"])
    other.delete()
    assert not Collection.objects.filter(pk=collection_id).exists()
    assert not Document.objects.filter(pk=document_id).exists()
    assert Collection.get_first_root_node().get_children().filter(pk=docs["mine"].collection_id).exists()
