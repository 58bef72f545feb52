"""Migrations 0001–0019 in one: the models as 0019 left them, then the data the old chain seeded.

Squashed by hand (`squashmigrations` found nothing to merge: the seeding RunPython steps between
the schema steps stopped its optimizer), so a fresh database builds each model once instead of
replaying some ninety schema steps: a fresh `migrate` of the whole project went from 32–37 s of
CPU to 25–28 s on SQLite, from 32–34 s to 27 s on PostgreSQL (each test run starts with one). Used by
a database that applied none of 0001–0019 (a new install, the test databases); one that applied
them all marks it applied; one partly migrated goes on with the old files, kept for that until
every install has passed 0019.

The old chain's data steps, on a database where this app's tables are new and empty:
- seeded the criteria sets, targets, retention rules, recognising bodies and the groups: done
  below (`seed`), in the old order, on the models as 0019 left them;
- copied or linked rows that already existed (0005 export log wards, 0013 legacy approvers, 0018
  khu phố by name): no rows exist here, nothing to do.
"""

import congphuong.learning.models.cycle
import congphuong.learning.storage
import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
import wagtail.contrib.routable_page.models
import wagtail.fields
from decimal import Decimal
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models


def seed(apps, schema_editor):
    """What 0002, 0004, 0008, 0010, 0016 and 0017 seeded, in their order."""
    from congphuong.learning import roles
    from congphuong.learning import seed as data

    # Permissions are normally created after the last migration; the groups need them now.
    app_config = apps.get_app_config("learning")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    data.load(apps)  # 0002
    data.load_pending_targets(apps.get_model("learning", "Target"))  # 0004
    data.load_retention_rules(apps.get_model("learning", "RetentionRule"))  # 0008
    apps.get_model("learning", "CriteriaSet").objects.update(status="chinh_thuc")  # 0010
    data.apply_sources(apps)  # 0010
    data.apply_issue_16_rest(apps)  # 0016
    roles.ensure_learning_roles(apps)  # 0002 … 0017: the groups as the code defines them today


def unseed(apps, schema_editor):
    """Going back below 0016 drops the province layer of targets (see 0016's backwards)."""
    apps.get_model("learning", "Target").objects.exclude(province="").delete()


class Migration(migrations.Migration):
    replaces = [
        ("learning", "0001_initial"),
        ("learning", "0002_seed_criteria_roles"),
        ("learning", "0003_ward_access"),
        ("learning", "0004_pending_targets_roles"),
        ("learning", "0005_export_log_wards"),
        ("learning", "0006_ward_file_collections"),
        ("learning", "0007_consent_retention"),
        ("learning", "0008_consent_roles_retention_seed"),
        ("learning", "0009_criteria_sources"),
        ("learning", "0010_criteria_sources_data"),
        ("learning", "0011_expense_approver_legacy"),
        ("learning", "0012_fund_closing_purpose_approver"),
        ("learning", "0013_link_legacy_approvers"),
        ("learning", "0014_tt25_higher_body_decision"),
        ("learning", "0015_recognising_bodies_targets_digital"),
        ("learning", "0016_issue_16_rest_data"),
        ("learning", "0017_recognising_body_roles"),
        ("learning", "0018_quarter_from_the_wards_list"),
        ("learning", "0019_decision_outcome"),
    ]

    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("organisation", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="RetentionRule",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("ho_gia_dinh", "Hộ gia đình đã chuyển đi / xóa khỏi sổ (và thành viên)"),
                            ("cong_dan", "Công dân học tập"),
                            ("dang_ky", "Đăng ký, tự đánh giá, minh chứng"),
                            ("khen_thuong", "Người nhận khen thưởng – học bổng"),
                            ("dong_y", "Đồng ý công khai tên"),
                            ("nha_hao_tam", "Nhà hảo tâm là cá nhân"),
                            ("nhat_ky_xuat", "Nhật ký xuất dữ liệu"),
                        ],
                        max_length=20,
                        unique=True,
                        verbose_name="Loại dữ liệu",
                    ),
                ),
                ("years", models.PositiveSmallIntegerField(verbose_name="Thời hạn lưu giữ (năm)")),
                ("counted_from", models.CharField(max_length=255, verbose_name="Tính từ")),
                ("basis", models.TextField(verbose_name="Căn cứ")),
                (
                    "confirmed",
                    models.BooleanField(
                        default=False,
                        help_text="Bỏ chọn khi thời hạn là mặc định của phần mềm, chưa đối chiếu văn bản quy định.",
                        verbose_name="Đã xác nhận căn cứ",
                    ),
                ),
            ],
            options={
                "verbose_name": "Thời hạn lưu giữ dữ liệu cá nhân",
                "verbose_name_plural": "Thời hạn lưu giữ dữ liệu cá nhân",
                "ordering": ["kind"],
            },
        ),
        migrations.CreateModel(
            name="CriteriaSet",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "learning_model",
                    models.CharField(
                        choices=[
                            ("gia_dinh", "Gia đình học tập"),
                            ("dong_ho", "Dòng họ học tập"),
                            ("cong_dong", "Cộng đồng học tập (khu phố)"),
                            ("don_vi", "Đơn vị học tập"),
                            ("cong_dan", "Công dân học tập"),
                            ("cap_xa", "Cộng đồng học tập cấp xã"),
                        ],
                        max_length=20,
                        verbose_name="Mô hình",
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="Tên bộ tiêu chí")),
                (
                    "version",
                    models.CharField(
                        help_text="Ví dụ: 2015, hoặc 2024 (sửa đổi).", max_length=60, verbose_name="Phiên bản"
                    ),
                ),
                (
                    "legal_basis",
                    models.TextField(
                        help_text="Văn bản ban hành, ví dụ: Quyết định 448/QĐ-KHVN của Trung ương Hội Khuyến học Việt Nam.",
                        verbose_name="Căn cứ",
                    ),
                ),
                (
                    "document_number",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: 25/2023/TT-BGDĐT; 448/QĐ-KHVN.",
                        max_length=60,
                        verbose_name="Số văn bản",
                    ),
                ),
                ("issued_on", models.DateField(blank=True, null=True, verbose_name="Ngày ban hành")),
                (
                    "status",
                    models.CharField(
                        choices=[("chinh_thuc", "Dùng để công nhận"), ("du_thao", "Dự thảo – chưa dùng để công nhận")],
                        default="du_thao",
                        help_text="Chỉ bộ tiêu chí chính thức mới dùng được trong quyết định công nhận. Quản trị chuyển sang “Dùng để công nhận” sau khi đã đối chiếu toàn bộ tiêu chí, chỉ số, điểm, ngưỡng với văn bản gốc.",
                        max_length=20,
                        verbose_name="Tình trạng",
                    ),
                ),
                (
                    "source_status",
                    models.TextField(
                        blank=True,
                        help_text="Đã tìm thấy văn bản gốc chưa, nội dung nào là tóm tắt, nội dung nào còn thiếu.",
                        verbose_name="Tình trạng nguồn",
                    ),
                ),
                (
                    "assessment",
                    models.CharField(
                        choices=[
                            ("cham_diem", "Chấm điểm"),
                            ("dat_chua_dat", "Đạt / chưa đạt từng chỉ số theo mức (không chấm điểm)"),
                        ],
                        default="cham_diem",
                        max_length=20,
                        verbose_name="Cách đánh giá",
                    ),
                ),
                (
                    "population_group",
                    models.CharField(
                        blank=True,
                        help_text="Khi văn bản có bộ riêng cho từng nhóm người (ví dụ Công dân học tập); để trống nếu dùng chung.",
                        max_length=200,
                        verbose_name="Đối tượng áp dụng",
                    ),
                ),
                ("valid_from", models.DateField(verbose_name="Hiệu lực từ ngày")),
                (
                    "valid_to",
                    models.DateField(
                        blank=True, help_text="Để trống nếu còn hiệu lực.", null=True, verbose_name="Hiệu lực đến ngày"
                    ),
                ),
                (
                    "validity_months",
                    models.PositiveSmallIntegerField(
                        default=12,
                        help_text="Ví dụ: 12 tháng với gia đình; 36 tháng với cộng đồng học tập cấp xã (Thông tư 25/2023).",
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(120),
                        ],
                        verbose_name="Thời hạn công nhận (tháng)",
                    ),
                ),
                (
                    "validity_years_after",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Ví dụ: 3 với Thông tư 25/2023 (công nhận năm 2025 có giá trị đến 31/12/2028). Khi có, thay cho “Thời hạn công nhận (tháng)”.",
                        null=True,
                        validators=[django.core.validators.MaxValueValidator(10)],
                        verbose_name="Công nhận có giá trị đến hết năm thứ … sau năm công nhận",
                    ),
                ),
                (
                    "certificate_title",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: Giấy công nhận Gia đình học tập",
                        max_length=200,
                        verbose_name="Tên giấy công nhận",
                    ),
                ),
                (
                    "note",
                    models.TextField(
                        blank=True,
                        help_text="Số điểm, ngưỡng lấy theo văn bản hướng dẫn; mục nào ghi “cần kiểm tra” phải đối chiếu lại văn bản gốc.",
                        verbose_name="Ghi chú",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        blank=True,
                        help_text="Để trống nếu bộ tiêu chí dùng chung cho mọi phường.",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.site",
                        verbose_name="Riêng cho phường",
                    ),
                ),
            ],
            options={
                "verbose_name": "Bộ tiêu chí",
                "verbose_name_plural": "Bộ tiêu chí",
                "ordering": ["learning_model", "-valid_from"],
            },
        ),
        migrations.CreateModel(
            name="Criterion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("code", models.CharField(help_text="Ví dụ: 1", max_length=10, verbose_name="Số hiệu")),
                ("title", models.CharField(max_length=255, verbose_name="Tên tiêu chí")),
                (
                    "criteria_set",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="criteria", to="learning.criteriaset"
                    ),
                ),
            ],
            options={
                "verbose_name": "Tiêu chí",
                "verbose_name_plural": "Tiêu chí",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="Donor",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=200, verbose_name="Tên nhà hảo tâm / đơn vị")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("ca_nhan", "Cá nhân"),
                            ("doanh_nghiep", "Doanh nghiệp"),
                            ("to_chuc", "Cơ quan, tổ chức"),
                            ("chi_hoi", "Chi hội khuyến học"),
                        ],
                        default="ca_nhan",
                        max_length=20,
                        verbose_name="Loại",
                    ),
                ),
                (
                    "may_publish_name",
                    models.BooleanField(
                        default=False,
                        help_text="Chỉ chọn khi nhà hảo tâm đồng ý nêu tên trên cổng thông tin.",
                        verbose_name="Được công khai tên",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        help_text="Phường quản lý dữ liệu này.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learning_donors",
                        to="wagtailcore.site",
                        verbose_name="Phường",
                    ),
                ),
            ],
            options={
                "verbose_name": "Nhà hảo tâm",
                "verbose_name_plural": "Nhà hảo tâm",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="ExportLog",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("at", models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="Thời điểm")),
                ("username", models.CharField(max_length=150, verbose_name="Tài khoản")),
                ("what", models.CharField(max_length=200, verbose_name="Dữ liệu xuất")),
                ("file_format", models.CharField(max_length=10, verbose_name="Định dạng")),
                ("rows", models.PositiveIntegerField(default=0, verbose_name="Số dòng")),
                ("parameters", models.CharField(blank=True, max_length=500, verbose_name="Bộ lọc")),
                ("personal_data", models.BooleanField(default=False, verbose_name="Có dữ liệu cá nhân")),
                (
                    "sites",
                    models.ManyToManyField(blank=True, related_name="+", to="wagtailcore.site", verbose_name="Phường"),
                ),
                (
                    "user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người xuất",
                    ),
                ),
            ],
            options={
                "verbose_name": "Nhật ký xuất dữ liệu",
                "verbose_name_plural": "Nhật ký xuất dữ liệu",
                "ordering": ["-at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="FundExpense",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("date", models.DateField(default=django.utils.timezone.localdate, verbose_name="Ngày chi")),
                (
                    "voucher_number",
                    models.CharField(help_text="Ví dụ: PC-2025/008", max_length=40, verbose_name="Số phiếu chi"),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("tien_mat", "Tiền mặt, chuyển khoản"),
                            ("hien_vat", "Hiện vật (ghi giá trị ước tính)"),
                        ],
                        default="tien_mat",
                        max_length=20,
                        verbose_name="Hình thức",
                    ),
                ),
                (
                    "category",
                    models.CharField(
                        choices=[
                            ("hoc_bong", "Học bổng"),
                            ("hoc_sinh_gioi", "Khen thưởng học sinh giỏi"),
                            ("tan_sinh_vien", "Khen thưởng tân sinh viên"),
                            ("ttht", "Hỗ trợ trung tâm học tập cộng đồng"),
                            ("hoat_dong", "Chi hoạt động phong trào"),
                            ("khac", "Chi khác"),
                        ],
                        max_length=20,
                        verbose_name="Khoản chi",
                    ),
                ),
                (
                    "purpose",
                    models.CharField(
                        choices=[
                            ("chung", "Quỹ chung"),
                            ("hoc_bong", "Học bổng"),
                            ("khen_thuong", "Khen thưởng"),
                            ("ttht", "Trung tâm học tập cộng đồng"),
                        ],
                        default="chung",
                        help_text="Nguồn đã thu theo mục đích (ví dụ: tiền thu cho học bổng chỉ chi học bổng).",
                        max_length=20,
                        verbose_name="Chi từ nguồn",
                    ),
                ),
                (
                    "amount",
                    models.DecimalField(
                        decimal_places=0,
                        help_text="Số tiền bằng đồng, không có phần lẻ.",
                        max_digits=15,
                        verbose_name="Số tiền / giá trị ước tính",
                    ),
                ),
                ("description", models.CharField(max_length=255, verbose_name="Nội dung")),
                (
                    "approver_legacy",
                    models.CharField(
                        blank=True, editable=False, max_length=120, verbose_name="Người duyệt chi (ghi tay trước đây)"
                    ),
                ),
                ("recipient_count", models.PositiveIntegerField(default=0, verbose_name="Số người nhận")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "adjusts",
                    models.ForeignKey(
                        blank=True,
                        help_text="Chỉ chọn khi phiếu này sửa sai cho một phiếu thuộc kỳ đã khóa sổ. Số tiền điều chỉnh có thể âm (giảm) hoặc dương (tăng).",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="adjustments",
                        to="learning.fundexpense",
                        verbose_name="Điều chỉnh cho phiếu",
                    ),
                ),
                (
                    "approved_by",
                    models.ForeignKey(
                        blank=True,
                        help_text="Người có vai trò “Lãnh đạo duyệt” được phân công phường này (ví dụ: Chủ tịch Hội Khuyến học phường).",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người duyệt chi",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        help_text="Phường quản lý dữ liệu này.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learning_expenses",
                        to="wagtailcore.site",
                        verbose_name="Phường",
                    ),
                ),
            ],
            options={
                "verbose_name": "Phiếu chi quỹ",
                "verbose_name_plural": "Phiếu chi quỹ",
                "ordering": ["-date", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="FundOpening",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("date", models.DateField(verbose_name="Ngày chốt số dư")),
                (
                    "amount",
                    models.DecimalField(
                        decimal_places=0,
                        help_text="Số tiền bằng đồng, không có phần lẻ.",
                        max_digits=15,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="Số dư tiền mặt ngày đó",
                    ),
                ),
                (
                    "site",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learning_fund_opening",
                        to="wagtailcore.site",
                        verbose_name="Phường",
                    ),
                ),
            ],
            options={
                "verbose_name": "Số dư ban đầu của quỹ",
                "verbose_name_plural": "Số dư ban đầu của quỹ",
            },
        ),
        migrations.CreateModel(
            name="FundReceipt",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("date", models.DateField(default=django.utils.timezone.localdate, verbose_name="Ngày thu")),
                (
                    "voucher_number",
                    models.CharField(help_text="Ví dụ: PT-2025/015", max_length=40, verbose_name="Số phiếu thu"),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("tien_mat", "Tiền mặt, chuyển khoản"),
                            ("hien_vat", "Hiện vật (ghi giá trị ước tính)"),
                        ],
                        default="tien_mat",
                        max_length=20,
                        verbose_name="Hình thức",
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        choices=[
                            ("hoi_vien", "Hội viên đóng góp"),
                            ("nha_hao_tam", "Nhà hảo tâm, doanh nghiệp"),
                            ("heo_dat", "Heo đất khuyến học"),
                            ("cap_tren", "Hội Khuyến học cấp trên hỗ trợ"),
                            ("ngan_sach", "Ngân sách nhà nước hỗ trợ"),
                            ("khac", "Nguồn khác"),
                        ],
                        max_length=20,
                        verbose_name="Nguồn thu",
                    ),
                ),
                (
                    "purpose",
                    models.CharField(
                        choices=[
                            ("chung", "Quỹ chung"),
                            ("hoc_bong", "Học bổng"),
                            ("khen_thuong", "Khen thưởng"),
                            ("ttht", "Trung tâm học tập cộng đồng"),
                        ],
                        default="chung",
                        max_length=20,
                        verbose_name="Mục đích",
                    ),
                ),
                (
                    "amount",
                    models.DecimalField(
                        decimal_places=0,
                        help_text="Với hiện vật: giá trị ước tính bằng đồng. Chỉ phiếu điều chỉnh mới được ghi số âm.",
                        max_digits=15,
                        verbose_name="Số tiền / giá trị ước tính",
                    ),
                ),
                (
                    "in_kind_description",
                    models.CharField(
                        blank=True, help_text="Ví dụ: 200 quyển vở, 10 xe đạp.", max_length=255, verbose_name="Hiện vật"
                    ),
                ),
                (
                    "description",
                    models.CharField(
                        help_text="Ví dụ: Mổ heo đất khuyến học khu phố 4", max_length=255, verbose_name="Nội dung"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "adjusts",
                    models.ForeignKey(
                        blank=True,
                        help_text="Chỉ chọn khi phiếu này sửa sai cho một phiếu thuộc kỳ đã khóa sổ. Số tiền điều chỉnh có thể âm (giảm) hoặc dương (tăng).",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="adjustments",
                        to="learning.fundreceipt",
                        verbose_name="Điều chỉnh cho phiếu",
                    ),
                ),
                (
                    "donor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="receipts",
                        to="learning.donor",
                        verbose_name="Nhà hảo tâm",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        help_text="Phường quản lý dữ liệu này.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learning_receipts",
                        to="wagtailcore.site",
                        verbose_name="Phường",
                    ),
                ),
            ],
            options={
                "verbose_name": "Phiếu thu quỹ",
                "verbose_name_plural": "Phiếu thu quỹ",
                "ordering": ["-date", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="Household",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "code",
                    models.CharField(
                        blank=True,
                        help_text="Mã hộ theo sổ của khu phố (không bắt buộc, không trùng).",
                        max_length=30,
                        verbose_name="Mã hộ",
                    ),
                ),
                ("head_name", models.CharField(max_length=120, verbose_name="Họ tên chủ hộ")),
                (
                    "address",
                    models.CharField(help_text="Số nhà, tên đường (hẻm).", max_length=255, verbose_name="Địa chỉ"),
                ),
                (
                    "removed",
                    models.BooleanField(
                        default=False,
                        help_text="Hộ không còn ở địa bàn; số liệu các năm trước giữ nguyên.",
                        verbose_name="Đã chuyển đi / xóa khỏi sổ",
                    ),
                ),
                (
                    "removed_on",
                    models.DateField(
                        blank=True,
                        help_text="Để trống thì lấy ngày lưu. Hộ vẫn được tính vào mẫu số các năm trước ngày này.",
                        null=True,
                        verbose_name="Ngày xóa khỏi sổ",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày lập")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật lần cuối")),
                (
                    "site",
                    models.ForeignKey(
                        help_text="Phường quản lý dữ liệu này.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learning_households",
                        to="wagtailcore.site",
                        verbose_name="Phường",
                    ),
                ),
            ],
            options={
                "verbose_name": "Hộ gia đình",
                "verbose_name_plural": "Hộ gia đình",
                "ordering": ["quarter__sort_order", "head_name"],
            },
        ),
        migrations.CreateModel(
            name="HouseholdMember",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "birth_year",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1900),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="Năm sinh",
                    ),
                ),
                (
                    "sex",
                    models.CharField(choices=[("nam", "Nam"), ("nu", "Nữ")], max_length=3, verbose_name="Giới tính"),
                ),
                (
                    "schooling",
                    models.CharField(
                        choices=[
                            ("chua_di_hoc", "Chưa đến tuổi đi học"),
                            ("mam_non", "Mầm non"),
                            ("tieu_hoc", "Tiểu học"),
                            ("thcs", "Trung học cơ sở"),
                            ("thpt", "Trung học phổ thông"),
                            ("nghe_nghiep", "Giáo dục nghề nghiệp (trung cấp, cao đẳng)"),
                            ("dai_hoc", "Đại học, sau đại học"),
                            ("thuong_xuyen", "Giáo dục thường xuyên, xóa mù chữ"),
                            ("da_hoc_xong", "Không còn đi học (đã học xong)"),
                            ("bo_hoc", "Bỏ học giữa chừng"),
                        ],
                        max_length=20,
                        verbose_name="Tình trạng học tập",
                    ),
                ),
                (
                    "occupation",
                    models.CharField(
                        choices=[
                            ("tre_em", "Trẻ em chưa đến tuổi lao động"),
                            ("hoc_sinh", "Học sinh, sinh viên"),
                            ("can_bo", "Cán bộ, công chức, viên chức"),
                            ("vu_trang", "Lực lượng vũ trang"),
                            ("cong_nhan", "Công nhân, người lao động trong doanh nghiệp"),
                            ("kinh_doanh", "Kinh doanh, buôn bán"),
                            ("tu_do", "Lao động tự do"),
                            ("noi_tro", "Nội trợ"),
                            ("huu_tri", "Hưu trí"),
                            ("khac", "Khác"),
                        ],
                        max_length=20,
                        verbose_name="Nhóm nghề nghiệp",
                    ),
                ),
                ("is_head", models.BooleanField(default=False, verbose_name="Là chủ hộ")),
                (
                    "household",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="members", to="learning.household"
                    ),
                ),
            ],
            options={
                "verbose_name": "Thành viên hộ",
                "verbose_name_plural": "Thành viên hộ",
                "ordering": ["-is_head", "birth_year", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Indicator",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("code", models.CharField(help_text="Ví dụ: 1.2", max_length=10, verbose_name="Số hiệu")),
                (
                    "text",
                    models.TextField(
                        help_text="Với bộ đánh giá theo mức: nội dung ở Mức 1.", verbose_name="Nội dung chỉ số"
                    ),
                ),
                (
                    "text_level2",
                    models.TextField(
                        blank=True,
                        help_text="Chỉ với bộ đánh giá theo mức, khi Mức 2 đòi hỏi khác Mức 1.",
                        verbose_name="Nội dung ở Mức 2",
                    ),
                ),
                (
                    "max_points",
                    models.DecimalField(
                        decimal_places=2,
                        help_text="Theo văn bản hướng dẫn; số điểm mẫu ban đầu cần kiểm tra với bản gốc.",
                        max_digits=6,
                        validators=[django.core.validators.MinValueValidator(Decimal("0.01"))],
                        verbose_name="Điểm tối đa",
                    ),
                ),
                ("evidence_required", models.BooleanField(default=False, verbose_name="Bắt buộc có minh chứng")),
                (
                    "evidence_hint",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: giấy khen, sổ theo dõi, ảnh hoạt động.",
                        max_length=255,
                        verbose_name="Gợi ý minh chứng",
                    ),
                ),
                (
                    "criterion",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="indicators", to="learning.criterion"
                    ),
                ),
            ],
            options={
                "verbose_name": "Chỉ số",
                "verbose_name_plural": "Chỉ số",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="LearningQuarter",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "name",
                    models.CharField(
                        help_text="Ví dụ: Khu phố 3. Đã chọn khu phố ở ô trên thì tên tự lấy theo danh sách của phường.",
                        max_length=120,
                        verbose_name="Tên khu phố/ấp",
                    ),
                ),
                ("sort_order", models.PositiveSmallIntegerField(default=0, verbose_name="Thứ tự")),
                (
                    "households_total",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text="Dùng làm mẫu số khi tính tỷ lệ Gia đình học tập. Để trống thì lấy số hộ có trong sổ.",
                        null=True,
                        verbose_name="Tổng số hộ trên địa bàn",
                    ),
                ),
                (
                    "adults_total",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text="Mẫu số của tỷ lệ Công dân học tập. Để trống thì đếm thành viên từ 15 tuổi trong sổ hộ.",
                        null=True,
                        verbose_name="Số người lớn (từ 15 tuổi) trên địa bàn",
                    ),
                ),
                (
                    "active",
                    models.BooleanField(
                        default=True, help_text="Bỏ chọn khi khu phố đã sáp nhập.", verbose_name="Còn sử dụng"
                    ),
                ),
                (
                    "quarter",
                    models.OneToOneField(
                        blank=True,
                        help_text="Chọn trong danh sách Khu phố/ấp của phường (mục Tổ chức); tên bên dưới theo tên ở đó.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="learning_row",
                        to="organisation.quarter",
                        verbose_name="Khu phố trong danh sách của phường",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        help_text="Phường quản lý dữ liệu này.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learning_quarters",
                        to="wagtailcore.site",
                        verbose_name="Phường",
                    ),
                ),
            ],
            options={
                "verbose_name": "Khu phố (xã hội học tập)",
                "verbose_name_plural": "Khu phố",
                "ordering": ["site", "sort_order", "name"],
            },
        ),
        migrations.CreateModel(
            name="HouseholdTombstone",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("deleted_on", models.DateField(verbose_name="Ngày xóa")),
                ("removed_on", models.DateField(blank=True, null=True, verbose_name="Ngày xóa khỏi sổ")),
                ("member_birth_years", models.JSONField(default=list, verbose_name="Năm sinh các thành viên")),
                (
                    "site",
                    models.ForeignKey(
                        help_text="Phường quản lý dữ liệu này.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learning_household_tombstones",
                        to="wagtailcore.site",
                        verbose_name="Phường",
                    ),
                ),
                (
                    "quarter",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="tombstones",
                        to="learning.learningquarter",
                        verbose_name="Khu phố",
                    ),
                ),
            ],
            options={
                "verbose_name": "Hộ đã xóa (giữ số liệu)",
                "verbose_name_plural": "Hộ đã xóa (giữ số liệu)",
                "ordering": ["-deleted_on", "pk"],
            },
        ),
        migrations.AddField(
            model_name="household",
            name="quarter",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="households",
                to="learning.learningquarter",
                verbose_name="Khu phố",
            ),
        ),
        migrations.AddField(
            model_name="donor",
            name="quarter",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="learning.learningquarter",
                verbose_name="Khu phố",
            ),
        ),
        migrations.CreateModel(
            name="Clan",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "name",
                    models.CharField(
                        help_text="Ví dụ: Họ Nguyễn Văn (chi nhánh khu phố 2)",
                        max_length=120,
                        verbose_name="Tên dòng họ",
                    ),
                ),
                (
                    "representative",
                    models.CharField(blank=True, max_length=120, verbose_name="Trưởng họ / người đại diện"),
                ),
                ("households_count", models.PositiveIntegerField(default=0, verbose_name="Số hộ trong dòng họ")),
                ("active", models.BooleanField(default=True, verbose_name="Còn theo dõi")),
                (
                    "site",
                    models.ForeignKey(
                        help_text="Phường quản lý dữ liệu này.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learning_clans",
                        to="wagtailcore.site",
                        verbose_name="Phường",
                    ),
                ),
                (
                    "quarter",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="clans",
                        to="learning.learningquarter",
                        verbose_name="Khu phố sinh hoạt chính",
                    ),
                ),
            ],
            options={
                "verbose_name": "Dòng họ",
                "verbose_name_plural": "Dòng họ",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="Citizen",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("full_name", models.CharField(max_length=120, verbose_name="Họ và tên")),
                (
                    "birth_year",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1900),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="Năm sinh",
                    ),
                ),
                (
                    "sex",
                    models.CharField(choices=[("nam", "Nam"), ("nu", "Nữ")], max_length=3, verbose_name="Giới tính"),
                ),
                ("is_public_staff", models.BooleanField(default=False, verbose_name="Là cán bộ, công chức, viên chức")),
                ("removed", models.BooleanField(default=False, verbose_name="Đã chuyển đi / xóa khỏi sổ")),
                (
                    "site",
                    models.ForeignKey(
                        help_text="Phường quản lý dữ liệu này.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learning_citizens",
                        to="wagtailcore.site",
                        verbose_name="Phường",
                    ),
                ),
                (
                    "household",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="citizens",
                        to="learning.household",
                        verbose_name="Thuộc hộ",
                    ),
                ),
                (
                    "quarter",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="citizens",
                        to="learning.learningquarter",
                        verbose_name="Khu phố",
                    ),
                ),
            ],
            options={
                "verbose_name": "Công dân đăng ký học tập",
                "verbose_name_plural": "Công dân học tập",
                "ordering": ["full_name"],
            },
        ),
        migrations.CreateModel(
            name="Award",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("school_year", models.CharField(help_text="Ví dụ: 2024-2025", max_length=9, verbose_name="Năm học")),
                ("awarded_on", models.DateField(verbose_name="Ngày trao")),
                (
                    "category",
                    models.CharField(
                        choices=[
                            ("hoc_bong_vuot_kho", "Học bổng học sinh vượt khó"),
                            ("hoc_sinh_gioi", "Học sinh giỏi"),
                            ("dat_giai", "Học sinh đạt giải các kỳ thi"),
                            ("tan_sinh_vien", "Tân sinh viên"),
                            ("khac", "Khác"),
                        ],
                        max_length=20,
                        verbose_name="Loại",
                    ),
                ),
                ("recipient_name", models.CharField(max_length=120, verbose_name="Họ tên người nhận")),
                ("birth_year", models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="Năm sinh")),
                ("school", models.CharField(max_length=200, verbose_name="Trường")),
                (
                    "grade",
                    models.CharField(
                        help_text="Ví dụ: Lớp 9; Năm nhất đại học", max_length=40, verbose_name="Lớp / năm học"
                    ),
                ),
                (
                    "amount",
                    models.DecimalField(
                        decimal_places=0,
                        default=Decimal("0"),
                        help_text="Số tiền bằng đồng, không có phần lẻ.",
                        max_digits=15,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="Số tiền",
                    ),
                ),
                ("in_kind", models.CharField(blank=True, max_length=255, verbose_name="Hiện vật kèm theo")),
                (
                    "decision_number",
                    models.CharField(blank=True, max_length=60, verbose_name="Số quyết định khen thưởng"),
                ),
                (
                    "site",
                    models.ForeignKey(
                        help_text="Phường quản lý dữ liệu này.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learning_awards",
                        to="wagtailcore.site",
                        verbose_name="Phường",
                    ),
                ),
                (
                    "expense",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="awards",
                        to="learning.fundexpense",
                        verbose_name="Chi từ phiếu chi",
                    ),
                ),
                (
                    "household",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="awards",
                        to="learning.household",
                        verbose_name="Thuộc hộ",
                    ),
                ),
                (
                    "quarter",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="learning.learningquarter",
                        verbose_name="Khu phố",
                    ),
                ),
            ],
            options={
                "verbose_name": "Khen thưởng – học bổng",
                "verbose_name_plural": "Khen thưởng – học bổng",
                "ordering": ["-awarded_on", "recipient_name"],
            },
        ),
        migrations.CreateModel(
            name="LearningSocietyPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("intro", models.TextField(blank=True, verbose_name="Lời giới thiệu")),
                (
                    "body",
                    wagtail.fields.RichTextField(
                        blank=True,
                        help_text="Ví dụ: kế hoạch năm, cách đăng ký gia đình học tập, địa chỉ trung tâm học tập cộng đồng.",
                        verbose_name="Nội dung thêm",
                    ),
                ),
                (
                    "show_fund",
                    models.BooleanField(
                        default=True,
                        help_text="Hiện trang công khai thu, chi, số dư của quỹ (Luật 10/2022/QH15, Điều 11 khoản 5).",
                        verbose_name="Công khai quỹ khuyến học",
                    ),
                ),
                (
                    "listing_image",
                    models.ForeignKey(
                        blank=True,
                        help_text="Dùng trong danh sách bài và khi chia sẻ lên mạng xã hội.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="Ảnh đại diện",
                    ),
                ),
            ],
            options={
                "verbose_name": "Trang Xã hội học tập",
                "verbose_name_plural": "Trang Xã hội học tập",
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, "wagtailcore.page"),
        ),
        migrations.CreateModel(
            name="NameConsent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "purpose",
                    models.CharField(
                        choices=[
                            (
                                "cong_khai_ten",
                                "Nêu họ tên, trường, lớp trên trang công khai quỹ khuyến học của cổng thông tin",
                            )
                        ],
                        default="cong_khai_ten",
                        max_length=30,
                        verbose_name="Đồng ý cho việc",
                    ),
                ),
                (
                    "giver",
                    models.CharField(
                        choices=[
                            ("nguoi_nhan", "Người được khen thưởng (chính em học sinh, sinh viên)"),
                            ("cha_me", "Cha, mẹ hoặc người giám hộ"),
                        ],
                        max_length=20,
                        verbose_name="Người đồng ý là",
                    ),
                ),
                ("giver_name", models.CharField(max_length=120, verbose_name="Họ tên người đồng ý")),
                ("given_on", models.DateField(verbose_name="Ngày đồng ý")),
                (
                    "evidence",
                    models.CharField(
                        help_text="Sự đồng ý phải thể hiện rõ ràng (im lặng không phải là đồng ý). Ví dụ: Phiếu đồng ý có chữ ký, lưu tại hồ sơ Hội Khuyến học phường.",
                        max_length=255,
                        verbose_name="Hình thức ghi nhận",
                    ),
                ),
                ("recorded_at", models.DateTimeField(auto_now_add=True, verbose_name="Thời điểm ghi nhận")),
                (
                    "withdrawn",
                    models.BooleanField(
                        default=False,
                        help_text="Khi lưu, tên người nhận biến mất khỏi trang công khai ngay lập tức. Không thể bỏ chọn sau đó.",
                        verbose_name="Đã rút lại đồng ý",
                    ),
                ),
                (
                    "withdrawn_at",
                    models.DateTimeField(blank=True, editable=False, null=True, verbose_name="Thời điểm rút lại"),
                ),
                (
                    "withdrawal_note",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: Phụ huynh gọi điện ngày 03/01/2026.",
                        max_length=255,
                        verbose_name="Ghi chú khi rút lại",
                    ),
                ),
                (
                    "award",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="consents",
                        to="learning.award",
                        verbose_name="Khen thưởng – học bổng",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người ghi nhận",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        help_text="Phường quản lý dữ liệu này.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learning_name_consents",
                        to="wagtailcore.site",
                        verbose_name="Phường",
                    ),
                ),
            ],
            options={
                "verbose_name": "Đồng ý công khai tên",
                "verbose_name_plural": "Đồng ý công khai tên",
                "ordering": ["-given_on", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="RecognisingBody",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "learning_model",
                    models.CharField(
                        choices=[
                            ("gia_dinh", "Gia đình học tập"),
                            ("dong_ho", "Dòng họ học tập"),
                            ("cong_dong", "Cộng đồng học tập (khu phố)"),
                            ("don_vi", "Đơn vị học tập"),
                            ("cong_dan", "Công dân học tập"),
                            ("cap_xa", "Cộng đồng học tập cấp xã"),
                        ],
                        max_length=20,
                        verbose_name="Mô hình được công nhận",
                    ),
                ),
                (
                    "level_name",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: Mức 1, Mức 2 (Cộng đồng học tập cấp xã). Để trống nếu mọi mức do cùng cơ quan công nhận.",
                        max_length=60,
                        verbose_name="Mức công nhận",
                    ),
                ),
                (
                    "body_level",
                    models.CharField(
                        choices=[
                            ("cap_xa", "Cấp xã, phường"),
                            ("cap_huyen", "Cấp huyện (đến 30/6/2025)"),
                            ("cap_tinh", "Cấp tỉnh, thành phố"),
                            ("trung_uong", "Trung ương"),
                            ("chua_ro", "Chưa xác định (chưa có trong tài liệu nghiệp vụ)"),
                        ],
                        max_length=20,
                        verbose_name="Cấp của cơ quan",
                    ),
                ),
                (
                    "issuer",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: Hội Khuyến học phường; Ủy ban nhân dân phường; Sở Giáo dục và Đào tạo. Để trống khi chưa xác định được (ghi rõ lý do ở ô Ghi chú).",
                        max_length=200,
                        verbose_name="Cơ quan công nhận",
                    ),
                ),
                ("signer_title", models.CharField(blank=True, max_length=120, verbose_name="Chức vụ người ký")),
                ("legal_basis", models.CharField(blank=True, max_length=255, verbose_name="Căn cứ")),
                (
                    "confirmed",
                    models.BooleanField(
                        default=False,
                        help_text="Chỉ đánh dấu sau khi đã đối chiếu văn bản quy định. Quyết định chỉ tự lấy cơ quan từ dòng đã xác nhận.",
                        verbose_name="Đã xác nhận căn cứ",
                    ),
                ),
                (
                    "note",
                    models.TextField(
                        blank=True, help_text="Nguồn, điều còn thiếu, điều cần kiểm tra.", verbose_name="Ghi chú"
                    ),
                ),
                ("valid_from", models.DateField(blank=True, null=True, verbose_name="Áp dụng từ ngày")),
                (
                    "valid_to",
                    models.DateField(
                        blank=True, help_text="Để trống nếu đang áp dụng.", null=True, verbose_name="Áp dụng đến ngày"
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        blank=True,
                        help_text="Để trống nếu dùng chung; dòng riêng của phường (theo hướng dẫn tỉnh, thành phố) được ưu tiên.",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.site",
                        verbose_name="Riêng cho phường",
                    ),
                ),
            ],
            options={
                "verbose_name": "Cơ quan công nhận",
                "verbose_name_plural": "Cơ quan công nhận",
                "ordering": ["learning_model", "level_name", "valid_from", "pk"],
            },
        ),
        migrations.CreateModel(
            name="RecognitionLevel",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "name",
                    models.CharField(help_text="Ví dụ: Đạt; Mức 1; Mức 2.", max_length=60, verbose_name="Tên mức"),
                ),
                (
                    "rank",
                    models.PositiveSmallIntegerField(
                        default=1, help_text="Mức cao hơn có bậc lớn hơn.", verbose_name="Bậc"
                    ),
                ),
                (
                    "min_total",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="Ngưỡng mẫu ban đầu cần kiểm tra với văn bản gốc.",
                        max_digits=7,
                        null=True,
                        verbose_name="Tổng điểm tối thiểu",
                    ),
                ),
                (
                    "min_criterion_percent",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=5,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(Decimal("0")),
                            django.core.validators.MaxValueValidator(Decimal("100")),
                        ],
                        verbose_name="Mỗi tiêu chí đạt tối thiểu (% điểm tối đa của tiêu chí)",
                    ),
                ),
                (
                    "min_indicator_points",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="Với bộ đánh giá theo mức: số của mức (1 = mọi chỉ số đạt Mức 1, 2 = mọi chỉ số đạt Mức 2).",
                        max_digits=6,
                        null=True,
                        verbose_name="Mỗi chỉ số đạt tối thiểu (điểm)",
                    ),
                ),
                (
                    "min_total_disadvantaged",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="Thay cho tổng điểm tối thiểu khi hồ sơ thuộc vùng khó khăn; để trống nếu như nhau.",
                        max_digits=7,
                        null=True,
                        verbose_name="Tổng điểm tối thiểu ở vùng khó khăn",
                    ),
                ),
                (
                    "criteria_set",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="levels", to="learning.criteriaset"
                    ),
                ),
            ],
            options={
                "verbose_name": "Mức công nhận",
                "verbose_name_plural": "Mức công nhận",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="RecognitionDecision",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "year",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(2000),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="Năm đánh giá",
                    ),
                ),
                (
                    "learning_model",
                    models.CharField(
                        choices=[
                            ("gia_dinh", "Gia đình học tập"),
                            ("dong_ho", "Dòng họ học tập"),
                            ("cong_dong", "Cộng đồng học tập (khu phố)"),
                            ("don_vi", "Đơn vị học tập"),
                            ("cong_dan", "Công dân học tập"),
                            ("cap_xa", "Cộng đồng học tập cấp xã"),
                        ],
                        max_length=20,
                        verbose_name="Mô hình",
                    ),
                ),
                (
                    "number",
                    models.CharField(help_text="Ví dụ: 125/QĐ-UBND", max_length=60, verbose_name="Số quyết định"),
                ),
                ("signed_on", models.DateField(verbose_name="Ngày ký")),
                ("signer_name", models.CharField(max_length=120, verbose_name="Người ký")),
                (
                    "signer_title",
                    models.CharField(
                        blank=True,
                        help_text="Để trống để lấy từ bảng “Cơ quan công nhận” (khi dòng đã chọn có ghi chức vụ).",
                        max_length=120,
                        verbose_name="Chức vụ người ký",
                    ),
                ),
                (
                    "issuer",
                    models.CharField(
                        blank=True,
                        help_text="Ghi đúng cơ quan có thẩm quyền theo quy định hiện hành, hoặc để trống để lấy từ bảng “Cơ quan công nhận”. Cộng đồng học tập cấp xã (Thông tư 25/2023/TT-BGDĐT) do cơ quan cấp trên công nhận, không phải Ủy ban nhân dân phường.",
                        max_length=200,
                        verbose_name="Cơ quan ban hành",
                    ),
                ),
                (
                    "outcome",
                    models.CharField(
                        choices=[("cong_nhan", "Công nhận"), ("khong_cong_nhan", "Không công nhận")],
                        default="cong_nhan",
                        help_text="Chỉ với Cộng đồng học tập cấp xã: cơ quan cấp trên có thể không công nhận hồ sơ phường đề nghị. Khi đó để trống “Mức được công nhận” và ghi lý do.",
                        max_length=20,
                        verbose_name="Kết quả",
                    ),
                ),
                (
                    "refusal_reason",
                    models.TextField(
                        blank=True,
                        help_text="Ghi theo quyết định hoặc văn bản trả lời của cơ quan cấp trên.",
                        verbose_name="Lý do không công nhận",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày nhập")),
                (
                    "document",
                    models.ForeignKey(
                        blank=True,
                        help_text="Tệp ở thư mục riêng “Hồ sơ xã hội học tập” của phường; chỉ cán bộ, lãnh đạo của phường tải được.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtaildocs.document",
                        verbose_name="Bản quyết định (tệp)",
                    ),
                ),
                (
                    "recognising_body",
                    models.ForeignKey(
                        blank=True,
                        help_text="Dòng của bảng “Cơ quan công nhận” cho mô hình này. Để trống ô “Cơ quan ban hành” thì lấy cơ quan và chức vụ người ký từ dòng đã chọn (chỉ khi dòng đó đã xác nhận căn cứ).",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="decisions",
                        to="learning.recognisingbody",
                        verbose_name="Theo bảng cơ quan công nhận",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        help_text="Phường quản lý dữ liệu này.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learning_decisions",
                        to="wagtailcore.site",
                        verbose_name="Phường",
                    ),
                ),
                (
                    "granted_level",
                    models.ForeignKey(
                        blank=True,
                        help_text="Chỉ với Cộng đồng học tập cấp xã: mức cơ quan cấp trên công nhận (có thể khác mức phường đề nghị).",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="learning.recognitionlevel",
                        verbose_name="Mức được công nhận",
                    ),
                ),
            ],
            options={
                "verbose_name": "Quyết định công nhận",
                "verbose_name_plural": "Quyết định công nhận",
                "ordering": ["-signed_on", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="Registration",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "year",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(2000),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="Năm",
                    ),
                ),
                (
                    "learning_model",
                    models.CharField(
                        choices=[
                            ("gia_dinh", "Gia đình học tập"),
                            ("dong_ho", "Dòng họ học tập"),
                            ("cong_dong", "Cộng đồng học tập (khu phố)"),
                            ("don_vi", "Đơn vị học tập"),
                            ("cong_dan", "Công dân học tập"),
                            ("cap_xa", "Cộng đồng học tập cấp xã"),
                        ],
                        max_length=20,
                        verbose_name="Mô hình",
                    ),
                ),
                (
                    "subject_name",
                    models.CharField(blank=True, editable=False, max_length=255, verbose_name="Tên đối tượng"),
                ),
                (
                    "is_public_staff",
                    models.BooleanField(default=False, editable=False, verbose_name="Cán bộ, công chức, viên chức"),
                ),
                (
                    "subject_removed",
                    models.BooleanField(default=False, editable=False, verbose_name="Đối tượng đã xóa khỏi sổ"),
                ),
                (
                    "registered_on",
                    models.DateField(default=django.utils.timezone.localdate, verbose_name="Ngày đăng ký"),
                ),
                (
                    "digital_skills",
                    models.BooleanField(
                        default=False,
                        help_text="Chỉ với Công dân học tập: hội đồng xác nhận công dân có kỹ năng số theo hướng dẫn của cấp trên (chỉ tiêu công dân học tập có kỹ năng số: 70% năm 2025, 90% năm 2030 – Quyết định 677/QĐ-TTg).",
                        verbose_name="Có kỹ năng số",
                    ),
                ),
                (
                    "disadvantaged_area",
                    models.BooleanField(
                        default=False,
                        help_text="Dùng ngưỡng điểm của vùng khó khăn nếu bộ tiêu chí có (ví dụ Công dân học tập: 70 thay cho 80).",
                        verbose_name="Thuộc vùng khó khăn",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("dang_ky", "Đã đăng ký"),
                            ("tu_danh_gia", "Đã tự đánh giá"),
                            ("khu_pho_xem_xet", "Khu phố đã xem xét"),
                            ("hoi_dong_cham", "Hội đồng đã chấm điểm"),
                            ("cong_nhan", "Được công nhận"),
                            ("khong_cong_nhan", "Không được công nhận"),
                        ],
                        default="dang_ky",
                        editable=False,
                        max_length=20,
                        verbose_name="Trạng thái",
                    ),
                ),
                (
                    "self_total",
                    models.DecimalField(
                        decimal_places=2, editable=False, max_digits=7, null=True, verbose_name="Điểm tự đánh giá"
                    ),
                ),
                (
                    "council_total",
                    models.DecimalField(
                        decimal_places=2, editable=False, max_digits=7, null=True, verbose_name="Điểm hội đồng"
                    ),
                ),
                ("level_name", models.CharField(blank=True, editable=False, max_length=60, verbose_name="Mức đạt")),
                (
                    "proposed_level_name",
                    models.CharField(blank=True, editable=False, max_length=60, verbose_name="Mức phường đề nghị"),
                ),
                (
                    "dossier_sent_on",
                    models.DateField(
                        blank=True,
                        help_text="Cộng đồng học tập cấp xã: hạn gửi hồ sơ là 28/02 năm sau năm đánh giá.",
                        null=True,
                        verbose_name="Ngày gửi hồ sơ lên cấp trên",
                    ),
                ),
                ("quarter_note", models.TextField(blank=True, editable=False, verbose_name="Ý kiến của khu phố")),
                ("council_note", models.TextField(blank=True, editable=False, verbose_name="Ý kiến của hội đồng")),
                (
                    "valid_until",
                    models.DateField(blank=True, editable=False, null=True, verbose_name="Công nhận có giá trị đến"),
                ),
                (
                    "certificate_number",
                    models.CharField(blank=True, editable=False, max_length=60, verbose_name="Số giấy công nhận"),
                ),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                (
                    "citizen",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="registrations",
                        to="learning.citizen",
                        verbose_name="Công dân",
                    ),
                ),
                (
                    "clan",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="registrations",
                        to="learning.clan",
                        verbose_name="Dòng họ",
                    ),
                ),
                (
                    "community",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="community_registrations",
                        to="learning.learningquarter",
                        verbose_name="Khu phố (Cộng đồng học tập)",
                    ),
                ),
                (
                    "criteria_set",
                    models.ForeignKey(
                        blank=True,
                        help_text="Để trống: tự chọn phiên bản có hiệu lực vào ngày đăng ký.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="registrations",
                        to="learning.criteriaset",
                        verbose_name="Bộ tiêu chí áp dụng",
                    ),
                ),
                (
                    "decision",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="registrations",
                        to="learning.recognitiondecision",
                        verbose_name="Quyết định",
                    ),
                ),
                (
                    "household",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="registrations",
                        to="learning.household",
                        verbose_name="Hộ gia đình",
                    ),
                ),
                (
                    "level",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="learning.recognitionlevel",
                        verbose_name="Mức đạt",
                    ),
                ),
                (
                    "quarter",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="registrations",
                        to="learning.learningquarter",
                        verbose_name="Khu phố",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        help_text="Phường quản lý dữ liệu này.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learning_registrations",
                        to="wagtailcore.site",
                        verbose_name="Phường",
                    ),
                ),
            ],
            options={
                "verbose_name": "Đăng ký – đánh giá",
                "verbose_name_plural": "Đăng ký – đánh giá",
                "ordering": ["-year", "learning_model", "subject_name"],
                "permissions": [
                    ("review_registration", "Khu phố xem xét hồ sơ tự đánh giá"),
                    ("score_registration", "Hội đồng phường chấm điểm"),
                    ("recognise_registration", "Ra quyết định công nhận"),
                    ("view_learning_reports", "Xem thống kê, báo cáo xã hội học tập"),
                ],
            },
        ),
        migrations.CreateModel(
            name="Evidence",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("title", models.CharField(max_length=255, verbose_name="Mô tả minh chứng")),
                (
                    "file",
                    models.FileField(
                        blank=True,
                        max_length=255,
                        storage=congphuong.learning.storage.get_private_storage,
                        upload_to=congphuong.learning.models.cycle.evidence_upload_to,
                        verbose_name="Tệp",
                    ),
                ),
                ("content_type", models.CharField(blank=True, max_length=100, verbose_name="Kiểu tệp")),
                ("size", models.PositiveIntegerField(default=0, verbose_name="Dung lượng (byte)")),
                ("uploaded_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tải lên")),
                (
                    "document",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        to="wagtaildocs.document",
                        verbose_name="Hoặc tài liệu đã có",
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "indicator",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="learning.indicator",
                        verbose_name="Cho chỉ số",
                    ),
                ),
                (
                    "registration",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="evidence", to="learning.registration"
                    ),
                ),
            ],
            options={
                "verbose_name": "Minh chứng",
                "verbose_name_plural": "Minh chứng",
                "ordering": ["indicator__sort_order", "pk"],
            },
        ),
        migrations.CreateModel(
            name="RegistrationEvent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("at", models.DateTimeField(auto_now_add=True, verbose_name="Thời điểm")),
                (
                    "from_status",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("dang_ky", "Đã đăng ký"),
                            ("tu_danh_gia", "Đã tự đánh giá"),
                            ("khu_pho_xem_xet", "Khu phố đã xem xét"),
                            ("hoi_dong_cham", "Hội đồng đã chấm điểm"),
                            ("cong_nhan", "Được công nhận"),
                            ("khong_cong_nhan", "Không được công nhận"),
                        ],
                        max_length=20,
                        verbose_name="Từ",
                    ),
                ),
                (
                    "to_status",
                    models.CharField(
                        choices=[
                            ("dang_ky", "Đã đăng ký"),
                            ("tu_danh_gia", "Đã tự đánh giá"),
                            ("khu_pho_xem_xet", "Khu phố đã xem xét"),
                            ("hoi_dong_cham", "Hội đồng đã chấm điểm"),
                            ("cong_nhan", "Được công nhận"),
                            ("khong_cong_nhan", "Không được công nhận"),
                        ],
                        max_length=20,
                        verbose_name="Sang",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                (
                    "registration",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="events", to="learning.registration"
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người thực hiện",
                    ),
                ),
            ],
            options={
                "verbose_name": "Bước xử lý hồ sơ",
                "verbose_name_plural": "Các bước xử lý hồ sơ",
                "ordering": ["at", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Score",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "self_points",
                    models.DecimalField(
                        blank=True, decimal_places=2, max_digits=6, null=True, verbose_name="Điểm tự chấm"
                    ),
                ),
                (
                    "council_points",
                    models.DecimalField(
                        blank=True, decimal_places=2, max_digits=6, null=True, verbose_name="Điểm hội đồng chấm"
                    ),
                ),
                (
                    "indicator",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="scores",
                        to="learning.indicator",
                        verbose_name="Chỉ số",
                    ),
                ),
                (
                    "registration",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="scores", to="learning.registration"
                    ),
                ),
            ],
            options={
                "verbose_name": "Điểm chỉ số",
                "verbose_name_plural": "Điểm chỉ số",
            },
        ),
        migrations.CreateModel(
            name="Target",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("gia_dinh", "Gia đình học tập (tỷ lệ hộ gia đình)"),
                            ("dong_ho", "Dòng họ học tập (tỷ lệ dòng họ)"),
                            ("cong_dong", "Cộng đồng học tập (tỷ lệ khu phố)"),
                            ("don_vi", "Đơn vị học tập (tỷ lệ đơn vị)"),
                            (
                                "cong_dan",
                                "Công dân học tập (tỷ lệ người lớn trong gia đình, cộng đồng học tập đã được công nhận)",
                            ),
                            (
                                "cong_dan_cbccvc",
                                "Công dân học tập (tỷ lệ cán bộ, người lao động trong đơn vị học tập đã được công nhận)",
                            ),
                            ("cong_dan_ky_nang_so", "Công dân học tập có kỹ năng số (tỷ lệ trên số công dân học tập)"),
                        ],
                        max_length=20,
                        verbose_name="Chỉ tiêu cho",
                    ),
                ),
                (
                    "year",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(2000),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="Đến năm",
                    ),
                ),
                (
                    "percent",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="Để trống khi chưa có số liệu chính thức (khi đó đánh dấu “Cần xác nhận”).",
                        max_digits=5,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(Decimal("0")),
                            django.core.validators.MaxValueValidator(Decimal("100")),
                        ],
                        verbose_name="Tỷ lệ phải đạt (%)",
                    ),
                ),
                (
                    "legal_basis",
                    models.CharField(
                        help_text="Ví dụ: Quyết định 387/QĐ-TTg năm 2022", max_length=255, verbose_name="Căn cứ"
                    ),
                ),
                (
                    "needs_confirmation",
                    models.BooleanField(
                        default=False,
                        help_text="Chỉ tiêu chưa đối chiếu với văn bản gốc: bảng thống kê ghi rõ “cần xác nhận”. Bỏ chọn sau khi đã nhập đúng tỷ lệ theo văn bản.",
                        verbose_name="Cần xác nhận",
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=255, verbose_name="Ghi chú")),
                (
                    "province",
                    models.CharField(
                        blank=True,
                        help_text="Chỉ tiêu theo kế hoạch của tỉnh, thành phố (ví dụ: Thành phố Hồ Chí Minh), ghi đúng như ô “Đơn vị cấp trên” trong Cài đặt phường. Để trống nếu là chỉ tiêu toàn quốc hoặc riêng của phường.",
                        max_length=120,
                        verbose_name="Riêng cho tỉnh, thành phố",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        blank=True,
                        help_text="Để trống nếu là chỉ tiêu chung; chỉ tiêu riêng của phường được ưu tiên.",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.site",
                        verbose_name="Riêng cho phường",
                    ),
                ),
            ],
            options={
                "verbose_name": "Chỉ tiêu",
                "verbose_name_plural": "Chỉ tiêu",
                "ordering": ["year", "kind"],
            },
        ),
        migrations.CreateModel(
            name="Unit",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=200, verbose_name="Tên đơn vị")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("truong_hoc", "Trường học"),
                            ("co_quan", "Cơ quan nhà nước"),
                            ("doanh_nghiep", "Doanh nghiệp"),
                            ("to_chuc", "Tổ chức, đoàn thể khác"),
                        ],
                        max_length=20,
                        verbose_name="Loại đơn vị",
                    ),
                ),
                ("address", models.CharField(blank=True, max_length=255, verbose_name="Địa chỉ")),
                ("staff_count", models.PositiveIntegerField(default=0, verbose_name="Số cán bộ, nhân viên")),
                (
                    "is_public",
                    models.BooleanField(
                        default=False,
                        help_text="Cơ quan nhà nước, trường công lập: người làm việc là công chức, viên chức.",
                        verbose_name="Đơn vị công lập",
                    ),
                ),
                ("active", models.BooleanField(default=True, verbose_name="Còn hoạt động")),
                (
                    "quarter",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="units",
                        to="learning.learningquarter",
                        verbose_name="Khu phố",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        help_text="Phường quản lý dữ liệu này.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learning_units",
                        to="wagtailcore.site",
                        verbose_name="Phường",
                    ),
                ),
            ],
            options={
                "verbose_name": "Đơn vị",
                "verbose_name_plural": "Đơn vị (trường, cơ quan, doanh nghiệp)",
                "ordering": ["kind", "name"],
            },
        ),
        migrations.AddField(
            model_name="registration",
            name="unit",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="registrations",
                to="learning.unit",
                verbose_name="Đơn vị",
            ),
        ),
        migrations.AddField(
            model_name="citizen",
            name="unit",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="citizens",
                to="learning.unit",
                verbose_name="Nơi làm việc",
            ),
        ),
        migrations.CreateModel(
            name="WardAssignment",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "note",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: Phó Chủ tịch Hội Khuyến học phường",
                        max_length=200,
                        verbose_name="Ghi chú",
                    ),
                ),
                ("assigned_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày phân công")),
                (
                    "assigned_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người phân công",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        help_text="Tài khoản chỉ xem và sửa dữ liệu xã hội học tập của phường này.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learning_assignments",
                        to="wagtailcore.site",
                        verbose_name="Phường",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learning_assignments",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Tài khoản",
                    ),
                ),
            ],
            options={
                "verbose_name": "Phân công phường",
                "verbose_name_plural": "Phân công phường",
                "ordering": ["site", "user__username"],
            },
        ),
        migrations.CreateModel(
            name="WardFileCollection",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "collection",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learning_ward",
                        to="wagtailcore.collection",
                        verbose_name="Thư mục",
                    ),
                ),
                (
                    "site",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learning_files",
                        to="wagtailcore.site",
                        verbose_name="Phường",
                    ),
                ),
            ],
            options={
                "verbose_name": "Thư mục hồ sơ xã hội học tập của phường",
                "verbose_name_plural": "Thư mục hồ sơ xã hội học tập của phường",
            },
        ),
        migrations.CreateModel(
            name="FundClosing",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "closed_through",
                    models.DateField(
                        help_text="Thường là ngày cuối tháng, quý hoặc năm đã đối chiếu xong.",
                        verbose_name="Khóa sổ đến hết ngày",
                    ),
                ),
                (
                    "note",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: Đã đối chiếu sổ quỹ năm 2025",
                        max_length=255,
                        verbose_name="Ghi chú",
                    ),
                ),
                ("closed_at", models.DateTimeField(auto_now_add=True, verbose_name="Thời điểm khóa sổ")),
                (
                    "closed_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người khóa sổ",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        help_text="Phường quản lý dữ liệu này.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learning_fund_closings",
                        to="wagtailcore.site",
                        verbose_name="Phường",
                    ),
                ),
            ],
            options={
                "verbose_name": "Khóa sổ quỹ",
                "verbose_name_plural": "Khóa sổ quỹ",
                "ordering": ["-closed_through"],
                "constraints": [
                    models.UniqueConstraint(fields=("site", "closed_through"), name="learning_unique_fund_closing")
                ],
            },
        ),
        migrations.AddConstraint(
            model_name="fundexpense",
            constraint=models.UniqueConstraint(
                fields=("site", "voucher_number"), name="learning_unique_expense_voucher"
            ),
        ),
        migrations.AddConstraint(
            model_name="fundreceipt",
            constraint=models.UniqueConstraint(
                fields=("site", "voucher_number"), name="learning_unique_receipt_voucher"
            ),
        ),
        migrations.AddConstraint(
            model_name="learningquarter",
            constraint=models.UniqueConstraint(fields=("site", "name"), name="learning_unique_quarter_name"),
        ),
        migrations.AddConstraint(
            model_name="household",
            constraint=models.UniqueConstraint(
                condition=models.Q(("code", ""), _negated=True),
                fields=("site", "code"),
                name="learning_unique_household_code",
            ),
        ),
        migrations.AddConstraint(
            model_name="recognitiondecision",
            constraint=models.UniqueConstraint(fields=("site", "number"), name="learning_unique_decision_number"),
        ),
        migrations.AddConstraint(
            model_name="score",
            constraint=models.UniqueConstraint(fields=("registration", "indicator"), name="learning_unique_score"),
        ),
        migrations.AddConstraint(
            model_name="target",
            constraint=models.UniqueConstraint(fields=("site", "kind", "year"), name="learning_unique_target"),
        ),
        migrations.AddConstraint(
            model_name="target",
            constraint=models.UniqueConstraint(
                condition=models.Q(("site__isnull", True)),
                fields=("kind", "year", "province"),
                name="learning_unique_shared_target",
            ),
        ),
        migrations.AddIndex(
            model_name="registration",
            index=models.Index(
                fields=["site", "year", "learning_model", "status"], name="learning_re_site_id_882134_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="wardassignment",
            constraint=models.UniqueConstraint(fields=("user", "site"), name="learning_unique_ward_assignment"),
        ),
        migrations.RunPython(seed, unseed),
    ]
