//! The names of the unit enums. One table per enum, written once in [`named_enum!`], gives
//! its JSON name, `as_str`, `Display`, `FromStr`, `Serialize`, `Deserialize` and `ALL`, so
//! that they cannot disagree.

use std::fmt;

/// Why a text is not the name of one of the crate's enums ([`NoticeKind`](crate::NoticeKind),
/// [`DiagnosticCode`](crate::DiagnosticCode), …): what [`FromStr`](std::str::FromStr) returns
/// for a name the enum does not have.
///
/// ```
/// use fcc_notice::NoticeKind;
/// let e = "some_future_kind".parse::<NoticeKind>().unwrap_err();
/// assert_eq!((e.type_name(), e.input()), ("NoticeKind", "some_future_kind"));
/// assert!(e.expected().contains(&"cease_and_desist"));
/// assert!(e.to_string().starts_with("unknown NoticeKind name \"some_future_kind\""));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseEnumError {
    type_name: &'static str,
    expected: &'static [&'static str],
    input: String,
}

impl ParseEnumError {
    pub(crate) fn new(
        type_name: &'static str,
        expected: &'static [&'static str],
        input: &str,
    ) -> Self {
        ParseEnumError {
            type_name,
            expected,
            input: input.to_owned(),
        }
    }

    /// The enum's name: `NoticeKind`.
    pub fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The text that is not one of its names.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The names the enum has, in declaration order.
    pub fn expected(&self) -> &'static [&'static str] {
        self.expected
    }
}

impl fmt::Display for ParseEnumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} name {:?} (expected one of: {})",
            self.type_name,
            self.input,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for ParseEnumError {}

/// Defines a public unit enum from a table of `Variant = "json_name"` lines and its
/// `unknown = Fallback;`, with:
///
/// - `ALL` (every value in declaration order) and `as_str` (the JSON name);
/// - `Display` writing that name and a strict `FromStr` reading it back (any other text is a
///   [`ParseEnumError`]);
/// - `Serialize` as that name (a string, in every format) and a lenient `Deserialize`: a
///   name the table does not have (one a later version added) becomes the fallback.
///
/// It derives `Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash` (the order is the
/// declaration order) and adds a paragraph on the names to the enum's docs. A name given
/// twice is an unreachable pattern, which the lints reject.
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $text:literal,
            )+
        }
        unknown = $fallback:ident;
    ) => {
        $(#[$meta])*
        ///
        /// # Names
        ///
        #[doc = concat!(
            "Each value has one `snake_case` name: [`", stringify!($name), "::as_str`] gives ",
            "it, `Display` writes it, JSON holds it, and `FromStr` reads it back (strictly: ",
            "any other text is a [`ParseEnumError`](crate::ParseEnumError)). ",
            "[`", stringify!($name), "::ALL`] lists every value.",
        )]
        ///
        #[doc = concat!(
            "Deserialising is lenient, so that JSON written by a later version still loads: ",
            "a name this version does not know becomes [`", stringify!($name), "::",
            stringify!($fallback), "`]."
        )]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[doc = ""]
                #[doc = concat!("Named `", $text, "`.")]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in declaration order (the order `Ord` sorts by), the fallback
            /// for unknown names included.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The names of [`ALL`](Self::ALL), in its order.
            const NAMES: &'static [&'static str] = &[$($text),+];

            /// The value's name, as JSON holds it and `Display` writes it.
            pub const fn as_str(&self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)+
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::model::ParseEnumError;

            /// Reads a name [`as_str`](Self::as_str) gives; any other text is an error.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok(Self::$variant),)+
                    _ => Err($crate::model::ParseEnumError::new(
                        stringify!($name),
                        Self::NAMES,
                        s,
                    )),
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Name;
                impl ::serde::de::Visitor<'_> for Name {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("the name of a ", stringify!($name)))
                    }
                    fn visit_str<E: ::serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        Ok(v.parse().unwrap_or($name::$fallback))
                    }
                }
                deserializer.deserialize_str(Name)
            }
        }
    };
}

pub(crate) use named_enum;

#[cfg(test)]
mod tests {
    use crate::{
        CampaignCategory, CitationKind, ColumnKind, ContactRole, DeadlineKind, DiagnosticCode,
        NoticeKind, PeriodUnit, Severity,
    };
    use serde::{de::DeserializeOwned, Serialize};
    use std::fmt::Display;
    use std::str::FromStr;

    /// For every value: JSON name == `as_str` == `Display`, `FromStr` and JSON read it back,
    /// names are distinct, and `ALL` is in `Ord` order; an unknown name is a `FromStr` error
    /// naming the type, and deserialises as `fallback`.
    fn check<T>(all: &[T], as_str: fn(&T) -> &'static str, type_name: &str, fallback: T)
    where
        T: Copy + Ord + Display + FromStr<Err = crate::ParseEnumError>,
        T: Serialize + DeserializeOwned + std::fmt::Debug,
    {
        let mut names = std::collections::BTreeSet::new();
        for value in all {
            let name = as_str(value);
            assert!(names.insert(name), "{type_name}: {name} twice");
            assert_eq!(serde_json::to_string(value).unwrap(), format!("{name:?}"));
            assert_eq!(value.to_string(), name);
            assert_eq!(name.parse::<T>().unwrap(), *value);
            let json = format!("{name:?}");
            assert_eq!(serde_json::from_str::<T>(&json).unwrap(), *value);
            assert!(
                name.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{name}"
            );
        }
        assert!(
            all.windows(2).all(|w| w[0] < w[1]),
            "{type_name}: ALL order"
        );
        let e = "no_such_name".parse::<T>().unwrap_err();
        assert_eq!((e.type_name(), e.input()), (type_name, "no_such_name"));
        assert_eq!(e.expected().len(), all.len());
        assert_eq!(
            serde_json::from_str::<T>("\"no_such_name\"").unwrap(),
            fallback
        );
        assert!(serde_json::from_str::<T>("3").is_err());
    }

    #[test]
    fn names_agree_everywhere() {
        check(
            NoticeKind::ALL,
            NoticeKind::as_str,
            "NoticeKind",
            NoticeKind::Other,
        );
        check(
            DeadlineKind::ALL,
            DeadlineKind::as_str,
            "DeadlineKind",
            DeadlineKind::Unknown,
        );
        check(
            ContactRole::ALL,
            ContactRole::as_str,
            "ContactRole",
            ContactRole::Unknown,
        );
        check(
            PeriodUnit::ALL,
            PeriodUnit::as_str,
            "PeriodUnit",
            PeriodUnit::Unknown,
        );
        check(
            CitationKind::ALL,
            CitationKind::as_str,
            "CitationKind",
            CitationKind::Unknown,
        );
        check(
            ColumnKind::ALL,
            ColumnKind::as_str,
            "ColumnKind",
            ColumnKind::Other,
        );
        check(
            CampaignCategory::ALL,
            CampaignCategory::as_str,
            "CampaignCategory",
            CampaignCategory::Other,
        );
        check(
            Severity::ALL,
            Severity::as_str,
            "Severity",
            Severity::Unknown,
        );
        check(
            DiagnosticCode::ALL,
            DiagnosticCode::as_str,
            "DiagnosticCode",
            DiagnosticCode::Unknown,
        );
        assert_eq!(NoticeKind::ALL.len(), 6);
        assert_eq!(CampaignCategory::ALL.len(), 13);
        assert_eq!(DiagnosticCode::ALL.len(), 19);
    }

    #[test]
    fn display_pads() {
        assert_eq!(format!("[{:>8}]", Severity::Info), "[    info]");
        assert_eq!(format!("[{:<6}]", ContactRole::Copy), "[copy  ]");
    }

    #[test]
    fn map_keys_use_names() {
        let map: std::collections::BTreeMap<_, _> = [(ColumnKind::CallerId, "x")].into();
        let json = serde_json::to_string(&map).unwrap();
        assert_eq!(json, r#"{"caller_id":"x"}"#);
        let back: std::collections::BTreeMap<ColumnKind, String> =
            serde_json::from_str(r#"{"caller_id":"x","future_column":"y"}"#).unwrap();
        assert_eq!(
            back.get(&ColumnKind::CallerId).map(String::as_str),
            Some("x")
        );
        assert_eq!(back.get(&ColumnKind::Other).map(String::as_str), Some("y"));
    }
}
