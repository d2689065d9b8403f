//! The CMap reader's tests: lookups, realistic maps, code splitting, caps, and garbage.

use super::*;

/// A realistic CMap, as written by common PDF producers.
const REALISTIC: &str = "%!PS-Adobe-3.0 Resource-CMap
%%DocumentNeededResources: ProcSet (CIDInit)
/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
3 beginbfchar
<0003> <0020>
<0011> <00660069>
<0012> <D835DC00>
endbfchar
2 beginbfrange
<0024> <0026> <0041>
<005F> <0061> [<00660066> <00660069> <00660066006C>]
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
";

/// Wraps body lines in the usual PostScript boilerplate.
fn wrap(body: &str) -> String {
    format!(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CMapName /Test def\n{body}\nendcmap\n\
         CMapName currentdict /CMap defineresource pop\nend\nend\n"
    )
}

/// Each bfchar/bfrange/lexical form maps the expected codes, bare and wrapped.
#[test]
fn lookups() {
    /// (case, CMap source, expected (code, text) lookups)
    type Case<'a> = (&'a str, &'a str, &'a [(u32, Option<&'a str>)]);
    let cases: &[Case<'_>] = &[
        (
            "bfchar single unit",
            "1 beginbfchar <0003> <0020> endbfchar",
            &[(3, Some(" ")), (4, None)],
        ),
        (
            "bfchar ligature one unit",
            "1 beginbfchar <0001> <FB01> endbfchar",
            &[(1, Some("\u{FB01}"))],
        ),
        (
            "bfchar ligature two units",
            "1 beginbfchar <0001> <00660069> endbfchar",
            &[(1, Some("fi"))],
        ),
        (
            "bfchar surrogate pair",
            "1 beginbfchar <0001> <D835DC00> endbfchar",
            &[(1, Some("\u{1D400}"))],
        ),
        (
            "bfchar lone surrogate",
            "1 beginbfchar <0001> <D835> endbfchar",
            &[(1, Some("\u{FFFD}"))],
        ),
        (
            "bfchar one-byte codes and destination",
            "2 beginbfchar <41> <41> <42> <0042> endbfchar",
            &[(0x41, Some("A")), (0x42, Some("B"))],
        ),
        (
            "bfrange increments",
            "1 beginbfrange <0000> <005E> <0020> endbfrange",
            &[
                (0, Some(" ")),
                (1, Some("!")),
                (0x21, Some("A")),
                (0x5E, Some("~")),
                (0x5F, None),
            ],
        ),
        (
            "bfrange increments last unit only",
            "1 beginbfrange <10> <12> <00660061> endbfrange",
            &[(0x10, Some("fa")), (0x11, Some("fb")), (0x12, Some("fc"))],
        ),
        (
            "bfrange increments low surrogate",
            "1 beginbfrange <01> <02> <D835DC00> endbfrange",
            &[(1, Some("\u{1D400}")), (2, Some("\u{1D401}"))],
        ),
        (
            "bfrange stops at U+FFFF",
            "1 beginbfrange <00> <05> <FFFE> endbfrange",
            &[(0, Some("\u{FFFE}")), (1, Some("\u{FFFF}")), (2, None)],
        ),
        (
            "bfrange array",
            "1 beginbfrange <005F> <0061> [<00660066> <00660069> <00660066006C>] endbfrange",
            &[
                (0x5F, Some("ff")),
                (0x60, Some("fi")),
                (0x61, Some("ffl")),
                (0x62, None),
            ],
        ),
        (
            "bfrange array shorter than range",
            "1 beginbfrange <01> <05> [<0041> <0042>] endbfrange",
            &[(1, Some("A")), (2, Some("B")), (3, None)],
        ),
        (
            "bfrange array longer than range",
            "1 beginbfrange <01> <02> [<0041> <0042> <0043>] endbfrange",
            &[(1, Some("A")), (2, Some("B")), (3, None)],
        ),
        (
            "bfrange reversed is ignored",
            "1 beginbfrange <05> <01> <0041> endbfrange",
            &[(1, None), (5, None)],
        ),
        (
            "hex with whitespace inside",
            "1 beginbfchar < 00 0\n3 > <00\t20> endbfchar",
            &[(3, Some(" "))],
        ),
        (
            "odd hex digit count pads with trailing zero",
            "1 beginbfchar <003> <0041> endbfchar",
            &[(0x0030, Some("A")), (3, None)],
        ),
        (
            "odd destination digits",
            "1 beginbfchar <01> <004> endbfchar",
            &[(1, Some("@"))],
        ),
        (
            "lowercase hex",
            "1 beginbfchar <00ab> <00e9> endbfchar",
            &[(0xAB, Some("\u{e9}"))],
        ),
        (
            "comments",
            "% a comment <0001> <0041>\n1 beginbfchar % here too\n<0002> <0042> % and <0003> <0043>\nendbfchar",
            &[(1, None), (2, Some("B")), (3, None)],
        ),
        (
            "usecmap ignored",
            "/Adobe-Japan1-UCS2 usecmap\n1 beginbfchar <01> <0041> endbfchar",
            &[(1, Some("A"))],
        ),
        (
            "literal destinations",
            "3 beginbfchar <01> (x) <02> (\\000y) <03> (\\376\\377\\000z) endbfchar",
            &[(1, Some("x")), (2, Some("y")), (3, Some("z"))],
        ),
        (
            "literal source",
            "1 beginbfchar (a) <0041> endbfchar",
            &[(0x61, Some("A"))],
        ),
        (
            "name destination skipped, pairs stay aligned",
            "2 beginbfchar <01> /space <02> <0042> endbfchar",
            &[(1, None), (2, Some("B"))],
        ),
        (
            "later mapping wins",
            "2 beginbfchar <01> <0041> <01> <0042> endbfchar",
            &[(1, Some("B"))],
        ),
        (
            "missing end keyword",
            "1 beginbfchar <01> <0041>\n1 beginbfrange <02> <03> <0061> endbfrange",
            &[(1, Some("A")), (2, Some("a")), (3, Some("b"))],
        ),
        (
            "missing array close",
            "2 beginbfrange <01> <02> [<0041> <0042> endbfrange 1 beginbfchar <05> <0045> endbfchar",
            &[(1, Some("A")), (2, Some("B")), (5, Some("E"))],
        ),
        (
            "four-byte codes",
            "1 beginbfchar <12345678> <0041> endbfchar",
            &[(0x1234_5678, Some("A"))],
        ),
        (
            "five-byte codes ignored",
            "1 beginbfchar <1234567890> <0041> endbfchar",
            &[(0x1234_5678, None)],
        ),
        ("truncated", "1 beginbfchar <01> <0041> <02> <00", &[(1, Some("A")), (2, None)]),
    ];
    for (name, body, expected) in cases {
        for source in [body.to_string(), wrap(body)] {
            let cmap = ToUnicode::parse(source.as_bytes());
            for (code, text) in *expected {
                assert_eq!(cmap.get(*code), *text, "{name}: code {code:#x}");
            }
        }
    }
}

/// A typical producer CMap parses and decodes a shown string.
#[test]
fn realistic() {
    let cmap = ToUnicode::parse(REALISTIC.as_bytes());
    assert!(!cmap.is_empty());
    assert_eq!(cmap.get(3), Some(" "));
    assert_eq!(cmap.get(0x11), Some("fi"));
    assert_eq!(cmap.get(0x12), Some("\u{1D400}"));
    assert_eq!(cmap.get(0x25), Some("B"));
    assert_eq!(cmap.get(0x61), Some("ffl"));
    let text: String = cmap
        .codes(b"\x00\x24\x00\x03\x00\x11\x00", 1)
        .filter_map(|(code, _)| cmap.get(code))
        .collect();
    assert_eq!(text, "A fi");
}

/// Inputs with no usable mapping give an empty map.
#[test]
fn empty_and_garbage() {
    for input in [
        &b""[..],
        b"garbage",
        b"<<<<>>>>",
        b"((((",
        b"\xFF\xFE\x00",
        b"beginbfchar",
        b"beginbfrange <01> endbfrange",
        b"begincodespacerange <00> endcodespacerange",
    ] {
        let cmap = ToUnicode::parse(input);
        assert!(cmap.is_empty(), "{input:?}");
        assert_eq!(cmap.get(0), None);
    }
}

/// Shown strings split into codes per the codespace ranges or the default width.
#[test]
fn code_splitting() {
    /// (case, CMap body, shown bytes, default width, expected (code, bytes))
    type Case<'a> = (&'a str, &'a str, &'a [u8], usize, &'a [(u32, usize)]);
    let cases: &[Case<'_>] = &[
        (
            "no codespace, width 1",
            "",
            b"\x41\x42",
            1,
            &[(0x41, 1), (0x42, 1)],
        ),
        (
            "no codespace, width 2",
            "",
            b"\x00\x41\x00\x42",
            2,
            &[(0x41, 2), (0x42, 2)],
        ),
        (
            "no codespace, width 2, trailing byte dropped",
            "",
            b"\x00\x41\x00",
            2,
            &[(0x41, 2)],
        ),
        (
            "no codespace, width 0 treated as 1",
            "",
            b"\x01\x02",
            0,
            &[(1, 1), (2, 1)],
        ),
        (
            "no codespace, width 9 treated as 4",
            "",
            b"\x01\x02\x03\x04\x05",
            9,
            &[(0x0102_0304, 4)],
        ),
        (
            "one-byte codespace overrides default",
            "1 begincodespacerange <00> <FF> endcodespacerange",
            b"\x00\x41",
            2,
            &[(0, 1), (0x41, 1)],
        ),
        (
            "two-byte codespace",
            "1 begincodespacerange <0000> <FFFF> endcodespacerange",
            b"\x00\x41\x01\x02\x03",
            1,
            &[(0x41, 2), (0x0102, 2)],
        ),
        (
            "mixed widths (Shift-JIS style)",
            "3 begincodespacerange <00> <80> <8140> <9FFC> <A0> <DF> endcodespacerange",
            b"\x41\x81\x40\xA5\x9F\xFC",
            2,
            &[(0x41, 1), (0x8140, 2), (0xA5, 1), (0x9FFC, 2)],
        ),
        (
            "mixed widths, lowercase, partial match uses longest partial",
            "2 begincodespacerange <00> <7f> <8140> <9ffc> endcodespacerange",
            b"\x81\x20\x41",
            1,
            &[(0x8120, 2), (0x41, 1)],
        ),
        (
            "no range matches: shortest width",
            "2 begincodespacerange <20> <7E> <A1A1> <FEFE> endcodespacerange",
            b"\x00\x01",
            2,
            &[(0, 1), (1, 1)],
        ),
        (
            "incomplete trailing multi-byte code dropped",
            "2 begincodespacerange <00> <80> <8140> <9FFC> endcodespacerange",
            b"\x41\x81",
            1,
            &[(0x41, 1)],
        ),
        (
            "three and four byte ranges",
            "2 begincodespacerange <000000> <7FFFFF> <80000000> <FFFFFFFF> endcodespacerange",
            b"\x01\x02\x03\x80\x00\x00\x01",
            1,
            &[(0x0001_0203, 3), (0x8000_0001, 4)],
        ),
        (
            "mismatched codespace bounds ignored",
            "1 begincodespacerange <00> <FFFF> endcodespacerange",
            b"\x00\x41",
            2,
            &[(0x41, 2)],
        ),
        (
            "empty input",
            "1 begincodespacerange <00> <FF> endcodespacerange",
            b"",
            1,
            &[],
        ),
    ];
    for (name, body, bytes, width, expected) in cases {
        let cmap = ToUnicode::parse(wrap(body).as_bytes());
        let got: Vec<(u32, usize)> = cmap.codes(bytes, *width).collect();
        assert_eq!(got, *expected, "{name}");
    }
}

/// One enormous bfrange maps at most 65,536 codes.
#[test]
fn huge_range_is_capped() {
    let cmap = ToUnicode::parse(b"1 beginbfrange <00000000> <FFFFFFFF> <0000> endbfrange");
    assert_eq!(cmap.map.len(), 65_536);
    assert_eq!(cmap.get(0xFFFF), Some("\u{FFFF}"));
    assert_eq!(cmap.get(0x1_0000), None);

    let cmap = ToUnicode::parse(b"1 beginbfrange <00000000> <FFFFFFFF> [<0041>] endbfrange");
    assert_eq!(cmap.map.len(), 1);
}

/// The whole map stops growing at its bounds: codes, and bytes of text (replacements too).
#[test]
fn whole_map_is_capped() {
    let mut body = String::from("20 beginbfrange\n");
    for i in 0..20u32 {
        let low = i << 16;
        body.push_str(&format!("<{low:08X}> <{:08X}> <0000>\n", low | 0xFFFF));
    }
    body.push_str("endbfrange\n1 beginbfchar <FFFFFFFF> <0041> endbfchar\n");
    let cmap = ToUnicode::parse(body.as_bytes());
    assert_eq!(cmap.map.len(), Bounds::default().codes);
    assert_eq!(cmap.get(0xFFFF_FFFF), None);
    // The same 65,536 codes mapped over and over to long texts: the text bound stops it.
    let dest = "0041".repeat(512);
    let mut body = String::from("100 beginbfrange\n");
    for _ in 0..100 {
        body.push_str(&format!("<0000> <FFFF> <{dest}>\n"));
    }
    body.push_str("endbfrange\n");
    let bounds = Bounds {
        codes: 1 << 20,
        text: 1 << 20,
    };
    let cmap = ToUnicode::parse_within(body.as_bytes(), bounds);
    // 512 units of one byte each, or two past U+007F.
    assert!(cmap.text.len() <= 1 << 20);
    assert!((1_000..=2_048).contains(&cmap.len()), "{}", cmap.len());
    assert_eq!(cmap.get(0).map(str::len), Some(512));
    let cmap = ToUnicode::parse_within(
        b"1 beginbfchar <01> <0041> <02> <0042> endbfchar",
        Bounds { codes: 1, text: 10 },
    );
    assert_eq!((cmap.get(1), cmap.get(2)), (Some("A"), None));
}

/// A seeded xorshift64 generator.
struct XorShift(u64);

impl XorShift {
    /// The next pseudo-random number.
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Parses and exercises every method; the point is that nothing panics or hangs.
fn exercise(input: &[u8]) {
    let cmap = ToUnicode::parse(input);
    let _ = cmap.is_empty();
    for width in 0..=5 {
        for (code, len) in cmap.codes(input, width) {
            assert!((1..=4).contains(&len));
            let _ = cmap.get(code);
        }
    }
}

/// Every prefix and suffix of a realistic CMap parses without panicking.
#[test]
fn every_prefix_of_realistic_cmap() {
    let data = REALISTIC.as_bytes();
    for end in 0..=data.len() {
        exercise(&data[..end]);
        exercise(&data[end..]);
    }
}

/// 10,000 seeded random inputs (raw bytes and CMap-token soup) never panic.
#[test]
fn random_bytes_do_not_panic() {
    const VOCAB: &[&str] = &[
        "begincodespacerange",
        "endcodespacerange",
        "beginbfchar",
        "endbfchar",
        "beginbfrange",
        "endbfrange",
        "usecmap",
        "<",
        ">",
        "<<",
        ">>",
        "[",
        "]",
        "(",
        ")",
        "\\",
        "%",
        "\n",
        " ",
        "/",
        "<0000>",
        "<FFFF>",
        "<00>",
        "<FF>",
        "<D835DC00>",
        "<12345678>",
        "<00000000>",
        "<FFFFFFFF>",
        "<0>",
        "<>",
        "(x)",
        "12",
    ];
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for case in 0..10_000 {
        let len = (rng.next() % if case % 2 == 0 { 200 } else { 40 }) as usize;
        let mut input = Vec::with_capacity(len * 4);
        for _ in 0..len {
            let r = rng.next();
            if case % 2 == 0 {
                input.push((r & 0xFF) as u8);
            } else {
                let word = VOCAB[(r as usize) % VOCAB.len()];
                input.extend_from_slice(word.as_bytes());
                input.push(b' ');
            }
        }
        exercise(&input);
    }
}
