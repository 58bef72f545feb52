"""Markup and metadata of every kind of public page, as a crawler sees them (Nu Html Checker, extruct, a crawl).

The URLs are sampled from the code's registries, not listed: one page of every page type of Wagtail's
registry (`get_page_models()`, each made by its app's test factory), every route of every routable page
type, the parameterless public routes of the URL conf, the ward's sitemap, the RSS feeds the pages
announce and one link per URL shape of the pages read. A small ward is built with factories (not the
demo), so the crawl takes seconds. Each URL is requested through a host alias of the ward (what Wagtail
falls back to for an unknown host), and:

- every ``<time datetime>`` is a valid date/time without fractions of a second;
- every absolute URL in canonical, og:*, twitter:image, JSON-LD, RSS and robots.txt is on the
  ward's canonical origin (its Site's root URL), never the host of the request;
- every indexable page has a meta description and an og:description equal to it;
- every JSON-LD block parses.
"""

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from importlib import import_module
from urllib.parse import urlsplit

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, get_page_models

from congphuong.core.origin import site_origin

pytestmark = pytest.mark.django_db

# HTML's valid date, month, week, time and global date-time strings, whole seconds at most.
VALID_DATETIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2}"
    r"|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?"
    r"|\d{4}-\d{2}|\d{4}-W\d{2}|\d{2}:\d{2}(:\d{2})?)$"
)
PER_SHAPE = 3  # pages read per URL shape (first two path segments, digits folded)
FOLLOWED_LINKS_PER_PAGE = 60


def _shape(path: str) -> str:
    parts = [re.sub(r"\d+", "0", part) for part in path.strip("/").split("/")[:3]]
    return "/".join(parts)


def _public_routes():
    """Parameterless routes of the URL conf outside the admin (robots.txt, sitemap, search…)."""

    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + route)
            elif isinstance(pattern, URLPattern) and not re.search(r"[<(\[^$?*+\\]", route):
                yield "/" + prefix + route

    skip = ("/admin", "/healthz", "/readyz", "/tai-lieu", "/tim-kiem/goi-y")
    return sorted({route for route in walk(get_resolver().url_patterns) if not route.startswith(skip)})


class Crawl:
    def __init__(self, client, site, alias_host):
        self.client = client
        self.site = site
        self.origin = site_origin(site)
        self.alias_host = alias_host
        self.seen: set[str] = set()
        self.shapes: Counter = Counter()
        self.problems: dict[str, list[str]] = {
            "time": [],
            "origin": [],
            "description": [],
            "json-ld": [],
            "status": [],
        }
        self.indexable_pages = 0

    def get(self, path):
        return self.client.get(path, HTTP_HOST=self.alias_host)

    def path_of(self, url) -> str | None:
        """The path of a link of this ward, or None (another site, a file, a fragment)."""
        parts = urlsplit(url)
        if parts.scheme and f"{parts.scheme}://{parts.netloc}" != self.origin:
            return None
        if not parts.path.startswith("/") or parts.path.startswith(("/admin", "/media", "/static", "/tai-lieu")):
            return None
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def check_origin(self, where, url):
        on_origin = url == self.origin or url.startswith(self.origin + "/")
        if url and url.startswith(("http://", "https://")) and not on_origin:
            self.problems["origin"].append(f"{where}: {url}")

    def read(self, path, follow=True):
        if path in self.seen:
            return
        self.seen.add(path)
        response = self.get(path)
        if response.status_code in (301, 302):
            return
        if response.status_code != 200:
            self.problems["status"].append(f"{path}: {response.status_code}")
            return
        content_type = response.get("Content-Type", "")
        body = response.content.decode("utf-8", "replace")
        if "xml" in content_type or path.endswith(("/rss/", ".xml")):
            self.check_xml(path, body)
        elif "text/plain" in content_type:
            for line in body.splitlines():
                if line.lower().startswith("sitemap:"):
                    self.check_origin(f"{path} Sitemap", line.split(":", 1)[1].strip())
        elif "text/html" in content_type:
            self.check_html(path, body, follow)

    def check_xml(self, path, body):
        root = ET.fromstring(body)  # noqa: S314 (our own response)
        for element in root.iter():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag in ("loc", "link", "guid") and element.text:
                self.check_origin(f"{path} <{tag}>", element.text.strip())
            if element.get("href"):
                self.check_origin(f"{path} <{tag} href>", element.get("href"))

    def check_html(self, path, body, follow):
        soup = BeautifulSoup(body, "html.parser")
        for time in soup.find_all("time"):
            value = time.get("datetime")
            if value is not None and not VALID_DATETIME.match(value):
                self.problems["time"].append(f"{path}: <time datetime={value!r}>")
        canonical = soup.find("link", rel="canonical")
        if canonical is not None:
            self.check_origin(f"{path} canonical", canonical.get("href", ""))
        for meta in soup.find_all("meta"):
            name = meta.get("property") or meta.get("name") or ""
            if name in ("og:url", "og:image", "twitter:image"):
                self.check_origin(f"{path} {name}", meta.get("content", ""))
        for script in soup.find_all("script", type="application/ld+json"):
            try:
                data = json.loads(script.string or "")
            except ValueError as error:
                self.problems["json-ld"].append(f"{path}: {error}")
                continue
            for key, value in _strings(data):
                if key != "@context":
                    self.check_origin(f"{path} JSON-LD {key}", value)
        robots = soup.find("meta", attrs={"name": "robots"})
        indexable = robots is None or "noindex" not in robots.get("content", "")
        if indexable:
            self.indexable_pages += 1
            description = soup.find("meta", attrs={"name": "description"})
            og_description = soup.find("meta", property="og:description")
            text = description.get("content", "").strip() if description else ""
            if not text:
                self.problems["description"].append(f"{path}: no meta description")
            elif og_description is None or og_description.get("content") != description.get("content"):
                self.problems["description"].append(f"{path}: og:description differs from the meta description")
        for link in soup.find_all("link", rel="alternate", type="application/rss+xml"):
            feed = self.path_of(link.get("href", ""))
            if feed:
                self.read(feed, follow=False)
        if follow:
            links = [self.path_of(a.get("href", "")) for a in soup.find_all("a", href=True)]
            for link in [link for link in links if link][:FOLLOWED_LINKS_PER_PAGE]:
                self.visit(link, follow=False)

    def visit(self, path, follow=True):
        shape = _shape(path.split("?")[0]) + ("?" if "?" in path else "")
        if path in self.seen or self.shapes[shape] >= PER_SHAPE:
            return
        self.shapes[shape] += 1
        self.read(path, follow)


def _strings(data, key=""):
    if isinstance(data, dict):
        for name, value in data.items():
            yield from _strings(value, name)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value, key)
    elif isinstance(data, str):
        yield key, data


def _page_factories():
    """Every page factory of our apps' tests, by the model it makes."""
    found = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("congphuong."):
            continue
        try:
            module = import_module(f"{config.name}.tests.factories")
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, wagtail_factories.PageFactory):
                model = getattr(value._meta, "model", None)
                if model is not None:
                    found.setdefault(model, value)
    return found


def _one_page_of_every_type(home):
    """One live page of each creatable page type, under a parent its rules allow (home first)."""
    factories = _page_factories()
    models = [model for model in get_page_models() if model.is_creatable and model is not type(home)]
    missing = [model._meta.label for model in models if model not in factories]
    assert not missing, f"page types without a factory in <app>/tests/factories.py: {missing}"
    made = {type(home): home}
    while len(made) < len(models) + 1:
        progress = False
        for model in models:
            if model in made:
                continue
            parents = [made[parent] for parent in model.allowed_parent_page_models() if parent in made]
            if parents:
                made[model] = factories[model](parent=parents[0])
                progress = True
        assert progress, f"no parent can be made for {[m._meta.label for m in models if m not in made]}"
    return made


def _records(home, pages):
    """What the pages' lists and sub-routes show: an article image, a leader, an answered question, a week."""
    from congphuong.feedback.models import FeedbackPage
    from congphuong.feedback.tests.factories import published_question
    from congphuong.news.models import ArticlePage
    from congphuong.news.tests.factories import ArticlePageFactory
    from congphuong.organisation.models import WeeklySchedulePage
    from congphuong.organisation.tests.factories import LeaderFactory, ScheduleEntryFactory

    site = home.get_site()
    article = pages[ArticlePage]
    article.listing_image = wagtail_factories.ImageFactory(title="Ảnh thử nghiệm")
    article.save_revision().publish()
    week = pages[WeeklySchedulePage]
    ScheduleEntryFactory(page=week, date=timezone.localdate(), content="Giao ban đầu tuần")
    leader = LeaderFactory(site=site, full_name="Nguyễn Văn Lãnh Đạo")
    question = published_question(pages[FeedbackPage])
    # A page behind a password (Wagtail's password form) and one behind a login (/_util/login/).
    for restriction in (PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN):
        private = ArticlePageFactory(parent=article.get_parent(), title=f"Trang riêng {restriction}")
        PageViewRestriction.objects.create(page=private, restriction_type=restriction, password="mat-khau")
    return {"leader": {"slug": leader.slug}, "answer": {"pk": question.pk}, "rate_answer": {"pk": question.pk}}


def _routes(page, samples):
    """Every route of a routable page, its parameters taken from `samples` (route name → kwargs)."""
    for pattern in page.get_resolver().url_patterns:
        if pattern.name == "index_route":
            continue
        needs = bool(pattern.pattern.regex.groupindex)
        assert not needs or pattern.name in samples, f"{type(page).__name__}: route {pattern.name} needs a sample"
        yield pattern.name, page.url + page.reverse_subpage(pattern.name, kwargs=samples.get(pattern.name, {}))


@pytest.fixture
def portal(home, settings):
    settings.CONGPHUONG_RENDITIONS_ON_PUBLISH = False  # renditions are made when read; not measured here
    pages = _one_page_of_every_type(home)
    samples = _records(home, pages)
    return home.get_site(), pages, samples


def test_public_pages_metadata_on_the_wards_canonical_origin(portal, client):
    site, pages, samples = portal
    crawl = Crawl(client, site, "127.0.0.1")  # not a Site's host: the default ward answers
    for route in _public_routes():
        crawl.read(route if route != "/tim-kiem/" else "/tim-kiem/?q=khuyen+hoc")

    def locs(response):
        return [element.text for element in ET.fromstring(response.content).iter() if element.tag.endswith("loc")]  # noqa: S314

    locations = []
    for section in locs(crawl.get("/sitemap.xml")):  # the index, then each page of the sitemap
        path = crawl.path_of(section)
        assert path is not None, f"sitemap index location {section} is not on {crawl.origin}"
        locations += locs(crawl.get(path))
    assert len(locations) > 5, "the sitemap lists the ward's pages"
    for location in locations:
        path = crawl.path_of(location)
        assert path is not None, f"sitemap location {location} is not on {crawl.origin}"
        crawl.visit(path)
    routes_read = set()
    for model, page in pages.items():
        crawl.visit(page.url)
        assert page.url in crawl.seen, f"{model.__name__} was not read"
        if isinstance(page, RoutablePageMixin):
            for name, path in _routes(page, samples):
                crawl.read(path, follow=False)
                routes_read.add((model.__name__, name))
    for restricted in PageViewRestriction.objects.select_related("page"):
        crawl.read(restricted.page.url, follow=False)

    assert {model.__name__ for model in pages} <= {type(p).__name__ for p in Page.objects.live().specific()}
    assert ("OrganisationPage", "leader") in routes_read and ("FeedbackPage", "answer") in routes_read
    assert crawl.indexable_pages > 20, f"the crawl read only {crawl.indexable_pages} indexable pages"
    assert "/_util/login/" in crawl.seen
    for name, problems in crawl.problems.items():
        assert not problems, f"{crawl.site} ({name}):\n" + "\n".join(problems[:30])
