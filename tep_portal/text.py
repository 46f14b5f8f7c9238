"""How text reads on every page, in the active language: years, asides in brackets,
punctuation between parts, short lists, meta descriptions and editable body text."""

import re
from dataclasses import dataclass

from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language, pgettext

HEADING_PREFIX = "## "
LIST_PREFIX = "- "


def is_chinese_page():
    """Whether the active language is Chinese: a /zh-hans/ page, or text rendered in Chinese
    (an email to a Chinese sender). Python code asks here rather than comparing language codes."""
    return (get_language() or "").startswith("zh")


def year_display(year):
    """A year standing alone as a date: "2019" in English, "2019年" in Chinese ("" for no year)."""
    if year is None or year == "":
        return ""
    # Translators: a year on its own as a date (an event's date, a timeline heading, the year
    # a partnership was established). Chinese readers expect the year character: "%(year)s年".
    return pgettext("a year on its own", "%(year)s") % {"year": year}


def staff_name(user):
    """How a member of staff is named to colleagues: their full name, or their username when
    they have none; "–" for nobody (an account since deleted)."""
    if user is None:
        return "–"
    return user.get_full_name() or user.get_username()


@dataclass(frozen=True)
class Block:
    """One block of editable body text: a paragraph (lines kept), a subheading or a list."""

    kind: str  # "p", "heading" or "list" (lines are its items)
    lines: tuple

    @property
    def text(self):
        return " ".join(self.lines)


def body_blocks(text):
    """Split editable text into paragraphs on blank lines; "## " starts a subheading and
    consecutive lines starting with "- " make a list."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip()):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        paragraph = []
        for line in lines:
            if line.startswith(HEADING_PREFIX) or line == HEADING_PREFIX.strip():
                if paragraph:
                    blocks.append(Block("p", tuple(paragraph)))
                    paragraph = []
                heading = line[len(HEADING_PREFIX) :].strip()
                if heading:
                    blocks.append(Block("heading", (heading,)))
            else:
                paragraph.append(line)
        if paragraph:
            blocks.extend(_paragraph_and_lists(paragraph))
    return blocks


def _paragraph_and_lists(lines):
    """Runs of "- " lines become lists, the other runs paragraphs."""
    blocks, run, run_is_list = [], [], False
    for line in lines:
        is_item = line.startswith(LIST_PREFIX)
        if run and is_item != run_is_list:
            blocks.append(Block("list" if run_is_list else "p", tuple(run)))
            run = []
        run_is_list = is_item
        run.append(line[len(LIST_PREFIX) :].strip() if is_item else line)
    if run:
        blocks.append(Block("list" if run_is_list else "p", tuple(run)))
    return blocks


def truncate_description(text, limit=160):
    """A meta description: whole words, at most `limit` characters."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return f"{cut}…"


def bracketed(text):
    """An aside in brackets after a name, as the active language writes them: " (Zhejiang)"
    in English, "（浙江省）" in Chinese (full-width, no space before). Safe text stays safe."""
    # Translators: brackets around an aside after a name, e.g. "Nottingham (City council)". Keep
    # the space before them only where your language writes one; Chinese: "（%(aside)s）".
    result = pgettext("an aside in brackets", " (%(aside)s)") % {"aside": text}
    return mark_safe(result) if isinstance(text, SafeData) else result


def join_list(items):
    """Short lists in running text: "a, b, c" in English, "a、b、c" in Chinese."""
    return punctuation("list").join(str(item) for item in items)


def punctuation(mark):
    """The active language's punctuation where code or a template joins parts of a sentence:
    "colon" after a label (": " in English, "：" in Chinese, no space after), "comma" between
    the parts of a phrase (", " / "，"), "list" between the items of a short list
    (", " / "、") and "stop" at the end of a sentence ("." / "。").
    Chinese text must never get half-width ", . :" (docs/zh-glossary.md)."""
    if mark == "colon":
        # Translators: after a label, before its value ("Source: UN"). Chinese: "：" with no space.
        return pgettext("after a label", ": ")
    if mark == "comma":
        # Translators: between the parts of a phrase ("UN, 2018"). Chinese: "，" with no space.
        return pgettext("between the parts of a phrase", ", ")
    if mark == "list":
        # Translators: between the items of a short list in running text; Chinese uses "、".
        return pgettext("between list items", ", ")
    if mark == "stop":
        # Translators: the full stop after a sentence that ends with a link. Chinese: "。".
        return pgettext("at the end of a sentence", ".")
    raise ValueError(f"unknown punctuation mark {mark!r}")


def labelled(label, value):
    """ "Source: UN" in English, "来源：联合国" in Chinese."""
    return _joined(punctuation("colon"), [label, value])


def join_phrase(parts):
    """The non-empty parts of a phrase, "UN, 2018" in English and "联合国，2018年" in Chinese."""
    return _joined(punctuation("comma"), [part for part in parts if part])


def _joined(separator, parts):
    """Plain text stays plain (emails, CSV); where a part is safe HTML (a link), the others are
    escaped and the whole is safe."""
    if any(isinstance(part, SafeData) for part in parts):
        return mark_safe(separator.join(conditional_escape(part) for part in parts))
    return separator.join(str(part) for part in parts)
