"""CSV files that open safely in a spreadsheet."""

# A cell starting with one of these is read as a formula by Excel, LibreOffice
# or Google Sheets (OWASP "CSV injection"); full-width forms too in CJK locales.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def spreadsheet_safe(value):
    """Text as a cell no spreadsheet runs: a leading formula character gets a "'" before it."""
    text = "" if value is None else str(value)
    if text.lstrip(" ")[:1] in FORMULA_TRIGGERS and text.strip(" "):
        return "'" + text
    return text
