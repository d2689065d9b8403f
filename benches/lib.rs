//! Nothing: this package exists for its benchmark, `parse.rs` (`cargo bench -p
//! fcc-notice-benches`).
