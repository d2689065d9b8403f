#!/usr/bin/env python3
"""Generates `src/cite/sections/table.rs`: the headings and places of every Title 47 section.

Reads the edition-tagged bulk tables `reference/title47/{cfr47,usc47}-sections.tsv` and the
hand-checked `reference/sections.tsv` (which wins where they differ), and writes one sorted
static table per code, for binary search by section number.

    python3 tools/title47.py ../shared/reference > src/cite/sections/table.rs

Run it again when the reference tables change; the output is checked in.
"""

import csv
import sys
from pathlib import Path

# The edition of the U.S.C. bulk table (its README: OLRC text as committed on 2023-04-20).
USC_EDITION = "olrc-2023-04-20"
# Rows taken from the hand-checked table.
HAND_EDITION = "hand-checked"
# The CFR annual edition that fills in what the 2025 eCFR tree lacks.
OLD_CFR_EDITION = "cfr-2011-10-01"


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        yield from csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)


# A range of reserved or omitted sections is one row: `11.12-11.14  §§ 11.12-11.14 [Reserved]`,
# `731 to 735  Omitted`. Each section in it gets a row of its own.
MAX_RANGE = 200


def expand(section, heading_text):
    """The sections a row stands for, and their heading."""
    reserved = "[Reserved]" in heading_text and "-" in section
    omitted = " to " in section
    if not (reserved or omitted):
        return [(section, heading_text)]
    first, last = section.replace(" to ", "-").split("-", 1)
    if "." in first:
        part, lo = first.split(".", 1)
        part_hi, hi = last.split(".", 1)
        if part != part_hi:
            return [(first, heading_text)]
        prefix = part + "."
    else:
        prefix, lo, hi = "", first, last
    if not (lo.isdigit() and hi.isdigit()) or int(hi) - int(lo) > MAX_RANGE:
        return [(first, heading_text)]
    label = "[Reserved]" if reserved else heading_text
    return [(prefix + str(n), label) for n in range(int(lo), int(hi) + 1)]


def edition_date(edition):
    """`ecfr-2025-04-02` -> `2025-04-02`."""
    return edition.split("-", 1)[1]


def same_heading(a, b):
    """Whether two headings differ only in case or a trailing period."""
    return a.rstrip(".").lower() == b.rstrip(".").lower()


def heading(s):
    """Headings as the crate prints them: the source's text, apostrophes straight (`'`)."""
    return s.replace("\u2019", "'").strip()


def rust_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def split_place(place):
    """`Part 64, Subpart L (Restrictions …)` -> ("64", "L", "Restrictions …")."""
    name = None
    if place.endswith(")") and " (" in place:
        place, name = place[:-1].split(" (", 1)
    bits = dict(b.strip().split(" ", 1) for b in place.split(",") if " " in b.strip())
    return bits, name


def main(reference):
    reference = Path(reference)
    editions = []
    cfr, usc = {}, {}
    cfr_places, usc_places = {}, {}

    for r in rows(reference / "title47" / "cfr47-sections.tsv"):
        place = (r["part"], r["subpart"] or None)
        cfr_places.setdefault(place, None)
        for number, text in expand(r["section"], heading(r["heading"])):
            # The newer edition wins (a 2025 reserved range over 2011 headings).
            if number not in cfr or edition_date(r["edition"]) > edition_date(cfr[number][2]):
                cfr[number] = [text, place, r["edition"]]
    for r in rows(reference / "title47" / "usc47-sections.tsv"):
        number, _, name = r["chapter"].partition(" (")
        place = (number, None)
        usc_places[place] = name.rstrip(")") or None
        for number, text in expand(r["section"], heading(r["heading"])):
            usc[number] = [text, place, USC_EDITION]

    # The hand-checked table wins: its headings, and the part and chapter names it gives.
    for r in rows(reference / "sections.tsv"):
        bits, name = split_place(r["part_or_chapter"])
        if r["code"] == "cfr":
            place = (bits.get("Part"), bits.get("Subpart"))
            if name and place[1] is not None:
                cfr_places[place] = name
            elif name:
                cfr_places[(place[0], None)] = name
                cfr_places.setdefault(place, None)
            table = cfr
        else:
            place = (bits.get("Chapter"), None)
            table = usc
        checked = heading(r["heading"])
        row = table.get(r["section"])
        if row is not None:
            # Known to the bulk table: keep its place; the checked heading wins if it differs,
            # and a 2011 heading it confirms is tagged as checked (it still stands).
            if checked and not same_heading(checked, row[0]):
                row[0], row[2] = checked, HAND_EDITION
            elif checked and row[2] == OLD_CFR_EDITION:
                row[2] = HAND_EDITION
        elif checked and place[0]:
            # Only the hand-checked table has it: its heading and place.
            table[r["section"]] = [checked, place, HAND_EDITION]
            (cfr_places if table is cfr else usc_places).setdefault(place, None)

    for t in (cfr, usc):
        for v in t.values():
            if v[2] not in editions:
                editions.append(v[2])
    editions.sort()

    out = sys.stdout
    out.write("// @generated by tools/title47.py from the reference tables; do not edit.\n")
    out.write("//! The headings and places of every Title 47 section the reference tables know.\n\n")
    out.write("use super::{Place, Section};\n\n")
    out.write("/// The editions headings were read from, indexed by [`Section::edition`].\n")
    out.write("pub(super) static EDITIONS: &[&str] = &[%s];\n\n" % ", ".join(map(rust_str, editions)))

    def places(name, doc, table):
        keys = sorted(table, key=lambda p: (p[0] or "", p[1] or ""))
        out.write(doc)
        out.write("pub(super) static %s: &[Place] = &[\n" % name)
        for k in keys:
            sub = "Some(%s)" % rust_str(k[1]) if k[1] else "None"
            nm = "Some(%s)" % rust_str(table[k]) if table[k] else "None"
            out.write("    Place::new(%s, %s, %s),\n" % (rust_str(k[0] or ""), sub, nm))
        out.write("];\n\n")
        return {k: i for i, k in enumerate(keys)}

    cfr_index = places("CFR_PLACES", "/// CFR parts and subparts, by part then subpart.\n", cfr_places)
    usc_index = places("USC_CHAPTERS", "/// U.S.C. chapters, by number.\n", usc_places)

    # Every distinct heading once, in one string: a section holds its offset and length, so
    # the tables hold no pointers (no relocations) and repeated headings cost nothing.
    texts, offsets, at = [], {}, 0
    for t in (cfr, usc):
        for number in sorted(t):
            text = t[number][0]
            if text not in offsets:
                offsets[text] = at
                texts.append(text)
                at += len(text.encode("utf-8"))
    out.write("/// Every heading, once, one after another: a section's is `HEADINGS[at..at + len]`.\n")
    out.write("pub(super) static HEADINGS: &str = concat!(\n")
    for t in texts:
        out.write("    %s,\n" % rust_str(t))
    out.write(");\n\n")

    def sections(name, doc, table, index):
        out.write(doc)
        out.write("pub(super) static %s: &[Section] = &[\n" % name)
        for number in sorted(table):
            heading, place, edition = table[number]
            out.write("    Section::new(%s, %d, %d, %d, %d),\n" % (
                rust_str(number), offsets[heading], len(heading.encode("utf-8")),
                index[place], editions.index(edition)))
        out.write("];\n")

    sections("CFR", "/// 47 CFR sections, sorted by section number as text.\n", cfr, cfr_index)
    out.write("\n")
    sections("USC", "/// 47 U.S.C. sections, sorted by section number as text.\n", usc, usc_index)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference")
