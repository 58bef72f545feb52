"""Page weight of home, category, article and search, as a browser downloads them.

    python -m bench.pageweight [--port 8610] [--base-url http://localhost:8600]

Loads each page in headless Chromium (Debian's /usr/bin/chromium) at a phone width, records every
response, and sums the bytes of the HTML, CSS, JavaScript and fonts as they would be transferred:
the body as served if the server compressed it, else compressed with brotli (quality 11 for
static files, as WhiteNoise precompresses them; quality 5 for HTML, as nginx compresses on the
fly) — the smaller of brotli and gzip -9. Photos (images) are listed separately and not counted:
the issue's budget is "HTML+CSS+JS+fonts, compressed, no photos" ≤ 60 KB for the article.
``make bench-pageweight`` runs it against a production-like granian server (bench/frontend/server.py).
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import sys

import brotli

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
BUDGET_KB = 60
COUNTED = {"document": "HTML", "stylesheet": "CSS", "script": "JS", "font": "Phông"}


def compressed_size(body: bytes, kind: str) -> int:
    quality = 5 if kind == "document" else 11
    return min(len(brotli.compress(body, quality=quality)), len(gzip.compress(body, 9)))


def measure(base_url: str, paths: dict[str, str]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for name, path in paths.items():
            context = browser.new_context(viewport={"width": 375, "height": 812}, locale="vi-VN")
            context.route(re.compile(r"^https?://(?!localhost|127\.0\.0\.1).*"), lambda route: route.abort())
            page = context.new_page()
            responses = []
            page.on("response", lambda response, seen=responses: seen.append(response))
            page.goto(base_url + path)
            page.wait_for_load_state("networkidle")
            row = {"name": name, "path": path, "files": [], **dict.fromkeys(COUNTED.values(), 0), "Ảnh": 0}
            for response in responses:
                kind = response.request.resource_type
                try:
                    body = response.body()
                except Exception:  # redirects and aborted third-party requests have no body
                    continue
                encoding = response.headers.get("content-encoding", "")
                # Playwright gives the decoded body: recompress it the way the server would.
                size = compressed_size(body, kind) if kind in COUNTED else len(body)
                column = COUNTED.get(kind, "Ảnh" if kind == "image" else None)
                if column:
                    row[column] += size
                row["files"].append((kind, response.url.replace(base_url, ""), len(body), size, encoding))
            row["total"] = sum(row[k] for k in COUNTED.values())
            rows.append(row)
            context.close()
        browser.close()
    return rows


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def table(rows: list[dict]) -> str:
    head = "| Trang | HTML KB | CSS KB | JS KB | Phông KB | Tổng KB (không ảnh) | Ảnh KB (không tính) |"
    lines = [head, "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        lines.append(
            f"| {r['name']} | {kb(r['HTML'])} | {kb(r['CSS'])} | {kb(r['JS'])} | {kb(r['Phông'])} "
            f"| **{kb(r['total'])}** | {kb(r['Ảnh'])} |"
        )
    return "\n".join(lines)


def main(argv=None) -> int:
    from bench.frontend.server import demo_paths, demo_server, environment, prepare

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8610)
    parser.add_argument("--base-url", help="measure an already running server of the demo")
    parser.add_argument("--verbose", action="store_true", help="list every file")
    args = parser.parse_args(argv)
    env = environment(args.port) if args.base_url else prepare(args.port)
    paths = demo_paths(None if args.base_url else env)
    with demo_server(args.port, args.base_url, env) as base_url:
        rows = measure(base_url, paths)
    print(table(rows))
    if args.verbose:
        for r in rows:
            print(f"\n{r['name']} {r['path']}")
            for kind, url, raw, size, encoding in r["files"]:
                print(f"  {kind:10} {raw:>8} B → {size:>7} B {encoding:3} {url[:110]}")
    article = next(r for r in rows if r["name"] == "Bài viết")
    ok = article["total"] <= BUDGET_KB * 1024
    print(f"\nBài viết: {kb(article['total'])} KB / ngân sách {BUDGET_KB} KB — {'ĐẠT' if ok else 'VƯỢT'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
