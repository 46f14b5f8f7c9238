"""The privacy notice gets its section for Chinese organisations (issue 14: the Chinese side's
form, /register/uk-partner/) where the "privacy" page was made before that section existed.

A notice made by 0010 since then has it, and staff may have rewritten any notice, so nothing
is replaced: each language's text that lacks the section's heading gets the section at its end,
in the form the text is stored in (sanitised HTML once saved by the admin or the demo loader, the plain
"## " text 0010 wrote otherwise). An empty text stays empty, so `check --deploy` still reports
a notice missing in a language (enquiries.W012). The text is frozen here, not imported from
partnerships/default_pages.py, so that later edits there never change what this does.

Reversing removes the section where the text still ends with it exactly as added here; text
staff edited after it is left as it is.
"""

import re

from django.db import migrations

# The section, in each language: plain text ("## " a subheading, "- " a list item) and the HTML
# the admin's editor stores (tep_portal.rich_text.to_html of the plain text; a test checks it).
# Old notices say only what the UK form collects, so the section says what this form does.
HEADING = {"en": "UK partners, for Chinese organisations", "zh_hans": "英国合作方（适用于中国单位）"}
COLLECT = {
    "en": (
        "If you are a Chinese organisation seeking a UK partner, we keep what you give us in the form for Chinese organisations:",
        [
            "your organisation's name and type, and its province, municipality or autonomous region and city in China",
            "your name, job title, email address and, if you give it, your telephone number",
            "what you are interested in, the partnership page you came from, and your message",
            "the language you used and when you sent the form",
        ],
    ),
    "zh_hans": (
        "如果贵单位是寻找英国合作伙伴的中国单位，我们会保存您在中国单位登记表格中提供的以下信息：",
        [
            "贵单位的名称、类型及所在省（自治区、直辖市）和城市",
            "您的姓名、职务、电子邮箱，以及您提供的电话号码",
            "您感兴趣的方面、您访问表格前所在的合作关系页面，以及您的留言",
            "您使用的语言及提交表格的时间",
        ],
    ),
}
SHARE = {
    "en": "We use and keep this information as this notice describes. We share your organisation's and your contact details with a possible UK partner (a council, school or other organisation) only with your agreement, and we will ask you first each time.",
    "zh_hans": "我们按照本声明所述的方式使用和保存这些信息。只有在征得您同意后，我们才会将贵单位的信息和您的联系方式提供给可能的英国合作方（地方政府、学校或其他单位），并且每次都会事先征询您的意见。",
}


def plain_section(language):
    lead, items = COLLECT[language]
    lines = "\n".join(f"- {item}" for item in items)
    return f"\n\n## {HEADING[language]}\n\n{lead}\n{lines}\n\n{SHARE[language]}"


def html_section(language):
    lead, items = COLLECT[language]
    lines = "".join(f"<li>{item}</li>" for item in items)
    return f"<h2>{HEADING[language]}</h2><p>{lead}</p><ul>{lines}</ul><p>{SHARE[language]}</p>"


LANGUAGES = ("en", "zh_hans")
# As tep_portal.rich_text.is_html decided on the day: text with a block tag is stored HTML.
BLOCK_TAG = re.compile(r"<(p|h[1-6]|ul|ol|li|div|blockquote|br)\b", re.IGNORECASE)


def with_section(text, language):
    if not text or HEADING[language] in text:
        return text
    return text + (html_section(language) if BLOCK_TAG.search(text) else plain_section(language))


def without_section(text):
    for language in LANGUAGES:
        for added in (html_section(language), plain_section(language)):
            if text and text.endswith(added):
                return text[: -len(added)]
    return text


def body_language(page):
    """`body`, the column without a language, holds whichever language the page was last saved in."""
    return "zh_hans" if page.body and page.body == page.body_zh_hans != page.body_en else "en"


def add_section(apps, schema_editor):
    change(apps, with_section)


def remove_section(apps, schema_editor):
    change(apps, lambda text, _language: without_section(text))


def change(apps, edit):
    """Apply edit(text, language) to each body column of the "privacy" page; save (and so
    stamp updated_at) only a page that changed."""
    Page = apps.get_model("partnerships", "Page")
    for page in Page.objects.filter(slug="privacy"):
        columns = {"body": body_language(page), "body_en": "en", "body_zh_hans": "zh_hans"}
        before = {field: getattr(page, field) for field in columns}
        for field, language in columns.items():
            setattr(page, field, edit(before[field], language))
        if any(getattr(page, field) != text for field, text in before.items()):
            page.save(update_fields=[*columns, "updated_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0011_quote_speaker_translation"),
    ]

    operations = [
        migrations.RunPython(add_section, remove_section),
    ]
