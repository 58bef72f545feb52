"""Markup and metadata of every public page, as a crawler sees them (Nu Html Checker, extruct, a crawl).

The demo's public URLs are discovered, not listed: each ward's sitemap, the parameterless public
routes of the URL conf, one page of every live page type, the RSS feeds the pages announce and the
links of the pages read (a few per URL shape). Each is requested through a host alias of its ward
(another host name or port: what Wagtail falls back to), and:

- every ``<time datetime>`` is a valid date/time without fractions of a second;
- every absolute URL in canonical, og:*, twitter:image, JSON-LD, RSS and robots.txt is on the
  ward's canonical origin (its Site's root URL), never the host of the request;
- every indexable page has a meta description and an og:description equal to it;
- every JSON-LD block parses.
"""

import json
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from io import StringIO
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import Page, Site

from congphuong.core.origin import site_origin

pytestmark = [
    pytest.mark.django_db,
    # About 9 minutes on one core (every page of the demo is rendered), and not yet green: Wagtail's
    # view-restriction login page (/_util/login/) has no meta description. Opt in until both are fixed.
    pytest.mark.skipif(
        os.environ.get("CONGPHUONG_PUBLIC_CRAWL") != "1", reason="CONGPHUONG_PUBLIC_CRAWL=1 runs the public crawl"
    ),
]

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


@pytest.fixture
def demo(settings):
    settings.CONGPHUONG_RENDITIONS_ON_PUBLISH = False  # the demo's images: not needed here
    call_command("load_demo", stdout=StringIO())
    return Site.objects.order_by("-is_default_site", "pk")


def test_public_pages_metadata_on_the_wards_canonical_origin(demo, client):
    aliases = {}
    for site in demo:
        # The default ward answers for any unknown host; another ward for its name on another port.
        aliases[site.pk] = "127.0.0.1" if site.is_default_site else f"{site.hostname}:8081"
    crawled = []
    for site in demo:
        crawl = Crawl(client, site, aliases[site.pk])
        for route in _public_routes():
            crawl.read(route if route != "/tim-kiem/" else "/tim-kiem/?q=khuyen+hoc")
        sitemap = crawl.get("/sitemap.xml")
        locations = [element.text for element in ET.fromstring(sitemap.content).iter() if element.tag.endswith("loc")]  # noqa: S314
        assert locations, "the sitemap lists the ward's pages"
        for location in locations:
            path = crawl.path_of(location)
            assert path is not None, f"sitemap location {location} is not on {crawl.origin}"
            crawl.visit(path)
        home = site.root_page
        for model in {type(page) for page in Page.objects.descendant_of(home, inclusive=True).live().specific()}:
            for page in model.objects.descendant_of(home, inclusive=True).live().public()[:2]:
                crawl.visit(crawl.path_of(page.get_full_url()) or page.url)
        crawled.append(crawl)

    for crawl in crawled:
        assert crawl.indexable_pages > 20, f"{crawl.site}: the crawl read only {crawl.indexable_pages} pages"
        for name, problems in crawl.problems.items():
            assert not problems, f"{crawl.site} ({name}):\n" + "\n".join(problems[:30])
