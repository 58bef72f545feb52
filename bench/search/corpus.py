"""A deterministic corpus of N Vietnamese ward articles, and the labelled query set.

`generate(n)` always returns the same articles for the same n and seed. Relevance labels are
computed from the generated text with plain string rules (see `QUERIES`), independently of
the search code under test:

- ``title``: the article's title contains the phrase (accented, whole words);
- ``title_folded``: the title contains the phrase once diacritics are removed (ambiguous
  diacritic-less queries such as "tuyen duong", which fits "tuyên dương" and "tuyến đường");
- ``any``: the title or the text contains the phrase (rare facts mentioned in passing).
"""

from __future__ import annotations

import datetime
import random
import re
import unicodedata
from dataclasses import dataclass

from anyascii import anyascii

from . import vocab

SEED = 20251125
WARD = "Phường Bình An"
START = datetime.datetime(2016, 1, 1, 7, 0)
END = datetime.datetime(2025, 10, 31, 17, 0)


@dataclass
class Article:
    index: int
    title: str
    lead: str
    paragraphs: list[str]
    date: datetime.datetime
    category: int  # index into vocab.CATEGORIES
    topic: str

    @property
    def text(self) -> str:
        return " ".join([self.lead, *self.paragraphs])


def _person(rng) -> str:
    return f"{rng.choice(vocab.FAMILY_NAMES)} {rng.choice(vocab.MIDDLE_NAMES)} {rng.choice(vocab.GIVEN_NAMES)}"


def _fill(pattern: str, rng, topic: str, year: int, other: str = "") -> str:
    return pattern.format(
        ward=WARD,
        ward_lower="phường Bình An",
        topic=topic,
        Topic=topic[:1].upper() + topic[1:],
        other=other,
        period=rng.choice(vocab.PERIODS),
        kp=rng.randint(1, 12),
        year=year,
        n=rng.randint(12, 250),
        day=rng.choice(vocab.DAYS),
        person=_person(rng),
    )


def generate(n: int, seed: int = SEED) -> list[Article]:
    rng = random.Random(seed)
    topics = [(c, topic) for c, (_title, items) in enumerate(vocab.CATEGORIES) for topic in items]
    weights = [vocab.TOPIC_WEIGHTS.get(topic, 1.0) for _c, topic in topics]
    all_topics = [topic for _c, topic in topics]
    span = (END - START).total_seconds()
    articles = []
    for i in range(n):
        category, topic = rng.choices(topics, weights)[0]
        date = START + datetime.timedelta(seconds=span * (i + rng.random()) / n)
        title = _fill(rng.choice(vocab.TITLE_PATTERNS), rng, topic, date.year)
        lead = _fill(rng.choice(vocab.TOPIC_SENTENCES), rng, topic, date.year)
        paragraphs = []
        for _p in range(3):
            sentences = [_fill(rng.choice(vocab.TOPIC_SENTENCES), rng, topic, date.year)]
            sentences += [rng.choice(vocab.FILLER_SENTENCES) for _f in range(rng.randint(1, 3))]
            if rng.random() < 0.35:
                other = rng.choice(all_topics)
                sentences.append(_fill(rng.choice(vocab.MENTION_SENTENCES), rng, topic, date.year, other))
            rng.shuffle(sentences)
            paragraphs.append(" ".join(sentences))
        articles.append(Article(i, title, lead, paragraphs, date, category, topic))

    # Rare facts in a few articles each, spread over the whole corpus.
    needle_rng = random.Random(seed + 1)
    for phrase, where, count in vocab.NEEDLES:
        for index in needle_rng.sample(range(n), min(count, n)):
            article = articles[index]
            if where == "title":
                article.title = f"{phrase[:1].upper()}{phrase[1:]} tại khu phố {needle_rng.randint(1, 12)}"
            else:
                article.paragraphs.append(
                    f"Dịp này, phường cũng giới thiệu {phrase} với sự hỗ trợ của các nhà hảo tâm."
                )
    for name in vocab.NEEDLE_PEOPLE:
        for index in needle_rng.sample(range(n), min(2, n)):
            articles[index].paragraphs.append(f"Phát biểu tại buổi lễ, ông {name} cảm ơn sự quan tâm của các cấp.")
    return articles


# --- Labelled queries -------------------------------------------------------------------------

NFD = "nfd"

# (query, group, rule, phrase); group "khong-dau" and "dang-chu" differ from the text only by
# diacritics, case or Unicode form.
QUERIES = [
    # With diacritics.
    *[
        (topic, "co-dau", "title", topic)
        for topic in [
            "khuyến học",
            "cải cách hành chính",
            "đăng ký khai sinh",
            "chứng thực bản sao",
            "giấy phép xây dựng",
            "đăng ký thường trú",
            "chuyển đổi số",
            "căn cước công dân",
            "học bổng",
            "phòng cháy chữa cháy",
            "phòng chống ma túy",
            "tiêm chủng mở rộng",
            "sốt xuất huyết",
            "hiến máu tình nguyện",
            "hộ nghèo",
            "bảo hiểm y tế",
            "chợ truyền thống",
            "đoàn thanh niên",
            "cựu chiến binh",
            "tuyên dương",
            "tuyến đường",
            "thuế nhà đất",
            "thuê nhà",
            "khuyên học sinh",
        ]
    ],
    # Without diacritics: the most likely meaning, or both meanings when the words are ambiguous.
    ("khuyen hoc", "khong-dau", "title", "khuyến học"),
    ("cai cach hanh chinh", "khong-dau", "title", "cải cách hành chính"),
    ("dang ky khai sinh", "khong-dau", "title", "đăng ký khai sinh"),
    ("chung thuc ban sao", "khong-dau", "title", "chứng thực bản sao"),
    ("giay phep xay dung", "khong-dau", "title", "giấy phép xây dựng"),
    ("dang ky thuong tru", "khong-dau", "title", "đăng ký thường trú"),
    ("chuyen doi so", "khong-dau", "title", "chuyển đổi số"),
    ("can cuoc cong dan", "khong-dau", "title", "căn cước công dân"),
    ("hoc bong", "khong-dau", "title", "học bổng"),
    ("phong chay chua chay", "khong-dau", "title", "phòng cháy chữa cháy"),
    ("tiem chung mo rong", "khong-dau", "title", "tiêm chủng mở rộng"),
    ("sot xuat huyet", "khong-dau", "title", "sốt xuất huyết"),
    ("hien mau tinh nguyen", "khong-dau", "title", "hiến máu tình nguyện"),
    ("ho ngheo", "khong-dau", "title", "hộ nghèo"),
    ("bao hiem y te", "khong-dau", "title", "bảo hiểm y tế"),
    ("doan thanh nien", "khong-dau", "title", "đoàn thanh niên"),
    ("cuu chien binh", "khong-dau", "title", "cựu chiến binh"),
    ("nguoi cao tuoi", "khong-dau", "title", "người cao tuổi"),
    ("nha tinh nghia", "khong-dau", "title", "nhà tình nghĩa"),
    ("tuyen duong", "khong-dau", "title_folded", "tuyen duong"),
    ("thue nha", "khong-dau", "title_folded", "thue nha"),
    # Case and Unicode form.
    ("khuyến học", "dang-chu", "title", "khuyến học", NFD),
    ("KHUYẾN HỌC", "dang-chu", "title", "khuyến học"),
    ("hiến máu tình nguyện", "dang-chu", "title", "hiến máu tình nguyện", NFD),
    ("Đăng Ký Khai Sinh", "dang-chu", "title", "đăng ký khai sinh"),
    ("DANG KY THUONG TRU", "dang-chu", "title", "đăng ký thường trú"),
    # Wrong tone marks.
    ("khuyển học", "sai-dau", "title", "khuyến học"),
    ("tiêm chũng mở rộng", "sai-dau", "title", "tiêm chủng mở rộng"),
    ("hộ nghẻo", "sai-dau", "title", "hộ nghèo"),
    ("bảo hiễm y tế", "sai-dau", "title", "bảo hiểm y tế"),
    ("chuyễn đổi số", "sai-dau", "title", "chuyển đổi số"),
    ("đang ký khai sinh", "sai-dau", "title", "đăng ký khai sinh"),
    # Typos: a letter missing, doubled, swapped or wrong; the index's own words are suggested and searched.
    ("khuyen hok", "go-sai", "title", "khuyến học"),
    ("bao hiem y tee", "go-sai", "title", "bảo hiểm y tế"),
    ("hien mau tinh nguyenn", "go-sai", "title", "hiến máu tình nguyện"),
    ("dang ky khai sinhh", "go-sai", "title", "đăng ký khai sinh"),
    ("can cuoc cong dna", "go-sai", "title", "căn cước công dân"),
    ("phong chay chua chya", "go-sai", "title", "phòng cháy chữa cháy"),
    ("hộ nghòe", "go-sai", "title", "hộ nghèo"),
    ("cựu chiến bing", "go-sai", "title", "cựu chiến binh"),
    # Quoted phrases.
    ('"cải cách hành chính"', "cum-tu", "title", "cải cách hành chính"),
    ('"an toàn giao thông"', "cum-tu", "title", "an toàn giao thông"),
    ('"trung tâm học tập cộng đồng"', "cum-tu", "title", "trung tâm học tập cộng đồng"),
    ('"vệ sinh môi trường"', "cum-tu", "title", "vệ sinh môi trường"),
    ('"xa hoi hoc tap"', "cum-tu", "title", "xã hội học tập"),
    # Rare facts (a handful of articles each).
    ("gói bánh tét", "hiem", "any", "hội thi gói bánh tét"),
    ("bong chuyen hoi", "hiem", "any", "giải bóng chuyền hơi"),
    ("dạy bơi miễn phí", "hiem", "any", "lớp dạy bơi miễn phí"),
    ("heo đất khuyến học", "hiem", "any", "mô hình heo đất khuyến học"),
    ("hẻm 142", "hiem", "any", "công trình thắp sáng hẻm 142"),
    ("duong sinh", "hiem", "any", "câu lạc bộ dưỡng sinh"),
    ("sach noi khiem thi", "hiem", "any", "thư viện sách nói cho người khiếm thị"),
    ("cơm chay miễn phí", "hiem", "any", "điểm phát cơm chay miễn phí"),
    ("tu banh mi yeu thuong", "hiem", "any", "tủ bánh mì yêu thương"),
    ("xe ôm nghĩa hiệp", "hiem", "any", "đội xe ôm nghĩa hiệp"),
    ("vẽ tranh trung thu", "hiem", "any", "cuộc thi vẽ tranh trung thu"),
    ("bếp ăn bán trú", "hiem", "any", "bếp ăn bán trú"),
    ("may loc nuoc truong tieu hoc", "hiem", "any", "máy lọc nước cho trường tiểu học hòa bình"),
    ("ngày hội đọc sách", "hiem", "any", "ngày hội đọc sách"),
    ("Âu Dương Kim Khánh", "hiem", "any", "âu dương kim khánh"),
    ("man thi quynh nhu", "hiem", "any", "mẫn thị quỳnh như"),
    ("Thạch Văn Rạng", "hiem", "any", "thạch văn rạng"),
    # Very common words.
    ("phường", "pho-bien", "title", "phường"),
    ("phuong", "pho-bien", "title", "phường"),
    ("người dân", "pho-bien", "title", "người dân"),
    ("khu phố", "pho-bien", "title", "khu phố"),
    ("hội nghị", "pho-bien", "title", "hội nghị"),
    ("ke hoach", "pho-bien", "title", "kế hoạch"),
]

DIACRITICS_ONLY_GROUPS = ("khong-dau", "dang-chu")


def _fold(text: str) -> str:
    return anyascii(unicodedata.normalize("NFC", text)).lower()


def _lower(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


@dataclass
class LabelledQuery:
    text: str
    group: str
    relevant: set[int]  # article indexes

    @property
    def diacritics_only(self) -> bool:
        return self.group in DIACRITICS_ONLY_GROUPS


def _contains(haystack: str, phrase: str) -> bool:
    return phrase in haystack and re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", haystack) is not None


def labelled_queries(articles: list[Article], extra=()) -> list[LabelledQuery]:
    """Relevant article indexes per query; `extra` (title, text) items (the category pages, which
    match too) get the indexes len(articles), len(articles) + 1, …"""
    items = [(a.title, a.text) for a in articles] + list(extra)
    titles = [_lower(title) for title, _text in items]
    titles_folded = [_fold(title) for title, _text in items]
    texts = [_lower(text) for _title, text in items]
    out = []
    for query, group, rule, phrase, *form in QUERIES:
        if form and form[0] == NFD:
            query = unicodedata.normalize("NFD", query)
        if rule == "title":
            relevant = {i for i, title in enumerate(titles) if _contains(title, phrase)}
        elif rule == "title_folded":
            relevant = {i for i, title in enumerate(titles_folded) if _contains(title, _fold(phrase))}
        else:
            relevant = {i for i in range(len(items)) if _contains(titles[i], phrase) or _contains(texts[i], phrase)}
        if relevant:
            out.append(LabelledQuery(query, group, relevant))
    return out
