"""A back-office menu item shown only to the users a rule admits.

The views behind such items check the same rule again: hiding the item is for a tidy sidebar, not
for access. One class for every gated item (the compliance board, the self-assessment, the city's
pages, lockouts…) instead of a subclass per page that only differs by its rule.
"""

from collections.abc import Callable
from typing import Any

from wagtail.admin.menu import MenuItem


class GatedMenuItem(MenuItem):
    def __init__(self, label: str, url: str, *, may_view: Callable[[Any], bool], **kwargs: Any) -> None:
        super().__init__(label, url, **kwargs)
        self.may_view = may_view

    def is_shown(self, request) -> bool:
        return bool(self.may_view(request.user))
