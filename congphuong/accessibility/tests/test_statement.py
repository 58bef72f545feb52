"""The accessibility statement: what it says, the footer link to it, and the report that lands in Hỏi đáp."""

import pytest
from wagtail.models import Site

from congphuong.accessibility.demo import REPORT_TOPIC, build_demo
from congphuong.accessibility.models import AccessibilityStatementPage
from congphuong.feedback.models import Question, Topic
from congphuong.feedback.tests.factories import TopicFactory
from congphuong.feedback.tests.helpers import question_data
from congphuong.wards.tests.factories import make_ward

from .factories import AccessibilityStatementPageFactory

pytestmark = pytest.mark.django_db


def test_statement_names_the_standard_the_barriers_and_the_wards_contact(client, statement):
    html = client.get(statement.url).content.decode()
    assert "WCAG 2.1, mức AA" in html and "Đáp ứng một phần" in html
    assert "Văn bản cũ là ảnh chụp, trình đọc màn hình không đọc được." in html
    assert "Gọi điện thoại cho phường" in html and "Quý II/2027" in html
    # The contact is the ward's own, kept once in "Thông tin phường".
    assert "Số 1 đường Thử Nghiệm" in html and "ubnd@example.vn" in html and 'href="tel:02838000000"' in html
    assert "Sáng Thứ Bảy: 7:30 – 11:30" in html


def test_report_link_opens_the_question_form_with_the_statements_topic(client, statement, feedback_page, report_topic):
    url = statement.report_url()
    assert url == f"{feedback_page.url}gui-cau-hoi/?chu-de={report_topic.pk}"
    assert f'href="{url}"' in client.get(statement.url).content.decode()
    form = client.get(url).content.decode()
    assert f'<option value="{report_topic.pk}" selected>' in form


def test_question_form_ignores_a_topic_of_another_ward_or_junk(client, statement, feedback_page):
    other = make_ward(hostname="khac.test", name="Phường Khác")
    foreign = TopicFactory(site=other, name="Chủ đề của phường khác")
    for value in (str(foreign.pk), "abc", "99999"):
        html = client.get(feedback_page.url + "gui-cau-hoi/", {"chu-de": value}).content.decode()
        topic_select = html.split('id="id_topic"', 1)[1].split("</select>", 1)[0]
        assert '<option value="" selected>' in topic_select  # the citizen chooses
        assert "Chủ đề của phường khác" not in html


def test_no_report_link_without_a_question_form(client, home, report_topic):
    page = AccessibilityStatementPageFactory(parent=home, report_topic=report_topic)
    assert page.report_url() is None
    html = client.get(page.url).content.decode()
    assert "Gửi phản ánh về khó khăn tiếp cận" not in html
    assert "Điện thoại" in html  # the ward's phone is still there to call


def test_footer_links_the_statement_once_published_and_drops_it_when_unpublished(client, home, article, committed):
    # Caches as production runs them: the footer is a kept fragment and the page is cached; each change
    # commits (`committed`), so its purges run as in production.
    assert "Tuyên bố hỗ trợ tiếp cận" not in client.get(article.url).content.decode()
    page = committed(AccessibilityStatementPageFactory, parent=home)
    for url in (home.url, article.url):
        assert f'<a href="{page.url}">Tuyên bố hỗ trợ tiếp cận</a>' in client.get(url).content.decode()
    committed(page.unpublish)
    assert "Tuyên bố hỗ trợ tiếp cận" not in client.get(article.url).content.decode()


def test_a_barrier_report_is_a_question_in_the_wards_queue(client, statement, report_topic):
    data = question_data(
        report_topic,
        full_name="Phan Văn Minh",
        content="Trình đọc màn hình không đọc được văn bản số 12 trong mục Văn bản, xin gửi bản chữ.",
    )
    response = client.post(statement.report_url(), data)
    assert response.status_code == 302 and "phieu=" in response["Location"]
    question = Question.objects.get()
    assert question.topic == report_topic and question.site == Site.objects.get(is_default_site=True)


def test_demo_builds_one_statement_per_ward_with_its_report_topic(ward, home):
    page = build_demo(home, ward)
    assert page.live and page.known_barriers.count() >= 1
    assert page.report_topic == Topic.objects.get(site=ward, name=REPORT_TOPIC)
    assert build_demo(home, ward) == page  # a second run adds nothing
    assert AccessibilityStatementPage.objects.count() == 1
    assert Topic.objects.filter(name=REPORT_TOPIC).count() == 1
