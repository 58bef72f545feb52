"""Names of award recipients on public pages: only with recorded consent, gone at once on withdrawal,
never with a hardship or social category; retention periods shown to officers and listed by a command.

The public pages are read through the real page cache (switched on as in production, see
congphuong/serving/tests/conftest.py), so a withdrawal must purge it.
"""

import datetime
import io
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import get_resolver
from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from congphuong.learning.choices import AwardCategory, ConsentGiver, RetentionKind
from congphuong.learning.consent import required_givers
from congphuong.learning.models import Award, ExportLog, NameConsent, RetentionRule
from congphuong.serving import policy
from congphuong.serving.tests.conftest import page_cache  # noqa: F401  (fixture; `committed` is congphuong/conftest.py's)
from congphuong.serving.tests.test_frontend import PURGED, RecordingBackend  # noqa: F401
from congphuong.wards.tests.factories import make_ward

from .factories import LearningSocietyPageFactory, editor, leader, officer

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
YEAR = TODAY.year
CHILD = "Nguyễn Thị Bảo Ngọc"  # aged 10 or 11: needs her own consent and a parent's
HARDSHIP_CHILD = "Trần Văn Khó Khăn"


@pytest.fixture
def page(home):
    return LearningSocietyPageFactory(parent=home)


def award(site, name, category=AwardCategory.GOOD_PUPIL, birth_year=YEAR - 11):
    return Award.objects.create(
        site=site,
        school_year=f"{YEAR - 1}-{YEAR}",
        awarded_on=datetime.date(YEAR, 1, 2),
        category=category,
        recipient_name=name,
        birth_year=birth_year,
        school="Trường THCS Thử",
        grade="Lớp 6",
        amount=Decimal(500_000),
    )


def consent(the_award, giver, **extra):
    return NameConsent.objects.create(
        site_id=the_award.site_id,
        award=the_award,
        giver=giver,
        giver_name=the_award.recipient_name if giver == ConsentGiver.SUBJECT else "Nguyễn Văn Cha",
        given_on=the_award.awarded_on,
        evidence="Phiếu đồng ý có chữ ký",
        **extra,
    )


def fund_url(page):
    return f"{page.url}cong-khai-quy/?nam={YEAR}"


def cached_body(client, url):
    """The body a reader gets, after checking the page does come from the page cache."""
    client.get(url)
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["X-Page-Cache"] == "hit", url
    return response.content.decode()


# --- who must agree ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("age_this_year", "expected"),
    [
        (5, {ConsentGiver.PARENT}),
        (6, {ConsentGiver.PARENT}),
        (7, {ConsentGiver.SUBJECT, ConsentGiver.PARENT}),  # may already be 7
        (12, {ConsentGiver.SUBJECT, ConsentGiver.PARENT}),
        (16, {ConsentGiver.SUBJECT, ConsentGiver.PARENT}),  # may still be 15
        (17, {ConsentGiver.SUBJECT}),
        (19, {ConsentGiver.SUBJECT}),
    ],
)
def test_whose_consent_by_age(age_this_year, expected):
    today = datetime.date(2026, 5, 1)
    assert required_givers(2026 - age_this_year, today) == expected


def test_unknown_age_needs_child_and_parent():
    assert required_givers(None, TODAY) == {ConsentGiver.SUBJECT, ConsentGiver.PARENT}


# --- the public fund page, through the page cache -------------------------------------------


def test_child_named_only_with_both_consents(client, page_cache, committed, ward, page):  # noqa: F811
    child = committed(award, ward, CHILD)
    assert CHILD not in cached_body(client, fund_url(page))  # silence is not consent

    parent = committed(consent, child, ConsentGiver.PARENT)
    assert CHILD not in cached_body(client, fund_url(page))  # the parent alone is not enough

    committed(parent.delete)
    committed(consent, child, ConsentGiver.SUBJECT)
    assert CHILD not in cached_body(client, fund_url(page))  # the child alone is not enough

    committed(consent, child, ConsentGiver.PARENT)
    body = cached_body(client, fund_url(page))
    assert CHILD in body
    assert "Học sinh giỏi" in body  # a merit award says what it was for


def test_withdrawal_by_the_officer_removes_the_name_at_once(client, page_cache, committed, ward, page):  # noqa: F811
    child = award(ward, CHILD)
    consent(child, ConsentGiver.SUBJECT)
    parent = consent(child, ConsentGiver.PARENT)
    assert CHILD in cached_body(client, fund_url(page))

    canbo = officer("canbo_rut", sites=[ward])
    staff = signed_in(canbo)
    edit_url = f"/admin/xa-hoi-hoc-tap/dong-y-cong-khai-ten/edit/{parent.pk}/"
    form = staff.get(edit_url)
    assert form.status_code == 200
    response = committed(
        staff.post,
        edit_url,
        {
            "site": ward.pk,
            "award": child.pk,
            "purpose": parent.purpose,
            "giver": parent.giver,
            "giver_name": parent.giver_name,
            "given_on": parent.given_on.strftime("%Y-%m-%d"),
            "evidence": parent.evidence,
            "withdrawn": "on",
            "withdrawal_note": "Phụ huynh gọi điện đề nghị không nêu tên",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    parent.refresh_from_db()
    assert parent.withdrawn and parent.withdrawn_at is not None

    response = client.get(fund_url(page))
    assert response.status_code == 200
    assert CHILD not in response.content.decode()
    assert CHILD not in cached_body(client, fund_url(page))


def test_withdrawal_is_sent_to_the_cdn_for_the_fund_page(settings, page_cache, committed, ward, page):  # noqa: F811
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": "congphuong.serving.tests.test_frontend.RecordingBackend"}}
    settings.SERVING_FRONTEND_CACHE_PURGE = True
    child = award(ward, CHILD)
    consent(child, ConsentGiver.SUBJECT)
    parent = consent(child, ConsentGiver.PARENT)
    PURGED.clear()
    parent.withdrawn = True
    committed(parent.save)
    assert f"http://testserver{page.url}cong-khai-quy/" in PURGED


def test_a_withdrawn_consent_cannot_be_revived(ward):
    from django.core.exceptions import ValidationError

    child = award(ward, CHILD)
    given = consent(child, ConsentGiver.PARENT, withdrawn=True)
    given.withdrawn = False
    with pytest.raises(ValidationError):
        given.full_clean()


def test_hardship_recipient_never_named_even_with_consent(client, page_cache, ward, page):  # noqa: F811
    poor = award(ward, HARDSHIP_CHILD, category=AwardCategory.HARDSHIP_SCHOLARSHIP)
    consent(poor, ConsentGiver.SUBJECT)
    consent(poor, ConsentGiver.PARENT)
    other = award(ward, "Lê Hoàng Khác", category=AwardCategory.OTHER)
    consent(other, ConsentGiver.SUBJECT)
    consent(other, ConsentGiver.PARENT)
    body = cached_body(client, fund_url(page))
    assert HARDSHIP_CHILD not in body and "Lê Hoàng Khác" not in body
    assert "2 suất không nêu tên" in body


# The code of every view wrapped by policy.public (functools.wraps copies names, not code).
PUBLIC_VIEW_CODE = policy.public(lambda request: None).__code__


def flat_patterns(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if hasattr(pattern, "url_patterns"):
            yield from flat_patterns(pattern.url_patterns, route)
        else:
            yield route, pattern.callback


def public_learning_urls(page):
    """Every public URL of the module: each route of each page model of the app (from the models'
    own URL patterns), with the year chosen, plus the ward-wide public URLs of the URL conf that
    take no argument (sitemap, search, feeds of the home page)."""
    urls = []
    for model in apps.get_app_config("learning").get_models():
        if not issubclass(model, Page):
            continue
        for instance in model.objects.live():
            if issubclass(model, RoutablePageMixin):
                for pattern in instance.get_subpage_urls():
                    route = str(pattern.pattern)
                    assert "<" not in route, f"a new route with a parameter must be added here: {route}"
                    urls.append(f"{instance.url}{route}?nam={YEAR}")
                    urls.append(f"{instance.url}{route}?nam={YEAR}&ky=thang")
            else:
                urls.append(instance.url)
    for route, callback in flat_patterns(get_resolver().url_patterns):
        # policy.public_urlpatterns wraps each view in policy.public: the URL conf's public views.
        if callback.__code__ is PUBLIC_VIEW_CODE and not set("<^$(\\") & set(route):
            urls.append("/" + route)
    urls += ["/rss/", "/sitemap-trang.xml", "/tim-kiem/?q=Khó+Khăn", "/tim-kiem/?q=Bảo+Ngọc"]
    return urls


def test_no_hardship_category_next_to_any_name_on_any_public_url(client, page_cache, ward, page):  # noqa: F811
    named = award(ward, CHILD)
    consent(named, ConsentGiver.SUBJECT)
    consent(named, ConsentGiver.PARENT)
    poor = award(ward, HARDSHIP_CHILD, category=AwardCategory.HARDSHIP_SCHOLARSHIP)
    consent(poor, ConsentGiver.SUBJECT)
    consent(poor, ConsentGiver.PARENT)
    unconsented = award(ward, "Phạm Chưa Đồng Ý")
    sensitive_labels = [label for value, label in AwardCategory.choices if value not in AwardCategory.nameable()]
    urls = public_learning_urls(page)
    assert fund_url(page) in urls and "/sitemap.xml" in urls
    seen_a_name = False
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        if not response.get("Content-Type", "").startswith(
            ("text/", "application/xml", "application/rss", "application/json")
        ):
            continue  # an image (/favicon.ico) holds no name
        body = response.content.decode()
        assert HARDSHIP_CHILD not in body, url
        assert unconsented.recipient_name not in body, url
        if CHILD in body:
            seen_a_name = True
            for label in sensitive_labels:
                assert label not in body, (url, label)
    assert seen_a_name  # the check above did run on a page that names someone


# --- admin: consent managed by the ward's learning officer only ------------------------------


def signed_in(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def test_consent_managed_by_the_wards_learning_officer_only(ward):
    other = make_ward(hostname="benkia.test", name="Phường Bên Kia")
    child = award(ward, CHILD)
    given = consent(child, ConsentGiver.PARENT)
    list_url = "/admin/xa-hoi-hoc-tap/dong-y-cong-khai-ten/"
    edit_url = f"{list_url}edit/{given.pk}/"

    client = signed_in(officer("canbo_a", sites=[ward]))
    assert client.get(list_url).status_code == 200
    response = client.post(
        f"{list_url}new/",
        {
            "site": ward.pk,
            "award": child.pk,
            "purpose": "cong_khai_ten",
            "giver": ConsentGiver.SUBJECT,
            "giver_name": CHILD,
            "given_on": TODAY.strftime("%Y-%m-%d"),
            "evidence": "Phiếu đồng ý có chữ ký của em",
        },
    )
    assert response.status_code == 302
    recorded = NameConsent.objects.get(award=child, giver=ConsentGiver.SUBJECT)
    assert recorded.recorded_by.username == "canbo_a" and recorded.recorded_at is not None

    client = signed_in(officer("canbo_b", sites=[other]))
    assert client.get(edit_url).status_code == 404  # another ward's consent does not exist for them
    assert CHILD not in client.get(list_url).content.decode()

    for user in (leader("lanhdao_a", sites=[ward]), editor("bientap_a")):
        client = signed_in(user)
        assert client.get(list_url).status_code in (302, 403), user.username
        assert client.get(edit_url).status_code in (302, 403, 404), user.username


def test_award_list_tells_the_officer_why_a_name_is_hidden(client, ward):
    award(ward, CHILD)
    client.force_login(officer("canbo_ds", sites=[ward]))
    body = client.get("/admin/xa-hoi-hoc-tap/khen-thuong/").content.decode()
    assert "Chưa công khai – thiếu đồng ý của" in body


# --- retention --------------------------------------------------------------------------------


def test_retention_periods_shown_to_officers_with_what_is_past_them(client, ward):
    old = award(ward, "Võ Đã Lâu")
    Award.objects.filter(pk=old.pk).update(awarded_on=datetime.date(YEAR - 7, 6, 1))
    award(ward, "Võ Mới Đây")
    assert RetentionRule.objects.filter(kind=RetentionKind.AWARD, years=5).exists()  # seeded by a migration

    client.force_login(officer("canbo_lg", sites=[ward]))
    response = client.get("/admin/xa-hoi-hoc-tap/thoi-han-luu-giu/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Người nhận khen thưởng – học bổng" in body and "Quá hạn (phường của bạn)" in body
    assert "Ngày trao" in body
    # An officer reads the periods but does not change them.
    rule = RetentionRule.objects.get(kind=RetentionKind.AWARD)
    assert client.get(f"/admin/xa-hoi-hoc-tap/thoi-han-luu-giu/edit/{rule.pk}/").status_code in (302, 403)

    out = io.StringIO()
    call_command("learning_retention", stdout=out)
    text = out.getvalue()
    assert f"award #{old.pk}\t" in text
    assert "Võ Mới Đây" not in text and "Võ Đã Lâu" not in text  # ids, not names
    assert "Người nhận khen thưởng – học bổng: lưu 5 năm" in text
    assert "quá hạn: 1" in text


def test_retention_command_counts_withdrawn_consents_and_export_logs(ward):
    child = award(ward, CHILD)
    given = consent(child, ConsentGiver.PARENT, withdrawn=True)
    NameConsent.objects.filter(pk=given.pk).update(withdrawn_at=timezone.now() - datetime.timedelta(days=366 * 6))
    log = ExportLog.objects.create(username="canbo", what="Hộ gia đình", file_format="xlsx")
    log.sites.add(ward)
    ExportLog.objects.filter(pk=log.pk).update(at=timezone.now() - datetime.timedelta(days=366 * 3))
    out = io.StringIO()
    call_command("learning_retention", "--ward", ward.hostname, stdout=out)
    text = out.getvalue()
    assert f"nameconsent #{given.pk}\t" in text
    assert f"exportlog #{log.pk}\t" in text
    assert f"award #{child.pk}\t" not in text
