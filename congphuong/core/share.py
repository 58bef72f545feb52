"""Share links for articles: plain addresses, no third-party script.

Each target is an ordinary link that works without JavaScript: the reader's browser opens the
network's own share form with the article's canonical address. Loading a network's SDK instead
(Zalo's sdk.js, Facebook's) would let it track every reader of the portal.
"""

from dataclasses import dataclass
from urllib.parse import quote

from django.utils.translation import gettext

# Zalo publishes its share button only as a script (sp.zalo.me/plugins/sdk.js); its share form
# also opens from a plain link with the address in `url`.
ZALO_SHARE = "https://sp.zalo.me/share_inline?url={url}"
FACEBOOK_SHARE = "https://www.facebook.com/sharer/sharer.php?u={url}"


@dataclass(frozen=True)
class ShareLink:
    label: str  # what the button shows
    href: str
    new_window: bool  # a network's form opens in a new window; e-mail opens the mail program
    name: str  # the network, for the CSS class
    action: str  # "Chia sẻ lên Zalo": the accessible name says what the link does, the label included

    @property
    def accessible_name(self) -> str:
        """What a screen reader says: "Chia sẻ lên Zalo (mở cửa sổ mới)"."""
        return self.action + (gettext(" (mở cửa sổ mới)") if self.new_window else "")


def share_links(url: str, title: str) -> list[ShareLink]:
    """The share links of a page at absolute `url` titled `title`, Zalo first (most readers use it); the
    labels in the request's language (msgids of the public catalogue)."""
    encoded_url, encoded_title = quote(url, safe=""), quote(title, safe="")
    return [
        ShareLink("Zalo", ZALO_SHARE.format(url=encoded_url), True, "zalo", gettext("Chia sẻ lên Zalo")),
        ShareLink(
            "Facebook", FACEBOOK_SHARE.format(url=encoded_url), True, "facebook", gettext("Chia sẻ lên Facebook")
        ),
        ShareLink(
            gettext("Thư điện tử"),
            f"mailto:?subject={encoded_title}&body={encoded_url}",
            False,
            "email",
            gettext("Gửi liên kết qua thư điện tử"),
        ),
    ]
