"""Build (and remove) the demo wards from the specs in binh_an.py and tan_son_hoa.py."""

import datetime as dt
import hashlib
import importlib
import importlib.util
import io
import random
from dataclasses import dataclass, field
from html import escape
from zoneinfo import ZoneInfo

from django.apps import apps
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import ProtectedError, Q, RestrictedError
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, PageLogEntry, Revision, Site

from congphuong.core.bulk import bulk_changes
from congphuong.core.text import slugify_vi
from congphuong.documents.pdf import pdf_document
from congphuong.editorial.roles import ensure_roles
from congphuong.home.models import FeaturedArticle, HomePage
from congphuong.media.models import GalleryImage, MediaIndexPage, MediaStoryPage
from congphuong.news.models import ArticlePage, CategoryPage, RelatedArticle
from congphuong.wards.models import WardSettings, YearTheme

from . import binh_an, tan_son_hoa
from .images import emblem, illustration
from .spec import ArticleSpec, CategorySpec, MediaSpec, TableSpec, VideoSpec, WardSpec

WARDS: tuple[WardSpec, ...] = (binh_an.WARD, tan_son_hoa.WARD)
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MEDIA_INDEX_TITLE = "Tin tức media"
WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"


# —— Which sites are the demo's ——


def _demo_sites_q() -> Q:
    # Not by port: it follows `make run PORT=…` (see `set_demo_port`). The site name tells
    # the demo ward from Wagtail's own "localhost" site of a fresh install.
    q = Q(pk__in=[])
    for ward in WARDS:
        q |= Q(hostname=ward.hostname, site_name=ward.name)
    return q


def demo_exists() -> bool:
    return Site.objects.filter(_demo_sites_q()).exists()


def set_demo_port(port: int) -> int:
    """Serve the demo wards' full URLs (sitemap, feeds, Open Graph) on the port the server runs on."""
    changed = 0
    for site in Site.objects.filter(_demo_sites_q()).exclude(port=port):
        site.port = port
        site.save()  # save(), not update(): Wagtail's cache of site root paths must be cleared
        changed += 1
    return changed


def _delete_with_blockers(obj, depth: int = 0) -> None:
    """Delete `obj`; whatever protects it (PROTECT/RESTRICT foreign keys of other apps' demo data) goes first."""
    for _attempt in range(50):
        try:
            with transaction.atomic():  # a savepoint: a refused delete leaves nothing half done
                obj.delete()
            return
        except (ProtectedError, RestrictedError) as error:
            if depth > 10:
                raise
            blockers = getattr(error, "protected_objects", None) or getattr(error, "restricted_objects", None)
            for blocker in list(blockers):
                if type(blocker).objects.filter(pk=blocker.pk).exists():  # an earlier one may have taken it along
                    _delete_with_blockers(blocker, depth + 1)
    raise RuntimeError(f"Không xóa được {obj!r}")


@transaction.atomic
def delete_demo() -> int:
    """Remove the demo wards: their page trees, sites (with settings, themes and other apps' data), files."""
    removed = 0
    for site in Site.objects.filter(_demo_sites_q()).select_related("root_page"):
        root = site.root_page.specific
        if root.depth == 2 and not Site.objects.filter(root_page=root).exclude(pk=site.pk).exists():
            # The home's translations (the English home at /en/) are its siblings, not descendants.
            for translation in root.get_translations().filter(depth=2):
                _delete_with_blockers(translation.specific)
            _delete_with_blockers(root)  # the Site goes with its root page
        if Site.objects.filter(pk=site.pk).exists():
            _delete_with_blockers(site)
        removed += 1
    root_collection = Collection.get_first_root_node()
    for ward in WARDS:
        for collection in root_collection.get_children().filter(name=ward.name):
            get_image_model().objects.filter(collection=collection).delete()
            get_document_model().objects.filter(collection=collection).delete()  # other apps' demo files
            collection.delete()
    return removed


def remove_wagtail_welcome() -> None:
    """Delete Wagtail's initial "Welcome to your new Wagtail site!" page and the Site pointing at it."""
    welcome = Page.objects.filter(depth=2, slug="home", title=WAGTAIL_WELCOME_TITLE, numchild=0).first()
    if welcome is None or welcome.specific_class is not Page:
        return
    Site.objects.filter(root_page=welcome).delete()
    welcome.delete()


# —— Small helpers ——


def when(value: str, rnd: random.Random) -> dt.datetime:
    """An aware datetime from "YYYY-MM-DD[ HH:MM]"; without a time, a plausible office hour."""
    if " " in value:
        moment = dt.datetime.fromisoformat(value)
    else:
        day = dt.date.fromisoformat(value)
        hour = rnd.choice((8, 9, 9, 10, 10, 11, 14, 14, 15, 15, 16))
        moment = dt.datetime.combine(day, dt.time(hour, rnd.randrange(0, 60, 5)))
    moment = moment.replace(tzinfo=TZ)
    now = timezone.now()
    return moment if moment <= now else now - dt.timedelta(minutes=rnd.randint(30, 300))


def page_slug(title: str, max_length: int = 80) -> str:
    """ASCII slug, "12/2026" → "12-2026", cut at a word boundary so links stay shareable."""
    slug = slugify_vi(title.replace("/", " "))
    if len(slug) > max_length:
        slug = slug[: max_length + 1].rsplit("-", 1)[0]
    return slug


def rich_text(text: str) -> str:
    """Plain text → rich-text HTML: paragraphs, and "- " lines as a bulleted list."""
    parts, items = [], []
    for line in text.split("\n"):
        if line.startswith("- "):
            items.append(f"<li>{escape(line[2:], quote=False)}</li>")
            continue
        if items:
            parts.append("<ul>" + "".join(items) + "</ul>")
            items = []
        parts.append(f"<p>{escape(line, quote=False)}</p>")
    if items:
        parts.append("<ul>" + "".join(items) + "</ul>")
    return "".join(parts)


def table_value(table: TableSpec) -> dict:
    return {
        "data": [list(table.header), *[list(row) for row in table.rows]],
        "table_header_choice": "row",
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": table.caption,
        "cell": [],
        "mergeCells": [],
    }


def video_value(video: VideoSpec) -> dict:
    return {"url": video.url, "title": video.title, "caption": video.caption}


def body_blocks(article: ArticleSpec, body_image=None, attachments=()) -> list[dict]:
    """StreamField raw data for an article, from its mini-markup (see spec.py)."""
    blocks = []
    for item in article.body:
        if item == "[[files]]":
            if not attachments:
                raise ValueError(f"{article.title}: [[files]] without attachments")
            documents = [document.pk for document in attachments]
            blocks.append({"type": "documents", "value": {"heading": "Tệp đính kèm", "documents": documents}})
            continue
        if item == "[[image]]":
            if body_image is None:
                raise ValueError(f"{article.title}: [[image]] without body_image")
            blocks.append(
                {"type": "image", "value": {"image": body_image.pk, "alt_text": "", "caption": article.body_image}}
            )
        elif item == "[[table]]":
            blocks.append({"type": "table", "value": table_value(article.table)})
        elif item == "[[video]]":
            blocks.append({"type": "video", "value": video_value(article.video)})
        elif item.startswith("### "):
            blocks.append({"type": "heading", "value": {"text": item[4:], "level": "h3"}})
        elif item.startswith("## "):
            blocks.append({"type": "heading", "value": {"text": item[3:], "level": "h2"}})
        elif item.startswith("> "):
            text, _, source = item[2:].rpartition(" — ")
            blocks.append({"type": "quote", "value": {"text": text or source, "source": source if text else ""}})
        else:
            blocks.append({"type": "paragraph", "value": rich_text(item)})
    return blocks


def _categories_flat(categories, parent_title=None):
    for category in categories:
        yield category, parent_title
        yield from _categories_flat(category.children, category.title)


@dataclass
class WardResult:
    spec: WardSpec
    site: Site
    categories: int = 0
    articles: int = 0
    media: int = 0
    themes: int = 0
    images: int = 0
    apps: list[str] = field(default_factory=list)  # apps whose demo content was added


@dataclass
class WardBuilder:
    spec: WardSpec
    port: int | None = None  # None: the spec's
    result: WardResult | None = None
    collection: Collection | None = None
    stamps: list[tuple[int, int, dt.datetime]] = field(default_factory=list)  # page, revision, moment
    image_count: int = 0

    def rnd(self, *parts) -> random.Random:
        return random.Random(":".join([self.spec.key, *map(str, parts)]))

    # —— images ——

    def _store_image(self, title: str, data: bytes, extension: str):
        self.image_count += 1
        image = get_image_model()(title=title, collection=self.collection)
        image.file = ImageFile(io.BytesIO(data), name=f"demo-{self.spec.key}-{self.image_count:03d}.{extension}")
        image.file_size = len(data)
        image.file_hash = hashlib.sha1(data).hexdigest()  # noqa: S324 (Wagtail's duplicate check, not security)
        image.save()
        return image

    def picture(self, caption: str, colours, motif: str, section: str):
        data = illustration(
            caption, f"{self.spec.label} · {section.upper()}", colours, motif, f"{self.spec.key}:{caption}"
        )
        return self._store_image(caption, data, "jpg")

    def attachment(self, title: str, article: ArticleSpec):
        """The signed document a notice carries, as a generated one-page PDF in the ward's collection."""
        document = pdf_document(
            title,
            f"{self.spec.key}-{page_slug(title)[:60]}.pdf",
            [self.spec.official_name, title, "", article.lead, "", article.date[:10]],
            collection=self.collection,
        )
        return document

    # —— pages ——

    def publish(self, parent: Page, page: Page, moment: dt.datetime) -> Page:
        page.first_published_at = moment
        if not page.slug:
            page.slug = page_slug(page.title)
        parent.add_child(instance=page)
        revision = page.save_revision()
        revision.publish()
        self.stamps.append((page.pk, revision.pk, moment))
        return page

    def apply_stamps(self) -> None:
        """Make the history look like the pages were published on their own dates."""
        for page_id, revision_id, moment in self.stamps:
            Page.objects.filter(pk=page_id).update(
                first_published_at=moment, last_published_at=moment, latest_revision_created_at=moment
            )
            Revision.objects.filter(pk=revision_id).update(created_at=moment)
            PageLogEntry.objects.filter(page_id=page_id).update(timestamp=moment)

    # —— the ward ——

    def build(self) -> WardResult:
        spec = self.spec
        launched = when(spec.launched, self.rnd("launch"))
        self.collection = Collection.get_first_root_node().add_child(name=spec.name)

        home = HomePage(
            title=spec.name,
            slug=page_slug(spec.name),
            seo_title=f"Cổng thông tin điện tử {spec.name}",
            intro=spec.intro,
            first_published_at=launched,
        )
        Page.get_first_root_node().add_child(instance=home)
        if spec.is_default_site:
            Site.objects.filter(is_default_site=True).update(is_default_site=False)
        site = Site.objects.create(
            hostname=spec.hostname,
            port=self.port or spec.port,
            site_name=spec.name,
            root_page=home,
            is_default_site=spec.is_default_site,
        )
        self.result = WardResult(spec, site)
        self._settings(site)
        self._themes(site)

        categories = self._categories(home, launched)
        articles = self._articles(categories)
        self._media(home, launched)

        home.featured_articles = [
            FeaturedArticle(article=articles[title], sort_order=i) for i, title in enumerate(spec.featured)
        ]
        revision = home.save_revision()
        revision.publish()
        self.stamps.append((home.pk, revision.pk, launched))
        self.apply_stamps()
        self.result.images = self.image_count
        return self.result

    def _settings(self, site: Site) -> None:
        spec = self.spec
        mark = self._store_image(f"Biểu trưng {spec.name}", emblem(), "png")
        ward_settings, _ = WardSettings.objects.update_or_create(
            site=site,
            defaults={
                "official_name": spec.official_name,
                "short_name": spec.name,
                "parent_unit": spec.parent_unit,
                "unit_code": spec.unit_code,
                "emblem": mark,
                "address": spec.address,
                "phone": spec.phone,
                "email": spec.email,
                "working_hours": spec.working_hours,
                "responsible_person": spec.responsible_person,
            },
        )

    def _themes(self, site: Site) -> None:
        for year, text in sorted(self.spec.themes.items()):
            theme = YearTheme.objects.create(site=site, year=year, text=text, live=False)
            theme.save_revision().publish()
            self.result.themes += 1

    def _categories(self, home: HomePage, launched: dt.datetime) -> dict[str, tuple[CategoryPage, CategorySpec]]:
        pages: dict[str, tuple[CategoryPage, CategorySpec]] = {}
        for category, parent_title in _categories_flat(self.spec.categories):
            parent = home if parent_title is None else pages[parent_title][0]
            page = CategoryPage(
                title=category.title,
                intro=category.intro,
                show_in_menus=True,
                show_on_home=category.show_on_home,
            )
            pages[category.title] = (self.publish(parent, page, launched), category)
            self.result.categories += 1
        return pages

    def _articles(self, categories) -> dict[str, ArticlePage]:
        created: dict[str, ArticlePage] = {}
        ordered = sorted(self.spec.articles, key=lambda article: article.date)
        for article in ordered:
            parent, category = categories[article.category]
            moment = when(article.date, self.rnd("article", article.title))
            motif = article.motif or category.motif
            listing = self.picture(article.image or article.title, category.colours, motif, category.title)
            body_image = None
            if article.body_image:
                body_image = self.picture(article.body_image, category.colours, motif, category.title)
            attachments = [self.attachment(title, article) for title in article.attachments]
            page = ArticlePage(
                title=article.title,
                lead=article.lead,
                published_at=moment,
                signing_unit=article.signing_unit or category.signing_unit,
                listing_image=listing,
                body=body_blocks(article, body_image, attachments),
            )
            page.tags.add(*article.tags)
            page.related_links = [
                RelatedArticle(article=created[title], sort_order=i) for i, title in enumerate(article.related)
            ]
            created[article.title] = self.publish(parent, page, moment)
            self.result.articles += 1
        return created

    def _media(self, home: HomePage, launched: dt.datetime) -> None:
        spec = self.spec
        index = self.publish(
            home,
            MediaIndexPage(title=MEDIA_INDEX_TITLE, intro=spec.media_intro, show_in_menus=True),
            launched,
        )
        for story in sorted(spec.media, key=lambda item: item.date):
            self._story(index, story)
            self.result.media += 1

    def _story(self, index: MediaIndexPage, story: MediaSpec) -> None:
        moment = when(story.date, self.rnd("media", story.title))
        motifs = story.photo_motifs or (story.motif,)
        photos = [
            self.picture(caption, story.colours, motifs[i % len(motifs)], MEDIA_INDEX_TITLE)
            for i, caption in enumerate(story.photos)
        ]
        listing = photos[0] if photos else self.picture(story.title, story.colours, story.motif, MEDIA_INDEX_TITLE)
        page = MediaStoryPage(
            title=story.title,
            lead=story.lead,
            published_at=moment,
            video_url=story.video_url,
            listing_image=listing,
            description="".join(rich_text(paragraph) for paragraph in story.description),
        )
        page.gallery_images = [
            GalleryImage(image=image, caption=caption, sort_order=i)
            for i, (image, caption) in enumerate(zip(photos, story.photos, strict=True))
        ]
        self.publish(index, page, moment)


def app_demos() -> list[tuple[str, object]]:
    """`build_demo(home, site)` of each installed project app with a `demo` module, in INSTALLED_APPS order.

    Such a function adds the app's own demo content to one ward (under its home page, tied
    to its Site, files in the ward's collection so that `--reset` removes them).
    """
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("congphuong.") or config.name == "congphuong.core":
            continue
        module_name = f"{config.name}.demo"
        if importlib.util.find_spec(module_name) is None:
            continue
        build = getattr(importlib.import_module(module_name), "build_demo", None)
        if callable(build):
            found.append((str(config.verbose_name), build))
    return found


@transaction.atomic
def build_demo(with_apps: bool = True, port: int | None = None) -> list[WardResult]:
    """Both demo wards; then, unless `with_apps` is False, every app's demo content for each ward.

    `port`: the port the wards' sites answer on (`make run PORT=…`), else each spec's. Inside
    `bulk_changes()`: no renditions, purges or indexing per save, each done once at the end
    (`congphuong.core.bulk`; the renditions are left to `make_demo_renditions` or the first reader).
    """
    with bulk_changes():
        remove_wagtail_welcome()
        builders = [WardBuilder(ward, port=port) for ward in WARDS]
        results = [builder.build() for builder in builders]
        # The roles before the apps' demos: those add their own permissions to these groups.
        ensure_roles([result.site.root_page for result in results])
        if with_apps:
            extras = app_demos()
            for result in results:
                for name, build in extras:
                    build(result.site.root_page.specific, result.site)
                    result.apps.append(name)
    return results
