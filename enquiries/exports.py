"""The inbox's exports: CSV, and .xlsx for Excel users.

CSV cells that a spreadsheet would run as a formula get a leading apostrophe
(OWASP "CSV injection"), which Excel then shows: `'+44 7700 900123`. The .xlsx
file needs no such trick: every cell is written as a text cell (openpyxl's
data type "s", number format "@"), so "=HYPERLINK(…)" stays words, a phone
number keeps its "+" and leading zero, and nothing is shown with an apostrophe.
"""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font

from tep_portal.spreadsheets import spreadsheet_safe
from tep_portal.text import staff_name

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

HEADERS = [
    "reference",
    "received",
    "status",
    "owner",
    "organisation",
    "side",
    "organisation type",
    "region",
    "province",
    "city",
    "contact name",
    "job title",
    "email",
    "phone",
    "interests",
    "partnership",
    "message",
]
# Column widths in the .xlsx, in characters (the message wraps).
WIDTHS = {"received": 17, "organisation": 30, "email": 30, "message": 60}


def row(enquiry):
    return [
        enquiry.reference,
        timezone.localtime(enquiry.created_at).strftime("%Y-%m-%d %H:%M"),
        enquiry.get_status_display(),
        staff_name(enquiry.owner) if enquiry.owner else "",
        enquiry.organisation_name,
        enquiry.get_side_display(),
        enquiry.get_organisation_type_display(),
        enquiry.get_region_display(),
        enquiry.get_china_province_display(),
        enquiry.city,
        enquiry.contact_name,
        enquiry.job_title,
        enquiry.email,
        enquiry.phone,
        "; ".join(str(interest.label) for interest in enquiry.interests),
        str(enquiry.partnership) if enquiry.partnership else "",
        enquiry.message,
    ]


def _attachment(content_type, extension):
    response = HttpResponse(content_type=content_type)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="tep-enquiries-{stamp}.{extension}"'
    return response


def csv_response(enquiries):
    """(response, count)"""
    response = _attachment("text/csv; charset=utf-8", "csv")
    response.write("\ufeff")  # lets Excel read UTF-8, so Chinese and Welsh names survive
    writer = csv.writer(response)
    writer.writerow(HEADERS)
    count = 0
    for enquiry in enquiries:
        writer.writerow([spreadsheet_safe(value) for value in row(enquiry)])
        count += 1
    return response, count


def xlsx_response(enquiries):
    """(response, count): one sheet, a bold header row, every cell a text cell."""
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = "Enquiries"
    count = 0
    for row_number, values in enumerate([HEADERS, *(row(enquiry) for enquiry in enquiries)], start=1):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row_number, column=column)
            # Assigning the string first would make "=…" a formula: set the type explicitly after it.
            cell.value = ILLEGAL_CHARACTERS_RE.sub("", "" if value is None else str(value))
            cell.data_type = "s"
            cell.number_format = "@"
            if row_number == 1:
                cell.font = Font(bold=True)
            elif HEADERS[column - 1] == "message":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        count = row_number - 1
    for column, name in enumerate(HEADERS, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].width = WIDTHS.get(name, 18)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = _attachment(XLSX_CONTENT_TYPE, "xlsx")
    response.write(buffer.getvalue())
    return response, count
