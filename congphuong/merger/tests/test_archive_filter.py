"""The archive filter "Phường cũ" on the new ward's news categories, documents and search."""

import pytest
from django.urls import reverse

from congphuong.documents.tests.factories import LegalDocumentPageFactory
from congphuong.merger.merge import merge

from .conftest import NEW, P1, P2, section

pytestmark = pytest.mark.django_db


def test_only_the_chosen_old_wards_items_and_only_where_there_are_merged_items(world, client, committed):
    category = "/tin-tuc-su-kien/an-sinh-xa-hoi/"
    before = client.get(category, HTTP_HOST=NEW, secure=True).content.decode()
    assert "Lọc theo phường cũ" not in before  # nothing merged yet
    LegalDocumentPageFactory(parent=section(world["p2"], "van-ban"), title="Kế hoạch phòng chống ngập của Phường 2")
    LegalDocumentPageFactory(parent=section(world["new"], "van-ban"), title="Kế hoạch chuyển đổi số của Tân Sơn Hòa")
    committed(merge, [P1, P2], NEW)

    html = client.get(category, {"phuong-cu": "phuong-1"}, HTTP_HOST=NEW, secure=True).content.decode()
    assert "Lọc theo phường cũ" in html and 'aria-current="true">Phường 1 (cũ)</a>' in html
    assert html.count("Phường 1: trao quà") == 2
    assert "Phường 2: trao quà" not in html and "Tân Sơn Hòa: trao quà" not in html
    everything = client.get(category, HTTP_HOST=NEW, secure=True).content.decode()
    assert "Phường 2: trao quà" in everything and "Tân Sơn Hòa: trao quà" in everything
    wrong = client.get(category, {"phuong-cu": "phuong-9"}, HTTP_HOST=NEW, secure=True).content.decode()
    assert "Không có phường cũ «phuong-9»" in wrong and "Tân Sơn Hòa: trao quà" in wrong

    documents = client.get("/van-ban/", {"phuong-cu": "phuong-2"}, HTTP_HOST=NEW, secure=True).content.decode()
    assert "Kế hoạch phòng chống ngập của Phường 2" in documents and "chuyển đổi số của Tân Sơn Hòa" not in documents
    assert '<option value="phuong-2" selected>Phường 2 (cũ)</option>' in documents

    found = client.get(reverse("search"), {"q": "trao quà", "phuong-cu": "phuong-2"}, HTTP_HOST=NEW, secure=True)
    text = found.content.decode()
    assert "Phường 2: trao quà" in text.replace("<mark>", "").replace("</mark>", "")
    assert "Phường 1: trao quà" not in text.replace("<mark>", "").replace("</mark>", "")
    # The count and the per-type counts are those of the old ward's pages, not of the whole ward.
    assert found.context["outcome"].total == 2
    assert [count for _kind, _label, count in found.context["kind_facets"]] == ["2"]
    everything = client.get(reverse("search"), {"q": "trao quà"}, HTTP_HOST=NEW, secure=True)
    assert everything.context["outcome"].total == 6
    assert [count for _kind, _label, count in everything.context["kind_facets"]] == ["6"]
