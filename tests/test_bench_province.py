"""`make bench-province`'s bulk builder: the pages it writes must pass its own honesty checks.

One ward from the official unit (the small units file of the units app's tests), filled with 60
articles, 6 legal documents and 3 questions by `bench.province.build.fill_ward`; then
`bench.province.checks.run` compares a built article with one published the admin's way and walks the
tree, the search indexes and the editor's admin. A change in the rows Wagtail writes (a new Page field,
a revision field, an index) fails here before it fails a 1.8-million-page run.
"""

import pytest
from wagtail.models import Page

from bench.province import build, checks
from congphuong.news.models import ArticlePage
from congphuong.search.models import SearchDocument
from congphuong.units import loading
from congphuong.units.provisioning import add_ward
from congphuong.units.tests.test_units import small_file

pytestmark = pytest.mark.django_db


def test_built_ward_passes_the_honesty_checks(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    loading.load(small_file(tmp_path))
    unit = build.pick_units("Hồ Chí Minh", 1)[0]
    build.shared_lists()
    site = add_ward(unit.code, build.hostname_for(unit, "localhost")).site
    result = build.fill_ward(site.pk, 60, build.image_pool(), build.document_file(), seed=7)

    assert (result["articles"], result["documents"], result["questions"]) == (60, 6, 3)
    home = site.root_page
    articles = ArticlePage.objects.filter(path__startswith=home.path)
    assert articles.count() == 60 and not articles.filter(latest_revision__isnull=True).exists()
    # The first category holds them all below 2,000 (the explorer is measured on it).
    assert Page.objects.get(pk=articles.first().get_parent().pk).numchild == 60
    assert SearchDocument.objects.filter(site_id=site.pk, kind="tin-bai").count() == 60

    report = checks.run(site.pk)
    assert report["tree"]["wrong_numchild"] == 0 and report["tree"]["orphans"] == 0
    assert report["visible"]["explorer_status"] == 200 and report["visible"]["edit_status"] == 200


def test_checks_catch_a_wrong_numchild(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    loading.load(small_file(tmp_path))
    unit = build.pick_units("Hồ Chí Minh", 1)[0]
    build.shared_lists()
    site = add_ward(unit.code, build.hostname_for(unit, "localhost")).site
    build.fill_ward(site.pk, 10, build.image_pool(), build.document_file(), seed=7)
    category = ArticlePage.objects.filter(path__startswith=site.root_page.path).first().get_parent()
    Page.objects.filter(pk=category.pk).update(numchild=3)

    with pytest.raises(checks.Failed, match="wrong_numchild"):
        checks.tree_checks()
