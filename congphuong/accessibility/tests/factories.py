import wagtail_factories

from congphuong.accessibility.models import AccessibilityStatementPage, KnownBarrier


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    title = "Tuyên bố hỗ trợ tiếp cận"
    slug = "ho-tro-tiep-can"
    intro = "Phường cam kết để mọi người đọc và dùng được cổng thông tin."

    class Meta:
        model = AccessibilityStatementPage


def add_barrier(page, description="Văn bản cũ là ảnh chụp, trình đọc màn hình không đọc được.", **kwargs):
    values = {
        "where": "Văn bản trước năm 2022",
        "workaround": "Gọi điện thoại cho phường",
        "planned_fix": "Quý II/2027",
    }
    values.update(kwargs)
    return KnownBarrier.objects.create(page=page, description=description, **values)
