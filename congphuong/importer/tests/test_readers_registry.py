"""The structured readers as the registry (readers/__init__.py) finds them, and their sniffs on the
shared plain-text sample: each file is claimed by exactly the reader that reads it."""

from pathlib import Path

import pytest

from congphuong.importer import readers
from congphuong.importer.tests.readers_support import CLAIMED_BY, fixture, head

STRUCTURED = ("nukeviet", "wxr", "feed", "csv")
SAMPLE = Path("/work/shared/samples/legacy-ward-page.txt")


def structured_readers():
    return [module for module in readers.readers() if module.FORMAT in STRUCTURED]


def test_the_registry_finds_the_four_structured_readers_in_detection_order():
    found = structured_readers()
    assert [module.FORMAT for module in found] == list(STRUCTURED)
    for module in found:
        assert module.LABEL and callable(module.sniff) and callable(module.read)


@pytest.mark.parametrize("name", sorted(CLAIMED_BY))
def test_the_first_structured_reader_to_claim_a_fixture_is_its_own(name):
    path = fixture(name)
    claimed = [module.FORMAT for module in structured_readers() if module.sniff(path, head(path))]
    assert claimed == ([CLAIMED_BY[name]] if CLAIMED_BY[name] else [])


@pytest.mark.skipif(not SAMPLE.exists(), reason="the shared sample is not on this machine")
def test_no_structured_reader_claims_a_plain_text_extraction():
    assert [module.FORMAT for module in structured_readers() if module.sniff(SAMPLE, head(SAMPLE))] == []
