"""Query counts of the procedure pages: pinned, and independent of how many rows exist."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congphuong.documents.pdf import pdf_document
from congphuong.procedures.models import DossierItem, ProcedureForm

from .factories import ProcedureChannelFactory, ProcedureIndexPageFactory, ProcedurePageFactory, ProcedureSectorFactory

# One render, nothing kept: every cache layer off, whatever the suite's default.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nothing_cached")]

MAX_QUERIES = {"catalogue": 20, "catalogue_filtered": 22, "procedure": 20}


def _count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _add(index, target, first, n):
    sectors = [ProcedureSectorFactory(name=name) for name in ("Hộ tịch", "Chứng thực", "Đất đai")]
    for i in range(first, first + n):
        procedure = ProcedurePageFactory(parent=index, title=f"Đăng ký thủ tục {i}", sector=sectors[i % 3])
        ProcedureChannelFactory(page=procedure, kind=("truc-tiep", "truc-tuyen", "buu-chinh")[i % 3])
        ProcedureChannelFactory(page=target, kind="truc-tuyen", details=f"Cách {i}")
        form = pdf_document(f"Mẫu {i}", f"mau-{i}.pdf", [f"Mau {i}"])
        DossierItem.objects.create(page=target, name=f"Giấy tờ {i}", template_file=form, sort_order=i)
        ProcedureForm.objects.create(page=target, document=pdf_document(f"Tờ khai {i}", f"to-khai-{i}.pdf", ["x"]))


def test_query_counts_do_not_grow_with_procedures(client, home):
    index = ProcedureIndexPageFactory(parent=home)
    target = ProcedurePageFactory(parent=index, title="Thủ tục chính")
    _add(index, target, 0, 3)
    urls = {
        "catalogue": index.url,
        "catalogue_filtered": index.url + "?q=dang+ky&linh_vuc=ho-tich&cach_thuc=truc-tiep",
        "procedure": target.url,
    }
    small = {name: _count(client, url) for name, url in urls.items()}
    _add(index, target, 3, 25)
    large = {name: _count(client, url) for name, url in urls.items()}
    assert large == small, f"queries grew with the number of procedures: {small} → {large}"
    for name, count in large.items():
        assert count <= MAX_QUERIES[name], f"{name}: {count} queries > {MAX_QUERIES[name]}"
