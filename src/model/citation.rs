//! A legal citation found in the text.

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a citation cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CitationKind {
    /// A section of the United States Code: `47 U.S.C. § 227(b)`.
    Usc,
    /// A section of the Code of Federal Regulations: `47 CFR § 64.1200(k)(4)`.
    Cfr,
}

/// One citation, with where it stands and what it cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Citation {
    /// What it cites.
    pub kind: CitationKind,
    /// The text as written.
    pub text: String,
    /// Where it stands in the input.
    pub span: Span,
    /// The canonical form: `47 CFR § 64.1200(k)(4)`.
    pub canonical: String,
    /// The title of the code: `47`.
    pub title: u32,
    /// The section: `64.1200`.
    pub section: String,
    /// The paragraph path below the section: `["k", "4"]`.
    pub paragraphs: Vec<String>,
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical)
    }
}
