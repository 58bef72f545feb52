from wagtail import hooks


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    """The page cache tags a response with the page it served (tags.response_tags)."""
    request.serving_page = page
