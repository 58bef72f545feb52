"""What a user may do to one of our pages: Wagtail's rules, without a query per listed page.

Wagtail's `PagePermissionTester.can_delete` (and `can_move`, which is `can_delete(ignore_bulk=True)`)
asks the database, for a user who may change pages but not publish them (our "Biên tập viên"), whether
the page's subtree, the page included, has a live page. The explorer asks it for each row's delete and
move buttons, the page editor twice more: at 2,000 articles in a category, 100 queries for one screen
of 50 rows (bench/RESULTS.md, "Province", "Admin at 2,000 children").

The subtree includes the page: a live page has a live page in its subtree, and the subtree of a page
without children is the page itself. So for a live page, or a page without children, the answer is
the page's own `live` flag, already in memory (a section's explorer lists live pages with children).
Every other case (a draft with children, other permission sets, superusers) is Wagtail's unchanged.
`Page.permissions_for_user` is Wagtail's documented override point for a page type's permission
tester; `BasePage` returns this one.
"""

from wagtail.models import PagePermissionTester


class PortalPagePermissionTester(PagePermissionTester):
    def can_delete(self, ignore_bulk=False):
        # Wagtail refuses when `self.page.get_descendants(inclusive=True).live().exists()`, whatever
        # its bulk-delete check said before (which can only refuse too).
        if self._changes_without_publish() and (self.page.live or self.page.numchild == 0):
            return not self.page.live
        return super().can_delete(ignore_bulk=ignore_bulk)

    def _changes_without_publish(self) -> bool:
        """The branch of Wagtail's `can_delete` that queries the page's subtree."""
        return (
            self.user.is_active
            and not self.user.is_superuser
            and not self.page_is_root
            and "change" in self.permissions
            and "publish" not in self.permissions
        )
