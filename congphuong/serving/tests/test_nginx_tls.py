"""The shipped nginx site offers TLS 1.2 and 1.3 only, on every HTTPS server, the default one first.

nginx negotiates the protocol before SNI selects a ward's server, with the `ssl_protocols` of the
default server of the listening socket: a list set only in the ward's server block is ignored
for the handshake, and Debian's http-level default then decides (issue 14: no TLS 1.3).
"""

import re

from django.conf import settings

NGINX_SITE = settings.BASE_DIR / "deploy" / "nginx" / "congphuong.conf"
WANTED = ["TLSv1.2", "TLSv1.3"]


def server_blocks(text: str) -> list[list[list[str]]]:
    """The directives (as word lists) of each top-level `server { … }` block; nested blocks skipped."""
    text = "\n".join(line.split("#", 1)[0] for line in text.splitlines())
    blocks, depth, current, in_server = [], 0, [], False
    for token in re.findall(r"[{};]|[^{};]+", text):
        if token == "{":
            depth += 1
            if depth == 1 and current and current[-1][:1] == ["server"]:
                in_server, current = True, []
            continue
        if token == "}":
            depth -= 1
            if depth == 0 and in_server:
                blocks.append(current)
                in_server = False
            current = [] if depth == 0 and not in_server else current
            continue
        if token == ";":
            continue
        words = token.split()
        if words and (in_server and depth == 1 or depth == 0):
            current.append(words)
    return blocks


def https_servers():
    blocks = server_blocks(NGINX_SITE.read_text(encoding="utf-8"))
    return [block for block in blocks if any(d[0] == "listen" and "ssl" in d for d in block)]


def test_parser_finds_the_servers():
    blocks = server_blocks(NGINX_SITE.read_text(encoding="utf-8"))
    assert len(blocks) >= 4
    assert len(https_servers()) >= 2


def test_every_https_server_offers_tls_12_and_13_only():
    for block in https_servers():
        protocols = [d[1:] for d in block if d[0] == "ssl_protocols"]
        listen = [" ".join(d) for d in block if d[0] == "listen"]
        assert protocols == [WANTED], f"{listen}: ssl_protocols {protocols}"


def test_the_default_https_server_sets_the_protocols():
    defaults = [block for block in https_servers() if any(d[0] == "listen" and "default_server" in d for d in block)]
    assert defaults, "no default HTTPS server: unknown hostnames would get a ward's certificate"
    for block in defaults:
        assert ["ssl_protocols", *WANTED] in block
