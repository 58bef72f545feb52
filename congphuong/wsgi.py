import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congphuong.settings.production")

application = get_wsgi_application()

# Page-cache hits answered before Django's request handling (docs/caching.md, "In one request").
from congphuong.serving import fastpath  # noqa: E402 — needs the settings configured above

application = fastpath.wrap(application)
