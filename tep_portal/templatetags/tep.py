"""Template helpers every page uses: `{% load tep %}`. Those about partnerships, places and
events are in partnerships' `partnership_tags`."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from .. import holes, structured_data
from .. import rich_text as rich_text_helpers
from .. import text as text_helpers

register = template.Library()

# The characters that could end a <script> element or open a comment, as
# django.utils.html.json_script escapes them.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """schema.org data as <script type="application/ld+json">, safe to inline under a strict CSP."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.filter
def year_display(year):
    """A year on its own as a date: "2019", or "2019年" on Chinese pages."""
    return text_helpers.year_display(year)


@register.tag
def bracketed(parser, token):
    """`{% bracketed %}…{% endbracketed %}`: an aside after a name in the active language's
    brackets, " (…)" in English and "（…）" in Chinese (full-width, no space before), so a
    template need not repeat itself per language. Put it straight after the name, no space."""
    nodelist = parser.parse(("endbracketed",))
    parser.delete_first_token()
    return BracketedNode(nodelist)


class BracketedNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        return text_helpers.bracketed(self.nodelist.render(context))


@register.simple_tag
def punct(mark):
    """`{% punct "colon" %}`, `{% punct "comma" %}`, `{% punct "stop" %}`: the active language's
    punctuation between parts a template joins (": " / "：", ", " / "，", "." / "。"), so
    Chinese pages never get half-width punctuation (tep_portal.text.punctuation)."""
    return text_helpers.punctuation(mark)


@register.filter
def body_html(text, heading_level=2):
    """Editable text as paragraphs; "## " lines become headings at `heading_level`, "- " lines lists."""
    level = min(max(int(heading_level), 2), 6)
    parts = []
    for block in text_helpers.body_blocks(text):
        if block.kind == "heading":
            parts.append(format_html("<h{0}>{1}</h{0}>", level, block.text))
        elif block.kind == "list":
            items = format_html_join("\n", "<li>{}</li>", ((item,) for item in block.lines))
            parts.append(format_html("<ul>\n{}\n</ul>", items))
        else:
            lines = format_html_join(mark_safe("<br>\n"), "{}", ((line,) for line in block.lines))
            parts.append(format_html("<p>{}</p>", lines))
    return mark_safe("\n".join(parts))


@register.filter
def fill(html, values):
    """Safe HTML with each {name} placeholder replaced by values[name], escaped (or already
    safe HTML such as a link). Unknown names stay as they are."""
    result = str(html)
    for name, value in values.items():
        result = result.replace("{" + name + "}", conditional_escape(value))
    return mark_safe(result)


@register.filter
def rich_text(html, heading_level=2):
    """Rich text (tep_portal/rich_text.py) sanitised again on the way out; its subheadings start at
    `heading_level`."""
    return rich_text_helpers.render(html, heading_level)


@register.filter
def description(text, limit=160):
    return text_helpers.truncate_description(text, int(limit))


@register.simple_tag(takes_context=True)
def absolute_url(context, path=None):
    """An absolute URL on this host (for canonical, Open Graph and feeds)."""
    request = context.get("request")
    if request is None:
        return ""
    return request.build_absolute_uri(path or request.path)


@register.simple_tag(takes_context=True)
def organization_data(context):
    return structured_data.organization(context["request"], context.get("organisation"))


NAV_ITEMS = [
    # (label, url name, the url names that belong to the section)
    (gettext_lazy("Partnerships"), "partnerships:list", {"partnerships:list", "partnerships:detail"}),
    (gettext_lazy("Schools"), "schools:list", {"schools:list", "schools:detail"}),
    (gettext_lazy("Timeline"), "partnerships:timeline", {"partnerships:timeline"}),
    (gettext_lazy("How it works"), "partnerships:process", {"partnerships:process"}),
    (gettext_lazy("Benefits"), "partnerships:benefits", {"partnerships:benefits"}),
    (gettext_lazy("About"), "partnerships:about", {"partnerships:about"}),
    (gettext_lazy("Contact us"), "contact", {"contact"}),
]
# Only on Chinese pages, first: the way in for Chinese cities, bureaus and schools seeking a UK partner,
# where a Chinese reader looks first and where a phone shows it without scrolling the nav (issue 14).
# English readers are UK organisations; the English pages link it from the home page and the footer.
CHINESE_NAV_ITEMS = [(gettext_lazy("Find a UK partner"), "enquiries:uk-partner", {"enquiries:uk-partner"})]


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    """The main navigation, marking the section (and the page) being shown.

    An error page belongs to no section: after a view raises Http404 (an unknown
    slug, ?page=99), request.resolver_match still names that view.
    """
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    current = match.view_name if match and not context.get("is_error_page") else None
    chinese = CHINESE_NAV_ITEMS if text_helpers.is_chinese_page() else []
    items = [
        {"label": label, "url": reverse(name), "is_page": current == name, "in_section": current in section}
        for label, name, section in [*chinese, *NAV_ITEMS]
    ]
    return {"items": items}


@register.simple_tag(takes_context=True)
def hole(context, name):
    """Where a page shared by every visitor takes a value of each visitor's own (the enquiry
    form's tokens): see tep_portal.holes. Rendered directly, the value itself."""
    return context[holes.HOLES_CONTEXT][name]
