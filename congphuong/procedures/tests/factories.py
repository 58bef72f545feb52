import factory
import wagtail_factories

from congphuong.procedures.models import ProcedureChannel, ProcedureIndexPage, ProcedurePage, ProcedureSector


class ProcedureSectorFactory(factory.django.DjangoModelFactory):
    name = "Hộ tịch"

    class Meta:
        model = ProcedureSector
        django_get_or_create = ("name",)


class ProcedureIndexPageFactory(wagtail_factories.PageFactory):
    title = "Thủ tục hành chính"
    slug = "thu-tuc-hanh-chinh"
    show_in_menus = True

    class Meta:
        model = ProcedureIndexPage


class ProcedurePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Thủ tục thử nghiệm số {n}")
    slug = factory.Sequence(lambda n: f"thu-tuc-{n}")
    code = factory.Sequence(lambda n: f"1.{n:06d}")
    sector = factory.SubFactory(ProcedureSectorFactory)
    processing_time = "Ngay trong ngày làm việc."
    fees = "Không"

    class Meta:
        model = ProcedurePage


class ProcedureChannelFactory(factory.django.DjangoModelFactory):
    kind = "truc-tiep"
    details = "Nộp tại Bộ phận một cửa của phường."

    class Meta:
        model = ProcedureChannel
