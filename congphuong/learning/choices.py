"""Choice lists of the learning-society module (stored codes are ASCII, labels Vietnamese)."""

from django.db import models


class LearningModel(models.TextChoices):
    """The recognised models ("mô hình học tập") of the programme."""

    FAMILY = "gia_dinh", "Gia đình học tập"
    CLAN = "dong_ho", "Dòng họ học tập"
    COMMUNITY = "cong_dong", "Cộng đồng học tập (khu phố)"
    UNIT = "don_vi", "Đơn vị học tập"
    CITIZEN = "cong_dan", "Công dân học tập"
    WARD = "cap_xa", "Cộng đồng học tập cấp xã"


# The figures a target can be set for: the models, plus the Công dân học tập targets of QĐ 677/QĐ-TTg
# (staff and workers of learning units; digital skills). The stored code of the staff target is kept.
CITIZEN_STAFF = "cong_dan_cbccvc"
CITIZEN_DIGITAL = "cong_dan_ky_nang_so"


class TargetKind(models.TextChoices):
    FAMILY = LearningModel.FAMILY.value, "Gia đình học tập (tỷ lệ hộ gia đình)"
    CLAN = LearningModel.CLAN.value, "Dòng họ học tập (tỷ lệ dòng họ)"
    COMMUNITY = LearningModel.COMMUNITY.value, "Cộng đồng học tập (tỷ lệ khu phố)"
    UNIT = LearningModel.UNIT.value, "Đơn vị học tập (tỷ lệ đơn vị)"
    CITIZEN = (
        LearningModel.CITIZEN.value,
        "Công dân học tập (tỷ lệ người lớn trong gia đình, cộng đồng học tập đã được công nhận)",
    )
    CITIZEN_STAFF = (
        CITIZEN_STAFF,
        "Công dân học tập (tỷ lệ cán bộ, người lao động trong đơn vị học tập đã được công nhận)",
    )
    CITIZEN_DIGITAL = CITIZEN_DIGITAL, "Công dân học tập có kỹ năng số (tỷ lệ trên số công dân học tập)"


class Sex(models.TextChoices):
    MALE = "nam", "Nam"
    FEMALE = "nu", "Nữ"


class SchoolingStatus(models.TextChoices):
    PRESCHOOL_AGE = "chua_di_hoc", "Chưa đến tuổi đi học"
    KINDERGARTEN = "mam_non", "Mầm non"
    PRIMARY = "tieu_hoc", "Tiểu học"
    LOWER_SECONDARY = "thcs", "Trung học cơ sở"
    UPPER_SECONDARY = "thpt", "Trung học phổ thông"
    VOCATIONAL = "nghe_nghiep", "Giáo dục nghề nghiệp (trung cấp, cao đẳng)"
    UNIVERSITY = "dai_hoc", "Đại học, sau đại học"
    CONTINUING = "thuong_xuyen", "Giáo dục thường xuyên, xóa mù chữ"
    FINISHED = "da_hoc_xong", "Không còn đi học (đã học xong)"
    DROPPED_OUT = "bo_hoc", "Bỏ học giữa chừng"

    @classmethod
    def in_school(cls):
        return [
            cls.KINDERGARTEN,
            cls.PRIMARY,
            cls.LOWER_SECONDARY,
            cls.UPPER_SECONDARY,
            cls.VOCATIONAL,
            cls.UNIVERSITY,
            cls.CONTINUING,
        ]


class OccupationGroup(models.TextChoices):
    CHILD = "tre_em", "Trẻ em chưa đến tuổi lao động"
    PUPIL = "hoc_sinh", "Học sinh, sinh viên"
    PUBLIC_STAFF = "can_bo", "Cán bộ, công chức, viên chức"
    ARMED_FORCES = "vu_trang", "Lực lượng vũ trang"
    WORKER = "cong_nhan", "Công nhân, người lao động trong doanh nghiệp"
    BUSINESS = "kinh_doanh", "Kinh doanh, buôn bán"
    FREELANCE = "tu_do", "Lao động tự do"
    HOMEMAKER = "noi_tro", "Nội trợ"
    RETIRED = "huu_tri", "Hưu trí"
    OTHER = "khac", "Khác"


class UnitKind(models.TextChoices):
    SCHOOL = "truong_hoc", "Trường học"
    AGENCY = "co_quan", "Cơ quan nhà nước"
    ENTERPRISE = "doanh_nghiep", "Doanh nghiệp"
    ORGANISATION = "to_chuc", "Tổ chức, đoàn thể khác"


class Status(models.TextChoices):
    """The yearly cycle of one registration."""

    REGISTERED = "dang_ky", "Đã đăng ký"
    SELF_ASSESSED = "tu_danh_gia", "Đã tự đánh giá"
    QUARTER_REVIEWED = "khu_pho_xem_xet", "Khu phố đã xem xét"
    SCORED = "hoi_dong_cham", "Hội đồng đã chấm điểm"
    RECOGNISED = "cong_nhan", "Được công nhận"
    NOT_RECOGNISED = "khong_cong_nhan", "Không được công nhận"


class DecisionOutcome(models.TextChoices):
    """What the higher body decided on the ward's TT 25/2023 dossier (other models: always "recognised")."""

    RECOGNISED = "cong_nhan", "Công nhận"
    REFUSED = "khong_cong_nhan", "Không công nhận"


class ReceiptKind(models.TextChoices):
    CASH = "tien_mat", "Tiền mặt, chuyển khoản"
    IN_KIND = "hien_vat", "Hiện vật (ghi giá trị ước tính)"


class ReceiptSource(models.TextChoices):
    MEMBERS = "hoi_vien", "Hội viên đóng góp"
    DONORS = "nha_hao_tam", "Nhà hảo tâm, doanh nghiệp"
    PIGGY_BANK = "heo_dat", "Heo đất khuyến học"
    HIGHER_LEVEL = "cap_tren", "Hội Khuyến học cấp trên hỗ trợ"
    STATE = "ngan_sach", "Ngân sách nhà nước hỗ trợ"
    OTHER = "khac", "Nguồn khác"


class FundPurpose(models.TextChoices):
    GENERAL = "chung", "Quỹ chung"
    SCHOLARSHIP = "hoc_bong", "Học bổng"
    AWARDS = "khen_thuong", "Khen thưởng"
    LEARNING_CENTRE = "ttht", "Trung tâm học tập cộng đồng"


class ExpenseCategory(models.TextChoices):
    SCHOLARSHIP = "hoc_bong", "Học bổng"
    GOOD_PUPILS = "hoc_sinh_gioi", "Khen thưởng học sinh giỏi"
    NEW_STUDENTS = "tan_sinh_vien", "Khen thưởng tân sinh viên"
    LEARNING_CENTRE = "ttht", "Hỗ trợ trung tâm học tập cộng đồng"
    ACTIVITIES = "hoat_dong", "Chi hoạt động phong trào"
    OTHER = "khac", "Chi khác"


class AwardCategory(models.TextChoices):
    HARDSHIP_SCHOLARSHIP = "hoc_bong_vuot_kho", "Học bổng học sinh vượt khó"
    GOOD_PUPIL = "hoc_sinh_gioi", "Học sinh giỏi"
    PRIZE = "dat_giai", "Học sinh đạt giải các kỳ thi"
    NEW_STUDENT = "tan_sinh_vien", "Tân sinh viên"
    OTHER = "khac", "Khác"

    @classmethod
    def nameable(cls):
        """Merit awards: a recipient's name may be published (with consent). A hardship scholarship
        or "Khác" (which may hold a social category) never names anyone publicly."""
        return [cls.GOOD_PUPIL, cls.PRIZE, cls.NEW_STUDENT]


class DonorKind(models.TextChoices):
    PERSON = "ca_nhan", "Cá nhân"
    BUSINESS = "doanh_nghiep", "Doanh nghiệp"
    ORGANISATION = "to_chuc", "Cơ quan, tổ chức"
    MEMBER_GROUP = "chi_hoi", "Chi hội khuyến học"


class ConsentGiver(models.TextChoices):
    SUBJECT = "nguoi_nhan", "Người được khen thưởng (chính em học sinh, sinh viên)"
    PARENT = "cha_me", "Cha, mẹ hoặc người giám hộ"


class ConsentPurpose(models.TextChoices):
    PUBLISH_NAME = "cong_khai_ten", "Nêu họ tên, trường, lớp trên trang công khai quỹ khuyến học của cổng thông tin"


class RetentionKind(models.TextChoices):
    """Kinds of personal record the module keeps, each with its own retention period (privacy.py)."""

    HOUSEHOLD = "ho_gia_dinh", "Hộ gia đình đã chuyển đi / xóa khỏi sổ (và thành viên)"
    CITIZEN = "cong_dan", "Công dân học tập"
    REGISTRATION = "dang_ky", "Đăng ký, tự đánh giá, minh chứng"
    AWARD = "khen_thuong", "Người nhận khen thưởng – học bổng"
    CONSENT = "dong_y", "Đồng ý công khai tên"
    DONOR = "nha_hao_tam", "Nhà hảo tâm là cá nhân"
    EXPORT_LOG = "nhat_ky_xuat", "Nhật ký xuất dữ liệu"


class CriteriaStatus(models.TextChoices):
    OFFICIAL = "chinh_thuc", "Dùng để công nhận"
    DRAFT = "du_thao", "Dự thảo – chưa dùng để công nhận"


class Assessment(models.TextChoices):
    POINTS = "cham_diem", "Chấm điểm"
    MET = "dat_chua_dat", "Đạt / chưa đạt từng chỉ số theo mức (không chấm điểm)"


class BodyLevel(models.TextChoices):
    """The level of the body that recognises a model (RecognisingBody)."""

    WARD = "cap_xa", "Cấp xã, phường"
    DISTRICT = "cap_huyen", "Cấp huyện (đến 30/6/2025)"
    PROVINCE = "cap_tinh", "Cấp tỉnh, thành phố"
    NATIONAL = "trung_uong", "Trung ương"
    UNKNOWN = "chua_ro", "Chưa xác định (chưa có trong tài liệu nghiệp vụ)"
