"""The base page every public page type derives from; the ground floor's tables (rate counters, the
working-day calendar's days off and make-up days)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.widgets.slug import SlugInput
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from .normalise import normalise_instance_text
from .page_forms import BasePageForm
from .page_permissions import PortalPagePermissionTester
from .text import slugify_vi, vietnamese_slug_formatters
from .workdays import OFF, WORK


def with_listing_images(queryset, *specs, field="listing_image"):
    """Listing images, and the renditions of `specs` (core/renditions.py: the sizes the list's
    template shows) in one extra query for the whole list, instead of one rendition-cache or
    database lookup per image in the template. Only those sizes: an image has some twenty."""
    queryset = queryset.select_related(field)
    if not specs:
        return queryset
    from wagtail.images import get_image_model

    from .renditions import expand

    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=expand(specs))
    # Wagtail's own attribute (ImageQuerySet.prefetch_renditions): its image tags look nowhere else.
    return queryset.prefetch_related(
        models.Prefetch(f"{field}__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )


def when_shown(compute):
    """A context value computed the first time the template uses it: a kept fragment
    ({% fragment %}, serving/fragments.py) that shows it makes its queries unnecessary."""
    return SimpleLazyObject(compute)


# Wagtail's own help ("…e.g http://domain.com/blog/[my-slug]/") shows an English blog address.
SLUG_HELP = (
    "Phần cuối của địa chỉ trang, tự tạo từ tiêu đề: chữ thường không dấu, nối bằng dấu gạch ngang. "
    "Ví dụ: …/tin-tuc/ra-quan-don-ve-sinh-kenh-rach/"
)


def base_promote_panels(*, listing_image=True):
    """The "Quảng bá" tab. A page type that shows the featured image among its content panels
    passes listing_image=False: one field in two panels renders two choosers bound to one form
    field, and the second (empty) one wins on save, so the chosen image was lost (core/checks.py)."""
    share = [
        FieldPanel("slug", widget=SlugInput(formatters=vietnamese_slug_formatters()), help_text=SLUG_HELP),
        FieldPanel("seo_title"),
        FieldPanel("search_description"),
    ]
    if listing_image:
        share.append(FieldPanel("listing_image"))
    return [
        MultiFieldPanel(share, heading="Đường dẫn và chia sẻ"),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading="Trình đơn"),
    ]


class RestrictedAtOrAbove(models.Func):
    """SQL ``EXISTS``: a view restriction sits on the page whose tree path is the argument, or on one
    of its ancestors (a tree path is its ancestors' paths plus a step). The same subquery as
    ``Exists(PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1,
    Length("page__path"))))``, written once: built with the ORM's expressions it cost some 1,800
    Python calls per list to build and compile (a fifth of a small list's query), this ~300. The
    path argument is an ordinary expression, so the outer column keeps its alias in any query."""

    output_field = models.BooleanField()

    def as_sql(self, compiler, connection, function=None, template=None, arg_joiner=None, **extra_context):
        quote = connection.ops.quote_name
        restriction, page = quote(PageViewRestriction._meta.db_table), quote(Page._meta.db_table)
        template = (
            # Table names from the models, quoted; the one value is the path argument, compiled by Django.
            # CROSS JOIN: SQLite then loops over the restrictions (a handful) and finds each one's page
            # by key; with an inner join it chose to scan every page for each row of the list (50 s
            # for the related articles at 10,000 articles). PostgreSQL plans it as an inner join.
            f"EXISTS (SELECT 1 FROM {restriction} pvr CROSS JOIN {page} pvr_page"  # noqa: S608
            " WHERE pvr.page_id = pvr_page.id AND pvr_page.path = SUBSTR(%(expressions)s, 1, LENGTH(pvr_page.path)))"
        )
        return super().as_sql(compiler, connection, function, template, arg_joiner, **extra_context)


def restricted_at_or_above(path: str = "path"):
    """True for a page that has a view restriction or lies below one: a subquery of the page
    list's own query (outer path starting with the restricted page's path)."""
    return RestrictedAtOrAbove(models.F(path))


class PortalPageQuerySet(PageQuerySet):
    def private_q(self):
        """Wagtail's reads every restriction first: one more query for each list."""
        return Q(restricted_at_or_above())


PortalPageManager = PageManager.from_queryset(PortalPageQuerySet)


class BasePage(Page):
    """Shared behaviour: ASCII slugs, NFC text, listing image, breadcrumbs, SEO."""

    objects = PortalPageManager()

    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Ảnh đại diện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Dùng trong danh sách bài và khi chia sẻ lên mạng xã hội.",
    )

    promote_panels = base_promote_panels()
    base_form_class = BasePageForm

    search_fields = Page.search_fields + [index.SearchField("search_description")]

    class Meta:
        abstract = True

    def serve_preview(self, request, mode_name):
        """The admin's preview in the language of the page's locale: an English page previews with the
        English chrome and labels, whatever the admin's language (docs/english-section.md). Rendered
        here, inside that language; the admin's own language is back afterwards."""
        # A page being created has no locale yet: it will take its parent's (Page.get_default_locale).
        locale = self.locale if self.locale_id else self.get_default_locale()
        language = getattr(locale, "language_code", None) or settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.render_preview(request, mode_name)
            if callable(getattr(response, "render", None)) and not getattr(response, "is_rendered", True):
                response = response.render()
        return response

    def render_preview(self, request, mode_name):
        """The preview's response, rendered inside the page's language by serve_preview: a page type
        with a preview of its own (a week of the work schedule) overrides this, not serve_preview."""
        return super().serve_preview(request, mode_name)

    def full_clean(self, *args, **kwargs):
        normalise_instance_text(self)
        super().full_clean(*args, **kwargs)

    def _set_core_field_defaults(self):
        # Wagtail's own fallback slugifies with Django, which drops đ ("Đảng" → "ang"). Wagtail calls
        # this from the admin form's validation as well as from full_clean: the one place to fill it.
        if not self.slug and self.title and (self.path or getattr(self, "_cached_parent_obj", None)):  # type: ignore[has-type]
            base_slug = slugify_vi(self.title)
            if base_slug:
                self.slug = self._get_autogenerated_slug(base_slug)
        super()._set_core_field_defaults()

    def permissions_for_user(self, user):
        """Wagtail's permission rules without a query per page in the explorer (core/page_permissions.py)."""
        return PortalPagePermissionTester(user, self)

    @property
    def ward_path(self) -> str:
        """Tree path of this page's ward home page (depth 2): lists filter on it to stay in the ward."""
        return self.path[: 2 * Page.steplen]

    @property
    def localized(self):
        """Wagtail's ``localized``, with no query when the page's locale was read with it (the
        Site's root page of a served request, core/sites.py) and is the active language's."""
        locale = self._state.fields_cache.get("locale")
        if locale is not None:
            from wagtail.coreutils import get_supported_content_language_variant

            try:
                active = get_supported_content_language_variant(translation.get_language())
            except LookupError:
                active = None
            if locale.language_code == active:
                return self
        return super().localized

    def route(self, request, path_components):
        """Wagtail's routing, with the rest of the path read in one query (core/routing.py)."""
        if not path_components:
            return super().route(request, path_components)
        from .routing import route

        return route(self, request, path_components)

    def get_view_restrictions(self):
        """Wagtail's answer in one query or none (core/routing.py), or none at all when the kept
        restricted paths say no restriction can apply (serving/restrictions.py, registered with
        `routing.register_restriction_shortcut`)."""
        from .routing import restrictions_of

        return restrictions_of(self)

    def get_breadcrumbs(self):
        """Live ancestors below the site root, for the breadcrumb trail: from the parents the
        route left cached (no query), else one query."""
        crumbs = []
        page: Page = self
        while page.depth > 3:
            parent = page.__dict__.get("_cached_parent_obj")
            if parent is None:
                return list(self.get_ancestors().filter(depth__gt=2).live().only("id", "title", "url_path"))
            page = parent
            if page.live:
                crumbs.append(page)
        return crumbs[::-1]

    @property
    def meta_description(self) -> str:
        """The page's description for search engines and sharing (meta description, og:description):
        the editor's, else the page's own short text, else one written from its fields
        (`default_description`), so that every indexable page has one."""
        for attr in ("search_description", "lead", "intro", "summary"):
            text = getattr(self, attr, "") or ""
            if isinstance(text, str) and text.strip():
                return text.strip()
        return self.default_description()

    def default_description(self) -> str:
        return ""


class RateCounter(models.Model):
    """One rate-limit window of one client for one action (congphuong/core/ratelimit.py).

    In the database, not the cache: a cache evicts (LocMem's 300 entries, Redis under maxmemory)
    and an evicted counter is a limit that starts again from zero."""

    key = models.CharField("Khóa", max_length=120, unique=True)
    count = models.PositiveIntegerField("Số lần", default=0)
    expires_at = models.DateTimeField("Hết hạn lúc", db_index=True)

    class Meta:
        verbose_name = "Bộ đếm giới hạn tần suất"
        verbose_name_plural = "Bộ đếm giới hạn tần suất"

    def __str__(self):
        return f"{self.key}: {self.count}"


class CalendarDay(models.Model):
    """One override of the holiday library: a day off, or a (compensatory) working day (workdays.py).

    Moved here from the Q&A app (`feedback`), which the other apps' working-day deadlines made the
    calendar's holder: the table keeps its name, so no row moved (migrations core 0004, feedback 0004)."""

    KIND_CHOICES = [(OFF, "Ngày nghỉ"), (WORK, "Ngày làm bù (làm việc)")]

    date = models.DateField("Ngày", unique=True)
    kind = models.CharField("Loại", max_length=8, choices=KIND_CHOICES, default=OFF)
    note = models.CharField(
        "Ghi chú", max_length=255, blank=True, help_text="Ví dụ: Nghỉ Tết Nguyên Đán theo Thông báo số …"
    )

    panels = [FieldPanel("date"), FieldPanel("kind"), FieldPanel("note")]

    class Meta:
        db_table = "feedback_calendarday"
        verbose_name = "Ngày nghỉ/ngày làm bù"
        verbose_name_plural = "Ngày nghỉ/ngày làm bù"
        ordering = ["-date"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} – {self.get_kind_display()}"
