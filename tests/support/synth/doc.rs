//! The renderer interface of the letter generator: a drawn letter as logical blocks, before
//! any text form is chosen. `compose` builds a [`Doc`] from the drawn facts; each renderer
//! (`markdown`, `plain`, `collapsed`, `layout`, `pdf`) turns the same `Doc` into one form.
//!
//! Nothing here knows how the crate parses; it only knows how FCC letters are printed.

/// A letter ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// The blocks in reading order (everything before Attachment A).
    pub blocks: Vec<Block>,
    /// Footnote bodies, numbered from 1 in order; `Inline::Mark(n)` in the blocks refers to
    /// `footnotes[n - 1]`. A renderer prints each body at the foot of the page where its mark
    /// falls (or inline, in the collapsed form).
    pub footnotes: Vec<String>,
    /// Attachment A, when the letter has one; always printed on a new page after the blocks.
    pub table: Option<Table>,
    /// The running header printed at the top of every page but the first, e.g.
    /// `Federal Communications Commission    DA 26-237` (orders), or `None` (letters).
    pub running_header: Option<RunningHeader>,
    /// Whether pages carry a centred page number at their foot.
    pub page_numbers: bool,
}

/// The running header: left text and (optional) right-margin text.
#[derive(Debug, Clone, PartialEq)]
pub struct RunningHeader {
    /// `Federal Communications Commission`.
    pub left: String,
    /// `DA 26-237`, or empty.
    pub right: String,
}

/// One block of the letter.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Lines printed one per line, left-aligned or centred (letterhead, date, delivery line,
    /// recipient block, `Re:` line, salutation, closing, signature block, caption lines, order
    /// titles). `bold` is a rendering hint (markdown `**…**`, PDF Helvetica-Bold).
    Lines {
        lines: Vec<String>,
        align: Align,
        bold: bool,
    },
    /// A prose paragraph. `run_in` is a bold run-in heading printed before the text on the
    /// same line (`Why You Are Receiving This Notification.`). `number` is an order's
    /// paragraph number (`1.`).
    Para {
        run_in: Option<String>,
        number: Option<u32>,
        text: Vec<Inline>,
    },
    /// A list of steps or providers.
    List {
        style: ListStyle,
        items: Vec<Vec<Inline>>,
    },
    /// A section heading on its own line (`I. INTRODUCTION`, `ATTACHMENT A` is not one: the
    /// table carries its title).
    Heading { text: String, align: Align },
    /// The description of a signature image, as text converters print it
    /// (`A handwritten signature in black ink, …`). Renderers that model a PDF print nothing.
    SignatureImage(String),
    /// An explicit page break (e.g. between `Sincerely,` and the signature block).
    PageBreak,
    /// Vertical space (one blank line).
    Gap,
}

/// Horizontal alignment of a line block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// How list items are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListStyle {
    /// `1.`, `2.`, …
    Numbered,
    /// `a.`, `b.`, … (or `(a)`, `(b)` where `paren` renderers choose)
    Lettered,
    /// `•` (U+2022)
    Bullet,
    /// `·` (U+00B7)
    MiddleDot,
}

/// A piece of prose.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Text; spaces between words are single spaces and may be broken anywhere.
    Text(String),
    /// Text printed in italics (a case name); plain in the plain forms.
    Italic(String),
    /// A footnote reference mark, glued to the text before it.
    Mark(u32),
}

/// The Attachment A table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// `ATTACHMENT A`, `Attachment A`, …
    pub title: String,
    /// The header cells in order (any column synonyms, any order, any subset).
    pub header: Vec<String>,
    /// The rows; every row has `header.len()` cells; an empty string is an empty cell.
    pub rows: Vec<Vec<String>>,
}
