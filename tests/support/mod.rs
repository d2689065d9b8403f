//! Test support code shared by the test binaries that `mod support;`.
#![allow(dead_code)]

pub mod synth;
