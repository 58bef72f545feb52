"""RSS of the published answers of one ward: question (masked), answer, answering unit. No contact details."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.text import Truncator

from congphuong.core.origin import absolute

FEED_SIZE = 30


class AnswerFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "vi"

    def __init__(self, page):
        super().__init__()
        self.page = page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.page.title

    def link(self):
        return self.page.get_full_url(self.request)

    def feed_url(self):
        # The self link (atom:link rel="self"): Django builds it from the request's host otherwise.
        return absolute(self.request.path, self.request)

    def description(self):
        return self.page.intro or "Câu hỏi của người dân và câu trả lời của cơ quan"

    def items(self):
        from .public_views import _published

        return _published(self.page)[:FEED_SIZE]

    def item_title(self, item):
        return item.display_title

    def item_description(self, item):
        answer = Truncator(item.display_answer).words(80)
        return f"Hỏi ({item.asker_label}): {item.display_question}\n\nTrả lời: {answer}"

    def item_link(self, item):
        return self.page.get_full_url(self.request) + self.page.reverse_subpage("answer", kwargs={"pk": item.pk})

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.answering_unit or None
