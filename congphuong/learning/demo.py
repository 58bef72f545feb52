"""Demo data for one ward: khu phố, households, clans, units, citizens, a full yearly cycle
for last year and one in progress this year, two years of the fund, awards, the public page.

Every name here is invented. ``build_demo(home, site)`` is idempotent: once the ward has
households it only makes sure the page, the roles and the seed criteria are there.
"""

import datetime
import random
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from . import seed
from .choices import (
    CITIZEN_DIGITAL,
    AwardCategory,
    BodyLevel,
    DonorKind,
    ExpenseCategory,
    FundPurpose,
    LearningModel,
    OccupationGroup,
    ReceiptKind,
    ReceiptSource,
    SchoolingStatus,
    Sex,
    Status,
    UnitKind,
)
from .models import (
    Award,
    Citizen,
    Clan,
    CriteriaSet,
    Donor,
    Evidence,
    FundClosing,
    FundExpense,
    FundOpening,
    FundReceipt,
    Household,
    HouseholdMember,
    LearningQuarter,
    LearningSocietyPage,
    NameConsent,
    RecognisingBody,
    RecognitionDecision,
    Registration,
    RegistrationEvent,
    Score,
    Target,
    Unit,
    WardAssignment,
)
from .roles import ensure_learning_roles
from .scoring import evaluate
from .workflow import QUARTER_REVIEW_MODELS, recognise

QUARTERS = [f"Khu phố {n}" for n in range(1, 9)]
STREETS = ["Lê Văn Sỹ", "Nguyễn Trọng Tuyển", "Hoàng Văn Thụ", "Phạm Văn Hai", "Bùi Thị Xuân", "Cách Mạng Tháng Tám"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE_MALE = ["Văn", "Minh", "Quốc", "Hữu", "Đức", "Thanh", "Công"]
MIDDLE_FEMALE = ["Thị", "Ngọc", "Thu", "Kim", "Mỹ", "Thanh", "Bích"]
GIVEN_MALE = [
    "An",
    "Bảo",
    "Cường",
    "Dũng",
    "Hải",
    "Hùng",
    "Khang",
    "Lộc",
    "Nam",
    "Phúc",
    "Quang",
    "Sơn",
    "Tài",
    "Thắng",
    "Trí",
    "Vinh",
]
GIVEN_FEMALE = [
    "Anh",
    "Châu",
    "Diễm",
    "Giang",
    "Hạnh",
    "Hoa",
    "Lan",
    "Linh",
    "Mai",
    "Nga",
    "Oanh",
    "Phương",
    "Thảo",
    "Trang",
    "Uyên",
    "Yến",
]
CLANS = [
    ("Họ Nguyễn Văn (chi khu phố 2)", 1, 14),
    ("Họ Trần Đức", 3, 9),
    ("Họ Lê Hữu", 4, 11),
    ("Họ Phạm Minh", 6, 7),
    ("Họ Huỳnh Công", 8, 12),
]
UNITS = [
    ("Trường Mầm non Hoa Sen", UnitKind.SCHOOL, True, 28, 2),
    ("Trường Tiểu học Bình Minh", UnitKind.SCHOOL, True, 46, 3),
    ("Trường THCS Trần Quang Khải", UnitKind.SCHOOL, True, 58, 5),
    ("Ủy ban nhân dân phường", UnitKind.AGENCY, True, 64, 1),
    ("Trạm Y tế phường", UnitKind.AGENCY, True, 12, 1),
    ("Công ty TNHH May mặc Phú Thịnh", UnitKind.ENTERPRISE, False, 85, 7),
]
SCHOOLS = [
    ("Trường Tiểu học Bình Minh", ["Lớp 3", "Lớp 4", "Lớp 5"]),
    ("Trường THCS Trần Quang Khải", ["Lớp 6", "Lớp 7", "Lớp 8", "Lớp 9"]),
    ("Trường THPT Nguyễn Thượng Hiền", ["Lớp 10", "Lớp 11", "Lớp 12"]),
    ("Trường THCS Ngô Sĩ Liên", ["Lớp 7", "Lớp 9"]),
]
UNIVERSITIES = ["Trường Đại học Bách khoa", "Trường Đại học Sư phạm", "Trường Đại học Y Dược", "Trường Đại học Kinh tế"]


def _name(rng, sex):
    if sex == Sex.MALE:
        return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_MALE)} {rng.choice(GIVEN_MALE)}"
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_FEMALE)} {rng.choice(GIVEN_FEMALE)}"


def _schooling(age, rng):
    if age < 3:
        return SchoolingStatus.PRESCHOOL_AGE, OccupationGroup.CHILD
    if age < 6:
        return SchoolingStatus.KINDERGARTEN, OccupationGroup.CHILD
    if age < 11:
        return SchoolingStatus.PRIMARY, OccupationGroup.PUPIL
    if age < 15:
        return SchoolingStatus.LOWER_SECONDARY, OccupationGroup.PUPIL
    if age < 18:
        return SchoolingStatus.UPPER_SECONDARY, OccupationGroup.PUPIL
    if age < 23 and rng.random() < 0.6:
        return rng.choice([SchoolingStatus.UNIVERSITY, SchoolingStatus.VOCATIONAL]), OccupationGroup.PUPIL
    if age >= 62:
        return SchoolingStatus.FINISHED, OccupationGroup.RETIRED
    occupation = rng.choice(
        [
            OccupationGroup.BUSINESS,
            OccupationGroup.WORKER,
            OccupationGroup.FREELANCE,
            OccupationGroup.PUBLIC_STAFF,
            OccupationGroup.HOMEMAKER,
            OccupationGroup.WORKER,
        ]
    )
    schooling = SchoolingStatus.CONTINUING if rng.random() < 0.05 else SchoolingStatus.FINISHED
    return schooling, occupation


def _page(home):
    page = LearningSocietyPage.objects.child_of(home).first()
    if page is not None:
        return page
    page = LearningSocietyPage(
        title="Xã hội học tập",
        slug="xa-hoi-hoc-tap",
        show_in_menus=True,
        intro=(
            "Kết quả xây dựng gia đình học tập, dòng họ học tập, cộng đồng học tập, đơn vị học tập và công dân "
            "học tập trên địa bàn phường; công khai thu, chi quỹ khuyến học."
        ),
        body=(
            "<h2>Đăng ký gia đình học tập</h2><p>Hằng năm từ tháng 1 đến tháng 3, các hộ đăng ký với ban điều hành "
            "khu phố. Cuối năm, gia đình tự đánh giá theo bộ tiêu chí, khu phố xem xét và hội đồng phường chấm "
            "điểm trước khi Ủy ban nhân dân phường ra quyết định công nhận.</p>"
            "<h2>Trung tâm học tập cộng đồng</h2><p>Mở cửa các buổi tối thứ Hai, thứ Tư, thứ Sáu tại nhà văn hóa "
            "phường: lớp tin học cơ bản, sử dụng dịch vụ công trực tuyến, sinh hoạt chuyên đề pháp luật.</p>"
        ),
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def _criteria(model, day, site):
    """The set in force, as a registration picks it; where the only set has expired (QĐ 448/QĐ-KHVN, 2016–2020)
    the demo assesses against it on purpose, as an officer may while the replacement is awaited (those dossiers
    are provisional and never recognised). Công dân học tập: the first group's set, chosen explicitly."""
    criteria_set = CriteriaSet.objects.applicable(model, day, site) or CriteriaSet.objects.latest_expired(
        model, day, site
    )
    if criteria_set is None:
        raise RuntimeError(f"Thiếu bộ tiêu chí {model}")
    return criteria_set


def _points(rng, indicators, strength):
    """Plausible points: each indicator at `strength` of its maximum, give or take."""
    points = {}
    for indicator in indicators:
        ratio = min(1.0, max(0.0, rng.gauss(strength, 0.12)))
        step = 1 if indicator.max_points <= 5 else 2  # whole points on small scales (TT 25: 0, 1, 2)
        raw = Decimal(str(round(float(indicator.max_points) * ratio * step) / step))
        points[indicator.pk] = min(raw, indicator.max_points)
    return points


def _tiny_pdf(title):
    # A one-page placeholder (ASCII only) standing in for a scanned evidence document.
    body = f"BT /F1 12 Tf 50 750 Td (Minh chung mau: {title}) Tj ET".encode("ascii", "replace")
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
        b"/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
        + f"4 0 obj<</Length {len(body)}>>stream\n".encode()
        + body
        + b"\nendstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
        + b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )


class _Cycle:
    """Moves demo registrations through the cycle with plausible points, in bulk."""

    def __init__(self, rng, site, year):
        self.rng, self.site, self.year = rng, site, year
        self.scores, self.events = [], []
        # Read once per cycle, not per registration: hundreds share the same few criteria sets.
        self.criteria_sets: dict[tuple, CriteriaSet] = {}
        self.indicators: dict[int, list] = {}

    def register(self, model, day, strength, stage, **subject):
        if (model, day) not in self.criteria_sets:
            self.criteria_sets[model, day] = _criteria(model, day, self.site)
        criteria_set = self.criteria_sets[model, day]
        registration = Registration(
            site=self.site,
            year=self.year,
            learning_model=model,
            criteria_set=criteria_set,
            registered_on=day,
            **subject,
        )
        registration.save()
        registration._strength = strength
        registration._target_stage = stage
        return registration

    def advance(self, registration, reviewed_on, scored_on):
        stage = registration._target_stage
        if stage == Status.REGISTERED:
            return
        criteria_set = registration.criteria_set
        if criteria_set.pk not in self.indicators:
            self.indicators[criteria_set.pk] = list(criteria_set.indicators())
        self_points = _points(self.rng, self.indicators[criteria_set.pk], registration._strength + 0.03)
        council_points = {
            key: max(Decimal(0), value - Decimal(self.rng.choice([0, 0, 0, 1]))) for key, value in self_points.items()
        }
        for indicator_id, value in self_points.items():
            self.scores.append(
                Score(
                    registration=registration,
                    indicator_id=indicator_id,
                    self_points=value,
                    council_points=council_points[indicator_id]
                    if stage in (Status.SCORED, Status.RECOGNISED)
                    else None,
                )
            )
        registration.self_total = sum(self_points.values())
        steps = [(Status.REGISTERED, Status.SELF_ASSESSED, reviewed_on - datetime.timedelta(days=10), "")]
        if registration.learning_model in QUARTER_REVIEW_MODELS and stage != Status.SELF_ASSESSED:
            steps.append(
                (Status.SELF_ASSESSED, Status.QUARTER_REVIEWED, reviewed_on, "Ban điều hành khu phố xác nhận.")
            )
        if stage in (Status.SCORED, Status.RECOGNISED):
            evaluation = evaluate(criteria_set, council_points)
            registration.council_total = evaluation.total
            registration.level = evaluation.level
            registration.level_name = evaluation.level.name if evaluation.level else ""
            steps.append((steps[-1][1], Status.SCORED, scored_on, "Hội đồng phường chấm điểm."))
        registration.status = steps[-1][1]
        registration.save()
        for from_status, to_status, day, note in steps:
            event = RegistrationEvent(
                registration=registration, from_status=from_status, to_status=to_status, note=note
            )
            event._day = day
            self.events.append(event)

    def flush(self):
        Score.objects.bulk_create(self.scores)
        for event in RegistrationEvent.objects.bulk_create(self.events):
            moment = timezone.make_aware(datetime.datetime.combine(event._day, datetime.time(9, 0)))
            RegistrationEvent.objects.filter(pk=event.pk).update(at=moment)
        self.scores, self.events = [], []


def _decide(site, year, model, number, signed_on, signer, title, issuer="Ủy ban nhân dân phường", granted=None):
    # A draft criteria set (text not found) cannot ground a decision: those dossiers wait, scored.
    scored_sets = CriteriaSet.objects.filter(
        registrations__site=site, registrations__year=year, registrations__learning_model=model
    ).distinct()
    if any(criteria_set.is_draft for criteria_set in scored_sets):
        return None
    decision, _ = RecognitionDecision.objects.get_or_create(
        site=site,
        number=number,
        defaults={
            "year": year,
            "learning_model": model,
            "signed_on": signed_on,
            "signer_name": signer,
            "signer_title": title,
            "issuer": issuer,
            "granted_level": granted,
        },
    )
    scored = Registration.objects.filter(
        site=site, year=year, learning_model=model, status=Status.SCORED
    ).select_related("criteria_set")
    recognised, not_recognised = recognise(decision, scored, None)
    moment = timezone.make_aware(datetime.datetime.combine(signed_on, datetime.time(15, 0)))
    RegistrationEvent.objects.filter(
        registration__in=recognised + not_recognised, to_status__in=[Status.RECOGNISED, Status.NOT_RECOGNISED]
    ).update(at=moment)
    return decision


def _registry(rng, site, today):
    quarters = []
    organisation_households = {}
    try:
        from django.apps import apps

        if apps.is_installed("congphuong.organisation"):
            Quarter = apps.get_model("organisation", "Quarter")
            organisation_households = dict(Quarter.objects.filter(site=site).values_list("name", "households"))
    except LookupError:
        organisation_households = {}
    for order, name in enumerate(QUARTERS):
        quarter, _ = LearningQuarter.objects.get_or_create(site=site, name=name, defaults={"sort_order": order + 1})
        if organisation_households.get(name) and not quarter.households_total:
            quarter.households_total = organisation_households[name]
            quarter.save(update_fields=["households_total"])
        quarters.append(quarter)

    households, members = [], []
    for index in range(120):
        quarter = quarters[index % len(quarters)]
        head_sex = Sex.MALE if rng.random() < 0.62 else Sex.FEMALE
        household = Household(
            site=site,
            code=f"KP{quarter.sort_order}-{index // len(quarters) + 1:03d}",
            quarter=quarter,
            head_name=_name(rng, head_sex),
            address=f"{rng.randint(2, 480)}/{rng.randint(1, 60)} đường {rng.choice(STREETS)}",
        )
        household.save()
        households.append(household)
        head_age = rng.randint(30, 72)
        people = [(head_age, head_sex, True)]
        if rng.random() < 0.85:
            people.append((head_age + rng.randint(-6, 4), Sex.FEMALE if head_sex == Sex.MALE else Sex.MALE, False))
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
            people.append((max(0, head_age - rng.randint(22, 34)), rng.choice([Sex.MALE, Sex.FEMALE]), False))
        if rng.random() < 0.2:
            people.append((head_age + rng.randint(22, 30), rng.choice([Sex.MALE, Sex.FEMALE]), False))
        for age, sex, is_head in people:
            schooling, occupation = _schooling(age, rng)
            members.append(
                HouseholdMember(
                    household=household,
                    birth_year=today.year - age,
                    sex=sex,
                    schooling=schooling,
                    occupation=occupation,
                    is_head=is_head,
                )
            )
    HouseholdMember.objects.bulk_create(members)

    clans = [
        Clan.objects.create(
            site=site, name=name, representative=_name(rng, Sex.MALE), quarter=quarters[q - 1], households_count=n
        )
        for name, q, n in CLANS
    ]
    units = [
        Unit.objects.create(
            site=site,
            name=name,
            kind=kind,
            is_public=public,
            staff_count=staff,
            quarter=quarters[q - 1],
            address=f"{rng.randint(10, 300)} đường {rng.choice(STREETS)}",
        )
        for name, kind, public, staff, q in UNITS
    ]
    citizens = []
    for index in range(40):
        sex = rng.choice([Sex.MALE, Sex.FEMALE])
        household = households[(index * 3) % len(households)]
        staff = index % 4 == 0
        citizens.append(
            Citizen.objects.create(
                site=site,
                full_name=_name(rng, sex),
                birth_year=today.year - rng.randint(19, 66),
                sex=sex,
                quarter=household.quarter,
                household=household if index % 2 else None,
                is_public_staff=staff,
                unit=units[3] if staff else None,
            )
        )
    return quarters, households, clans, units, citizens


def _cycles(rng, site, today, quarters, households, clans, units, citizens):
    last = today.year - 1
    cycle = _Cycle(rng, site, last)
    registered_on = datetime.date(last, 2, 20)
    regs = []
    for index, household in enumerate(households[:100]):
        regs.append(
            cycle.register(
                LearningModel.FAMILY, registered_on, 0.88 if index % 7 else 0.62, Status.RECOGNISED, household=household
            )
        )
    for clan in clans:
        regs.append(cycle.register(LearningModel.CLAN, registered_on, 0.86, Status.RECOGNISED, clan=clan))
    for index, quarter in enumerate(quarters):
        regs.append(
            cycle.register(
                LearningModel.COMMUNITY, registered_on, 0.9 if index % 3 else 0.7, Status.RECOGNISED, community=quarter
            )
        )
    for unit in units:
        regs.append(cycle.register(LearningModel.UNIT, registered_on, 0.9, Status.RECOGNISED, unit=unit))
    for index, citizen in enumerate(citizens[:32]):
        regs.append(
            cycle.register(
                LearningModel.CITIZEN, registered_on, 0.86 if index % 5 else 0.6, Status.RECOGNISED, citizen=citizen
            )
        )
    for registration in regs:
        cycle.advance(registration, datetime.date(last, 11, 5), datetime.date(last, 11, 18))
    cycle.flush()
    # The ward's chairman as Lãnh đạo names them (organisation.Leader), not a name of the demo's own.
    from congphuong.organisation.models import leader_holding

    chairman = leader_holding(site, "Chủ tịch Ủy ban nhân dân")
    signer = chairman.full_name if chairman is not None else "Nguyễn Thành Long"
    _decide(
        site,
        last,
        LearningModel.FAMILY,
        f"412/QĐ-UBND-{last}",
        datetime.date(last, 11, 25),
        signer,
        "Chủ tịch UBND phường",
    )
    _decide(
        site,
        last,
        LearningModel.CLAN,
        f"413/QĐ-UBND-{last}",
        datetime.date(last, 11, 25),
        signer,
        "Chủ tịch UBND phường",
    )
    _decide(
        site,
        last,
        LearningModel.COMMUNITY,
        f"414/QĐ-UBND-{last}",
        datetime.date(last, 11, 25),
        signer,
        "Chủ tịch UBND phường",
    )
    _decide(
        site,
        last,
        LearningModel.UNIT,
        f"415/QĐ-UBND-{last}",
        datetime.date(last, 11, 26),
        signer,
        "Chủ tịch UBND phường",
    )
    _decide(
        site,
        last,
        LearningModel.CITIZEN,
        f"416/QĐ-UBND-{last}",
        datetime.date(last, 11, 26),
        signer,
        "Chủ tịch UBND phường",
    )

    # The ward's own TT 25 dossier for last year: self-assessed with evidence, scored, recognised in March.
    ward_cycle = _Cycle(rng, site, last)
    ward = ward_cycle.register(LearningModel.WARD, datetime.date(last, 1, 15), 0.97, Status.RECOGNISED)
    for indicator in ward.criteria_set.indicators().filter(evidence_required=True):
        item = Evidence(
            registration=ward,
            indicator=indicator,
            title=f"Minh chứng chỉ tiêu {indicator.code}",
            content_type="application/pdf",
        )
        content = _tiny_pdf(indicator.code)
        item.size = len(content)
        item.file.save(f"minh-chung-{indicator.code}.pdf", ContentFile(content), save=False)
        item.save()
    ward_cycle.advance(ward, datetime.date(last + 1, 2, 10), datetime.date(last + 1, 2, 20))
    ward_cycle.flush()
    # The ward's meeting proposes the council's level and sends the dossier up before 28/02; the
    # level above grants Mức 1 whatever was proposed (the decision's level is the one that counts).
    ward.refresh_from_db()
    ward.dossier_sent_on = datetime.date(last + 1, 2, 25)
    ward.save(update_fields=["dossier_sent_on"])
    granted = ward.criteria_set.levels.order_by("rank").first()
    higher = "Cơ quan cấp trên theo quy định (mẫu: Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh)"
    # The ward's own row of "Cơ quan công nhận": what it was told, still to be confirmed from the text.
    body, _ = RecognisingBody.objects.get_or_create(
        site=site,
        learning_model=LearningModel.WARD,
        defaults={
            "body_level": BodyLevel.PROVINCE,
            "issuer": higher,
            "signer_title": "Giám đốc Sở Giáo dục và Đào tạo",
            "legal_basis": "Thông tư 25/2023/TT-BGDĐT; hướng dẫn của thành phố (mẫu)",
            "confirmed": False,
            "note": f"Dữ liệu mẫu của {site.site_name}: ghi theo văn bản hướng dẫn của thành phố rồi mới xác nhận.",
        },
    )
    decision = _decide(
        site,
        last,
        LearningModel.WARD,
        f"88/QĐ-UBND-{last + 1}",
        min(datetime.date(last + 1, 3, 25), today),
        "Trần Quốc Bảo",
        "Giám đốc Sở Giáo dục và Đào tạo",
        issuer=higher,
        granted=granted,
    )
    if decision is not None:
        RecognitionDecision.objects.filter(pk=decision.pk).update(recognising_body=body)

    # This year: registrations in progress.
    current = _Cycle(rng, site, today.year)
    day = datetime.date(today.year, 3, 5)
    progress = []
    for index, household in enumerate(households[:90]):
        stage = Status.SCORED if index % 3 == 0 else Status.QUARTER_REVIEWED if index % 3 == 1 else Status.REGISTERED
        progress.append(current.register(LearningModel.FAMILY, day, 0.85, stage, household=household))
    for citizen in citizens[:36]:
        progress.append(current.register(LearningModel.CITIZEN, day, 0.84, Status.SELF_ASSESSED, citizen=citizen))
    for quarter in quarters:
        progress.append(current.register(LearningModel.COMMUNITY, day, 0.88, Status.REGISTERED, community=quarter))
    for registration in progress:
        current.advance(
            registration, min(today, datetime.date(today.year, 10, 20)), min(today, datetime.date(today.year, 11, 5))
        )
    current.flush()


def _ward_targets(site, today):
    """The ward's own plan for this year (yearly targets per ward, issue 16 §4): its own figures."""
    basis = f"Kế hoạch xây dựng xã hội học tập năm {today.year} của phường (dữ liệu mẫu)"
    for kind, value in (
        (LearningModel.FAMILY, 72),
        (LearningModel.COMMUNITY, 70),
        (LearningModel.CITIZEN, 45),
        (CITIZEN_DIGITAL, 75),
    ):
        Target.objects.get_or_create(
            site=site, kind=kind, year=today.year, defaults={"percent": Decimal(value), "legal_basis": basis}
        )


# The earmarked money each kind of spending comes from (balances per purpose stay meaningful).
SPENT_FROM = {
    ExpenseCategory.SCHOLARSHIP: FundPurpose.SCHOLARSHIP,
    ExpenseCategory.GOOD_PUPILS: FundPurpose.AWARDS,
    ExpenseCategory.NEW_STUDENTS: FundPurpose.AWARDS,
    ExpenseCategory.LEARNING_CENTRE: FundPurpose.LEARNING_CENTRE,
    ExpenseCategory.ACTIVITIES: FundPurpose.GENERAL,
}


def _fund(rng, site, today):
    start_year = today.year - 1
    FundOpening.objects.get_or_create(
        site=site, defaults={"date": datetime.date(start_year, 1, 1), "amount": Decimal(12_500_000)}
    )
    donors = [
        Donor.objects.create(
            site=site, name="Công ty TNHH May mặc Phú Thịnh", kind=DonorKind.BUSINESS, may_publish_name=True
        ),
        Donor.objects.create(site=site, name="Nhà sách Tri Thức", kind=DonorKind.BUSINESS, may_publish_name=True),
        Donor.objects.create(site=site, name="Ông Võ Minh Trí", kind=DonorKind.PERSON, may_publish_name=True),
        Donor.objects.create(site=site, name="Một nhà hảo tâm", kind=DonorKind.PERSON, may_publish_name=False),
        Donor.objects.create(
            site=site, name="Chi hội khuyến học Khu phố 3", kind=DonorKind.MEMBER_GROUP, may_publish_name=True
        ),
    ]
    receipts, expenses = [], []
    n_receipt = n_expense = 0

    def receipt(
        day, source, amount, description, donor=None, kind=ReceiptKind.CASH, purpose=FundPurpose.GENERAL, goods=""
    ):
        nonlocal n_receipt
        if day > today:
            return
        n_receipt += 1
        receipts.append(
            FundReceipt(
                site=site,
                date=day,
                voucher_number=f"PT-{day.year}/{n_receipt:03d}",
                kind=kind,
                source=source,
                purpose=purpose,
                amount=Decimal(amount),
                in_kind_description=goods,
                donor=donor,
                description=description,
            )
        )

    def expense(day, category, amount, description, count=0, kind=ReceiptKind.CASH):
        nonlocal n_expense
        if day > today:
            return None
        n_expense += 1
        item = FundExpense(
            site=site,
            date=day,
            voucher_number=f"PC-{day.year}/{n_expense:03d}",
            kind=kind,
            category=category,
            purpose=SPENT_FROM[category],
            amount=Decimal(amount),
            description=description,
            recipient_count=count,
        )
        expenses.append(item)
        return item

    for year in (start_year, start_year + 1):
        for quarter_month in (1, 4, 7, 10):
            receipt(
                datetime.date(year, quarter_month, 10),
                ReceiptSource.MEMBERS,
                1_800_000 + rng.randint(0, 8) * 50_000,
                f"Hội viên đóng góp quý {(quarter_month + 2) // 3}",
            )
        receipt(
            datetime.date(year, 1, 20),
            ReceiptSource.PIGGY_BANK,
            3_450_000 + rng.randint(0, 20) * 10_000,
            "Mổ heo đất khuyến học các khu phố",
            purpose=FundPurpose.SCHOLARSHIP,
        )
        receipt(
            datetime.date(year, 5, 18),
            ReceiptSource.DONORS,
            10_000_000,
            "Ủng hộ học bổng học sinh vượt khó",
            donors[0],
            purpose=FundPurpose.SCHOLARSHIP,
        )
        receipt(
            datetime.date(year, 8, 12),
            ReceiptSource.DONORS,
            6_500_000,
            "Tặng vở, sách giáo khoa năm học mới",
            donors[1],
            ReceiptKind.IN_KIND,
            FundPurpose.AWARDS,
            "300 quyển vở, 40 bộ sách giáo khoa",
        )
        # Earmarked for awards before the June and September award days: no purpose is spent beyond its balance.
        receipt(
            datetime.date(year, 5, 25),
            ReceiptSource.DONORS,
            10_000_000,
            "Ủng hộ khen thưởng học sinh giỏi, tân sinh viên",
            donors[2],
            purpose=FundPurpose.AWARDS,
        )
        receipt(datetime.date(year, 9, 2), ReceiptSource.DONORS, 2_000_000, "Ủng hộ không nêu tên", donors[3])
        receipt(
            datetime.date(year, 6, 3),
            ReceiptSource.MEMBERS,
            2_400_000,
            "Chi hội khuyến học khu phố 3 vận động",
            donors[4],
            purpose=FundPurpose.AWARDS,
        )
        receipt(
            datetime.date(year, 3, 15),
            ReceiptSource.HIGHER_LEVEL,
            4_000_000,
            "Hội Khuyến học Thành phố hỗ trợ",
            purpose=FundPurpose.LEARNING_CENTRE,
        )
        expense(
            datetime.date(year, 3, 28),
            ExpenseCategory.LEARNING_CENTRE,
            3_200_000,
            "Mua sách, máy chiếu cho trung tâm học tập cộng đồng",
        )
        expense(
            datetime.date(year, 10, 14),
            ExpenseCategory.ACTIVITIES,
            1_500_000,
            "Tổ chức Tuần lễ hưởng ứng học tập suốt đời",
        )
        expense(
            datetime.date(year, 8, 20),
            ExpenseCategory.GOOD_PUPILS,
            6_500_000,
            "Trao vở, sách cho học sinh giỏi",
            40,
            ReceiptKind.IN_KIND,
        )
    FundReceipt.objects.bulk_create(receipts)
    FundExpense.objects.bulk_create(expenses)
    return _awards(rng, site, today, start_year)


def _awards(rng, site, today, start_year):
    quarters = list(LearningQuarter.objects.filter(site=site))
    count = FundExpense.objects.filter(site=site).count()
    for year in (start_year, start_year + 1):
        for category, day, amount, n, expense_category, title in (
            (
                AwardCategory.HARDSHIP_SCHOLARSHIP,
                datetime.date(year, 9, 5),
                1_000_000,
                12,
                ExpenseCategory.SCHOLARSHIP,
                "Trao học bổng học sinh vượt khó",
            ),
            (
                AwardCategory.GOOD_PUPIL,
                datetime.date(year, 6, 12),
                300_000,
                18,
                ExpenseCategory.GOOD_PUPILS,
                "Khen thưởng học sinh giỏi",
            ),
            (
                AwardCategory.PRIZE,
                datetime.date(year, 6, 12),
                500_000,
                4,
                ExpenseCategory.GOOD_PUPILS,
                "Khen thưởng học sinh đạt giải",
            ),
            (
                AwardCategory.NEW_STUDENT,
                datetime.date(year, 9, 20),
                800_000,
                6,
                ExpenseCategory.NEW_STUDENTS,
                "Khen thưởng tân sinh viên",
            ),
        ):
            if day > today:
                continue
            count += 1
            expense = FundExpense.objects.create(
                site=site,
                date=day,
                voucher_number=f"PC-{day.year}/{count:03d}",
                category=expense_category,
                purpose=SPENT_FROM[expense_category],
                amount=Decimal(amount * n),
                description=f"{title} năm {year}",
                recipient_count=n,
            )
            awards = []
            for _index in range(n):
                sex = rng.choice([Sex.MALE, Sex.FEMALE])
                if category == AwardCategory.NEW_STUDENT:
                    school, grade, age = rng.choice(UNIVERSITIES), "Năm nhất đại học", 18
                else:
                    school, grades = rng.choice(SCHOOLS)
                    grade = rng.choice(grades)
                    age = int(grade.split()[-1]) + 6
                awards.append(
                    Award(
                        site=site,
                        school_year=f"{year - 1}-{year}" if day.month < 8 else f"{year}-{year + 1}",
                        awarded_on=day,
                        category=category,
                        recipient_name=_name(rng, sex),
                        birth_year=year - age,
                        school=school,
                        grade=grade,
                        quarter=rng.choice(quarters),
                        amount=Decimal(amount),
                        decision_number=f"{30 + count}/QĐ-KH",
                        expense=expense,
                    )
                )
            Award.objects.bulk_create(awards)
            _consents(rng, site, [award for index, award in enumerate(awards) if index % 5 != 0])


def _consents(rng, site, awards):
    """Recorded consents for most merit awards, as the law asks (consent.py): from 7 years old the
    child and a parent, an adult student alone; the odd one has only the parent's (name not shown).
    Hardship scholarships are never named, so no consent is asked for them."""
    from .choices import ConsentGiver
    from .consent import required_givers

    consents = []
    for number, award in enumerate(awards):
        if award.category not in AwardCategory.nameable():
            continue
        givers = required_givers(award.birth_year, award.awarded_on)
        if number % 7 == 3 and len(givers) > 1:
            givers = {ConsentGiver.PARENT}  # the child has not agreed yet: the name stays hidden
        parent_name = _name(rng, rng.choice([Sex.MALE, Sex.FEMALE]))
        for giver in sorted(givers):
            consents.append(
                NameConsent(
                    site=site,
                    award=award,
                    giver=giver,
                    giver_name=award.recipient_name if giver == ConsentGiver.SUBJECT else parent_name,
                    given_on=award.awarded_on,
                    evidence="Phiếu đồng ý có chữ ký, lưu tại hồ sơ Hội Khuyến học phường",
                )
            )
    NameConsent.objects.bulk_create(consents)


@transaction.atomic
def build_demo(home, site):
    seed.load()
    ensure_learning_roles()
    page = _page(home)
    if Household.objects.filter(site=site).exists():
        return page
    rng = random.Random(f"xa-hoi-hoc-tap-{site.hostname}")  # noqa: S311 - demo data only
    today = timezone.localdate()
    quarters, households, clans, units, citizens = _registry(rng, site, today)
    _cycles(rng, site, today, quarters, households, clans, units, citizens)
    _ward_targets(site, today)
    _fund(rng, site, today)
    return page


# (username, first name, last name, demo ward index): the Hội Khuyến học officer of each demo ward.
DEMO_OFFICERS = (
    ("khuyenhoc", "Phạm Thu", "Hà", 0),
    ("khuyenhoc_tsh", "Ngô Minh", "Tuấn", 1),
)
DEMO_OFFICER = DEMO_OFFICERS[0][0]


def _demo_wards() -> list[Site | None]:
    from congphuong.demo.builder import WARDS

    return [Site.objects.filter(hostname=spec.hostname, site_name=spec.name).first() for spec in WARDS]


def _assign(user, site, note):
    WardAssignment.objects.get_or_create(user=user, site=site, defaults={"note": note})


def assign_demo_accounts(results=()):
    """Phân công phường of the demo accounts, each on its own ward only.

    - `khuyenhoc` / `khuyenhoc_tsh`: Cán bộ khuyến học of the first / second ward;
    - the leaders (`lanhdao`, `lanhdao_tsh`): their ward's learning data, read, score and sign
      (the issue: personal data for the officers and the leaders);
    - the site administrators (`quantri`, `quantri_tsh`): their ward's export log and assignments
      only, since their group holds no right on the registry, dossiers or fund;
    - the editors: none (no learning right, no personal data).
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from congphuong.demo.accounts import DEMO_ACCOUNTS, demo_password_hash

    from .roles import APPROVER, LEARNING_OFFICER, SITE_ADMIN

    wards = _demo_wards()
    if wards[0] is None:
        return None
    ensure_learning_roles()
    officers = Group.objects.get(name=LEARNING_OFFICER)
    User = get_user_model()  # noqa: N806
    for username, first_name, last_name, index in DEMO_OFFICERS:
        site = wards[index] if index < len(wards) else None
        if site is None:
            continue
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first_name, "last_name": last_name, "email": f"{username}@example.vn"},
        )
        if created:
            user.password = demo_password_hash()
            user.save()
        user.groups.add(officers)
        _assign(user, site, f"Tài khoản mẫu: cán bộ khuyến học {site.site_name}")
    by_hostname = {site.hostname: site for site in wards if site is not None}
    notes = {APPROVER: "lãnh đạo", SITE_ADMIN: "quản trị trang"}
    for account in DEMO_ACCOUNTS:
        site = by_hostname.get(account.ward_hostname)
        user = User.objects.filter(username=account.username).first()
        if account.role in notes and site is not None and user is not None:
            _assign(user, site, f"Tài khoản mẫu: {notes[account.role]} {site.site_name}")
            if account.role == APPROVER:
                close_demo_books(site, user)
    return wards[0]


def close_demo_books(site, approver):
    """The leader approves the demo expenses; last year is closed and one voucher corrected after.

    Runs once the leader is assigned to the ward (an approver must be), and closes the year only
    after that: a closed period's vouchers cannot be touched any more.
    """
    FundExpense.objects.filter(site=site, approved_by=None, approver_legacy="").update(approved_by=approver)
    today = timezone.localdate()
    closed_through = datetime.date(today.year - 1, 12, 31)
    if FundClosing.objects.filter(site=site).exists():
        return
    if not FundReceipt.objects.filter(site=site, date__year=closed_through.year).exists():
        return
    FundClosing.objects.create(
        site=site, closed_through=closed_through, note=f"Đã đối chiếu sổ quỹ năm {closed_through.year}"
    )
    wrong = (
        FundReceipt.objects.filter(site=site, date__year=closed_through.year, source=ReceiptSource.MEMBERS)
        .order_by("date", "pk")
        .first()
    )
    if wrong is not None:
        FundReceipt.objects.create(
            site=site,
            date=today,
            voucher_number=f"PT-{today.year}/ĐC-001",
            source=wrong.source,
            purpose=wrong.purpose,
            amount=Decimal(-50_000),
            adjusts=wrong,
            description=f"Điều chỉnh phiếu {wrong.voucher_number}: ghi thừa 50.000 đồng",
        )
