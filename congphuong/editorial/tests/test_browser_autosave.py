"""The editor clicks "Gửi duyệt" while Wagtail's autosave of a new article is on its way.

The autosave (a background post half a second after a change) creates the page; before the fix the
button's post then went to the create view as well, failed with "slug already in use" and left the
article unsubmitted (seen about one run in four of test_browser_article_images.py on a loaded
machine). The autosave's answer is held back here, so the click always lands while it is on its
way: the button must wait for it and submit the page the autosave created, once.
"""

import time

import pytest

from congphuong.core.tests.browser import BROWSER_MARKS
from congphuong.news.models import ArticlePage

from .test_browser_workflow import _open_action_menu, _signed_in, newsroom  # noqa: F401 (a fixture)

pytestmark = [
    *BROWSER_MARKS,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Thông báo thu gom rác cồng kềnh khu phố 2"

# The autosave's request goes out at once; its answer reaches the editor two seconds later.
SLOW_AUTOSAVE_ANSWER = """
(() => {
  // The editor watches for edits two seconds after it opens (what is typed before is its start).
  document.addEventListener("w-unsaved:watch-edits", () => { window.watchingEdits = true; });
  const realFetch = window.fetch;
  window.autosavesServed = 0;
  window.autosaveAnswers = 0;
  window.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    const json = init && init.headers && init.headers.Accept === "application/json";
    if (json && String(init.method).toUpperCase() === "POST") {
      window.autosavesServed += 1; // the server has answered: the page exists
      await new Promise((resolve) => setTimeout(resolve, 2000));
      window.autosaveAnswers += 1;
    }
    return response;
  };
})();
"""


def _wait_until(page, condition, message, timeout=30):
    # Polled from here: the admin's CSP refuses the string evaluation of Playwright's wait_for_function.
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, message
        page.wait_for_timeout(100)


def test_submit_while_the_autosave_is_on_its_way_submits_the_page_once(live_server, newsroom, chromium):  # noqa: F811
    base = live_server.url
    writer = _signed_in(chromium, base, "bientap")
    writer.context.add_init_script(SLOW_AUTOSAVE_ANSWER)
    writer.goto(f"{base}/admin/pages/add/news/articlepage/{newsroom['category'].pk}/")
    _wait_until(writer, lambda: writer.evaluate("window.watchingEdits === true"), "the editor never watched for edits")
    writer.fill("#id_title", TITLE)
    writer.fill("#id_lead", "Xe thu gom đến vào sáng thứ bảy.")
    # Asked of the browser, not the database: a read here while the server writes would meet
    # in-memory SQLite's table lock.
    _wait_until(writer, lambda: writer.evaluate("window.autosavesServed") > 0, "no autosave")
    assert writer.evaluate("window.autosaveAnswers") == 0  # its answer is still on its way

    _open_action_menu(writer)
    writer.locator("button[name=action-submit]").click()
    # Submitted, Wagtail shows the category's pages. Before the fix the button's post failed with
    # "slug already in use" on the create form.
    explorer = f"/admin/pages/{newsroom['category'].pk}/"
    _wait_until(writer, lambda: writer.url.endswith(explorer), "the editor did not get to the category's pages")
    writer.wait_for_load_state()

    assert ArticlePage.objects.filter(title=TITLE).count() == 1
    article = ArticlePage.objects.get(title=TITLE)
    assert article.current_workflow_state is not None, "the article was not submitted"
    assert TITLE in writer.locator("main").inner_text()
