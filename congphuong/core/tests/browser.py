"""Headless Chromium for the browser tests: one launch, shared by every test that drives a browser.

The `chromium` fixture (made available to every test by `congphuong/conftest.py`) starts
Debian's Chromium through Playwright and closes it after the test; `new_page` opens a page in a
fresh context with the options a test needs and collects the page's script errors. A browser
test module sets `pytestmark = [*BROWSER_MARKS, …]`: the `browser` marker, and a skip when
Chromium is not installed.
"""

from __future__ import annotations

import os
import re
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",  # the tests run as root in a container
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed"),
]
# Third-party hosts (YouTube, Facebook embeds, fonts) are not reachable here: refused at once.
NOT_LOCAL = re.compile(r"^https?://(?!localhost|127\.0\.0\.1).*")


@pytest.fixture
def chromium():
    """A launched headless Chromium (Playwright's `Browser`)."""
    # Playwright's sync API runs an event loop in this thread; the live server answers from its own,
    # and the ORM work a test does around the browser is synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                yield browser
            finally:
                browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def new_page(browser, *, offline=True, init_script=None, **context_options):
    """(page, errors): a page in a new context; `errors` collects the page's uncaught script errors.

    `offline` refuses every request to a host other than the live server's.
    """
    context = browser.new_context(**context_options)
    if offline:
        context.route(NOT_LOCAL, lambda route: route.abort())
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(f"{page.url}: page error: {exc}"))
    return page, errors


def sign_in(page, base_url: str, username: str, password: str) -> None:
    """Sign in to the back office through its login form, as a cadre does; waits for the dashboard
    (or the page the login sends to)."""
    page.goto(base_url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("form button[type=submit], form input[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/(?!login)"))
