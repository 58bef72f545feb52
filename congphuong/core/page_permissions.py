"""What a user may do to one of our pages: Wagtail's rules, without a query per listed page.

Wagtail's `PagePermissionTester.can_delete` asks the database, for an editor who may change pages but
not publish them (our "Biên tập viên"), whether any page of the subtree, the page included, is live.
The explorer asks it twice for each row (the row's "…" menu and its delete button) and the page editor
twice more: at 2,000 articles in a category, 100 queries for one screen of 50 rows (bench/RESULTS.md,
"Province", "Admin at 2,000 children").

For a page without children that subtree is the page itself, so the answer is the page's own `live`
flag, already in memory. Every other case (pages with children, other permission sets, superusers)
is Wagtail's unchanged. `Page.permissions_for_user` is Wagtail's documented override point for a
page type's permission tester; `BasePage` returns this one.
"""

from wagtail.models import PagePermissionTester


class PortalPagePermissionTester(PagePermissionTester):
    def can_delete(self, ignore_bulk=False):
        if self._deletes_own_leaf_without_publish():
            # Wagtail: `self.page.get_descendants(inclusive=True).live().exists()` refuses; a leaf's
            # inclusive subtree is the page alone.
            return not self.page.live
        return super().can_delete(ignore_bulk=ignore_bulk)

    def _deletes_own_leaf_without_publish(self) -> bool:
        """The one branch of Wagtail's `can_delete` that queries the subtree, for a leaf page."""
        return (
            self.user.is_active
            and not self.user.is_superuser
            and not self.page_is_root
            and self.page.numchild == 0
            and "change" in self.permissions
            and "publish" not in self.permissions
        )
