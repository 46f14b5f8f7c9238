"""Small validators for what people type into the public forms, each usable on its own
(a field's `validators`, or a clean_<field> method) so another form can reuse them.

What is refused, and why:
- control characters (NUL, ESC, DEL…) and line/paragraph separators in a one-line answer:
  they break headers, CSV files and the admin's list;
- invisible characters (zero-width spaces and joiners, LRM/RLM/ALM, word joiner, BOM,
  soft hyphen, invisible Hangul fillers): a name can look like another one, or hide text;
- direction-changing characters (the bidi embeddings, overrides and isolates, U+202A–E and
  U+2066–9): "Invoice‮fdp.exe" displays as "Invoiceexe.pdf";
- tag characters (U+E0000–E007F): invisible text that some software still reads.
Chinese, accented letters and emoji are welcome everywhere, including ZWJ sequences such as 👩‍🏫
(whose joiner sits between two pictographs) and the flags of England, Scotland and Wales (a
black flag, tag letters and a cancel tag: the only tag sequences Unicode recommends as emoji).

In a message (several lines) line breaks and tabs are fine, direction-changing and tag
characters are refused, and the other invisible characters are removed (`strip_invisible`):
pasted text often carries them, and they mean nothing to the reader.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _

DIRECTION_CHANGING = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LINE_SEPARATORS = frozenset("\u2028\u2029\u0085")
# Invisible letters and spaces that are not in category Cf (format characters).
INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")
ZERO_WIDTH_JOINER = "\u200d"
VARIATION_SELECTOR_16 = "\ufe0f"
# 🏴 + "gbeng", "gbsct" or "gbwls" in tag letters + cancel tag: seven code points each.
UK_FLAGS = frozenset(
    "\U0001f3f4" + "".join(chr(0xE0000 + ord(letter)) for letter in code) + "\U000e007f"
    for code in ("gbeng", "gbsct", "gbwls")
)
FLAG_LENGTH = 7


def is_tag_character(char):
    return 0xE0000 <= ord(char) <= 0xE007F


def is_hidden_tag(text, index):
    """Whether text[index] is a tag character that is not part of one of the UK nations' flags."""
    if not is_tag_character(text[index]):
        return False
    starts = range(max(0, index - FLAG_LENGTH + 1), index)
    return not any(text[start : start + FLAG_LENGTH] in UK_FLAGS for start in starts)


def _is_pictograph(char):
    return char == VARIATION_SELECTOR_16 or unicodedata.category(char) in ("So", "Sk")


def _is_emoji_joiner(text, index):
    """A zero-width joiner between two pictographs (👩‍🏫, 👨‍👩‍👧) belongs to the emoji."""
    return (
        text[index] == ZERO_WIDTH_JOINER
        and 0 < index < len(text) - 1
        and _is_pictograph(text[index - 1])
        and _is_pictograph(text[index + 1])
    )


def is_invisible(text, index):
    """Whether text[index] is an invisible character (format character or invisible letter),
    the joiner inside an emoji and the tags of a flag excepted."""
    char = text[index]
    if char in INVISIBLE_LETTERS:
        return True
    if is_tag_character(char):
        return is_hidden_tag(text, index)
    return unicodedata.category(char) == "Cf" and not _is_emoji_joiner(text, index)


def is_control(char, *, multiline):
    if multiline and char in "\r\n\t":
        return False
    return unicodedata.category(char) == "Cc" or char in LINE_SEPARATORS


def single_line(value):
    """A one-line answer (a name, an organisation, a job title): no line breaks, control,
    invisible or direction-changing characters."""
    if any(is_control(char, multiline=False) for char in value):
        raise ValidationError(
            _("Enter this on one line, without line breaks or special characters"), code="not_single_line"
        )
    if any(is_invisible(value, index) for index in range(len(value))):
        raise ValidationError(
            _("Remove the hidden characters from this answer (they can come with copied and pasted text)"),
            code="invisible_characters",
        )


def plain_text(value):
    """A message: line breaks and tabs allowed; control, direction-changing and tag characters
    (a flag's aside) refused."""
    if any(is_control(char, multiline=True) for char in value):
        raise ValidationError(_("Remove the special characters from your message"), code="control_characters")
    if any(char in DIRECTION_CHANGING for char in value):
        raise ValidationError(
            _("Remove the hidden characters that change the direction of your text from your message"),
            code="direction_characters",
        )
    if any(is_hidden_tag(value, index) for index in range(len(value))):
        raise ValidationError(
            _("Remove the hidden characters from your message (they can come with copied and pasted text)"),
            code="tag_characters",
        )


def strip_invisible(value):
    """The text without invisible characters (zero-width, LRM/RLM, BOM, soft hyphen…), emoji intact.
    Direction-changing and tag characters are left for plain_text to refuse."""
    return "".join(
        char
        for index, char in enumerate(value)
        if char in DIRECTION_CHANGING or is_tag_character(char) or not is_invisible(value, index)
    )


class StrictEmailValidator(EmailValidator):
    """Django's validator, minus what a reply can never reach or what could be abused in
    headers: `localhost` (allowed by default), IP-address domains, over-long local parts,
    quoted local parts ("a,b@evil.com"@example.org, which turn into a second address in
    Reply-To) and control or invisible characters anywhere (they reached the SMTP envelope)."""

    unusual_message = _("Enter an email address without quotation marks or hidden characters, like name@example.com")

    def __init__(self, **kwargs):
        super().__init__(allowlist=[], **kwargs)

    def __call__(self, value):
        if '"' in value or any(
            is_control(char, multiline=False) or is_invisible(value, index) for index, char in enumerate(value)
        ):
            raise ValidationError(self.unusual_message, code="unusual_email", params={"value": value})
        super().__call__(value)
        local, _at, domain = value.rpartition("@")
        if len(local) > 64 or domain.startswith("["):
            raise ValidationError(self.message, code=self.code, params={"value": value})
