"""RSS feeds: all news of a ward, or one category (and its sub-categories)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from congphuong.core.origin import absolute

FEED_SIZE = 30


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, root_page):
        super().__init__()
        self.root_page = root_page
        # The language of the page the feed is of: /en/rss/ (the English home) is "en".
        self.language = getattr(getattr(root_page, "locale", None), "language_code", None) or "vi"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.root_page.title

    def link(self):
        return self.root_page.get_full_url(self.request)

    def feed_url(self):
        # The self link (atom:link rel="self"): Django builds it from the request's host otherwise.
        return absolute(self.request.path, self.request)

    def description(self):
        return getattr(self.root_page, "intro", "") or _("Tin mới nhất của %(title)s") % {"title": self.root_page.title}

    def items(self):
        from .models import live_articles

        return live_articles().descendant_of(self.root_page)[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead or item.search_description

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.signing_unit or None
