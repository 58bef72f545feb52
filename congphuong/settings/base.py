"""Settings shared by every environment.

Environment-specific values live in dev.py, test.py and production.py; anything a
deployment changes is read from an environment variable (see README).
"""

from datetime import timedelta
from pathlib import Path

from csp.constants import NONCE as CSP_NONCE

# Role names only: that module imports nothing (settings load before the apps).
from congphuong.wards import roles as _roles

from .database import default_database, replica_databases
from .env import env_int, env_list, env_str
from .storage import media_storage

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

INSTALLED_APPS = [
    "congphuong.core",
    "congphuong.wards",
    "congphuong.home",
    "congphuong.news",
    "congphuong.media",
    "congphuong.organisation",
    "congphuong.documents",
    "congphuong.procedures",
    "congphuong.feedback",
    "congphuong.information_access",
    "congphuong.accessibility",
    "congphuong.assessment",
    "congphuong.units",
    "congphuong.legacy",
    "congphuong.importer",
    "congphuong.merger",
    "congphuong.learning",
    "congphuong.search",
    "congphuong.editorial",
    "congphuong.accounts",
    "congphuong.backup",
    "congphuong.province",
    "congphuong.notices",
    "congphuong.serving",
    "congphuong.demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    # "Dịch sang ngôn ngữ khác": copies a page (and its sub-pages) into the English tree (docs/english-section.md).
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "congphuong.accounts.users_app.PortalUsersAppConfig",  # wagtail.users with ward-safe user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # The reader's address from the trusted proxies' X-Forwarded-For, before anything reads it.
    "congphuong.serving.client_address.ClientAddressMiddleware",
    # Every response, static files and redirects included, carries the request id and is logged.
    "congphuong.serving.middleware.RequestIdMiddleware",
    # Caps max-age at the next start/end of a maintenance banner shown on the page. Above the page
    # cache, as before: it caps the response a render made (a hit renders no banner, so it has
    # nothing to cap there, and the WSGI fast path can skip it).
    "congphuong.notices.caching.NoticeCacheCapMiddleware",
    # Old portals' host names (legacy.OldHostname): a 301 to the moved page or the old-hostname 404,
    # answered above the page cache so nothing is ever stored or served from it under an old host
    # (docs/ward-merger.md). Nothing to look up for a ward's own host name, one cached set lookup
    # for any other host.
    "congphuong.legacy.middleware.OldHostnameMiddleware",
    # Full-page cache (docs/caching.md). As high as possible: a hit skips everything below, and
    # everything below (security and CSP headers included) is stored with the entry, so the WSGI
    # fast path (congphuong/serving/fastpath.py, hits answered before Django's handler) sends the
    # same headers. Above sessions and CSRF, so it sees the cookies they set.
    "congphuong.serving.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above XFrameOptionsMiddleware: frame-ancestors follows X-Frame-Options.
    "congphuong.accounts.middleware.ContentSecurityPolicyMiddleware",
    # Django's, but a page's scripts fetched while sign-in rotates the session get no 400.
    "congphuong.accounts.middleware.RotationTolerantSessionMiddleware",
    # The language comes from the path only (/en/… English, everything else Vietnamese): never from
    # Accept-Language or a cookie, so the page cache's key (the path) also fixes the language.
    "congphuong.core.language.PathLanguageMiddleware",
    # `page.url` (no request) reads the site root paths once per request, as links made with the
    # request do (core/page_urls.py): the admin explorer makes one such link per row.
    "congphuong.core.page_urls.RequestRootPathsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "congphuong.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A publication refused by four-eyes (editorial/publishing.py): a message and back, not a 403.
    "congphuong.editorial.middleware.FourEyesRefusalMiddleware",
    # Every admin view that opens one record: another ward's record is not found (docs/security.md).
    "congphuong.editorial.isolation.WardIsolationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # For Wagtail's serve only (process_view): the ward's Site with its home page, the home's locale
    # and view restrictions in one query, as Wagtail's memo for the request (core/sites.py).
    "congphuong.core.sites.ServedSiteMiddleware",
    # Last: turns a login refused by django-axes into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Proxies in front of Django that append to X-Forwarded-For (congphuong/serving/client_address.py):
# production's nginx makes 1.
CONGPHUONG_TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", 0)

ROOT_URLCONF = "congphuong.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "congphuong.wards.context_processors.ward",
            ],
            "builtins": ["congphuong.core.templatetags.vi_format"],
        },
    },
]

WSGI_APPLICATION = "congphuong.wsgi.application"

# SQLite under var/ is the embedded default; DATABASE_URL points elsewhere.
DATABASES = {"default": default_database(VAR_DIR)}
# PostgreSQL streaming replicas for anonymous public reads (congphuong/serving/replicas.py,
# docs/deploy.md "Scaling out"). Without DATABASE_REPLICA_URLS no router and no middleware is added.
DATABASES.update(replica_databases())
# A replica whose replay is more than this many seconds behind is not read from.
CONGPHUONG_REPLICA_MAX_LAG = env_int("CONGPHUONG_REPLICA_MAX_LAG", 10)
# Each process checks a replica's health and lag at most once per this many seconds.
CONGPHUONG_REPLICA_CHECK_INTERVAL = env_int("CONGPHUONG_REPLICA_CHECK_INTERVAL", 5)
# After a write (any POST…), the reader's requests read from the primary for this many seconds.
CONGPHUONG_REPLICA_PIN_SECONDS = env_int("CONGPHUONG_REPLICA_PIN_SECONDS", 30)
if DATABASES.keys() - {"default"}:
    # Read replicas (DATABASES above): reads of anonymous public GET/HEAD requests go to one.
    # The middleware sits above the page cache: a miss renders from the replica, and a request
    # whose replica failed is served again from the primary before anything above sees it.
    DATABASE_ROUTERS = ["congphuong.serving.replicas.ReplicaRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("congphuong.serving.middleware.RequestIdMiddleware") + 1,
        "congphuong.serving.replicas.ReplicaRoutingMiddleware",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        # Django's validator with a Vietnamese message.
        "NAME": "congphuong.accounts.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese, and an English section of the public site under /en/ (Nghị định 42/2022 Điều 7,
# docs/english-section.md). The back office stays Vietnamese (WAGTAILADMIN_PERMITTED_LANGUAGES).
LANGUAGE_CODE = "vi"
# Named in Vietnamese: the admin shows these names (its locale picker, «Dịch»); the public switch has its own.
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "Tiếng Anh")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
# Vietnam has one time zone. Wagtail's default list (zoneinfo.available_timezones()) also holds
# Debian's "localtime", which the account page's script cannot format (a console error).
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
USE_I18N = True
USE_TZ = True
# Our own catalogues come first: they complete Wagtail's partial Vietnamese one.
# Day-first input formats for the admin (Django's `vi` locale has none: see the module).
FORMAT_MODULE_PATH = ["congphuong.settings.formats"]

LOCALE_PATHS = [
    PROJECT_DIR / "locale" / "wagtail_admin",
    PROJECT_DIR / "locale" / "wagtail_apps",
    # Django's own strings its vi catalogue leaves in English (validators: NUL, file extension…).
    PROJECT_DIR / "locale" / "django_core",
    # The English public chrome: msgids are the Vietnamese texts of the templates (docs/english-section.md).
    PROJECT_DIR / "locale" / "public",
]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
# Citizens' attachments (personal data): outside MEDIA_ROOT, served only through a
# permission-checked admin view (congphuong.feedback).
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))

STORAGES = {
    # The local disk, or S3-compatible storage with MEDIA_STORAGE=s3 (settings/storage.py, docs/deploy.md).
    "default": media_storage(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    # Short timeouts: a Redis outage makes pages slower (served uncached), never hangs them.
    _redis_options = {"socket_connect_timeout": 1, "socket_timeout": 1}
    # Django's RedisCache, but one redis.Redis client per connection pool instead of one per call
    # (congphuong/serving/redis_cache.py): the client's set-up cost more than the round trip.
    CACHES = {
        "default": {
            "BACKEND": "congphuong.serving.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "congphuong",
            "OPTIONS": _redis_options,
        },
        # The full-page cache (congphuong.serving): its own prefix, so purging it never touches the rest.
        "pages": {
            "BACKEND": "congphuong.serving.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "congphuong-pages",
            "TIMEOUT": None,
            "OPTIONS": _redis_options,
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "congphuong",
        },
        # On disk, not in process memory: the scheduler (publish_scheduled) and every server
        # process must see the same tag versions, or a purge would reach only one of them.
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache" / "pages"),
            "TIMEOUT": None,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

# One switch for every cache layer of the public pages (docs/caching.md): "0" renders every
# request from the database. Each layer's own switch below defaults to it (benchmark, debugging).
CONGPHUONG_CACHE = env_str("CONGPHUONG_CACHE", "1") != "0"
_CACHE_DEFAULT = "1" if CONGPHUONG_CACHE else "0"
# Full-page cache of anonymous reads (congphuong.serving, docs/caching.md). "0" turns it off
# (the benchmark compares both); the Cache-Control headers stay the same either way.
CONGPHUONG_PAGE_CACHE = env_str("CONGPHUONG_PAGE_CACHE", _CACHE_DEFAULT) != "0"
SERVING_PAGE_CACHE_TIMEOUT = env_int("CONGPHUONG_PAGE_CACHE_TIMEOUT", 600)
# The ward's header, menu and footer data kept under the same tags (congphuong/wards/chrome.py).
CONGPHUONG_CHROME_CACHE = env_str("CONGPHUONG_CHROME_CACHE", _CACHE_DEFAULT) != "0"
# Parts of the home, category and article pages kept under the same tags ({% fragment %}, serving/fragments.py).
CONGPHUONG_FRAGMENT_CACHE = env_str("CONGPHUONG_FRAGMENT_CACHE", _CACHE_DEFAULT) != "0"
# Each server process keeps the pages and kept fragments it used recently in memory, checked
# against the purge clock (one Redis GET instead of two round trips): at most this many bytes.
SERVING_LOCAL_CACHE_BYTES = env_int("CONGPHUONG_PAGE_CACHE_LOCAL_BYTES", 32 * 1024 * 1024)
# Hits answered by congphuong/serving/fastpath.py before Django's request handling ("0": off).
SERVING_FAST_PATH = env_str("CONGPHUONG_FAST_PATH", _CACHE_DEFAULT) != "0"
SERVING_MAX_AGE = 0  # browsers revalidate every time (a cheap 304): a publish shows at once
SERVING_S_MAXAGE = env_int("CONGPHUONG_CDN_MAX_AGE", 60)
SERVING_STALE_WHILE_REVALIDATE = 30
# The query parameters public pages read (congphuong/serving/params.py): only these make a page-cache
# key or go into links; a request with any other parameter (or an overlong value) is not cached.
# A test checks every public `request.GET` lookup and filter form is listed.
SERVING_QUERY_PARAMS = [
    # search, listings, pagination
    "q", "loai", "tu", "den", "danh-muc", "trang",
    # feedback (hỏi đáp)
    "chu-de", "da-danh-gia", "phieu", "ma",
    # organisation: schedule week, staff groups, year, ward picker
    "tuan", "nhom", "nam", "phuong",
    # learning reports, draft documents
    "ky", "chot", "tinh_trang", "da_gui",
    # document and procedure filter forms
    "co_quan", "linh_vuc", "trang_thai", "sap_xep", "cach_thuc",
    # archive filter by old ward (news categories, documents, search: docs/ward-merger.md)
    "phuong-cu",
    # the sitemap's pages (/sitemap-trang.xml?p=2: Django's sitemap views)
    "p",
]  # fmt: skip
# Objects whose change purges every cached page of their ward (a `site` foreign key) or of all wards.
SERVING_SITE_WIDE_MODELS = [
    "wards.YearTheme",
    "wards.WardSettings",
    "notices.MaintenanceNotice",
    "organisation.Leader",  # the footer names the responsible leader (WardSettings.responsible_leader)
]
# A page showing a maintenance banner is kept only until the banner changes by itself (its start/end).
SERVING_TIMEOUT_CAPS = ["congphuong.notices.caching.seconds_to_next_change"]
# CDN purge through wagtail.contrib.frontend_cache: off unless WAGTAILFRONTENDCACHE is set too.
SERVING_FRONTEND_CACHE_PURGE = env_str("CONGPHUONG_CDN_PURGE", "0") == "1"
# The Lighthouse executable of `manage.py measure_portal` (default: bench/lighthouse's pinned copy).
CONGPHUONG_LIGHTHOUSE = env_str("CONGPHUONG_LIGHTHOUSE", "")

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Cổng Phường"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend; on SQLite, query words of punctuation only are dropped (core/search_backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "congphuong.core.search_backend"}}
WAGTAIL_I18N_ENABLED = True
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "xlsx", "xls", "odt", "ods", "zip", "mp4", "webm"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Width × height (× frames) of an uploaded image: a 40-megapixel photo is 120 MB once decoded.
# Also Pillow's own limit in this process (core/image_limits.py: decompression bombs).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Slugs are ASCII with đ→d: Vietnamese readers share links over chat apps that
# mangle percent-encoded URLs.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
# Wagtail's login form leaves the password label to Django, which would print "Password".
WAGTAILADMIN_USER_LOGIN_FORM = "congphuong.accounts.forms.PortalLoginForm"
WAGTAIL_WORKFLOW_ENABLED = True

TAGGIT_CASE_INSENSITIVE = True

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", ".localhost"])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "congphuong.serving.log.RequestIdFilter"},
        "retried_on_primary": {"()": "congphuong.serving.replicas.RetriedOnPrimaryFilter"},
    },
    "formatters": {
        "json": {"()": "congphuong.serving.log.JsonFormatter"},
        "text": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    # LOG_FORMAT=json (production's default): one JSON object a line, with the request id.
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": env_str("LOG_FORMAT", "text"),
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Not the 500 of a request served again from the primary after its replica failed.
        "django.request": {"level": "ERROR", "filters": ["retried_on_primary"]},
        # One line per request: method, path, status, duration, request id (serving.middleware).
        "congphuong.access": {"level": env_str("ACCESS_LOG_LEVEL", "INFO")},
        # Wagtail 8 runs reference-index and search updates as tasks: one log line each is noise.
        "django_tasks": {"level": "WARNING"},
    },
}

# Editorial workflow (congphuong.editorial): notifications go to the approvers
# of the task and to the author; the four-eyes rule binds superusers too unless
# this is switched on for an emergency.
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "cong-phuong@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
CONGPHUONG_SUPERUSER_MAY_SELF_APPROVE = env_str("CONGPHUONG_SUPERUSER_MAY_SELF_APPROVE", "") == "1"
# Publishing has one door (docs/editorial-workflow.md): an approved four-eyes workflow.
WAGTAIL_FINISH_WORKFLOW_ACTION = "congphuong.editorial.publishing.publish_approved_workflow_state"
# How much a leader may correct while reviewing and still approve alone (characters changed).
CONGPHUONG_REVIEW_EDIT_MAX_CHARS = int(env_str("CONGPHUONG_REVIEW_EDIT_MAX_CHARS", "200"))

# --- Back-office security (congphuong.accounts, congphuong.core.uploads) ---------------
# Sign-in throttling (django-axes): 5 failures for one username from one address lock
# that pair for 30 minutes; "Quản trị trang" can lift a lockout in Settings → "Tài khoản bị khóa".
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out sign-in before the password check
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "congphuong.accounts.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_ENABLE_ADMIN = False
CONGPHUONG_UNLOCK_GROUPS = [_roles.SITE_ADMIN]

# Two-factor authentication (django-otp, TOTP + one-time recovery codes): required for
# superusers, these groups and any group given "accounts.require_2fa"; optional for other roles.
# Editors read citizens' questions and learning officers keep household lists: personal data,
# so they are in the list too. False only stops forcing enrolment (development, the demo);
# a user with an app is always asked.
CONGPHUONG_2FA_REQUIRED = True
CONGPHUONG_2FA_REQUIRED_GROUPS = [
    _roles.EDITOR,
    _roles.APPROVER,
    _roles.SITE_ADMIN,
    _roles.LEARNING_OFFICER,
    _roles.CITY_ADMIN,
]
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# 30 minutes without a request signs the user out (the expiry slides with every request).
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True

# Content-Security-Policy (django-csp). frame-ancestors becomes 'self' on the responses
# Wagtail marks X-Frame-Options: SAMEORIGIN (the editor's live preview).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://www.facebook.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# Added under /admin/ only, never on the public site (docs/security.md): the nonce on
# Wagtail's widget set-up scripts, Draftail's <style> elements, and the one event handler
# ("return;") jQuery Jcrop sets while probing the browser on the image focal-point editor.
CONGPHUONG_ADMIN_CSP_UPDATE = {
    "script-src": [CSP_NONCE],
    "script-src-attr": ["'unsafe-hashes'", "'sha256-i+qr4lq34KgNHiW62lWi9aInEBwiEOrfCzaNPCvkqD8='"],
    "style-src-elem": ["'self'", "'unsafe-inline'"],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# No avatars fetched from gravatar.com: nothing leaves the site, nothing for the CSP to block.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Uploads: types checked by content, images re-encoded, SVG refused (core/uploads.py);
# documents always go through Wagtail's view (attachment unless PDF, nosniff).
WAGTAILIMAGES_IMAGE_FORM_BASE = "congphuong.core.uploads.SafeImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "congphuong.core.uploads.SafeDocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# What a reader sees in front of a restricted page or document: our chrome, in Vietnamese, noindex.
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "core/frontend_login.html"
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "core/password_required.html"  # noqa: S105 (a template name)
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "core/password_required.html"  # noqa: S105
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
