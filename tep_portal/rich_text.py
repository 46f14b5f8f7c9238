"""Rich text that staff write in the admin: headings, paragraphs, lists, links and emphasis.

Stored as HTML, sanitised with nh3 (the Rust ammonia library) when saved and again when shown,
so a <script>, an event handler, a style or a javascript: link never reaches a page whatever
wrote the row. Text with no tags at all is the plain text the fields held before (blank lines
between paragraphs, "## " before a subheading: text.body_blocks) and becomes HTML.

The admin edits it with django-prose-editor's Tiptap build, loaded by static/js/rich-text.js
(an ES module from our own origin: no import map, nothing inline, so it runs under the site's CSP).
"""

import re
from html import escape
from html.parser import HTMLParser

import nh3
from django import forms
from django.db import models
from django.forms import Script
from django.utils.safestring import mark_safe

from .text import HEADING_PREFIX, body_blocks

ALLOWED_TAGS = {"p", "br", "h2", "h3", "h4", "strong", "em", "ul", "ol", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
# HTML from the editor always has block tags; plain text with a stray "<b>" stays plain (escaped).
BLOCK_TAG = re.compile(r"<(p|h[1-6]|ul|ol|li|div|blockquote|br)\b", re.IGNORECASE)
HEADING = re.compile(r"<(/?)h([2-6])>")
EMPTY_PARAGRAPH = re.compile(r"<p>\s*(<br>\s*)*</p>")


def sanitize(html):
    """Only the allowed tags and attributes; links get rel="noopener noreferrer"."""
    cleaned = nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    # The editor's empty document is one empty paragraph: store that as no text.
    return EMPTY_PARAGRAPH.sub("", cleaned).strip()


def is_html(text):
    return bool(BLOCK_TAG.search(text or ""))


def plain_to_html(text):
    """Plain text as the fields held it before (text.body_blocks) in HTML."""
    parts = []
    for block in body_blocks(text):
        if block.kind == "heading":
            parts.append(f"<h2>{_inline(block.text)}</h2>")
        elif block.kind == "list":
            parts.append("<ul>" + "".join(f"<li>{_inline(item)}</li>" for item in block.lines) + "</ul>")
        else:
            parts.append("<p>" + "<br>".join(_inline(line) for line in block.lines) + "</p>")
    return "".join(parts)


# An https:// address in plain text (escaped first, so no quote or angle bracket can be part of it).
_URL_IN_TEXT = re.compile(r"https://[^\s<>\"'，。；）]+[^\s<>\"'，。；）.,;:)]")


def _inline(text):
    """A line of plain text as HTML: escaped, each https:// address made a link."""
    return _URL_IN_TEXT.sub(lambda match: f'<a href="{match.group()}">{match.group()}</a>', escape(text, quote=False))


def to_html(text):
    """Sanitised HTML for stored text, plain or HTML."""
    if not text:
        return ""
    return sanitize(text if is_html(text) else plain_to_html(text))


class _PlainText(HTMLParser):
    BLOCKS = {"p", "h2", "h3", "h4", "li", "ul", "ol"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.current, self.prefix = [], [], ""

    def _flush(self):
        text = "".join(self.current).strip()
        if text:
            self.blocks.append(self.prefix + text)
        self.current, self.prefix = [], ""

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self._flush()
            self.prefix = HEADING_PREFIX if tag in {"h2", "h3", "h4"} else ("- " if tag == "li" else "")
        elif tag == "br":
            self.current.append("\n")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data):
        self.current.append(data)


def html_to_plain(html):
    """Back to the plain-text convention (for reversing the data migration): headings as
    "## ", paragraphs between blank lines, list items as "- "; links keep their text only."""
    if not is_html(html):
        return html or ""
    parser = _PlainText()
    parser.feed(html)
    parser.close()
    parser._flush()
    return "\n\n".join(parser.blocks)


def render(text, heading_level=2):
    """Safe HTML for a page, its headings moved so the first level is `heading_level`."""
    shift = min(max(int(heading_level), 2), 5) - 2
    html = to_html(text)
    if shift:
        html = HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + shift, 6)}>", html)
    return mark_safe(html)


class RichTextWidget(forms.Textarea):
    """A textarea the editor replaces (with it, the textarea still submits the HTML)."""

    template_name = "django/forms/widgets/textarea.html"

    class Media:
        css = {
            "all": [
                "django_prose_editor/material-icons.css",
                "django_prose_editor/editor.css",
                "django_prose_editor/overrides.css",
                "css/admin.css",
            ]
        }
        js = [Script("js/rich-text.js", type="module")]

    def __init__(self, attrs=None):
        super().__init__({"data-rich-text": "", "rows": 12, **(attrs or {})})

    def format_value(self, value):
        # Old plain text opens in the editor as the paragraphs and headings it will become.
        return to_html(value) if value else value


class RichTextFormField(forms.CharField):
    widget = RichTextWidget

    def __init__(self, *args, **kwargs):
        kwargs["widget"] = RichTextWidget  # also instead of the admin's plain textarea
        super().__init__(*args, **kwargs)

    def clean(self, value):
        return to_html(super().clean(value))


class RichTextField(models.TextField):
    """A TextField holding sanitised HTML, whatever saves it (forms, the demo loader, bulk inserts)."""

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value:
            value = to_html(value)
            setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        kwargs.pop("widget", None)
        return super().formfield(**{**kwargs, "form_class": RichTextFormField})

    def deconstruct(self):
        # The column is a plain text column: migrations need not know this class.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.TextField", args, kwargs
