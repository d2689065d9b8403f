#!/usr/bin/env python3
"""Writes `fixtures/pdf/memo-not-a-letter.pdf`: a two-page staff memo that is not a letter,
notice or order, citing rules and statutes (for `parse-notice --citations` on a PDF).

    pip install fpdf2 && python3 tools/memo_pdf.py fixtures/pdf/memo-not-a-letter.pdf

The text is this project's own, written for the test; fpdf2 sets it in Helvetica with
WinAnsi encoding (so `§` is one byte in the content stream).
"""

import sys
from fpdf import FPDF

PARAGRAPHS = [
    "MEMORANDUM",
    "To: Compliance staff. From: Regulatory counsel. Subject: Rules to review before the "
    "station audit.",
    "Station logs are kept as 47 CFR § 73.1820(a) requires, and the EAS monitoring "
    "assignments follow 47 CFR § 11.52(d)(1). Records of the tower lights are the "
    "licensee's duty under 47 CFR § 17.49.",
    "Forfeitures for a willful violation are assessed under 47 U.S.C. § 503(b), after the "
    "notice that 47 CFR § 1.80 describes.",
] + [
    f"Item {n}. Nothing in this list changes the staff's duties; it repeats them so that each "
    "page of the memo can be read on its own, as the audit binder requires."
    for n in range(1, 16)
] + [
    "Where a caller uses the station's number in a scheme to defraud, the matter goes to the "
    "Department of Justice under 18 U.S.C. § 1343.",
]


def main(path):
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_auto_page_break(True, margin=72)
    pdf.set_margins(72, 72, 72)
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for p in PARAGRAPHS:
        pdf.multi_cell(0, 16, p)
        pdf.ln(8)
    pdf.output(path)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "fixtures/pdf/memo-not-a-letter.pdf")
