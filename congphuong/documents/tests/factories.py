import datetime

import factory
import wagtail_factories

from congphuong.documents.models import (
    DocumentIndexPage,
    DocumentSector,
    DocumentType,
    DraftComment,
    DraftDocumentPage,
    DraftIndexPage,
    Issuer,
    LegalDocumentPage,
)


class DocumentTypeFactory(factory.django.DjangoModelFactory):
    name = "Quyết định"

    class Meta:
        model = DocumentType
        django_get_or_create = ("name",)


class IssuerFactory(factory.django.DjangoModelFactory):
    name = "Ủy ban nhân dân phường Thử Nghiệm"

    class Meta:
        model = Issuer
        django_get_or_create = ("name",)


class DocumentSectorFactory(factory.django.DjangoModelFactory):
    name = "Văn hóa – xã hội"

    class Meta:
        model = DocumentSector
        django_get_or_create = ("name",)


class DocumentIndexPageFactory(wagtail_factories.PageFactory):
    title = "Văn bản"
    slug = "van-ban"
    show_in_menus = True

    class Meta:
        model = DocumentIndexPage


class LegalDocumentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Quyết định về việc thử nghiệm số {n}")
    slug = factory.Sequence(lambda n: f"quyet-dinh-{n}")
    number = factory.Sequence(lambda n: f"{n + 1}/QĐ-UBND")
    doc_type = factory.SubFactory(DocumentTypeFactory)
    issuer = factory.SubFactory(IssuerFactory)
    signer_name = "Nguyễn Văn Thử"
    signer_position = "Chủ tịch"
    issued_on = datetime.date(2024, 3, 1)
    summary = factory.LazyAttribute(lambda o: f"Về việc {o.title.lower()}")

    class Meta:
        model = LegalDocumentPage


class DraftIndexPageFactory(wagtail_factories.PageFactory):
    title = "Dự thảo lấy ý kiến"
    slug = "du-thao-lay-y-kien"
    show_in_menus = True

    class Meta:
        model = DraftIndexPage


class DraftDocumentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Dự thảo quy chế số {n}")
    slug = factory.Sequence(lambda n: f"du-thao-{n}")
    summary = "Dự thảo quy định cách tổ chức hoạt động."
    comment_opens_at = factory.LazyFunction(lambda: _now() - datetime.timedelta(days=3))
    comment_closes_at = factory.LazyFunction(lambda: _now() + datetime.timedelta(days=10))

    class Meta:
        model = DraftDocumentPage


class DraftCommentFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Người góp ý {n}")
    email = factory.Sequence(lambda n: f"nguoi-gop-y-{n}@example.vn")
    phone = "0912345678"
    body = factory.Sequence(lambda n: f"Nội dung góp ý số {n} cho dự thảo.")

    class Meta:
        model = DraftComment


def _now():
    from django.utils import timezone

    return timezone.now()
