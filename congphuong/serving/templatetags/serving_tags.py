"""``{% fragment "name" vary… %}…{% endfragment %}``: a kept fragment (serving/fragments.py).

The name says which part of which template it is; the vary values are everything besides the
database that changes the body (the page's id, the listing's page number…). What the body reads
from the database needs no vary value: it is recorded and purged exactly.
"""

from django import template
from django.utils.safestring import mark_safe

from congphuong.serving import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name, vary_on, nodelist):
        self.name = name
        self.vary_on = vary_on
        self.nodelist = nodelist

    def render(self, context):
        name = self.name.resolve(context)
        vary_on = [value.resolve(context) for value in self.vary_on]
        html = fragments.render(context.get("request"), name, vary_on, lambda: self.nodelist.render(context))
        return mark_safe(html)  # noqa: S308 (the template's own rendered output)


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'fragment' needs a name: {% fragment \"name\" vary… %}")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
