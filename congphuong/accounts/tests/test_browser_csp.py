"""In headless Chromium: the CSP breaks nothing, and the 2FA sign-in reads in Vietnamese.

Signs a superuser in through the real forms (password → enrolment with the QR code →
recovery codes), then opens the public home page and article, and walks the admin: the
dashboard, the page explorer, the page editor with a chooser modal and its live preview,
the new-page form, image upload and the focal-point editor, documents, users, the audit
log, snippets and the account page, collecting console errors and Content-Security-Policy
violations on each. The admin runs without script-src 'unsafe-inline' (docs/security.md).
"""

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.images import get_image_model

from congphuong.core.tests.browser import BROWSER_MARKS, new_page
from congphuong.news.tests.factories import ArticlePageFactory

from .factories import PASSWORD

pytestmark = [
    *BROWSER_MARKS,
    # One test only: a transactional test leaves an empty database (no root page) behind.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Reports a violation even when no console message is printed for it.
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(
    e.violatedDirective + " " + e.blockedURI + " " + (e.sourceFile || "") + ":" + e.lineNumber
  );
});
"""


@pytest.fixture
def browser(chromium):
    # The ward's time zone, not the container's ("localtime" is no zone a browser knows).
    page, problems = new_page(
        chromium,
        init_script=COLLECT_VIOLATIONS,
        viewport={"width": 1280, "height": 900},
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
    )
    page.on(
        "console",
        lambda msg: (
            problems.append(f"{page.url}: console {msg.type}: {msg.text}")
            if msg.type == "error" and "net::ERR_FAILED" not in msg.text
            else None
        ),
    )

    def on_response(response):
        if response.status >= 400:
            try:
                body = response.text()[:300]
            except Exception:  # noqa: BLE001 (the body may be gone with the page)
                body = ""
            problems.append(f"{page.url}: HTTP {response.status} {response.request.method} {response.url} {body}")

    page.on("response", on_response)
    return page, problems


def _visit(page, problems, url, wait_for=None):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if wait_for:
        page.wait_for_selector(wait_for, state="attached")
    _collect(page, problems)


def _collect(page, problems):
    for violation in page.evaluate("window.__cspViolations || []"):
        problems.append(f"{page.url}: CSP violation: {violation}")


def _open_image_chooser(page, problems):
    """The editor's first chooser (an image), on whichever tab holds it: its modal loads.

    Left open: the next step navigates away."""
    choose = page.locator("[data-chooser-action-choose]:visible")
    tabs = page.locator("[role=tab]")
    for index in range(tabs.count()):
        if choose.count():
            break
        tabs.nth(index).click()
    choose.first.click()
    modal = page.locator(".modal.in")
    # .first: the chooser may render its header twice (e.g. the search results re-render it).
    modal.locator(".modal-body h1").filter(has_text="Chọn ảnh").first.wait_for(timeout=15000)
    page.wait_for_load_state("networkidle")
    _collect(page, problems)


def _png():
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 48), (163, 29, 29)).save(out, format="PNG")
    return out.getvalue()


def _token(device):
    device.refresh_from_db()
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_csp_and_two_factor_sign_in(live_server, settings, category, browser):
    settings.CONGPHUONG_2FA_REQUIRED = True
    page, problems = browser
    get_user_model().objects.create_superuser("quantri", "quantri@example.vn", PASSWORD)
    article = ArticlePageFactory(
        parent=category,
        title="Phường tổ chức ngày hội đọc sách",
        body=[
            {"type": "paragraph", "value": "<p>Ngày hội thu hút <b>đông đảo</b> học sinh.</p>"},
            {
                "type": "video",
                "value": {
                    "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                    "title": "Video ngày hội",
                    "caption": "",
                },
            },
        ],
    )
    base = live_server.url

    # Public pages.
    _visit(page, problems, base + "/")
    _visit(page, problems, base + article.url)
    assert page.locator("iframe[src^='https://www.youtube-nocookie.com/embed/']").count() == 1

    # Password, in Vietnamese.
    _visit(page, problems, base + "/admin/login/")
    page.fill("input[name=username]", "quantri")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    _collect(page, problems)

    # A superuser without an authenticator lands on enrolment, with the QR code.
    assert "/admin/2fa/dang-ky/" in page.url
    assert page.locator("h1, h2").filter(has_text="Bật xác thực hai lớp").count() >= 1
    qr = page.locator("img[src^='data:image/svg+xml']")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    device = TOTPDevice.objects.get(confirmed=False)
    page.fill("input[name=otp_token]", _token(device))
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Bật xác thực hai lớp").click()
    page.wait_for_load_state("networkidle")
    _collect(page, problems)
    assert "/admin/2fa/ma-khoi-phuc/" in page.url
    assert page.locator("ol.recovery-codes li").count() == 10
    page.get_by_role("link", name="Tôi đã lưu các mã này, tiếp tục").click()
    page.wait_for_load_state("networkidle")
    _collect(page, problems)
    assert page.url.rstrip("/").endswith("/admin")

    # Dashboard, page editor with its live preview, image upload.
    _visit(page, problems, base + "/admin/", wait_for="#wagtail-sidebar")
    _visit(page, problems, f"{base}/admin/pages/{article.pk}/edit/", wait_for="form#page-edit-form")
    page.locator("[data-side-panel-toggle='preview']").first.click()
    # Wagtail swaps in a fresh iframe once the preview has loaded: look it up by id.
    heading = page.frame_locator("#w-preview-iframe").locator("h1")
    heading.wait_for(timeout=20000)
    assert "Phường tổ chức ngày hội đọc sách" in heading.inner_text()
    page.wait_for_timeout(500)
    _collect(page, problems)
    _open_image_chooser(page, problems)
    _visit(page, problems, f"{base}/admin/pages/add/news/articlepage/{category.pk}/", wait_for="form#page-edit-form")
    _visit(page, problems, f"{base}/admin/pages/{category.pk}/", wait_for="#listing-results")
    _visit(page, problems, base + "/admin/images/multiple/add/", wait_for="input[type=file]")
    page.set_input_files("input[type=file]", files=[{"name": "anh.png", "mimeType": "image/png", "buffer": _png()}])
    page.wait_for_selector("#upload-list li.upload-success", timeout=20000)
    _collect(page, problems)
    # The focal-point editor (jQuery Jcrop probes event handler support: the hashed exception).
    image = get_image_model().objects.get()
    _visit(page, problems, f"{base}/admin/images/{image.pk}/", wait_for=".focal-point-chooser")
    page.wait_for_timeout(300)
    _collect(page, problems)
    for path in ("/admin/users/", "/admin/reports/site-history/", "/admin/snippets/", "/admin/account/"):
        _visit(page, problems, base + path, wait_for="main")
    _visit(page, problems, base + "/admin/documents/multiple/add/", wait_for="input[type=file]")
    _visit(page, problems, base + "/admin/bao-mat/tai-khoan-bi-khoa/")
    _visit(page, problems, base + "/admin/2fa/")

    # Sign out and in again: now the code is asked for.
    page.context.clear_cookies()
    _visit(page, problems, base + "/admin/login/")
    page.fill("input[name=username]", "quantri")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    _collect(page, problems)
    assert "/admin/2fa/xac-thuc/" in page.url
    assert page.locator("h1").inner_text().strip() == "Nhập mã xác thực"
    device = TOTPDevice.objects.get(confirmed=True)
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)  # the enrolment code was used this period
    page.fill("input[name=otp_token]", _token(device))
    page.get_by_role("button", name="Xác nhận").click()
    page.wait_for_load_state("networkidle")
    _collect(page, problems)
    assert page.url.rstrip("/").endswith("/admin")

    assert problems == [], "\n".join(problems)
