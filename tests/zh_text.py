"""Reading Chinese the way a Chinese official or head teacher reads it: the visible text of a
page, the Latin-script words and half-width punctuation it may not hold, and the terms
docs/zh-glossary.md rules out. Shared by tests/test_zh_consistency.py and any test that checks
Chinese output.
"""

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings

CJK = "\u3400-\u4dbf\u4e00-\u9fff"
CJK_CHAR = re.compile(f"[{CJK}]")
PO_FILE = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"

# docs/zh-glossary.md: a term ruled out, and what to write instead.
FORBIDDEN_TERMS = {
    "姐妹城市": "友好城市 (Chinese makes no twin/sister split)",
    "姐妹学校": "友好学校",
    "伙伴关系": "合作关系 or 友好关系 (伙伴关系 is a diplomatic term)",
    "省郡": "省级友好关系 (Wales is no 郡, Chongqing no 省)",
    "议会代表团": "地方政府代表团 (议会 reads as the national Parliament)",
    "外交": "友好交往 (外交 is between states)",
    "申请合作": "登记合作意向 (an enquiry, not an application)",
    "社会关怀": "社会照护",
    "不活跃": "交流较少",
    "益处": "合作成效 or 结好收益",
    "黄金时代": "a dated slogan: say what the partnership does",
}
_FORBIDDEN = re.compile("|".join(map(re.escape, FORBIDDEN_TERMS)))


def forbidden_terms(text):
    """The glossary's ruled-out terms found in `text`."""
    return _FORBIDDEN.findall(text)


# Visible text -------------------------------------------------------------------------------

# Not read as text: scripts and styles, and what a page shows as code or deliberately leaves
# untranslated (translate="no": the language switcher's "English", the licence's attribution).
_SKIPPED_TAGS = {"script", "style", "template", "code"}
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "label", "legend", "li", "main", "nav", "ol", "option",
    "p", "section", "select", "summary", "table", "td", "th", "title", "tr", "ul", "br",
}  # fmt: skip
_READ_ATTRIBUTES = ("alt", "aria-label", "placeholder")


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self._skipping = []  # the open elements whose text is not read

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # translate="no": names and codes kept as written; the language hint offers the other
        # language in that language (lang="en-GB"), hidden unless the browser prefers it.
        skip = tag in _SKIPPED_TAGS or attrs.get("translate") == "no" or "data-language-hint" in attrs
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if not self._skipping and not skip:
            self.parts.extend(f"\n{attrs[name]}\n" for name in _READ_ATTRIBUTES if attrs.get(name))
        if tag not in _VOID_TAGS and (skip or self._skipping):
            self._skipping.append(tag)

    def handle_endtag(self, tag):
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def visible_lines(html):
    """What a reader sees and a screen reader reads: one line per block (heading, paragraph, list
    item, cell…), spaces inside a line collapsed as a browser does, attributes that are read
    (alt, aria-label, placeholder) as lines of their own."""
    parser = _VisibleText()
    parser.feed(html)
    text = "".join(parser.parts)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return [line for line in lines if line]


# Latin script on Chinese pages ------------------------------------------------------------

# Removed before looking for Latin words: what a Chinese page may show in Latin letters.
_ALLOWED = [
    # An English name or pinyin in brackets straight after a Chinese name or title:
    # 加里·米勒（Gary Miller）, 《开放政府许可协议》（Open Government Licence v3.0）.
    re.compile(rf"(?<=[{CJK}·》”])（[^（）{CJK}]*）"),
    re.compile(r"https?://\S+|\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b|(?<![\w/])/[\w./?=&%-]*/"),  # URLs, emails, paths
    # The organisation's name, which has no Chinese one; formats and technical terms Chinese
    # writes in Latin letters; tokens with a digit (road numbers like A52, references).
    re.compile(r"True Education Partnership|(?<![A-Za-z])TEP(?![A-Za-z])"),
    re.compile(
        r"(?<![A-Za-z])(CSV|JSON|RSS|UTF-8|HTTP|ISO|UTC|WGS|URN|ICO|Excel|xlsx|JPEG|PNG|WebP|Cookie)(?![A-Za-z])"
    ),
    re.compile(r"[A-Za-z0-9]*\d[A-Za-z0-9]*"),
]
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def latin_words(line):
    """Latin-script words in a line of Chinese text, beyond the allowed ones."""
    for pattern in _ALLOWED:
        line = pattern.sub(" ", line)
    return _LATIN_WORD.findall(line)


# Punctuation in Chinese text ---------------------------------------------------------------

_HALF_WIDTH_BY_CJK = re.compile(rf"[{CJK}][,.:;!?]|[,.:;!?(] *[{CJK}]|[{CJK}] +\)")
_SPACE_AFTER_FULL_WIDTH = re.compile(r"[：，、；（] +\S")


def punctuation_faults(line):
    """Half-width ", . : ; ( )" next to Chinese characters, and spaces after full-width
    punctuation ("来源： 联合国"), in a line of visible text."""
    return [match.group(0) for match in (*_HALF_WIDTH_BY_CJK.finditer(line), *_SPACE_AFTER_FULL_WIDTH.finditer(line))]


# The .po file -------------------------------------------------------------------------------


def read_po(path=PO_FILE):
    """The entries of a .po file: (msgctxt, msgid, msgid_plural, [msgstr...], flags).

    Enough of the format for files that makemessages writes: comments, flags,
    msgctxt, msgid, msgid_plural, msgstr[n] and continued "..." lines."""
    entries = []
    for block in re.split(r"\n[ \t]*\n", path.read_text(encoding="utf-8").strip()):
        entry = {"msgctxt": None, "msgid": None, "msgid_plural": None, "msgstr": [], "flags": set()}
        field = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#~"):
                raise AssertionError(f"obsolete entry left in {path.name}: {block}")
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                value = ast.literal_eval(line)
                if field == "msgstr":
                    entry["msgstr"][-1] += value
                else:
                    entry[field] += value
            else:
                keyword, _, literal = line.partition(" ")
                field = "msgstr" if keyword.startswith("msgstr") else keyword
                if field == "msgstr":
                    entry["msgstr"].append(ast.literal_eval(literal))
                else:
                    entry[field] = ast.literal_eval(literal)
        entries.append(entry)
    return entries
