"""The Markdown of a `make bench-province` run after wrk's table: the build (rate, extrapolation to the
full province), the honesty checks, and measure.py's figures with issue 20's targets marked ✔/✘."""

from __future__ import annotations

import argparse
import json


def _mark(ok) -> str:
    return "—" if ok is None else ("✔" if ok else "✘")


def _ms(summary) -> str:
    if not isinstance(summary, dict) or summary.get("p95") is None:
        return "—"
    return f"{summary['p50']} / {summary['p95']}"


def build_section(build: dict, disk_before: int, database: dict, wards_target: int, per_ward_target: int) -> list[str]:
    wards = build["wards"]
    pages = build["pages"]
    fill = [ward["seconds"]["total"] for ward in wards]
    add = build["add_ward_seconds"]
    per_ward_pages = pages / len(wards)
    # A ward's fill time grows with its pages; the rate measured here, times the target's pages.
    fill_rate = pages / (sum(fill) / build["jobs"]) if fill else 0.0
    target_pages = per_ward_pages / build["per_ward"] * per_ward_target * wards_target
    add_total = sum(add) / len(add) * wards_target
    hours = (target_pages / fill_rate + add_total) / 3600 if fill_rate else 0.0
    size = database.get("bytes", 0) - disk_before if isinstance(database, dict) else 0
    per_page = size / pages if pages else 0
    lines = [
        "### Build (bench/province/build.py)",
        "",
        f"{len(wards)} wards × {build['per_ward']:,} articles (+ {wards[0]['documents']:,} documents, "
        f"{wards[0]['questions']:,} questions, {wards[0]['images']} images each): {pages:,} pages in "
        f"{build['seconds']:,} s, **{build['pages_per_second']} pages/s** overall with {build['jobs']} processes.",
        "",
        "| Step | Per ward |",
        "| --- | --- |",
        f"| `add_ward` (serial: each adds a child to the tree root) | {min(add):.1f}–{max(add):.1f} s |",
        f"| fill: pages + revisions + 3 indexes | {min(fill):.1f}–{max(fill):.1f} s "
        f"({fill_rate:,.0f} pages/s with {build['jobs']} at once) |",
        "",
        f"Extrapolated to {wards_target} × {per_ward_target:,}: {target_pages:,.0f} pages, "
        f"~**{hours:.1f} h** on this machine at this load ({add_total / 60:.0f} min of it `add_ward`); "
        f"database ~**{per_page * target_pages / 2**30:,.1f} GiB** ({per_page / 1024:.1f} KiB per page built here, "
        "indexes and revisions included).",
    ]
    return lines


def checks_section(checks: dict) -> list[str]:
    if not checks.get("ok"):
        return ["### Checks", "", f"✘ {checks.get('error')}"]
    tree = checks["tree"]
    visible = checks["visible"]
    problems = sum(tree[k] for k in ("evil_chars", "bad_steplen", "orphans", "wrong_depth", "wrong_numchild"))
    return [
        "### Checks (bench/province/checks.py): ✔",
        "",
        f"- `Page.find_problems()`: {problems} problems; url_path mismatches {tree['bad_url_paths']}; "
        f"ArticlePages without their row {tree['missing_specific_rows']}.",
        f"- Same shape as an article published through `add_child` + `save_revision().publish()`: "
        f"{', '.join(checks['reference_page']['compared_fields'])}.",
        f"- Ward search finds a built article by its title (first: {visible['search_first_is_it']}); Wagtail's admin "
        f"search finds it; the editor's explorer of the category: HTTP {visible['explorer_status']}, page editor: HTTP "
        f"{visible['edit_status']}.",
    ]


def measure_section(m: dict) -> list[str]:
    lines = ["### Measured (bench/province/measure.py)", ""]
    lines += ["| What | p50 / p95 ms (or value) | Target | |", "| --- | --- | --- | --- |"]
    search = m.get("search", {})
    if "error" not in search:
        ward95 = search["ward_ms"]["p95"]
        prov95 = search["province_ms"]["p95"]
        lines += [
            f"| search in the ward (engine, {search['queries']} labelled queries × 3) | {_ms(search['ward_ms'])} "
            f"| ≤ 50 | {_mark(ward95 <= 50)} |",
            "| search across the province (engine, as /tim-kiem/toan-thanh-pho/ runs it, ward facet included) "
            f"| {_ms(search['province_ms'])} | ≤ 150 | {_mark(prov95 <= 150)} |",
            f"| search page of the ward over HTTP (granian, page cache off) | {_ms(search['ward_page_http_ms'])} | | |",
            "| province-wide search page over HTTP (granian, page cache off) "
            f"| {_ms(search.get('province_page_http_ms', {}))} | | |",
            f"| recall@10 / MRR@10 in the ward, all results | {search['recall_at_10']} / {search['mrr_at_10']} | | |",
            f"| recall@10 / MRR@10 in the ward, filter «Tin bài» (the labelled setting) "
            f"| {search.get('articles_recall_at_10')} / {search.get('articles_mrr_at_10')} | unchanged | |",
        ]
    else:
        lines.append(f"| search | {search['error']} | | ✘ |")
    admin = m.get("admin", {})
    labels = {
        "dashboard": "admin: dashboard",
        "explorer_2000": f"admin: explorer of a category of {admin.get('explorer_children', '?')} children",
        "page_editor": "admin: page editor",
        "image_chooser": "admin: image chooser",
        "qa_queue": "admin: Q&A queue",
    }
    for key, label in labels.items():
        item = admin.get(key)
        if not isinstance(item, dict):
            lines.append(f"| {label} | {admin.get('error', '—')} | ≤ 300 | ✘ |")
            continue
        ok = item["p95"] is not None and item["p95"] <= 300 and set(map(str, item["statuses"])) == {"200"}
        lines.append(f"| {label} (HTTP {','.join(map(str, item['statuses']))}) | {_ms(item)} | ≤ 300 | {_mark(ok)} |")
    publish = m.get("publish", {})
    if "error" not in publish:
        seen = publish["visible_s"]
        ok = all(value is not None and value <= 2 for value in seen.values())
        lines.append(
            f"| publish → visible through nginx (home / category), s | {seen.get('home')} / {seen.get('category')} "
            f"| ≤ 2 | {_mark(ok)} |"
        )
        lines.append(
            f"| another ward's cached home after the publish (X-Page-Cache) | {publish['other_ward_cache_before']} → "
            f"{publish['other_ward_cache_after']} | still a hit | {_mark(publish['other_ward_kept'])} |"
        )
    else:
        lines.append(f"| publish | {publish['error']} | | ✘ |")
    feeds = m.get("feeds", {})
    for name in ("sitemap index", "sitemap", "rss"):
        item = feeds.get(name)
        if isinstance(item, dict):
            lines.append(
                f"| {name} ({item['entries']:,} entries, {item['bytes'] / 1024:,.0f} KB) "
                f"| page cache off {_ms(item['uncached_ms'])}; on {_ms(item['cached_ms'])} | | |"
            )
    database = m.get("database", {})
    if "mib" in database:
        tables = ", ".join(f"{name} {mib:,.0f}" for name, mib in database["largest_tables_mib"][:6])
        lines.append(f"| database size | {database['mib']:,.0f} MiB, {database['pages']:,} pages | | |")
        lines.append(f"| largest tables (MiB) | {tables} | | |")
    workers = m.get("memory", [])
    if isinstance(workers, list) and workers:
        rss = [worker["rss_mib"] for worker in workers]
        lines.append(
            f"| memory per granian worker after the run (RSS, {len(rss)} workers) "
            f"| {min(rss):.0f}–{max(rss):.0f} MiB | | |"
        )
    add = m.get("add_ward", {})
    if "seconds" in add:
        lines.append(f"| `add_ward` of one more ward on the built database | {add['seconds']} s | seconds | |")
    return lines


def _load(path: str) -> dict:
    with open(path, encoding="utf-8") as source:
        return json.load(source)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True)
    parser.add_argument("--checks", required=True)
    parser.add_argument("--measure", required=True)
    parser.add_argument("--disk-before", type=int, default=0)
    parser.add_argument("--wards-target", type=int, default=168)
    parser.add_argument("--per-ward-target", type=int, default=10_000)
    args = parser.parse_args()
    build, checks, measure = (_load(path) for path in (args.build, args.checks, args.measure))
    lines = build_section(build, args.disk_before, measure.get("database", {}), args.wards_target, args.per_ward_target)
    lines += [""] + checks_section(checks) + [""] + measure_section(measure)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
