"""Turn a YouTube or Facebook video address into an iframe address.

Built locally instead of through oEmbed so that saving and rendering never wait
on a third-party server (and work on an offline intranet).
"""

import re
from urllib.parse import parse_qs, quote, urlparse

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


def youtube_id(url: str) -> str | None:
    parsed = urlparse(url.strip())
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    candidate = None
    if host == "youtu.be":
        candidate = parsed.path.lstrip("/").split("/")[0]
    elif host in {"youtube.com", "youtube-nocookie.com"}:
        if parsed.path == "/watch":
            candidate = parse_qs(parsed.query).get("v", [None])[0]
        else:
            parts = [p for p in parsed.path.split("/") if p]
            if len(parts) >= 2 and parts[0] in {"embed", "shorts", "live", "v"}:
                candidate = parts[1]
    if candidate and YOUTUBE_ID.match(candidate):
        return candidate
    return None


def is_facebook_video(url: str) -> bool:
    parsed = urlparse(url.strip())
    host = (parsed.hostname or "").lower()
    if not (host == "fb.watch" or host == "facebook.com" or host.endswith(".facebook.com")):
        return False
    return host == "fb.watch" or "/videos/" in parsed.path or parsed.path.startswith(("/watch", "/reel"))


def embed_src(url: str) -> str | None:
    """The iframe src for a supported video URL, or None when it is not one."""
    if not url:
        return None
    video_id = youtube_id(url)
    if video_id:
        return f"https://www.youtube-nocookie.com/embed/{video_id}"
    if is_facebook_video(url):
        return "https://www.facebook.com/plugins/video.php?href=" + quote(url.strip(), safe="")
    return None
