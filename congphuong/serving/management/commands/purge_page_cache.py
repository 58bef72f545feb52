from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from congphuong.serving import store, tags


class Command(BaseCommand):
    help = "Xóa bộ nhớ đệm trang của mọi phường, hoặc của một phường (--site tên-miền)."

    def add_arguments(self, parser):
        parser.add_argument("--site", metavar="HOST", help="tên miền của phường, ví dụ phuong-a.localhost")

    def handle(self, *args, site=None, **options):
        if site:
            hostname, _, port = site.partition(":")
            sites = Site.objects.filter(hostname=hostname)
            if port:
                sites = sites.filter(port=int(port))
            found = list(sites)
            if not found:
                raise CommandError(f"Không có phường nào với tên miền {site}.")
            store.purge_tags({tags.site_tag(s.pk) for s in found})
            self.stdout.write(f"Đã xóa bộ nhớ đệm trang của {', '.join(str(s) for s in found)}.")
        else:
            store.purge_all()
            self.stdout.write("Đã xóa bộ nhớ đệm trang của mọi phường.")
