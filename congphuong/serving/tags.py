"""Tag names, and which tags a page change or a rendered response gets.

- ``all``: every entry; ``site:<id>``: every entry of one ward (ward-wide objects, --site purge);
- ``page:<id>``: the entries that showed that page (title, link, image, lead);
- ``tree:<path>``: the entries that list pages below the page at <path> (a category and its
  pagination and feed, the home page and the ward feed, the sitemap). A change to a page bumps
  the tree tag of each of its ancestors, so a new article reaches every list it belongs to;
- ``children:<path>``: the entries showing that page's direct children (the menu: children of home);
- ``label:<slug>``: the entries of articles that pick related articles by that tag;
- ``model:<app_label>.<model_name>``: the entries that read a model that is not a page model
  (tracking.py, from the ORM's query objects); any save, delete or m2m change of it bumps it;
- ``search``: search results (bumped with the search index generation).
"""

from __future__ import annotations

from wagtail.models import Page

from . import conf

STEPLEN = Page.steplen


def page_tag(page_id) -> str:
    return f"page:{page_id}"


def tree_tag(path: str) -> str:
    return f"tree:{path}"


def site_tag(site_id) -> str:
    return f"site:{site_id}"


def ancestor_tree_tags(path: str) -> list[str]:
    """tree:<p> for the page at `path` and each of its ancestors (paths are prefixes: no query)."""
    return [tree_tag(path[:end]) for end in range(STEPLEN, len(path) + 1, STEPLEN)]


def parent_path(path: str) -> str:
    return path[:-STEPLEN]


def label_tags(page) -> list[str]:
    tags = getattr(page, "tags", None)
    if tags is None or not hasattr(tags, "all"):
        return []
    return [f"label:{tag.slug or tag.name}" for tag in tags.all()]


def children_tag(path: str) -> str:
    return f"children:{path}"


def change_tags(page, *, old_path: str | None = None, labels: bool = True) -> set[str]:
    """What to purge when `page` is published, unpublished, edited, moved or deleted.

    labels=False (a deletion): the page can only disappear from the tag-related blocks, and those
    carry its page tag already; no query then."""
    tags = {page_tag(page.pk), children_tag(page.path)}
    for path in filter(None, {page.path, old_path}):
        tags.update(ancestor_tree_tags(path))
        if len(path) > STEPLEN:
            tags.add(children_tag(parent_path(path)))
    if labels:
        tags.update(label_tags(page))
    return tags


def response_tags(request, recorder) -> set[str]:
    from wagtail.models import Site

    site = getattr(request, "_wagtail_site", None) or Site.find_for_request(request)
    tags = {"all"} | recorder.tags
    root_path = None
    if site is not None:
        tags.add(site_tag(site.pk))
        root_path = Page.objects.filter(pk=site.root_page_id).values_list("path", flat=True).first()
        if root_path:
            tags.add(children_tag(root_path))  # the main menu
    served = getattr(request, "serving_page", None)
    if served is not None:
        tags.add(tree_tag(served.path))
        if hasattr(served, "related_articles"):  # the category's latest and tag-sharing articles
            tags.add(tree_tag(parent_path(served.path)))
            tags.update(label_tags(served))
    elif root_path:
        # A view that is not a page (sitemap, search, documents): any change in the ward.
        tags.add(tree_tag(root_path))
    if len(recorder.page_ids) > conf.max_page_tags() and root_path:
        tags.add(tree_tag(root_path))
    else:
        tags.update(page_tag(pk) for pk in recorder.page_ids)
    ignored = conf.ignored_models() | page_models()
    tags.update(model_tag(label) for label in recorder.models if label not in ignored)
    return tags


def model_tag(label: str) -> str:
    """``model:<app_label>.<model_name>`` for a model label (any case) or a model class."""
    if not isinstance(label, str):
        label = label._meta.concrete_model._meta.label_lower
    return f"model:{label.lower()}"


_page_models: set[str] | None = None


def page_models() -> set[str]:
    """Labels of page models and of their ParentalKey children: covered by the page tags."""
    global _page_models
    if _page_models is None:
        from django.apps import apps
        from modelcluster.fields import ParentalKey

        _page_models = {
            model._meta.label_lower
            for model in apps.get_models()
            if issubclass(model, Page) or any(isinstance(f, ParentalKey) for f in model._meta.get_fields())
        }
    return _page_models


def parental_ids(instance) -> list:
    from modelcluster.fields import ParentalKey

    return [
        getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if isinstance(field, ParentalKey) and getattr(instance, field.attname, None) is not None
    ]
