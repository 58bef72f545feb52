"""What the server can find out about a ward's address by connecting to it: TLS versions and IPv6.

A version counts as accepted when a handshake limited to it succeeds (certificate not checked: the
question is which protocol the server speaks, not whether this machine trusts its certificate).
"""

from __future__ import annotations

import socket
import ssl
import warnings
from dataclasses import dataclass

TIMEOUT_SECONDS = 3
VERSIONS = (
    ("TLSv1", ssl.TLSVersion.TLSv1),
    ("TLSv1.1", ssl.TLSVersion.TLSv1_1),
    ("TLSv1.2", ssl.TLSVersion.TLSv1_2),
    ("TLSv1.3", ssl.TLSVersion.TLSv1_3),
)
# What the ranking and docs/deploy.md ask for: only TLS 1.2 and 1.3.
WANTED = {"TLSv1.2", "TLSv1.3"}


@dataclass
class ProbeResult:
    tls_versions: list[str]
    tls_error: str
    ipv6_address: str
    ipv6_reachable: bool | None


def _accepts(hostname: str, port: int, version) -> bool:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        with (
            warnings.catch_warnings()
        ):  # TLS 1.0/1.1 are deprecated: asking whether the server speaks them is the point
            warnings.simplefilter("ignore", DeprecationWarning)
            context.minimum_version = version
            context.maximum_version = version
    except (ValueError, ssl.SSLError):
        return False  # this machine's OpenSSL does not offer the version at all
    try:
        with (
            socket.create_connection((hostname, port), timeout=TIMEOUT_SECONDS) as raw,
            context.wrap_socket(raw, server_hostname=hostname),
        ):
            return True
    except ssl.SSLError:
        return False


def probe(hostname: str, port: int = 443) -> ProbeResult:
    accepted, error = [], ""
    try:
        for name, version in VERSIONS:
            if _accepts(hostname, port, version):
                accepted.append(name)
    except OSError as exc:  # no address, refused, timed out: nothing measured
        accepted, error = [], f"Không kết nối được tới {hostname}:{port} ({exc.__class__.__name__})."
    address, reachable = "", None
    try:
        infos = socket.getaddrinfo(hostname, port, socket.AF_INET6, socket.SOCK_STREAM)
    except OSError:
        infos = []
    if infos:
        address = infos[0][4][0]
        try:
            with socket.create_connection((address, port), timeout=TIMEOUT_SECONDS):
                reachable = True
        except OSError:
            reachable = False
    else:
        reachable = False  # no AAAA record: measured, and not reachable over IPv6
    return ProbeResult(tls_versions=accepted, tls_error=error, ipv6_address=address, ipv6_reachable=reachable)
