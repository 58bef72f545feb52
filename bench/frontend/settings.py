"""Production settings for the front-end benchmarks, minus what needs TLS (there is none here).

Everything else is production: DEBUG off, hashed and precompressed static files served by
WhiteNoise, the production CSP and security headers, the cached template loader.
"""

from congphuong.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
# Over plain http://localhost the upgrade would send every subresource to a port without TLS.
CONTENT_SECURITY_POLICY["DIRECTIVES"].pop("upgrade-insecure-requests", None)  # noqa: F405
