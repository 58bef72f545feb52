"""English title and legal basis of a refusal ground, for a requester who asked on /en/.

The grounds seeded by 0002 get our own English wording (rows an administrator has reworded keep their
English fields empty: the Vietnamese text is then shown until someone writes one)."""

from django.db import migrations, models

BASIS = "Luật Tiếp cận thông tin 104/2016/QH13 – chưa đối chiếu điều, khoản"
BASIS_EN = "Law on Access to Information No. 104/2016/QH13 – article and clause not yet checked"
GROUNDS_EN = {
    "Thông tin thuộc loại công dân không được tiếp cận (bí mật nhà nước và các trường hợp luật cấm)": (
        "The information is of a kind citizens may not access (state secrets and other cases the law forbids)"
    ),
    "Thông tin chỉ được tiếp cận có điều kiện mà người yêu cầu chưa đáp ứng điều kiện "
    "(ví dụ: bí mật kinh doanh, đời sống riêng tư khi chưa có sự đồng ý)": (
        "The information may be accessed only on conditions the requester does not yet meet "
        "(for example: business secrets, private life without the person's consent)"
    ),
    "Thông tin không do phường tạo ra hoặc không thuộc trách nhiệm cung cấp của phường "
    "(ghi rõ cơ quan có trách nhiệm cung cấp)": (
        "The information was not created by the ward or is not the ward's to provide "
        "(the body responsible is named)"
    ),
    "Thông tin đã được công khai (ghi rõ nơi, cách tìm)": (
        "The information has already been made public (where and how to find it is given)"
    ),
    "Yêu cầu vượt quá khả năng đáp ứng hoặc làm ảnh hưởng nghiêm trọng đến hoạt động bình thường của cơ quan": (
        "The request is beyond what the office can meet, or would seriously disrupt its normal work"
    ),
    "Người yêu cầu chưa nộp chi phí cung cấp thông tin theo quy định": (
        "The requester has not paid the charge for providing the information"
    ),
}


def english(apps, schema_editor):
    RefusalGround = apps.get_model("information_access", "RefusalGround")  # noqa: N806
    for ground in RefusalGround.objects.filter(title__in=list(GROUNDS_EN), title_en=""):
        ground.title_en = GROUNDS_EN[ground.title]
        if ground.legal_basis == BASIS:
            ground.legal_basis_en = BASIS_EN
        ground.save(update_fields=["title_en", "legal_basis_en"])


class Migration(migrations.Migration):
    dependencies = [("information_access", "0002_seed_refusal_grounds")]

    operations = [
        migrations.AddField(
            model_name="refusalground",
            name="legal_basis_en",
            field=models.CharField(
                blank=True,
                help_text="Viết bằng tiếng Anh điều, khoản của ô Điều, khoản; để trống thì hiện bản tiếng Việt.",
                max_length=255,
                verbose_name="Điều, khoản bằng tiếng Anh",
            ),
        ),
        migrations.AddField(
            model_name="refusalground",
            name="title_en",
            field=models.CharField(
                blank=True,
                help_text="Hiện cho người yêu cầu trên phần tiếng Anh (/en/); để trống thì hiện bản tiếng Việt.",
                max_length=255,
                verbose_name="Căn cứ từ chối bằng tiếng Anh",
            ),
        ),
        migrations.RunPython(english, migrations.RunPython.noop),
    ]
