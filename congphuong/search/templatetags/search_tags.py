"""Links of the search page: the current query string with one parameter changed."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def search_url(context, **changes):
    """`?q=…&loai=…` from the current request with `changes` applied (None/"" removes); page reset."""
    request = context.get("request")
    params = request.GET.copy() if request is not None else {}
    params.pop("trang", None)
    for key, value in changes.items():
        name = key.replace("_", "-")
        params.pop(name, None)
        if value not in (None, ""):
            params[name] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"
