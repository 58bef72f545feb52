"""The procedures catalogue: diacritic-insensitive search, filters, detail page, isolation."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.documents.models import Document

from congphuong.documents.pdf import pdf_document
from congphuong.procedures.models import DossierItem, ProcedureForm
from congphuong.wards.tests.factories import make_ward

from .factories import ProcedureChannelFactory, ProcedureIndexPageFactory, ProcedurePageFactory, ProcedureSectorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return ProcedureIndexPageFactory(parent=home)


@pytest.fixture
def catalogue(index):
    civil = ProcedureSectorFactory(name="Hộ tịch", sort_order=1)
    notary = ProcedureSectorFactory(name="Chứng thực", sort_order=2)
    land = ProcedureSectorFactory(name="Đất đai", sort_order=3)
    procedures = {
        "khai_sinh": ProcedurePageFactory(parent=index, title="Đăng ký khai sinh", code="1.001193", sector=civil),
        "ket_hon": ProcedurePageFactory(parent=index, title="Đăng ký kết hôn", code="1.000894", sector=civil),
        "khai_tu": ProcedurePageFactory(parent=index, title="Đăng ký khai tử", code="1.000656", sector=civil),
        "ban_sao": ProcedurePageFactory(parent=index, title="Chứng thực bản sao từ bản chính", sector=notary),
        "hoa_giai": ProcedurePageFactory(parent=index, title="Hòa giải tranh chấp đất đai", sector=land),
    }
    for key in ("khai_sinh", "ket_hon", "khai_tu", "ban_sao", "hoa_giai"):
        ProcedureChannelFactory(page=procedures[key], kind="truc-tiep")
    for key in ("khai_sinh", "khai_tu"):
        ProcedureChannelFactory(page=procedures[key], kind="truc-tuyen", details="Nộp trên Cổng Dịch vụ công.")
    ProcedureChannelFactory(page=procedures["ket_hon"], kind="buu-chinh")
    return procedures


def _titles(client, index, query=""):
    response = client.get(index.url + query)
    assert response.status_code == 200
    return [h.get_text(strip=True) for h in BeautifulSoup(response.content, "html.parser").select(".doc-title")]


@pytest.mark.parametrize(
    "query",
    ["dang ky khai sinh", "Đăng ký khai sinh", "ĐĂNG KÝ KHAI SINH", "khai sinh", "dang+ky+khai+sinh", "1.001193"],
)
def test_search_ignores_diacritics_and_case(client, index, catalogue, query):
    assert _titles(client, index, f"?q={query}") == ["Đăng ký khai sinh"]


def test_search_matches_every_word_and_d_with_stroke(client, index, catalogue):
    assert _titles(client, index, "?q=dang+ky") == ["Đăng ký kết hôn", "Đăng ký khai sinh", "Đăng ký khai tử"]
    assert _titles(client, index, "?q=dat+dai") == ["Hòa giải tranh chấp đất đai"]
    assert _titles(client, index, "?q=khai+sinh+ket+hon") == []


def test_decomposed_query_is_normalised(client, index, catalogue):
    import unicodedata

    query = unicodedata.normalize("NFD", "kết hôn")
    assert _titles(client, index, f"?q={query}") == ["Đăng ký kết hôn"]


def test_list_is_grouped_by_sector_order_then_name(client, index, catalogue):
    assert _titles(client, index) == [
        "Đăng ký kết hôn",
        "Đăng ký khai sinh",
        "Đăng ký khai tử",
        "Chứng thực bản sao từ bản chính",
        "Hòa giải tranh chấp đất đai",
    ]


def test_filters_by_sector_and_channel(client, index, catalogue):
    assert _titles(client, index, "?linh_vuc=chung-thuc") == ["Chứng thực bản sao từ bản chính"]
    assert _titles(client, index, "?cach_thuc=truc-tuyen") == ["Đăng ký khai sinh", "Đăng ký khai tử"]
    assert _titles(client, index, "?cach_thuc=buu-chinh&linh_vuc=ho-tich") == ["Đăng ký kết hôn"]
    assert _titles(client, index, "?cach_thuc=truc-tuyen&q=khai+tu") == ["Đăng ký khai tử"]
    soup = BeautifulSoup(client.get(index.url + "?linh_vuc=ho-tich").content, "html.parser")
    channels = {o["value"]: o.get_text(strip=True) for o in soup.select("#tt-cach_thuc option") if o["value"]}
    assert channels == {"truc-tiep": "Trực tiếp (3)", "truc-tuyen": "Trực tuyến (2)", "buu-chinh": "Qua bưu chính (1)"}
    sectors = [o.get_text(strip=True) for o in soup.select("#tt-linh_vuc option") if o["value"]]
    assert sectors == ["Hộ tịch (3)", "Chứng thực (1)", "Đất đai (1)"]
    assert soup.select_one("#tt-linh_vuc option[selected]")["value"] == "ho-tich"


def test_channel_badges_in_the_list(client, index, catalogue):
    soup = BeautifulSoup(client.get(index.url + "?q=khai+sinh").content, "html.parser")
    assert [li.get_text() for li in soup.select(".channel-list .channel")] == ["Trực tiếp", "Trực tuyến"]


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ("?linh_vuc=khong-co", "Giá trị «khong-co» của mục «Lĩnh vực» không hợp lệ"),
        ("?cach_thuc=bo-cau", "Giá trị «bo-cau» của mục «Cách thức thực hiện» không hợp lệ"),
        ("?q=" + "k" * 201, "Từ khóa tìm kiếm dài quá 200 ký tự"),
    ],
)
def test_bad_values_are_ignored_with_a_note(client, index, catalogue, query, note):
    response = client.get(index.url + query)
    assert response.status_code == 200
    assert note in response.content.decode()
    assert len(_titles(client, index, query)) == 5


def test_pagination_keeps_the_search(client, index):
    sector = ProcedureSectorFactory(name="Hộ tịch")
    for n in range(23):
        ProcedurePageFactory(parent=index, title=f"Đăng ký việc hộ tịch số {n:02d}", sector=sector)
    ProcedurePageFactory(parent=index, title="Cấp phép khác", sector=sector)
    soup = BeautifulSoup(client.get(index.url + "?q=dang+ky").content, "html.parser")
    assert len(soup.select(".doc-title")) == 20
    next_link = soup.select_one(".pagination a[rel=next]")["href"]
    assert "q=dang+ky" in next_link and "trang=2" in next_link
    assert _titles(client, index, next_link) == [f"Đăng ký việc hộ tịch số {n:02d}" for n in range(20, 23)]


def test_detail_page(client, index):
    sector = ProcedureSectorFactory(name="Hộ tịch")
    procedure = ProcedurePageFactory(
        parent=index,
        title="Đăng ký khai sinh",
        code="1.001193",
        sector=sector,
        applicants="Cha, mẹ hoặc người thân của trẻ",
        processing_time="Ngay trong ngày làm việc.",
        fees="Miễn lệ phí khi đăng ký đúng hạn.",
        national_portal_url="https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193",
        steps=[
            {"type": "step", "value": {"title": "Chuẩn bị hồ sơ", "description": "<p>Điền tờ khai.</p>"}},
            {"type": "step", "value": {"title": "Nộp hồ sơ", "description": "<p>Tại Bộ phận một cửa.</p>"}},
        ],
        legal_basis="<ul><li>Luật Hộ tịch năm 2014.</li></ul>",
    )
    ProcedureChannelFactory(page=procedure, kind="truc-tuyen", details="Nộp toàn trình trên Cổng Dịch vụ công.")
    form = pdf_document("Tờ khai đăng ký khai sinh", "to-khai-khai-sinh.pdf", ["To khai dang ky khai sinh"])
    DossierItem.objects.create(
        page=procedure, name="Tờ khai đăng ký khai sinh", copy_type="ban-chinh", template_file=form, sort_order=0
    )
    DossierItem.objects.create(page=procedure, name="Giấy chứng sinh", copy_type="ban-chinh", quantity=1, sort_order=1)
    extra = pdf_document("Giấy ủy quyền mẫu", "giay-uy-quyen.pdf", ["Giay uy quyen"])
    ProcedureForm.objects.create(page=procedure, document=extra, label="Mẫu giấy ủy quyền")

    response = client.get(procedure.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Đăng ký khai sinh"
    rows = {
        th.get_text(strip=True): th.find_next_sibling("td").get_text(" ", strip=True)
        for th in soup.select("th[scope=row]")
    }
    assert rows["Mã thủ tục"] == "1.001193"
    assert rows["Lĩnh vực"] == "Hộ tịch"
    assert rows["Cấp thực hiện"] == "Cấp xã"
    assert rows["Thời hạn giải quyết"] == "Ngay trong ngày làm việc."
    assert rows["Phí, lệ phí"] == "Miễn lệ phí khi đăng ký đúng hạn."
    assert rows["Trực tuyến"] == "Nộp toàn trình trên Cổng Dịch vụ công."
    assert [h.get_text() for h in soup.select(".proc-steps h3")] == ["Chuẩn bị hồ sơ", "Nộp hồ sơ"]
    dossier = [
        [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        for tr in soup.find(id="ho-so").find_next("tbody").find_all("tr")
    ]
    assert (
        dossier[0][0] == "1" and dossier[0][1].startswith("Tờ khai đăng ký khai sinh") and dossier[0][2] == "Bản chính"
    )
    assert "Tải mẫu: to-khai-khai-sinh.pdf" in dossier[0][1]
    assert dossier[1][:2] == ["2", "Giấy chứng sinh"]
    downloads = [a.get_text(strip=True) for a in soup.select(".doc-downloads a")]
    assert downloads == ["Mẫu giấy ủy quyền", "Tờ khai đăng ký khai sinh"]
    portal = soup.find("a", href=procedure.national_portal_url)
    assert portal and "external" in portal["rel"]
    assert "Luật Hộ tịch năm 2014." in soup.find(id="can-cu").find_parent("section").get_text()


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://dichvucong.gov.vn/x", "dichvucong.gov.vn/khong-co-giao-thuc"]
)
def test_portal_link_must_be_http(index, url):
    procedure = ProcedurePageFactory.build(national_portal_url=url, sector=ProcedureSectorFactory())
    with pytest.raises(ValidationError) as excinfo:
        procedure.full_clean(exclude=["path", "depth", "slug", "content_type", "title"])
    assert "national_portal_url" in excinfo.value.message_dict


def test_search_text_follows_title_changes(index):
    procedure = ProcedurePageFactory(parent=index, title="Đăng ký khai sinh")
    procedure.title = "Đăng ký lại khai sinh"
    procedure.save()
    procedure.refresh_from_db()
    assert procedure.search_text.startswith("dang ky lai khai sinh")


def test_another_wards_procedures_never_appear(client, index, catalogue):
    other = make_ward(hostname="phuong-khac.test", name="Phường Khác")
    other_index = ProcedureIndexPageFactory(parent=other.root_page)
    ProcedurePageFactory(
        parent=other_index, title="Thủ tục riêng của phường Khác", sector=ProcedureSectorFactory(name="Quốc tịch")
    )
    html = client.get(index.url + "?q=rieng").content.decode()
    assert "Thủ tục riêng của phường Khác" not in html
    html = client.get(index.url).content.decode()
    assert "Thủ tục riêng của phường Khác" not in html
    assert "Quốc tịch" not in html
    assert Document.objects.count() == 0
