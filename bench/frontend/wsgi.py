"""The production WSGI application, plus /media/ served from MEDIA_ROOT as nginx would serve it."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.frontend.settings")

from django.conf import settings  # noqa: E402
from whitenoise import WhiteNoise  # noqa: E402

from congphuong.wsgi import application as django_application  # noqa: E402

# autorefresh: renditions are created while the benchmark runs, after the server started.
application = WhiteNoise(django_application, autorefresh=True)
application.add_files(str(settings.MEDIA_ROOT), prefix=settings.MEDIA_URL)
