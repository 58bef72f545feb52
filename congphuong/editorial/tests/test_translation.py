"""A ward's cadres make and keep its English section themselves (Nghị định 42/2022 Điều 7;
docs/english-section.md): «Dịch» (wagtail.contrib.simple_translation) of their own pages, the English
copies edited and approved like any page, and no other ward reaching them."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page, WorkflowPage

from congphuong.core.localisation import locale
from congphuong.editorial.roles import APPROVER, EDITOR, ensure_roles
from congphuong.editorial.tests.factories import make_user
from congphuong.organisation.models import AboutIndexPage
from congphuong.wards.membership import pages_in
from congphuong.wards.tests.factories import make_ward

pytestmark = pytest.mark.django_db


def _translate(client, page, **extra):
    english = locale("en")
    return client.post(
        reverse("simple_translation:submit_page_translation", args=(page.pk,)), {"locales": [english.pk], **extra}
    )


def test_a_wards_cadres_translate_their_pages_and_no_other_ward_reaches_them(client, ward, home):
    other = make_ward(hostname="khac.test", name="Phường Khác")
    groups = ensure_roles()
    editor = make_user("bientap", groups.by_site[ward.pk][EDITOR])
    approver = make_user("lanhdao", groups.by_site[ward.pk][APPROVER])
    stranger = make_user("bientap_khac", groups.by_site[other.pk][EDITOR])
    about = AboutIndexPage(title="Giới thiệu", slug="gioi-thieu", intro="Về phường.")
    home.add_child(instance=about)
    about.save_revision().publish()

    # The English home: the editor translates the ward's home; the ward's roles and the approval
    # workflow follow it at once.
    client.force_login(editor)
    response = _translate(client, home)
    assert response.status_code == 302, response.content.decode()[:500]
    english_home = home.get_translation(Locale.objects.get(language_code="en"))
    assert WorkflowPage.objects.filter(page=english_home).exists()
    assert english_home.permissions_for_user(editor).can_edit()
    assert english_home.permissions_for_user(approver).can_publish()
    assert not english_home.permissions_for_user(stranger).can_edit()

    # A page below: copied into the English tree, opened in the editor by the ward's editor only.
    assert _translate(client, about).status_code == 302
    english_about = about.get_translation(english_home.locale)
    assert english_about.get_parent().pk == english_home.pk and not english_about.live
    edit = reverse("wagtailadmin_pages:edit", args=(english_about.pk,))
    assert client.get(edit).status_code == 200
    assert Page.objects.filter(pages_in({ward.pk}), pk=english_about.pk).exists()
    assert not Page.objects.filter(pages_in({other.pk}), pk=english_about.pk).exists()

    client.force_login(stranger)
    assert client.get(edit).status_code in (302, 403, 404)
    assert _translate(client, about).status_code in (302, 403, 404)  # not the stranger's page to translate
    assert Page.objects.filter(translation_key=about.translation_key).count() == 2

    # The editor submits the English pages; the other ward's leader may not approve, the ward's own does
    # (the four-eyes rule on the English home's workflow): the ward's /en/ is served.
    other_approver = make_user("lanhdao_khac", groups.by_site[other.pk][APPROVER])
    for page in (english_home, english_about):
        page = Page.objects.get(pk=page.pk).specific
        page.save_revision(user=editor)
        page.get_workflow().start(page, editor)
        for user, live in ((other_approver, False), (approver, True)):
            client.force_login(user)
            task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
            url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
            client.post(url, {"comment": ""})
            assert Page.objects.get(pk=page.pk).live is live, (user, page)
    assert client.get("/en/gioi-thieu/").status_code == 200
