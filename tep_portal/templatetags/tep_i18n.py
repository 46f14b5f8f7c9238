"""The language switcher and hreflang alternates: `{% load tep_i18n %}`.

Both are plain links to the same page in the other language. Public pages are
cached whole (tep_portal/pagecache.py), so nothing here may depend on the
visitor: no CSRF token, no cookie; the URL alone decides the language.
"""

from dataclasses import dataclass
from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_from_path, get_language_info

from tep_portal.text import join_phrase

register = template.Library()

# BCP 47 tags for the `lang` and `hreflang` attributes: our codes are Django's.
LANGUAGE_TAGS = {"en": "en-GB", "zh-hans": "zh-Hans"}


def language_tag(code):
    return LANGUAGE_TAGS.get(code, code)


def path_in_language(path, language):
    """`path` (query string kept) as it reads in `language`. Every page asks five
    times (switcher and alternates), each a resolve and a reverse: remembered per
    process for the paths asked most (the answer depends on the URL patterns alone)."""
    return _path_in_language(path, language, get_language())


@lru_cache(maxsize=2048)
def _path_in_language(path, language, _active_language):
    """`path` (query string kept) as it reads in `language`.

    Django's translate_url() only knows paths that resolve; a mistyped address
    on the 404 page still needs a working switcher, so there the language
    prefix is swapped by hand (the URL patterns themselves are not translated).
    """
    translated = translate_url(path, language)
    if translated != path:
        return translated
    current = get_language_from_path(path)
    if (current or settings.LANGUAGE_CODE) == language:
        return path
    if current:
        path = path[len(current) + 1 :]  # "/zh-hans/x/" -> "/x/"
    return path if language == settings.LANGUAGE_CODE else f"/{language}{path}"


@dataclass(frozen=True)
class LanguageLink:
    code: str
    tag: str  # for lang="" and hreflang=""
    name: str  # the language's name in itself: "English", "简体中文"
    url: str
    is_current: bool


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language to this page (query string kept), for the switcher."""
    request = context.get("request")
    full_path = request.get_full_path() if request is not None else "/"
    current = get_language()
    return [
        LanguageLink(
            code=code,
            tag=language_tag(code),
            name=get_language_info(code)["name_local"],
            url=path_in_language(full_path, code),
            is_current=code == current,
        )
        for code, _name in settings.LANGUAGES
    ]


@register.simple_tag(takes_context=True)
def language_alternates(context, path=None):
    """(hreflang, absolute URL) for each language version of the page, then
    x-default: the English page, which is also what the root serves everyone."""
    request = context.get("request")
    if request is None:
        return []
    path = path or request.path
    alternates = [
        (language_tag(code), request.build_absolute_uri(path_in_language(path, code)))
        for code, _name in settings.LANGUAGES
    ]
    default = request.build_absolute_uri(path_in_language(path, settings.LANGUAGE_CODE))
    return [*alternates, ("x-default", default)]


@register.filter
def text_lang(obj, field):
    """` lang="en-GB"` where a record's text is shown in English on a page in another language:
    a translated field with no text in the page's language (modeltranslation falls back to
    English), or a field that is never translated. Empty otherwise, so the page's own <html
    lang> applies. WCAG 3.1.2, language of parts: screen readers then read it as English."""
    language = get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return ""
    localized = f"{field}_{language.replace('-', '_')}"
    if hasattr(obj, localized) and getattr(obj, localized):
        return ""
    return format_html(' lang="{}"', language_tag(settings.LANGUAGE_CODE))


@register.simple_tag
def marked_phrase(parts):
    """The texts of (record, field) pairs joined as a phrase ("Southwell, Newark and Sherwood"),
    each one shown in English on a page in another language in a <span> marked as text_lang
    marks an element: `{% marked_phrase school.locality_parts %}`."""
    marked = []
    for record, field in parts:
        lang = text_lang(record, field)
        text = getattr(record, field)
        marked.append(format_html("<span{}>{}</span>", lang, text) if lang else text)
    return join_phrase(marked)


@register.filter
def own_language(obj, field):
    """A translated field's text in the page's language only, "" where it has none: for text
    that must not fall back to English on a Chinese page (a partnership's notes on sources)."""
    language = (get_language() or settings.LANGUAGE_CODE).replace("-", "_")
    return getattr(obj, f"{field}_{language}", None) or ""
