"""The image renditions the public templates show, made when a page is sent for review and when it
is published, not when read.

Wagtail makes a rendition the first time a template asks for it: the first reader of an article
with a few photos waited for some twenty resized AVIF/WebP/JPEG files (11.7 s measured). Publishing
now schedules them: after the transaction commits, a background thread makes every rendition the
public templates use for the page's images, so the first reader finds them made. Sending the page for
review (Wagtail's `workflow_submitted`) does the same for the draft, so they are usually made before the
leader approves, and the publish itself is not followed by the resizing.

What a template shows depends on where the image sits on the page: the listing image appears in
the article's head, the cards of lists and the home page, Open Graph and the print view
(`LISTING_SPECS`); an image in the body (StreamField blocks, gallery items) in the body's
responsive picture (`CONTENT_SPECS`). `tests/test_renditions.py` reads every public template and
fails when a template uses a size these lists lack, so the two cannot drift apart.

A thread, not a task queue: the portal runs no worker process, and a lost thread (a restart in
the middle) costs nothing but the old behaviour for that page (the first reader makes what is
missing). Set ``CONGPHUONG_RENDITIONS_ON_PUBLISH = False`` to turn it off; "sync" makes them inside
the publishing request (useful where threads are unwelcome). `suspended()` turns it off for one
block of code in one thread (a bulk load such as `load_demo`, see `congphuong.core.bulk`): hundreds
of threads resizing the same images would compete with the load for the one core it runs on.
"""

from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import close_old_connections, connection, transaction

logger = logging.getLogger(__name__)

# Template spec strings as written in the templates (spaces, braces); expanded with Wagtail's own
# Filter.expand_spec, the same expansion {% picture %} and {% srcset_image %} apply. Named by where
# they are shown: a list prefetches only the renditions its template uses (`prefetch`).
HEAD = "width-{400,800,1200} format-{avif,webp}"  # article / story head, image blocks (picture)
FEATURED_TOP = "fill-{360x203,720x405,1080x608} format-{avif,webp}"  # home page: the top featured article
CARD_BIG = "fill-{360x203,720x405,1080x608} format-webp"  # cards: a home section's first article
CARD = "fill-{240x135,480x270} format-webp"  # cards: compact lists (includes/article_item.html)
STORY_CARD = "fill-{240x135,480x270,720x405} format-webp"  # media stories list
SHARE = "fill-1200x630 format-jpeg"  # Open Graph, JSON-LD
POSTER = "width-1200 format-webp"  # video poster, image blocks (plain img)
PRINT = "width-800 format-jpeg"  # print view
LISTING_SPECS = (HEAD, FEATURED_TOP, CARD_BIG, CARD, STORY_CARD, SHARE, POSTER, PRINT)
CONTENT_SPECS = (HEAD, POSTER)

_threads: list[threading.Thread] = []  # started and not yet joined (tests wait on them)
# A context variable, not a setting: it holds for the code inside `suspended()` only, never for the
# requests another thread (a live test server, runserver) serves at the same time.
_suspended: ContextVar[bool] = ContextVar("renditions_on_publish_suspended", default=False)


@contextmanager
def suspended():
    """Publish without making renditions: the caller makes them later (`make_for_pages`) or leaves
    them to the first reader."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


def expand(specs) -> list[str]:
    from wagtail.images.models import Filter

    out: list[str] = []
    for spec in specs:
        out += Filter.expand_spec(spec)
    return list(dict.fromkeys(out))


def prefetch(uses) -> None:
    """Only the renditions each image is shown in, for a whole list in one query.

    `uses`: (image, spec strings) pairs, e.g. ``[(article.listing_image, (CARD,)) for article in
    articles]``. Sets Wagtail's own ``prefetched_renditions`` (as ``ImageQuerySet.
    prefetch_renditions`` does), so the image tags look nowhere else. Prefetching every rendition
    of an image (some twenty) cost more than the rest of a list's rendering; a template must not
    ask for a size its list did not prefetch (Wagtail would then take it for a missing rendition
    and make it again): core/tests/test_query_counts.py fails when it does.
    """
    from django.db.models import Q
    from wagtail.images import get_image_model

    wanted: dict[int, set[str]] = {}
    images = []
    for image, specs in uses:
        if image is None:
            continue
        images.append(image)
        wanted.setdefault(image.pk, set()).update(expand(specs))
    if not images:
        return
    by_specs: dict[frozenset[str], list[int]] = {}
    for image_id, specs in wanted.items():
        by_specs.setdefault(frozenset(specs), []).append(image_id)
    match = Q()
    for specs, image_ids in by_specs.items():
        match |= Q(image_id__in=image_ids, filter_spec__in=sorted(specs))
    found: dict[int, list] = {image_id: [] for image_id in wanted}
    for rendition in get_image_model().get_rendition_model().objects.filter(match):
        found[rendition.image_id].append(rendition)
    for image in images:
        image.prefetched_renditions = found[image.pk]
        for rendition in image.prefetched_renditions:
            rendition.image = image


def images_of(page) -> dict[int, str]:
    """{image id: "listing" or "content"} for the images a page shows (its live content)."""
    from wagtail.images import get_image_model
    from wagtail.models import ReferenceIndex

    image_model = get_image_model()
    found: dict[int, str] = {}
    listing_id = getattr(page, "listing_image_id", None)
    if listing_id:
        found[listing_id] = "listing"
    # Every image the page refers to, in StreamFields and inline children alike (the reference
    # index's own extraction, so a new block type or gallery is covered without code here).
    image_type = ReferenceIndex._get_base_content_type(image_model).pk
    for content_type_id, object_id, model_path, _content_path in ReferenceIndex._extract_references_from_object(page):
        if content_type_id == image_type and str(object_id).isdigit():
            found.setdefault(int(object_id), "listing" if model_path == "listing_image" else "content")
    return found


def make_for_page(page) -> int:
    """Make (or find) every rendition the public templates use for `page`'s images; how many."""
    from wagtail.images import get_image_model

    wanted = images_of(page)
    if not wanted:
        return 0
    listing, content = expand(LISTING_SPECS), expand(CONTENT_SPECS)
    made = 0
    for image in get_image_model().objects.filter(pk__in=wanted):
        specs = listing + content if wanted[image.pk] == "listing" else content
        try:
            made += len(image.get_renditions(*specs))
        except Exception:  # a broken or missing file: the reader's request will report it as before
            logger.exception("Không tạo được bản ảnh cho ảnh %s của trang %s", image.pk, page.pk)
    return made


def _run(page_id: int, revision_id: int | None = None):
    from wagtail.models import Page, Revision

    try:
        close_old_connections()
        if revision_id is not None:  # a draft sent for review: the content the leader will publish
            revision = Revision.objects.filter(pk=revision_id).first()
            if revision is not None:
                make_for_page(revision.as_object())
            return
        page = Page.objects.filter(pk=page_id).first()
        if page is not None and page.live:
            make_for_page(page.specific)
    except Exception:
        logger.exception("Không tạo được bản ảnh cho trang %s", page_id)
    finally:
        connection.close()  # this thread's own connection


def schedule(page, revision_id: int | None = None):
    """After the transaction commits: make the renditions of `page` (the live page, or the draft of
    `revision_id`; see the module doc)."""
    mode = getattr(settings, "CONGPHUONG_RENDITIONS_ON_PUBLISH", True)
    if not mode or _suspended.get():
        return
    if mode == "sync":
        transaction.on_commit(lambda: make_for_page(page))
        return

    def start():
        thread = threading.Thread(target=_run, args=(page.pk, revision_id), name=f"renditions-{page.pk}", daemon=True)
        _threads.append(thread)
        thread.start()

    transaction.on_commit(start)


def wait(timeout=60.0):
    """Join the threads started so far (tests; a management command that must finish them)."""
    while _threads:
        _threads.pop().join(timeout)


def on_page_published(sender, instance, **kwargs):
    schedule(instance)


def on_workflow_submitted(sender, instance, **kwargs):
    """A page sent for review: its renditions are made while the leader reads it, so that the
    readers' first renders after the publish find them made. Made at the publish only, the first
    readers of a page with a new photo waited for them: 6 s on S3-compatible storage
    (`make prod-check`), ~2 s on the disk of a loaded machine."""
    from wagtail.models import Page

    task_state = instance.current_task_state
    revision = task_state.revision if task_state is not None else None
    if revision is None:
        return
    draft = revision.as_object()
    if isinstance(draft, Page):
        schedule(draft, revision_id=revision.pk)
