"""Folding and query parsing: every Vietnamese vowel with every tone, đ, NFD input, quotes."""

import unicodedata

import pytest

from congphuong.core.text import fold
from congphuong.search.text import fold_token, has_diacritics, parse_query, tokens

BASES = {
    "a": "a",
    "ă": "a",
    "â": "a",
    "e": "e",
    "ê": "e",
    "i": "i",
    "o": "o",
    "ô": "o",
    "ơ": "o",
    "u": "u",
    "ư": "u",
    "y": "y",
}
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # ngang, huyền, sắc, hỏi, ngã, nặng


def all_vowels():
    for base, ascii_base in BASES.items():
        for tone in TONES:
            letter = unicodedata.normalize("NFC", base + tone)
            yield letter, ascii_base
            yield letter.upper(), ascii_base


def test_the_table_has_every_vowel_with_every_tone():
    letters = {letter for letter, _ascii in all_vowels()}
    assert len(letters) == 12 * 6 * 2
    assert all(len(letter) == 1 for letter in letters), "every toned vowel has a precomposed NFC form"


@pytest.mark.parametrize(("letter", "expected"), list(all_vowels()))
def test_every_toned_vowel_folds_to_its_base_letter(letter, expected):
    assert fold_token(letter.lower()) == expected
    assert tokens(f"x{letter}x") == [(f"x{letter.lower()}x", f"x{expected}x")]
    assert fold_token(letter.lower()) == fold(letter)  # the project's own fold agrees


@pytest.mark.parametrize("letter", ["đ", "Đ"])
def test_d_with_stroke_folds_to_d(letter):
    assert tokens(f"{letter}ảng ủy") == [("đảng", "dang"), ("ủy", "uy")]


def test_decomposed_input_gives_the_same_tokens():
    text = "Khuyến học – khuyến tài, Đảng ủy phường"
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    assert tokens(decomposed) == tokens(text)
    assert tokens(text) == [
        ("khuyến", "khuyen"),
        ("học", "hoc"),
        ("khuyến", "khuyen"),
        ("tài", "tai"),
        ("đảng", "dang"),
        ("ủy", "uy"),
        ("phường", "phuong"),
    ]


def test_punctuation_and_underscores_separate_words():
    assert [f for _e, f in tokens("Số 125/QĐ-UBND_2025; e-mail: ubnd@x.vn")] == [
        "so",
        "125",
        "qd",
        "ubnd",
        "2025",
        "e",
        "mail",
        "ubnd",
        "x",
        "vn",
    ]


def test_has_diacritics():
    assert has_diacritics("học")
    assert not has_diacritics("hoc")


def test_query_words_phrases_and_duplicates():
    parsed = parse_query('“hộ khẩu” thủ tục hộ khẩu "x"')
    assert parsed.folded == ["ho", "khau", "thu", "tuc", "x"]  # one-word "phrases" are plain words
    assert [[f for _e, f in phrase] for phrase in parsed.phrases] == [["ho", "khau"]]
    assert parsed.has_diacritics


@pytest.mark.parametrize("junk", ["", "   ", "!!!", "—…“”", "\x00\x01"])
def test_junk_queries_have_no_words(junk):
    assert not parse_query(junk)


def test_long_queries_keep_twelve_words():
    parsed = parse_query(" ".join(f"từ{n}" for n in range(50)))
    assert len(parsed.words) == 12
