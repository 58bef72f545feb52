"""The reader's address behind nginx: what rate limits and sign-in lockouts count by."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from congphuong.serving.client_address import ClientAddressMiddleware, client_ip, forwarded_client


@pytest.mark.parametrize(
    ("forwarded_for", "proxies", "expected"),
    [
        ("203.0.113.7", 1, "203.0.113.7"),  # nginx appended the reader's address
        ("10.0.0.1, 203.0.113.7", 1, "203.0.113.7"),  # the reader forged an entry to the left
        ("198.51.100.4, 192.0.2.10", 2, "198.51.100.4"),  # reader, then a load balancer, then nginx
        ("192.0.2.10", 2, None),  # fewer entries than proxies: not through all of them
        ("203.0.113.7", 0, None),  # no trusted proxy: the header means nothing
        ("", 1, None),
        ("unknown", 1, None),  # not an address
        ("2001:db8::1", 1, "2001:db8::1"),
        ("2001:0db8:0000::0001", 1, "2001:db8::1"),  # one spelling per address
    ],
)
def test_forwarded_client(forwarded_for, proxies, expected):
    assert forwarded_client(forwarded_for, proxies) == expected


def _seen(settings, proxies, **meta):
    settings.CONGPHUONG_TRUSTED_PROXIES = proxies
    seen = {}

    def view(request):
        seen["ip"] = client_ip(request)
        return HttpResponse()

    ClientAddressMiddleware(view)(RequestFactory().get("/", **meta))
    return seen["ip"]


def test_middleware_sets_remote_addr_behind_nginx(settings):
    # granian over a Unix socket gives an empty REMOTE_ADDR.
    assert _seen(settings, 1, REMOTE_ADDR="", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7") == "203.0.113.7"


def test_middleware_keeps_remote_addr_without_trusted_proxies(settings):
    assert _seen(settings, 0, REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="203.0.113.7") == "198.51.100.9"


def test_no_address_at_all_is_one_named_bucket(settings):
    assert _seen(settings, 1, REMOTE_ADDR="") == "unknown"
