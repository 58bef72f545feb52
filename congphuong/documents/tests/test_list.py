"""The "Văn bản" list: filters, sort, bad values, pagination that keeps the filters, isolation."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup

from congphuong.documents.models import DocumentReplacement
from congphuong.wards.tests.factories import make_ward

from .factories import (
    DocumentIndexPageFactory,
    DocumentSectorFactory,
    DocumentTypeFactory,
    IssuerFactory,
    LegalDocumentPageFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def library(doc_index):
    """A small, varied set of documents of one ward."""
    decision = DocumentTypeFactory(name="Quyết định")
    plan = DocumentTypeFactory(name="Kế hoạch")
    notice = DocumentTypeFactory(name="Thông báo")
    ubnd = IssuerFactory(name="Ủy ban nhân dân phường Thử Nghiệm")
    party = IssuerFactory(name="Đảng ủy phường Thử Nghiệm")
    education = DocumentSectorFactory(name="Giáo dục – khuyến học")
    land = DocumentSectorFactory(name="Đất đai")
    docs = {
        "khuyen_hoc": LegalDocumentPageFactory(
            parent=doc_index,
            title="Quyết định thành lập Ban chỉ đạo khuyến học",
            number="12/QĐ-UBND",
            doc_type=decision,
            issuer=ubnd,
            issued_on=D(2024, 2, 1),
            summary="Về việc thành lập Ban chỉ đạo xây dựng xã hội học tập",
        ),
        "ke_hoach": LegalDocumentPageFactory(
            parent=doc_index,
            title="Kế hoạch tuyên truyền pháp luật đất đai",
            number="7/KH-UBND",
            doc_type=plan,
            issuer=ubnd,
            issued_on=D(2023, 4, 10),
            effective_until=D(2023, 12, 31),
            summary="Tuyên truyền Luật Đất đai cho người dân khu phố",
        ),
        "nghi_quyet": LegalDocumentPageFactory(
            parent=doc_index,
            title="Nghị quyết lãnh đạo công tác năm 2025",
            number="101-NQ/ĐU",
            doc_type=DocumentTypeFactory(name="Nghị quyết"),
            issuer=party,
            issued_on=D(2025, 1, 5),
            summary="Về lãnh đạo thực hiện nhiệm vụ chính trị năm 2025",
        ),
        "thong_bao": LegalDocumentPageFactory(
            parent=doc_index,
            title="Thông báo lịch tiếp công dân",
            number="3/TB-UBND",
            doc_type=notice,
            issuer=ubnd,
            issued_on=D(2025, 3, 3),
            effective_from=D(2099, 1, 1),
            summary="Lịch tiếp công dân định kỳ của lãnh đạo",
        ),
    }
    docs["khuyen_hoc"].sectors.set([education])
    docs["khuyen_hoc"].save()
    docs["ke_hoach"].sectors.set([land, education])
    docs["ke_hoach"].save()
    return docs


def _titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in soup.select(".doc-list .doc-title")]


def _get(client, page, query=""):
    response = client.get(page.url + query)
    assert response.status_code == 200
    return response


def test_lists_every_document_newest_first(client, doc_index, library):
    titles = _titles(_get(client, doc_index))
    assert titles == [
        "Thông báo lịch tiếp công dân",
        "Nghị quyết lãnh đạo công tác năm 2025",
        "Quyết định thành lập Ban chỉ đạo khuyến học",
        "Kế hoạch tuyên truyền pháp luật đất đai",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?loai=quyet-dinh", ["Quyết định thành lập Ban chỉ đạo khuyến học"]),
        ("?co_quan=dang-uy-phuong-thu-nghiem", ["Nghị quyết lãnh đạo công tác năm 2025"]),
        (
            "?linh_vuc=giao-duc-khuyen-hoc",
            ["Quyết định thành lập Ban chỉ đạo khuyến học", "Kế hoạch tuyên truyền pháp luật đất đai"],
        ),
        ("?nam=2023", ["Kế hoạch tuyên truyền pháp luật đất đai"]),
        ("?trang_thai=het-hieu-luc", ["Kế hoạch tuyên truyền pháp luật đất đai"]),
        ("?trang_thai=chua-co-hieu-luc", ["Thông báo lịch tiếp công dân"]),
        (
            "?trang_thai=con-hieu-luc",
            ["Nghị quyết lãnh đạo công tác năm 2025", "Quyết định thành lập Ban chỉ đạo khuyến học"],
        ),
        # Free text: number or summary, with or without diacritics, words in any order.
        ("?q=12%2FQĐ-UBND", ["Quyết định thành lập Ban chỉ đạo khuyến học"]),
        ("?q=xa+hoi+hoc+tap", ["Quyết định thành lập Ban chỉ đạo khuyến học"]),
        ("?q=Đất+đai+luật", ["Kế hoạch tuyên truyền pháp luật đất đai"]),
        ("?q=khong+co+van+ban+nay", []),
        # Combined.
        ("?loai=quyet-dinh&nam=2023", []),
        ("?co_quan=uy-ban-nhan-dan-phuong-thu-nghiem&linh_vuc=dat-dai", ["Kế hoạch tuyên truyền pháp luật đất đai"]),
    ],
)
def test_filters(client, doc_index, library, query, expected):
    response = _get(client, doc_index, query)
    assert _titles(response) == expected
    html = response.content.decode()
    assert "không hợp lệ" not in html
    if expected:
        assert f"Tìm thấy {len(expected)} văn bản phù hợp." in html
    else:
        assert "Không có văn bản nào phù hợp." in html


def test_selected_filters_are_kept_in_the_form(client, doc_index, library):
    soup = BeautifulSoup(_get(client, doc_index, "?loai=ke-hoach&nam=2023&q=tuyen+truyen").content, "html.parser")
    assert soup.select_one("#loc-loai option[selected]")["value"] == "ke-hoach"
    assert soup.select_one("#loc-nam option[selected]")["value"] == "2023"
    assert soup.select_one("#loc-q")["value"] == "tuyen truyen"
    # Every filter has a label tied to it, and the form works without JavaScript.
    form = soup.select_one("form.list-filters")
    assert form["method"] == "get"
    for control in form.select("select, input"):
        assert soup.select_one(f'label[for="{control["id"]}"]'), control["id"]


def test_facet_counts_follow_the_other_filters(client, doc_index, library):
    soup = BeautifulSoup(_get(client, doc_index, "?co_quan=uy-ban-nhan-dan-phuong-thu-nghiem").content, "html.parser")
    types = {o["value"]: o.get_text(strip=True) for o in soup.select("#loc-loai option") if o["value"]}
    # The party's resolution is not among the committee's documents.
    assert types == {"quyet-dinh": "Quyết định (1)", "ke-hoach": "Kế hoạch (1)", "thong-bao": "Thông báo (1)"}
    issuers = [o.get_text(strip=True) for o in soup.select("#loc-co_quan option") if o["value"]]
    assert "Đảng ủy phường Thử Nghiệm (1)" in issuers  # its own facet ignores its own filter
    statuses = {o["value"]: o.get_text(strip=True) for o in soup.select("#loc-trang_thai option") if o["value"]}
    assert statuses == {
        "con-hieu-luc": "Còn hiệu lực (1)",
        "chua-co-hieu-luc": "Chưa có hiệu lực (1)",
        "het-hieu-luc": "Hết hiệu lực (1)",
    }
    years = [o["value"] for o in soup.select("#loc-nam option") if o["value"]]
    assert years == ["2025", "2024", "2023"]


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ("?loai=khong-ton-tai", "Giá trị «khong-ton-tai» của mục «Loại văn bản» không hợp lệ"),
        ("?nam=hai-nghin", "Giá trị «hai-nghin» của mục «Năm ban hành» không hợp lệ"),
        ("?nam=99999", "Giá trị «99999» của mục «Năm ban hành» không hợp lệ"),
        ("?trang_thai=vo-hieu", "Giá trị «vo-hieu» của mục «Tình trạng hiệu lực» không hợp lệ"),
        ("?sap_xep=ngau-nhien", "Giá trị «ngau-nhien» của mục «Sắp xếp theo» không hợp lệ"),
        ("?co_quan=%00%27%22%3Cscript%3E", "của mục «Cơ quan ban hành» không hợp lệ"),
        ("?linh_vuc=" + "x" * 300, "của mục «Lĩnh vực» không hợp lệ"),
        ("?q=" + "a" * 300, "Từ khóa tìm kiếm dài quá 200 ký tự"),
    ],
)
def test_bad_values_are_ignored_with_a_note(client, doc_index, library, query, note):
    response = _get(client, doc_index, query)
    html = response.content.decode()
    assert note in html
    assert "<script>" not in html
    # The bad filter is dropped: the whole list shows.
    assert len(_titles(response)) == 4


def test_bad_value_does_not_cancel_the_good_ones(client, doc_index, library):
    response = _get(client, doc_index, "?loai=quyet-dinh&nam=abc")
    assert _titles(response) == ["Quyết định thành lập Ban chỉ đạo khuyến học"]
    assert "«Năm ban hành» không hợp lệ" in response.content.decode()


def test_sort_orders(client, doc_index, library):
    oldest = _titles(_get(client, doc_index, "?sap_xep=cu-nhat"))
    assert oldest[0] == "Kế hoạch tuyên truyền pháp luật đất đai"
    assert oldest[-1] == "Thông báo lịch tiếp công dân"
    by_number = _titles(_get(client, doc_index, "?sap_xep=so-ky-hieu"))
    # 3/TB, 7/KH, 12/QĐ, 101-NQ: numeric, not "101" < "12" < "3" < "7".
    assert by_number == [
        "Thông báo lịch tiếp công dân",
        "Kế hoạch tuyên truyền pháp luật đất đai",
        "Quyết định thành lập Ban chỉ đạo khuyến học",
        "Nghị quyết lãnh đạo công tác năm 2025",
    ]


def test_pagination_keeps_the_filters(client, doc_index):
    plan = DocumentTypeFactory(name="Kế hoạch")
    for n in range(25):
        LegalDocumentPageFactory(
            parent=doc_index,
            title=f"Kế hoạch số {n:02d}",
            doc_type=plan,
            issued_on=D(2024, 1, 1) + datetime.timedelta(n),
        )
    for n in range(5):
        LegalDocumentPageFactory(parent=doc_index, title=f"Quyết định lẻ {n}", issued_on=D(2024, 6, 1))
    first = _get(client, doc_index, "?loai=ke-hoach&sap_xep=cu-nhat")
    assert len(_titles(first)) == 20
    soup = BeautifulSoup(first.content, "html.parser")
    next_link = soup.select_one(".pagination a[rel=next]")["href"]
    assert "loai=ke-hoach" in next_link and "sap_xep=cu-nhat" in next_link and "trang=2" in next_link
    second = _get(client, doc_index, next_link)
    titles = _titles(second)
    assert titles == [f"Kế hoạch số {n:02d}" for n in range(20, 25)]
    assert not any(t.startswith("Quyết định lẻ") for t in titles)
    # Bad and out-of-range page numbers fall back to a real page.
    assert _titles(_get(client, doc_index, "?loai=ke-hoach&trang=abc"))[0] == "Kế hoạch số 24"
    assert len(_titles(_get(client, doc_index, "?loai=ke-hoach&trang=99"))) == 5


def test_list_shows_status_and_facts(client, doc_index, library):
    old = library["khuyen_hoc"]
    new = LegalDocumentPageFactory(parent=doc_index, title="Quyết định kiện toàn Ban chỉ đạo", issued_on=D(2025, 2, 2))
    DocumentReplacement.objects.create(page=new, document=old)
    soup = BeautifulSoup(_get(client, doc_index, "?q=ban+chi+dao").content, "html.parser")
    items = {item.select_one(".doc-title").get_text(strip=True): item for item in soup.select(".doc-item")}
    assert items["Quyết định thành lập Ban chỉ đạo khuyến học"].select_one(".status").get_text() == "Hết hiệu lực"
    assert items["Quyết định kiện toàn Ban chỉ đạo"].select_one(".status").get_text() == "Còn hiệu lực"
    assert "12/QĐ-UBND" in items["Quyết định thành lập Ban chỉ đạo khuyến học"].get_text()
    assert "01/02/2024" in items["Quyết định thành lập Ban chỉ đạo khuyến học"].get_text()


def test_unpublished_documents_are_not_listed(client, doc_index, library):
    library["nghi_quyet"].unpublish()
    assert "Nghị quyết lãnh đạo công tác năm 2025" not in _titles(_get(client, doc_index))


def test_another_wards_documents_never_appear(client, doc_index, library):
    other_site = make_ward(hostname="phuong-khac.test", name="Phường Khác")
    other_index = DocumentIndexPageFactory(parent=other_site.root_page, slug="van-ban")
    other_issuer = IssuerFactory(name="Ủy ban nhân dân phường Khác")
    other_sector = DocumentSectorFactory(name="Quốc phòng")
    other = LegalDocumentPageFactory(
        parent=other_index,
        title="Quyết định riêng của phường Khác",
        number="999/QĐ-UBND",
        issuer=other_issuer,
        doc_type=DocumentTypeFactory(name="Chỉ thị"),
        issued_on=D(2019, 9, 9),
    )
    other.sectors.set([other_sector])
    other.save()
    for query in ("", "?q=rieng", "?co_quan=uy-ban-nhan-dan-phuong-khac", "?nam=2019", "?loai=chi-thi"):
        html = _get(client, doc_index, query).content.decode()
        assert "Quyết định riêng của phường Khác" not in html
        assert "999/QĐ-UBND" not in html
    html = _get(client, doc_index).content.decode()
    # Nor its issuers, types, sectors or years in the filters.
    for text in ("Ủy ban nhân dân phường Khác", "Quốc phòng", "Chỉ thị", ">2019"):
        assert text not in html
    # The other ward sees only its own.
    other_html = client.get(other_index.url, HTTP_HOST="phuong-khac.test").content.decode()
    assert "Quyết định riêng của phường Khác" in other_html
    assert "Quyết định thành lập Ban chỉ đạo khuyến học" not in other_html


def test_noindex_on_filtered_views_only(client, doc_index, library):
    assert 'name="robots"' not in _get(client, doc_index).content.decode()
    assert re.search(
        r'<meta name="robots" content="noindex, follow">', _get(client, doc_index, "?nam=2024").content.decode()
    )
