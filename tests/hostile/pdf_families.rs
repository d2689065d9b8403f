//! The PDF families (built by the PDF reader's hardening work; none yet).

/// A family: builds its PDF at about a size in bytes.
pub(crate) type Build = fn(usize) -> Vec<u8>;

/// Each family, by name.
pub(crate) fn families() -> Vec<(&'static str, Build)> {
    Vec::new()
}
