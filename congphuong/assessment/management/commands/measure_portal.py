"""`manage.py measure_portal [--ward ID …] [--no-speed]`: measure what the self-assessment page cannot
measure on each view — TLS versions and IPv6 of each ward's host name, and Lighthouse page speed of its
home page, a category and an article — and keep the figures (assessment.models). Run it from a timer
(weekly is enough); a measurement that cannot be made is said, never stored as a figure."""

from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.models import Site

from congphuong.assessment import lighthouse, probes
from congphuong.assessment.models import ConnectionProbe, PageKind, PageSpeedRun
from congphuong.core.origin import absolute


def pages_to_time(site) -> dict[str, str]:
    """The URL of the home page, the first public category and the newest public article of `site`."""
    from congphuong.news.models import ArticlePage, CategoryPage

    home = site.root_page
    urls = {PageKind.HOME: absolute("/", site=site)}
    category = CategoryPage.objects.live().public().child_of(home).order_by("path").first()
    article = ArticlePage.objects.live().public().descendant_of(home).order_by("-first_published_at").first()
    for kind, page in ((PageKind.CATEGORY, category), (PageKind.ARTICLE, article)):
        if page is not None:
            urls[kind] = absolute(page.get_url(), site=site)
    return urls


class Command(BaseCommand):
    help = "Đo kết nối (TLS, IPv6) và tốc độ trang (Lighthouse) của cổng từng phường, lưu cho trang Tự đánh giá."

    def add_arguments(self, parser):
        parser.add_argument("--ward", type=int, action="append", help="Mã (id) của Site; mặc định: mọi phường.")
        parser.add_argument("--no-speed", action="store_true", help="Không chạy Lighthouse.")

    def handle(self, *args, ward=None, no_speed=False, **options):
        sites = Site.objects.order_by("pk")
        if ward:
            sites = sites.filter(pk__in=ward)
        for site in sites:
            self.stdout.write(f"== {site.site_name or site.hostname} ({site.hostname})")
            result = probes.probe(site.hostname)
            ConnectionProbe.objects.create(
                site=site,
                measured_at=timezone.now(),
                hostname=site.hostname,
                tls_versions=",".join(result.tls_versions),
                tls_error=result.tls_error,
                ipv6_address=result.ipv6_address,
                ipv6_reachable=result.ipv6_reachable,
            )
            self.stdout.write(f"TLS: {', '.join(result.tls_versions) or result.tls_error}")
            if no_speed:
                continue
            for kind, url in pages_to_time(site).items():
                try:
                    figures = lighthouse.measure(url)
                except lighthouse.LighthouseUnavailable as problem:
                    self.stderr.write(str(problem))
                    break
                PageSpeedRun.objects.create(
                    site=site, measured_at=timezone.now(), page_kind=kind, url=url, tool=figures.tool, **figures.values
                )
                self.stdout.write(f"{PageKind(kind).label}: {figures.values}")
