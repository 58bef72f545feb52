"""Page fields a reader never sees: a save touching only these changes nothing public.

Shared by the search index and the page cache, which both skip such saves (drafts, locks,
workflow bookkeeping); publishing itself is handled through Wagtail's page_published signal.
"""

NON_CONTENT_PAGE_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "locked",
        "locked_at",
        "locked_by",
        "numchild",
        "live_revision",
        "approved_go_live_at",
    }
)
