"""{% cachedfragment "name" value… %}…{% endcachedfragment %}: a piece of a page
rendered once per content generation (and language, release and the values
given) and shared by every request on every server until the next staff edit.

For parts of a page that are the same whatever its query string says, so a page
that cannot come from the page cache (a new search, the page cache switched off,
the minutes after an edit) still skips their template work. Only for content
every visitor may see: nothing from the request (user, CSRF token) may be inside.
A staff preview (a `preview` in the context: tep_portal/preview.py) renders every
fragment afresh and keeps none, so drafts never reach a visitor and staff see them.
Loaded in templates with `{% load fragments %}`.
"""

from django import template
from django.utils.safestring import mark_safe

from tep_portal.fragment_cache import remember

register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        if context.get("preview"):
            return self.nodelist.render(context)
        vary = [value.resolve(context) for value in self.vary_on]
        # What the template engine rendered (escaped as it renders), so safe as it stands.
        return mark_safe(remember(self.name, lambda: self.nodelist.render(context), *vary))


@register.tag
def cachedfragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or not (bits[1][0] == bits[1][-1] and bits[1][0] in "\"'"):
        raise template.TemplateSyntaxError(f"{bits[0]} needs a quoted fragment name")
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    return CachedFragmentNode(nodelist, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]])
