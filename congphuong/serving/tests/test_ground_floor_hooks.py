"""What the ground floor asks the serving app through the hooks ServingConfig.ready() sets (core imports
no app above it: docs/architecture.md, "Layers"): no view-restriction query for a page under no
restricted path; and the ward of a request, which is Wagtail's own lookup."""

from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from congphuong.core import origin
from congphuong.news.models import ArticlePage
from congphuong.news.tests.factories import ArticlePageFactory, CategoryPageFactory


def test_a_page_read_outside_the_route_needs_no_restriction_query(kept_rendering, home, django_assert_num_queries):
    public = ArticlePageFactory(parent=CategoryPageFactory(parent=home, slug="cong-khai"), slug="bai-cong-khai")
    private_category = CategoryPageFactory(parent=home, slug="noi-bo")
    private = ArticlePageFactory(parent=private_category, slug="bai-noi-bo")
    restriction = PageViewRestriction.objects.create(page=private_category, restriction_type=PageViewRestriction.LOGIN)
    ArticlePage.objects.get(pk=public.pk).get_view_restrictions().exists()  # the restricted paths, now kept
    page = ArticlePage.objects.get(pk=public.pk)
    with django_assert_num_queries(0):
        assert not page.get_view_restrictions().exists()
    assert list(ArticlePage.objects.get(pk=private.pk).get_view_restrictions()) == [restriction]


def test_the_canonical_origin_finds_the_ward_as_page_serving_does(kept_rendering, ward, django_assert_num_queries):
    ward.hostname, ward.port = "phuong.example.gov.vn", 443
    ward.save()
    assert origin.absolute("/tin-tuc/", RequestFactory().get("/", HTTP_HOST="phuong.example.gov.vn")) == (
        "https://phuong.example.gov.vn/tin-tuc/"
    )
    request = RequestFactory().get("/", HTTP_HOST="phuong.example.gov.vn")
    with django_assert_num_queries(1):  # Wagtail's Site.find_for_request…
        assert origin.canonical_origin(request) == "https://phuong.example.gov.vn"
    with django_assert_num_queries(0):  # …memoised on the request, as page serving finds it
        assert origin.canonical_origin(request) == "https://phuong.example.gov.vn"
