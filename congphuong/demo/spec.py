"""The shapes of the demo content: plain frozen dataclasses, no Django.

Article bodies are lists of short strings in a tiny markup (see `builder.body_blocks`):
"## …" a section heading, "### …" a sub-heading, "> text — source" a quote,
"[[image]]", "[[table]]", "[[video]]", "[[files]]" where those blocks go, lines starting with
"- " a bulleted list; anything else is a paragraph.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class TableSpec:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class VideoSpec:
    url: str
    title: str
    caption: str = ""


@dataclass(frozen=True)
class CategorySpec:
    title: str
    intro: str
    signing_unit: str
    colours: tuple[str, str]
    motif: str
    children: tuple["CategorySpec", ...] = ()
    show_on_home: bool = True


@dataclass(frozen=True)
class ArticleSpec:
    category: str  # a CategorySpec title
    date: str  # "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" (Asia/Ho_Chi_Minh)
    title: str
    lead: str
    body: tuple[str, ...]
    tags: tuple[str, ...] = ()
    image: str = ""  # what the listing image shows (its title, read as alt text)
    body_image: str = ""  # a second picture, placed at [[image]]
    table: TableSpec | None = None
    video: VideoSpec | None = None
    signing_unit: str = ""  # defaults to the category's
    related: tuple[str, ...] = ()  # titles of earlier articles
    motif: str = ""  # picture motif, defaults to the category's
    attachments: tuple[str, ...] = ()  # titles of generated PDF files, placed at [[files]]


@dataclass(frozen=True)
class MediaSpec:
    date: str
    title: str
    lead: str
    description: tuple[str, ...]
    motif: str
    colours: tuple[str, str]
    video_url: str = ""
    photos: tuple[str, ...] = ()  # gallery captions; a video story may have none
    photo_motifs: tuple[str, ...] = ()  # one per photo, cycled; defaults to `motif`


@dataclass(frozen=True)
class WardSpec:
    key: str  # ASCII, used in file names and seeds
    name: str  # "Phường Bình An"
    official_name: str
    parent_unit: str
    hostname: str
    port: int
    is_default_site: bool
    intro: str
    address: str
    phone: str
    email: str
    working_hours: str
    responsible_person: str
    chairman: tuple[str, bool]  # (full name, woman?) of the Chủ tịch UBND: the one the news, footer and signatures name
    launched: str  # date of the ward's first pages
    colours: tuple[str, str]
    themes: dict[int, str]
    categories: tuple[CategorySpec, ...]
    articles: tuple[ArticleSpec, ...]
    media_intro: str
    media: tuple[MediaSpec, ...]
    featured: tuple[str, ...]  # article titles, in order
    unit_code: str = ""  # official code of the unit (units app), when the demo ward is named after a real one

    @property
    def label(self) -> str:
        return self.name.upper()
