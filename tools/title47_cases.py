#!/usr/bin/env python3
"""Writes `fixtures/citations/title47.tsv`: resolution cases for Title 47, read off the
reference tables (not off the crate's output).

    python3 tools/title47_cases.py ../shared/reference > fixtures/citations/title47.tsv

For each CFR part named below it takes the first, the last and three evenly spaced sections of
the bulk table (sections the hand-checked table also lists, ranges and `[Reserved]` rows
left out, so that each expected heading is one row's), and as many U.S.C. sections between
§§ 151 and 1754; then the hand-checked rows of the CFR and U.S.C. with their own heading. The
citation is written in the forms letters use, in turn. Expected URLs follow the patterns of
`reference/README.md`; a CFR paragraph adds eCFR's `#p-` fragment.
"""

import csv
import sys
from pathlib import Path

CFR_PARTS = ["0", "1", "11", "20", "25", "51", "64", "73", "76"]
PER_PART = 5
USC_CASES = 15
USC_EDITION = "olrc-2023-04-20"

CFR_FORMS = ["47 CFR § {s}", "47 C.F.R. § {s}(a)", "47 CFR {s}", "section {s} of the Commission's rules", "47 CFR § {s}(b)(1)"]
USC_FORMS = ["47 U.S.C. § {s}", "47 U.S.C. § {s}(a)", "47 USC {s}", "section {s} of the Act"]


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def straight(s):
    return s.replace("\u2019", "'").strip()


def spaced(items, n):
    """The first, the last and evenly spaced items between."""
    if len(items) <= n:
        return items
    return [items[round(i * (len(items) - 1) / (n - 1))] for i in range(n)]


def cfr_url(section, form):
    url = f"https://www.ecfr.gov/current/title-47/section-{section}"
    path = form.split("{s}", 1)[1].split(" ")[0]
    return url + (f"#p-{section}{path}" if path.startswith("(") else "")


def usc_url(section):
    return f"https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title47-section{section}&num=0&edition=prelim"


def main(reference):
    reference = Path(reference)
    cfr = rows(reference / "title47" / "cfr47-sections.tsv")
    usc = rows(reference / "title47" / "usc47-sections.tsv")
    hand = rows(reference / "sections.tsv")
    checked = {(r["code"], r["section"]) for r in hand}
    seen = {}
    for r in cfr:
        seen[r["section"]] = seen.get(r["section"], 0) + 1
    out = sys.stdout
    out.write("# Title 47 resolution cases, written by tools/title47_cases.py from the reference tables.\n")
    out.write("# input\theading\tplace\tedition\tknown\turl\n")
    k = 0

    def case(text, heading, place, edition, known, url):
        out.write("\t".join([text, heading or "-", place or "-", edition or "-", known, url]) + "\n")

    for part in CFR_PARTS:
        plain = [
            r for r in cfr
            if r["part"] == part and seen[r["section"]] == 1 and ("cfr", r["section"]) not in checked
            and "-" not in r["section"] and not r["heading"].startswith("§§") and "[Reserved]" not in r["heading"]
        ]
        for r in spaced(plain, PER_PART):
            form = CFR_FORMS[k % len(CFR_FORMS)]
            k += 1
            place = f"Part {r['part']}" + (f", Subpart {r['subpart']}" if r["subpart"] else "")
            case(form.format(s=r["section"]), straight(r["heading"]), place, r["edition"], "true", cfr_url(r["section"], form))
    in_range = [
        r for r in usc
        if r["section"][:1].isdigit() and 151 <= int("".join(c for c in r["section"] if c.isdigit()) or 0) <= 1754
        and ("usc", r["section"]) not in checked and " to " not in r["section"] and r["heading"] != "Omitted"
        and r["section"].isdigit()
    ]
    for r in spaced(in_range, USC_CASES):
        form = USC_FORMS[k % len(USC_FORMS)]
        k += 1
        # "section N of the Act" is 47 U.S.C. § N for the Act's Titles II to VI only.
        if "Act" in form and not 201 <= int(r["section"]) < 700:
            form = USC_FORMS[0]
        chapter = r["chapter"].split(" (", 1)[0]
        case(form.format(s=r["section"]), straight(r["heading"]), f"Chapter {chapter}", USC_EDITION, "true", usc_url(r["section"]))
    # The hand-checked rows: their own heading wins; its edition is theirs unless the bulk
    # table of 2025 (CFR) or the OLRC text (U.S.C.) prints the same heading.
    # The place is the bulk table's where it has the section (it names the subpart).
    bulk = {("cfr", r["section"]): r for r in cfr if r["edition"].startswith("ecfr")}
    bulk.update({("usc", r["section"]): dict(r, edition=USC_EDITION) for r in usc})
    places = {r["section"]: r for r in cfr}
    for r in hand:
        if not r["heading"]:
            continue
        same = bulk.get((r["code"], r["section"]))
        alike = same and straight(same["heading"]).rstrip(".").lower() == straight(r["heading"]).rstrip(".").lower()
        edition = same["edition"] if alike else "hand-checked"
        heading = straight(same["heading"] if alike else r["heading"])
        if r["code"] == "cfr":
            part = r["part_or_chapter"].split(" (", 1)[0]
            if r["section"] in places:
                p = places[r["section"]]
                part = f"Part {p['part']}" + (f", Subpart {p['subpart']}" if p["subpart"] else "")
            case(f"47 CFR § {r['section']}", heading, part, edition, "true", cfr_url(r["section"], "{s}"))
        else:
            chapter = r["part_or_chapter"].split(",", 1)[0].split(" (", 1)[0]
            case(f"47 U.S.C. § {r['section']}", heading, chapter, edition, "true", usc_url(r["section"]))
    # Sections in neither table, and other titles: a URL, no heading.
    case("47 CFR § 64.99999", None, None, None, "false", cfr_url("64.99999", "{s}"))
    case("47 CFR § 9.99", None, None, None, "false", cfr_url("9.99", "{s}"))
    case("47 U.S.C. § 9999", None, None, None, "false", usc_url("9999"))
    case("18 U.S.C. § 1343", None, None, None, "-", usc_url("1343").replace("title47", "title18"))
    case("16 CFR § 310.4(b)(1)", None, None, None, "-", "https://www.ecfr.gov/current/title-16/section-310.4#p-310.4(b)(1)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference")
