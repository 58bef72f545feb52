"""The refusal grounds a ward can cite, seeded unconfirmed.

Our domain notes say only that a refusal must rest on the grounds of Luật Tiếp cận thông tin
104/2016/QH13 and be given in writing; they do not list the grounds with their articles. These
rows are our reading of the law, worded in our own Vietnamese, each marked "chưa đối chiếu" until a
system administrator checks it against the text (admin: "Căn cứ từ chối cung cấp thông tin").
"""

from django.db import migrations

BASIS = "Luật Tiếp cận thông tin 104/2016/QH13 – chưa đối chiếu điều, khoản"
GROUNDS = [
    "Thông tin thuộc loại công dân không được tiếp cận (bí mật nhà nước và các trường hợp luật cấm)",
    "Thông tin chỉ được tiếp cận có điều kiện mà người yêu cầu chưa đáp ứng điều kiện "
    "(ví dụ: bí mật kinh doanh, đời sống riêng tư khi chưa có sự đồng ý)",
    "Thông tin không do phường tạo ra hoặc không thuộc trách nhiệm cung cấp của phường "
    "(ghi rõ cơ quan có trách nhiệm cung cấp)",
    "Thông tin đã được công khai (ghi rõ nơi, cách tìm)",
    "Yêu cầu vượt quá khả năng đáp ứng hoặc làm ảnh hưởng nghiêm trọng đến hoạt động bình thường của cơ quan",
    "Người yêu cầu chưa nộp chi phí cung cấp thông tin theo quy định",
]


def seed(apps, schema_editor):
    RefusalGround = apps.get_model("information_access", "RefusalGround")  # noqa: N806
    if RefusalGround.objects.exists():
        return
    for order, title in enumerate(GROUNDS):
        RefusalGround.objects.create(title=title, legal_basis=BASIS, confirmed=False, sort_order=order)


class Migration(migrations.Migration):
    dependencies = [("information_access", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
