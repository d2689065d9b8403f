//! Hostile PDFs, in families: each family builds a PDF of about a given size in bytes (10 KB
//! to 10 MB) by repeating what makes it hostile, so that the reader's time and memory can be
//! measured against the input's size. Every family is a well-formed PDF (a cross-reference
//! table that lopdf reads as written) unless its point is the file structure itself.
//!
//! Only `std` and `lopdf` (for deflate): this file is included by the hostile tests and by the
//! benchmarks.
// `pub` for the includer (a test or bench crate may not use it all or re-export it).
#![allow(unreachable_pub, dead_code)]

use std::fmt::Write as _;

/// A family: its name and a builder from a byte size to a PDF of about that size.
pub(crate) type Family = (&'static str, fn(usize) -> Vec<u8>);

/// The families.
pub(crate) fn families() -> Vec<Family> {
    vec![
        ("deflate_bomb", deflate_bomb),
        ("contents_repeated", contents_repeated),
        ("content_nested", content_nested),
        ("body_nested", body_nested),
        ("form_fanout", form_fanout),
        ("form_chain", form_chain),
        ("inline_font_retf", inline_font_retf),
        ("fonts_share_cmap", fonts_share_cmap),
        ("cmap_ranges", cmap_ranges),
        ("many_cmaps", many_cmaps),
        ("cmap_bfchar", cmap_bfchar),
        ("huge_w", huge_w),
        ("huge_differences", huge_differences),
        ("many_rulings", many_rulings),
        ("glyph_sizes", glyph_sizes),
        ("huge_grid", huge_grid),
        ("many_pages", many_pages),
        ("many_text_pages", many_text_pages),
        ("many_glyphs", many_glyphs),
        ("one_glyph_lines", one_glyph_lines),
        ("glyph_bomb", glyph_bomb),
        ("glyph_text_bomb", glyph_text_bomb),
        ("many_operators", many_operators),
        ("declared_sizes", declared_sizes),
        ("values", values),
        ("objstm_values", objstm_values),
        ("page_tree", page_tree),
    ]
}

/// A PDF written object by object; object `n` is `objects[n - 1]`.
#[derive(Default)]
struct Pdf {
    objects: Vec<Vec<u8>>,
}

impl Pdf {
    /// Adds an object, returning its number.
    fn add(&mut self, body: impl Into<Vec<u8>>) -> usize {
        self.objects.push(body.into());
        self.objects.len()
    }

    /// A number for an object written later with [`Pdf::set`].
    fn reserve(&mut self) -> usize {
        self.add(Vec::new())
    }

    fn set(&mut self, id: usize, body: impl Into<Vec<u8>>) {
        if let Some(slot) = self.objects.get_mut(id.wrapping_sub(1)) {
            *slot = body.into();
        }
    }

    /// The file, with `trailer` (which names `/Root`) and a cross-reference table.
    fn finish_with(self, trailer: &str) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
        let mut offsets = Vec::with_capacity(self.objects.len());
        for (i, body) in self.objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1);
        for offset in offsets {
            let _ = writeln!(table, "{offset:010} 00000 n ");
        }
        out.extend_from_slice(table.as_bytes());
        out.extend_from_slice(format!("trailer\n{trailer}\nstartxref\n{xref}\n%%EOF\n").as_bytes());
        out
    }

    /// The file, with the catalog `root`.
    fn finish(self, root: usize) -> Vec<u8> {
        let size = self.objects.len() + 1;
        self.finish_with(&format!("<< /Size {size} /Root {root} 0 R >>"))
    }
}

/// A stream object: `dict` (the entries, without `<<`) and its data.
fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

/// `data` deflated (zlib, as `/FlateDecode` reads it).
fn deflate(data: &[u8]) -> Vec<u8> {
    let mut s = lopdf::Stream::new(lopdf::Dictionary::new(), data.to_vec());
    let _ = s.compress();
    s.content
}

/// A deflated stream object.
fn deflated(dict: &str, data: &[u8]) -> Vec<u8> {
    stream(&format!("{dict} /Filter /FlateDecode"), &deflate(data))
}

/// A simple font every viewer has: Helvetica, WinAnsi.
const HELVETICA: &str =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

/// The usual resources: `/F1` Helvetica.
fn helvetica_resources() -> String {
    format!("<< /Font << /F1 {HELVETICA} >> >>")
}

/// A document of one page with `resources` and `contents` (an object or array), with the
/// objects `build` adds first.
fn one_page(build: impl FnOnce(&mut Pdf) -> (String, String)) -> Vec<u8> {
    let mut pdf = Pdf::default();
    let catalog = pdf.reserve();
    let pages = pdf.reserve();
    let (resources, contents) = build(&mut pdf);
    let page = pdf.add(format!(
        "<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 612 792] /Resources {resources} /Contents {contents} >>"
    ));
    pdf.set(
        pages,
        format!("<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>"),
    );
    pdf.set(catalog, format!("<< /Type /Catalog /Pages {pages} 0 R >>"));
    pdf.finish(catalog)
}

/// A line of text at (72, y), Helvetica at `size`.
fn text_line(out: &mut String, y: f32, size: f32, text: &str) {
    let _ = writeln!(out, "BT /F1 {size} Tf 72 {y} Td ({text}) Tj ET");
}

/// A text line of the usual letter, for page content.
const SENTENCE: &str = "The Commission finds that the company transmitted the calls.";

/// Distinct content streams, each a deflated 4 MiB of `q Q` (over a million operators in
/// 4 KB), all listed in one page's `/Contents`: the page inflates far past its budget.
fn deflate_bomb(size: usize) -> Vec<u8> {
    let bomb = deflate(&b"q Q\n".repeat(1 << 20));
    let count = (size / (bomb.len() + 60)).max(1);
    one_page(|pdf| {
        let mut contents = String::from("[");
        for _ in 0..count {
            let id = pdf.add(stream("/Filter /FlateDecode", &bomb));
            let _ = write!(contents, "{id} 0 R ");
        }
        contents.push(']');
        (helvetica_resources(), contents)
    })
}

/// One small content stream (a few lines of text) listed again and again in `/Contents`:
/// each listing is read anew.
fn contents_repeated(size: usize) -> Vec<u8> {
    one_page(|pdf| {
        let mut content = String::new();
        for i in 0..4 {
            text_line(&mut content, 700.0 - 14.0 * i as f32, 12.0, SENTENCE);
        }
        let id = pdf.add(stream("", content.as_bytes()));
        let reference = format!("{id} 0 R ");
        let count = size / reference.len();
        (
            helvetica_resources(),
            format!("[{}]", reference.repeat(count)),
        )
    })
}

/// Arrays (`[[[…]]] TJ`) then dictionaries (`<< /A << /A … >> >> BDC`) nested half the
/// stream deep in a page's content.
fn content_nested(size: usize) -> Vec<u8> {
    let depth = size / 4;
    let mut content = Vec::with_capacity(size);
    content.extend_from_slice(b"BT /F1 12 Tf 72 700 Td (nested) Tj ET\n");
    content.extend(std::iter::repeat_n(b'[', depth));
    content.extend(std::iter::repeat_n(b']', depth));
    content.extend_from_slice(b" TJ\n/P ");
    content.extend(b"<< /A ".iter().copied().cycle().take(depth / 6 * 6));
    content.extend(b">> ".iter().copied().cycle().take(depth / 6 * 3));
    content.extend_from_slice(b" BDC EMC\n");
    one_page(|pdf| {
        let id = pdf.add(stream("", &content));
        (helvetica_resources(), format!("{id} 0 R"))
    })
}

/// An object of the file itself nested half its size deep (`[[[…]]]`, then `<< /A << /A …`),
/// referenced from the page: lopdf's parser must not recurse that deep.
fn body_nested(size: usize) -> Vec<u8> {
    let depth = size / 4;
    let mut deep = Vec::with_capacity(size);
    deep.extend(std::iter::repeat_n(b'[', depth));
    deep.extend(std::iter::repeat_n(b']', depth));
    let mut dict = Vec::with_capacity(size);
    dict.extend(b"<< /A ".iter().copied().cycle().take(depth / 6 * 6));
    dict.extend_from_slice(b"1");
    dict.extend(b" >>".iter().copied().cycle().take(depth / 6 * 3));
    let mut pdf = Pdf::default();
    let catalog = pdf.reserve();
    let pages = pdf.reserve();
    let array = pdf.add(deep);
    let dictionary = pdf.add(dict);
    let mut content = String::new();
    text_line(&mut content, 700.0, 12.0, SENTENCE);
    let contents = pdf.add(stream("", content.as_bytes()));
    let page = pdf.add(format!(
        "<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 612 792] /Resources {} /Contents {contents} 0 R /Deep {array} 0 R /Deeper {dictionary} 0 R >>",
        helvetica_resources()
    ));
    pdf.set(
        pages,
        format!("<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>"),
    );
    pdf.set(catalog, format!("<< /Type /Catalog /Pages {pages} 0 R >>"));
    pdf.finish(catalog)
}

/// A Form XObject that draws itself (`/X Do`) as often as the size allows, and a line of
/// text: without a bound on draws, fan-out to the power of the depth.
fn form_fanout(size: usize) -> Vec<u8> {
    let fanout = (size / 6).max(2);
    one_page(|pdf| {
        let form = pdf.reserve();
        let mut content = String::new();
        text_line(&mut content, 700.0, 12.0, "x");
        content.push_str(&"/X Do\n".repeat(fanout));
        pdf.set(
            form,
            stream(
                &format!(
                    "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 {HELVETICA} >> /XObject << /X {form} 0 R >> >>"
                ),
                content.as_bytes(),
            ),
        );
        let page_content = pdf.add(stream("", b"/X Do"));
        (
            format!("<< /XObject << /X {form} 0 R >> >>"),
            format!("{page_content} 0 R"),
        )
    })
}

/// A long chain of Form XObjects, each drawing the next twice (deflated, so that each is a
/// few bytes), the last showing text: deep nesting and 2^depth draws.
fn form_chain(size: usize) -> Vec<u8> {
    let count = (size / 150).max(2);
    one_page(|pdf| {
        let first = pdf.objects.len() + 1;
        for i in 0..count {
            let (resources, content) = if i + 1 < count {
                (
                    format!("<< /XObject << /N {} 0 R >> >>", first + i + 1),
                    "/N Do /N Do".to_owned(),
                )
            } else {
                let mut c = String::new();
                text_line(&mut c, 700.0, 12.0, SENTENCE);
                (helvetica_resources(), c)
            };
            pdf.add(stream(
                &format!(
                    "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources {resources}"
                ),
                content.as_bytes(),
            ));
        }
        let page_content = pdf.add(stream("", b"/N Do"));
        (
            format!("<< /XObject << /N {first} 0 R >> >>"),
            format!("{page_content} 0 R"),
        )
    })
}

/// A bfchar CMap of `codes` two-byte codes (`<0001> <0041>` …).
fn bfchar_cmap(codes: usize) -> String {
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n",
    );
    for chunk in (0..codes).collect::<Vec<_>>().chunks(100) {
        let _ = writeln!(cmap, "{} beginbfchar", chunk.len());
        for &c in chunk {
            let _ = writeln!(cmap, "<{:04X}> <{:04X}>", c % 0x10000, 0x41 + c % 26);
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap CMapName currentdict /CMap defineresource pop end end\n");
    cmap
}

/// One font written inline in the page's resources (a direct dictionary with `/Widths`,
/// `/Differences` and a `/ToUnicode` CMap), selected by `Tf` again and again.
fn inline_font_retf(size: usize) -> Vec<u8> {
    one_page(|pdf| {
        let cmap = pdf.add(stream("", bfchar_cmap(100).as_bytes()));
        let widths = vec!["600"; 256].join(" ");
        let names: String = (0..256).map(|i| format!("/g{i} ")).collect();
        let font = format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 0 /LastChar 255 /Widths [{widths}] /Encoding << /Differences [0 {names}] >> /ToUnicode {cmap} 0 R >>"
        );
        let body = "/F1 12 Tf\n".repeat(size / 10);
        let mut content = String::from("BT 72 700 Td\n");
        content.push_str(&body);
        content.push_str("(a) Tj ET\n");
        let id = pdf.add(stream("", content.as_bytes()));
        (format!("<< /Font << /F1 {font} >> >>"), format!("{id} 0 R"))
    })
}

/// Many font objects that share one `/ToUnicode` CMap (a quarter of the file), each shown
/// once.
fn fonts_share_cmap(size: usize) -> Vec<u8> {
    one_page(|pdf| {
        let cmap = pdf.add(stream("", bfchar_cmap(size / 4 / 14).as_bytes()));
        let count = (size * 3 / 4 / 150).max(1);
        let mut fonts = String::from("<< /Font << ");
        let mut content = String::from("BT 72 700 Td\n");
        for i in 0..count {
            let id = pdf.add(format!(
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode {cmap} 0 R >>"
            ));
            let _ = write!(fonts, "/F{i} {id} 0 R ");
            let _ = writeln!(content, "/F{i} 12 Tf (a) Tj");
        }
        fonts.push_str(">> >>");
        content.push_str("ET\n");
        let id = pdf.add(stream("", content.as_bytes()));
        (fonts, format!("{id} 0 R"))
    })
}

/// A font whose CMap is all `bfrange`s over 65,536 four-byte codes each, to destinations of
/// 512 UTF-16 units (and array destinations): gigabytes of text if mapped.
fn cmap_ranges(size: usize) -> Vec<u8> {
    let dest = "0041".repeat(512);
    let line_len = 30 + dest.len();
    let lines = (size / line_len).max(1);
    let mut cmap =
        String::from("begincmap\n1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n");
    for chunk in (0..lines).collect::<Vec<_>>().chunks(100) {
        let _ = writeln!(cmap, "{} beginbfrange", chunk.len());
        for &i in chunk {
            if i % 8 == 7 {
                let _ = writeln!(cmap, "<{i:04X}0000> <{i:04X}FFFF> [<{dest}> <0042> <0043>]");
            } else {
                let _ = writeln!(cmap, "<{i:04X}0000> <{i:04X}FFFF> <{dest}>");
            }
        }
        cmap.push_str("endbfrange\n");
    }
    cmap.push_str("endcmap\n");
    cmap_font_page(&cmap)
}

/// Fonts each with a CMap of its own that maps 65,536 codes in one short `bfrange`, each
/// font shown once: the CMaps' codes in all, not any one CMap, are many.
fn many_cmaps(size: usize) -> Vec<u8> {
    let count = (size / 260).max(1);
    one_page(|pdf| {
        let mut fonts = String::from("<< /Font << ");
        let mut content = String::from("BT 72 700 Td\n");
        for i in 0..count {
            let cmap = pdf.add(stream(
                "",
                format!(
                    "begincmap 1 beginbfrange <0000> <FFFF> <{:04X}> endbfrange endcmap",
                    i % 0x8000
                )
                .as_bytes(),
            ));
            let id = pdf.add(format!(
                "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X >>] /ToUnicode {cmap} 0 R >>"
            ));
            let _ = write!(fonts, "/F{i} {id} 0 R ");
            let _ = writeln!(content, "/F{i} 12 Tf <0001> Tj");
        }
        fonts.push_str(">> >>");
        content.push_str("ET\n");
        let id = pdf.add(stream("", content.as_bytes()));
        (fonts, format!("{id} 0 R"))
    })
}

/// A font whose CMap is all `bfchar`s with long destinations.
fn cmap_bfchar(size: usize) -> Vec<u8> {
    let dest = "00410042".repeat(200);
    let lines = (size / (dest.len() + 14)).max(1);
    let mut cmap =
        String::from("begincmap\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n");
    for chunk in (0..lines).collect::<Vec<_>>().chunks(100) {
        let _ = writeln!(cmap, "{} beginbfchar", chunk.len());
        for &i in chunk {
            let _ = writeln!(cmap, "<{:04X}> <{dest}>", i % 0x10000);
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\n");
    cmap_font_page(&cmap)
}

/// A page showing a few codes in a Type0 font with `cmap` as its `/ToUnicode`.
fn cmap_font_page(cmap: &str) -> Vec<u8> {
    one_page(|pdf| {
        let cmap = pdf.add(stream("", cmap.as_bytes()));
        let font = format!(
            "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /DW 500 >>] /ToUnicode {cmap} 0 R >>"
        );
        let id = pdf.add(stream(
            "",
            b"BT /F1 12 Tf 72 700 Td <00010002000300040005> Tj ET",
        ));
        (format!("<< /Font << /F1 {font} >> >>"), format!("{id} 0 R"))
    })
}

/// A Type0 font whose `/W` repeats `0 65535 500` (each triple 65,536 codes) and
/// `0 [500 500 …]`.
fn huge_w(size: usize) -> Vec<u8> {
    let triples = size / 2 / 12;
    let mut w = "0 65535 500 ".repeat(triples);
    w.push_str(&format!("0 [{}]", "500 ".repeat(size / 2 / 4)));
    one_page(|pdf| {
        let w = pdf.add(format!("[{w}]"));
        let font = format!(
            "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /W {w} 0 R >>] >>"
        );
        let id = pdf.add(stream("", b"BT /F1 12 Tf 72 700 Td <00410042> Tj ET"));
        (format!("<< /Font << /F1 {font} >> >>"), format!("{id} 0 R"))
    })
}

/// A simple font whose `/Differences` is as long as the file, with codes far past 255.
fn huge_differences(size: usize) -> Vec<u8> {
    let count = size / 10;
    let mut diffs = String::from("[0 ");
    for i in 0..count {
        if i % 64 == 0 {
            let _ = write!(diffs, "{} ", i * 1000);
        }
        diffs.push_str("/quotedbl ");
    }
    diffs.push(']');
    one_page(|pdf| {
        let diffs = pdf.add(diffs);
        let font = format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences {diffs} 0 R >> >>"
        );
        let id = pdf.add(stream("", b"BT /F1 12 Tf 72 700 Td (abc) Tj ET"));
        (format!("<< /Font << /F1 {font} >> >>"), format!("{id} 0 R"))
    })
}

/// Horizontal rulings in one corner of the page and vertical ones in another, none meeting:
/// each one checked against all the others finds no grid.
fn many_rulings(size: usize) -> Vec<u8> {
    let count = size / 25;
    let mut content = String::from("0.5 w\n");
    text_line(&mut content, 700.0, 12.0, SENTENCE);
    for i in 0..count {
        let t = (i % 1000) as f32 * 0.3;
        if i % 2 == 0 {
            let _ = writeln!(content, "72 {:.1} m 200 {:.1} l S", 400.0 + t, 400.0 + t);
        } else {
            let _ = writeln!(content, "{:.1} 50 m {:.1} 150 l S", 300.0 + t, 300.0 + t);
        }
    }
    one_page(|pdf| {
        let id = pdf.add(stream("", content.as_bytes()));
        (helvetica_resources(), format!("{id} 0 R"))
    })
}

/// Glyphs each in a size of its own (`Tf` with a new size every glyph, half a point apart).
fn glyph_sizes(size: usize) -> Vec<u8> {
    let count = size / 34;
    let mut content = String::from("BT\n");
    for i in 0..count {
        let _ = writeln!(
            content,
            "/F1 {:.1} Tf 1 0 0 1 72 {} Tm (a) Tj",
            1.0 + i as f32 * 0.5,
            50 + i % 700
        );
    }
    content.push_str("ET\n");
    one_page(|pdf| {
        let id = pdf.add(stream("", content.as_bytes()));
        (helvetica_resources(), format!("{id} 0 R"))
    })
}

/// Rulings that all cross, 4 points apart or less (scaled by `cm`): a grid of (n/2)² cells,
/// with a little text in it.
fn huge_grid(size: usize) -> Vec<u8> {
    let lines = (size / 2 / 24).max(3);
    // Spread over the page whatever their number (a matrix shrinks the drawing).
    let step = 4.0f32;
    let extent = step * lines as f32;
    let mut content = format!(
        "0.01 w {} 0 0 {} 10 10 cm\n",
        600.0 / extent,
        700.0 / extent
    );
    for i in 0..lines {
        let p = i as f32 * step;
        let _ = writeln!(content, "0 {p} m {extent} {p} l S {p} 0 m {p} {extent} l S");
    }
    content.push_str("BT /F1 12 Tf 300 400 Td (cell) Tj ET\n");
    one_page(|pdf| {
        let id = pdf.add(stream("", content.as_bytes()));
        (helvetica_resources(), format!("{id} 0 R"))
    })
}

/// Pages that share one content stream (a line of text), as many as the size allows.
fn many_pages(size: usize) -> Vec<u8> {
    let count = (size / 75).max(1);
    let mut pdf = Pdf::default();
    let catalog = pdf.reserve();
    let pages = pdf.reserve();
    let mut content = String::new();
    text_line(&mut content, 700.0, 12.0, SENTENCE);
    let contents = pdf.add(stream("", content.as_bytes()));
    let resources = pdf.add(helvetica_resources());
    let mut kids = String::new();
    for _ in 0..count {
        let page = pdf.add(format!(
            "<< /Type /Page /Parent {pages} 0 R /Contents {contents} 0 R >>"
        ));
        let _ = write!(kids, "{page} 0 R ");
    }
    pdf.set(
        pages,
        format!("<< /Type /Pages /Kids [{kids}] /Count {count} /MediaBox [0 0 612 792] /Resources {resources} 0 R >>"),
    );
    pdf.set(catalog, format!("<< /Type /Catalog /Pages {pages} 0 R >>"));
    pdf.finish(catalog)
}

/// A page of text: `lines` lines of the sentence, 12 points apart (and round again).
fn text_page(lines: usize) -> String {
    let mut content = String::new();
    for i in 0..lines {
        text_line(&mut content, 760.0 - 12.0 * (i % 60) as f32, 10.0, SENTENCE);
    }
    content
}

/// Full pages of text, each its own content stream: a long document.
fn many_text_pages(size: usize) -> Vec<u8> {
    let page_text = text_page(60);
    let count = (size / (page_text.len() + 150)).max(1);
    let mut pdf = Pdf::default();
    let catalog = pdf.reserve();
    let pages = pdf.reserve();
    let resources = pdf.add(helvetica_resources());
    let mut kids = String::new();
    for _ in 0..count {
        let contents = pdf.add(stream("", page_text.as_bytes()));
        let page = pdf.add(format!(
            "<< /Type /Page /Parent {pages} 0 R /Contents {contents} 0 R >>"
        ));
        let _ = write!(kids, "{page} 0 R ");
    }
    pdf.set(
        pages,
        format!("<< /Type /Pages /Kids [{kids}] /Count {count} /MediaBox [0 0 612 792] /Resources {resources} 0 R >>"),
    );
    pdf.set(catalog, format!("<< /Type /Catalog /Pages {pages} 0 R >>"));
    pdf.finish(catalog)
}

/// One page holding all the file's text: lines over lines, a glyph per byte or so.
fn many_glyphs(size: usize) -> Vec<u8> {
    let line_len = SENTENCE.len() + 40;
    let content = text_page(size / line_len);
    one_page(|pdf| {
        let id = pdf.add(stream("", content.as_bytes()));
        (helvetica_resources(), format!("{id} 0 R"))
    })
}

/// One page of lines of one glyph each (`'` moves down three points and shows one),
/// each line a few bytes: as many lines as glyphs.
fn one_glyph_lines(size: usize) -> Vec<u8> {
    let mut content = String::from("BT /F1 10 Tf 3 TL 72 780 Td\n");
    content.push_str(&"(a) '\n".repeat(size / 6));
    content.push_str("ET\n");
    one_page(|pdf| {
        let id = pdf.add(stream("", content.as_bytes()));
        (helvetica_resources(), format!("{id} 0 R"))
    })
}

/// Pages whose shared content stream is a deflated 1 MiB of text lines (about 800,000
/// glyphs in a few kilobytes): the glyph and text limits, not the file, bound the work.
fn glyph_bomb(size: usize) -> Vec<u8> {
    let mut text = String::new();
    while text.len() < 1 << 20 {
        text.push_str(&text_page(60));
    }
    let mut pdf = Pdf::default();
    let catalog = pdf.reserve();
    let pages = pdf.reserve();
    let contents = pdf.add(deflated("", text.as_bytes()));
    let resources = pdf.add(helvetica_resources());
    let count = (size.saturating_sub(pdf.objects.iter().map(Vec::len).sum()) / 75).max(1);
    let mut kids = String::new();
    for _ in 0..count {
        let page = pdf.add(format!(
            "<< /Type /Page /Parent {pages} 0 R /Contents {contents} 0 R >>"
        ));
        let _ = write!(kids, "{page} 0 R ");
    }
    pdf.set(
        pages,
        format!("<< /Type /Pages /Kids [{kids}] /Count {count} /MediaBox [0 0 612 792] /Resources {resources} 0 R >>"),
    );
    pdf.set(catalog, format!("<< /Type /Catalog /Pages {pages} 0 R >>"));
    pdf.finish(catalog)
}

/// Glyphs whose code a CMap maps to 512 characters, shown from a deflated content stream
/// (a million codes in a few kilobytes): the text, not the glyphs, is what grows.
fn glyph_text_bomb(size: usize) -> Vec<u8> {
    let dest = "0041".repeat(512);
    let cmap = format!("begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfchar <0001> <{dest}> endbfchar endcmap");
    let mut content = String::from("BT /F1 12 Tf 72 700 Td\n");
    for _ in 0..1_000 {
        content.push('<');
        content.push_str(&"0001".repeat(1_000));
        content.push_str("> Tj 0 -14 Td\n");
    }
    content.push_str("ET\n");
    let packed = deflate(content.as_bytes());
    let mut pdf = Pdf::default();
    let catalog = pdf.reserve();
    let pages = pdf.reserve();
    let cmap = pdf.add(stream("", cmap.as_bytes()));
    let contents = pdf.add(stream("/Filter /FlateDecode", &packed));
    let resources = pdf.add(format!(
        "<< /Font << /F1 << /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X >>] /ToUnicode {cmap} 0 R >> >> >>"
    ));
    let count = (size.saturating_sub(pdf.objects.iter().map(Vec::len).sum()) / 75).max(1);
    let mut kids = String::new();
    for _ in 0..count {
        let page = pdf.add(format!(
            "<< /Type /Page /Parent {pages} 0 R /Contents {contents} 0 R >>"
        ));
        let _ = write!(kids, "{page} 0 R ");
    }
    pdf.set(
        pages,
        format!("<< /Type /Pages /Kids [{kids}] /Count {count} /MediaBox [0 0 612 792] /Resources {resources} 0 R >>"),
    );
    pdf.set(catalog, format!("<< /Type /Catalog /Pages {pages} 0 R >>"));
    pdf.finish(catalog)
}

/// A page of nothing but cheap operators (`n`, two bytes each) after a line of text.
fn many_operators(size: usize) -> Vec<u8> {
    let mut content = String::new();
    text_line(&mut content, 700.0, 12.0, SENTENCE);
    content.push_str(&"n\n".repeat(size / 2));
    one_page(|pdf| {
        let id = pdf.add(stream("", content.as_bytes()));
        (helvetica_resources(), format!("{id} 0 R"))
    })
}

/// Sizes the file declares but does not have: a trailer `/Size` of 999,999,999, streams whose
/// `/Length` is 10^15, a cross-reference stream whose `/Index` claims four billion entries,
/// an object stream claiming a billion objects; repeated to the size.
fn declared_sizes(size: usize) -> Vec<u8> {
    let mut pdf = Pdf::default();
    let catalog = pdf.reserve();
    let pages = pdf.reserve();
    let mut content = String::new();
    text_line(&mut content, 700.0, 12.0, SENTENCE);
    let contents = pdf.add(stream("", content.as_bytes()));
    let page = pdf.add(format!(
        "<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 612 792] /Resources {} /Contents {contents} 0 R >>",
        helvetica_resources()
    ));
    pdf.set(
        pages,
        format!("<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>"),
    );
    pdf.set(catalog, format!("<< /Type /Catalog /Pages {pages} 0 R >>"));
    let mut junk = Vec::new();
    junk.extend_from_slice(b"<< /Length 1000000000000000 >>\nstream\nabc\nendstream");
    pdf.add(junk);
    pdf.add(stream(
        "/Type /XRef /W [1 4 2] /Index [0 4000000000] /Size 4000000000",
        &[0u8; 14],
    ));
    pdf.add(stream(
        "/Type /ObjStm /N 1000000000 /First 5",
        b"1 0 2 0 3 0 ",
    ));
    let filler = stream("/Length2 1000000000000000", &[b'x'; 64]);
    let mut total: usize = pdf.objects.iter().map(|o| o.len() + 40).sum();
    while total < size {
        pdf.add(filler.clone());
        total += filler.len() + 40;
    }
    pdf.finish_with(&format!("<< /Size 999999999 /Root {catalog} 0 R >>"))
}

/// An array object of a million small numbers (`0 0 0 …`) per 2 MB of the file: values that
/// a PDF reader keeps a hundred bytes or so for.
fn values(size: usize) -> Vec<u8> {
    let mut pdf = Pdf::default();
    let catalog = pdf.reserve();
    let pages = pdf.reserve();
    let mut content = String::new();
    text_line(&mut content, 700.0, 12.0, SENTENCE);
    let contents = pdf.add(stream("", content.as_bytes()));
    let array = pdf.add(format!("[{}]", "0 ".repeat(size / 2)));
    let page = pdf.add(format!(
        "<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 612 792] /Resources {} /Contents {contents} 0 R /Values {array} 0 R >>",
        helvetica_resources()
    ));
    pdf.set(
        pages,
        format!("<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>"),
    );
    pdf.set(catalog, format!("<< /Type /Catalog /Pages {pages} 0 R >>"));
    pdf.finish(catalog)
}

/// Object streams (deflated) each holding one array of two million numbers, as many as the
/// size allows: values that inflate out of a few kilobytes each.
fn objstm_values(size: usize) -> Vec<u8> {
    let mut body = b"1000000 0 [".to_vec();
    body.extend_from_slice(&b"0 ".repeat(2_000_000));
    body.push(b']');
    let packed = deflate(&body);
    let mut pdf = Pdf::default();
    let catalog = pdf.reserve();
    let pages = pdf.reserve();
    let mut content = String::new();
    text_line(&mut content, 700.0, 12.0, SENTENCE);
    let contents = pdf.add(stream("", content.as_bytes()));
    let page = pdf.add(format!(
        "<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 612 792] /Resources {} /Contents {contents} 0 R >>",
        helvetica_resources()
    ));
    pdf.set(
        pages,
        format!("<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>"),
    );
    pdf.set(catalog, format!("<< /Type /Catalog /Pages {pages} 0 R >>"));
    for _ in 0..(size / (packed.len() + 80)).max(1) {
        pdf.add(stream(
            "/Type /ObjStm /N 1 /First 10 /Filter /FlateDecode",
            &packed,
        ));
    }
    pdf.finish(catalog)
}

/// A page tree with a cycle (a `/Pages` node among its own kids) and a `/Kids` array that
/// lists one page as often as the size allows.
fn page_tree(size: usize) -> Vec<u8> {
    let mut pdf = Pdf::default();
    let catalog = pdf.reserve();
    let pages = pdf.reserve();
    let inner = pdf.reserve();
    let mut content = String::new();
    text_line(&mut content, 700.0, 12.0, SENTENCE);
    let contents = pdf.add(stream("", content.as_bytes()));
    let page = pdf.add(format!(
        "<< /Type /Page /Parent {inner} 0 R /MediaBox [0 0 612 792] /Resources {} /Contents {contents} 0 R >>",
        helvetica_resources()
    ));
    let kids = format!("{page} 0 R {inner} 0 R {pages} 0 R ").repeat(size / 18);
    pdf.set(
        inner,
        format!("<< /Type /Pages /Parent {pages} 0 R /Kids [{kids}] /Count 3 >>"),
    );
    pdf.set(
        pages,
        format!("<< /Type /Pages /Kids [{inner} 0 R {pages} 0 R] /Count 2 >>"),
    );
    pdf.set(catalog, format!("<< /Type /Catalog /Pages {pages} 0 R >>"));
    pdf.finish(catalog)
}
