//! The JSON the portal stores, written ([`Encode`]) and read back
//! ([`Decode`]).
//!
//! The format is serde's, byte for byte: the domain's types still derive
//! `Serialize`, and tests check that [`to_string`] writes exactly what
//! serde_json writes and that [`from_str`] reads it back. A struct is an
//! object (fields in declaration order; when read, keys in any order,
//! unknown keys ignored, a missing `Option` field `None`), a unit variant is
//! its name as a string, a struct variant is `{"Variant":{...}}`, and every
//! number is an integer.
//!
//! It has its own code because serde's derived impls and serde_json were
//! about 56 KB of the wasm's 496 KB gzip (measured by building without any
//! reading, then without any writing): there is no visitor or serializer per
//! type and field here, and one copy of the object and array loops serves
//! every type. Each stored type gets both directions from one list of its
//! fields ([`json_struct!`], [`json_enum!`]) beside its definition.
//!
//! Hostile text is refused with a position, never a panic: the only
//! recursion follows the nesting of the portal's own types; unknown values
//! are skipped without recursion.

use std::borrow::Cow;
use std::fmt;

/// Why a text could not be read, and where (a byte offset), for developers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub at: usize,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The text is not JSON here; names what was expected.
    Expected(&'static str),
    /// A field the type needs is not there.
    Missing(&'static str),
    /// The JSON is fine but the value is not one of the type's (an email
    /// that is not one, a capacity that is not sold, an unknown variant).
    Invalid(&'static str),
    /// A number outside the type's range.
    OutOfRange,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.problem {
            Problem::Expected(what) => write!(f, "expected {what}")?,
            Problem::Missing(field) => write!(f, "missing field `{field}`")?,
            Problem::Invalid(what) => write!(f, "not a valid {what}")?,
            Problem::OutOfRange => f.write_str("number out of range")?,
        }
        write!(f, " at byte {}", self.at)
    }
}

impl std::error::Error for JsonError {}

pub type Result<T> = std::result::Result<T, JsonError>;

/// A position in a JSON text.
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    /// Schema 1 stored base plans without a term; while it is read, this
    /// is the term they get (see `persist`).
    pub(crate) legacy_term: Option<crate::Term>,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Reader {
            text,
            pos: 0,
            legacy_term: None,
        }
    }

    /// The byte offset the next value starts at.
    pub fn position(&self) -> usize {
        self.pos
    }

    pub fn error<T>(&self, problem: Problem) -> Result<T> {
        Err(JsonError {
            at: self.pos,
            problem,
        })
    }

    fn peek(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = bytes.get(self.pos) {
            self.pos += 1;
        }
        bytes.get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn expect(&mut self, byte: u8, what: &'static str) -> Result<()> {
        if self.eat(byte) {
            Ok(())
        } else {
            self.error(Problem::Expected(what))
        }
    }

    fn literal(&mut self, word: &'static str) -> bool {
        self.peek();
        let found = self.text.as_bytes()[self.pos..].starts_with(word.as_bytes());
        if found {
            self.pos += word.len();
        }
        found
    }

    /// Reads `null` if it comes next.
    pub fn null(&mut self) -> bool {
        self.literal("null")
    }

    pub fn bool(&mut self) -> Result<bool> {
        if self.literal("true") {
            Ok(true)
        } else if self.literal("false") {
            Ok(false)
        } else {
            self.error(Problem::Expected("true or false"))
        }
    }

    /// A whole number as its sign and magnitude: fractions and exponents
    /// are refused, like serde does for integer fields.
    fn integer(&mut self) -> Result<(bool, u64)> {
        self.peek();
        let bytes = self.text.as_bytes();
        let negative = bytes.get(self.pos) == Some(&b'-');
        let start = self.pos + usize::from(negative);
        let digits = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let leading_zero = digits > 1 && bytes[start] == b'0';
        if digits == 0 || leading_zero {
            return self.error(Problem::Expected("a whole number"));
        }
        let end = start + digits;
        if let Some(b'.' | b'e' | b'E') = bytes.get(end) {
            return self.error(Problem::Expected("a whole number"));
        }
        let mut magnitude: u64 = 0;
        for &digit in &bytes[start..end] {
            magnitude = match magnitude
                .checked_mul(10)
                .and_then(|m| m.checked_add(u64::from(digit - b'0')))
            {
                Some(m) => m,
                None => return self.error(Problem::OutOfRange),
            };
        }
        self.pos = end;
        Ok((negative, magnitude))
    }

    pub fn unsigned(&mut self) -> Result<u64> {
        let at = self.pos;
        match self.integer()? {
            (true, m) if m > 0 => Err(JsonError {
                at,
                problem: Problem::OutOfRange,
            }),
            (_, m) => Ok(m),
        }
    }

    pub fn signed(&mut self) -> Result<i64> {
        let at = self.pos;
        let (negative, magnitude) = self.integer()?;
        let value = if negative {
            0i64.checked_sub_unsigned(magnitude)
        } else {
            i64::try_from(magnitude).ok()
        };
        value.ok_or(JsonError {
            at,
            problem: Problem::OutOfRange,
        })
    }

    /// A string, borrowed from the text unless it has escapes.
    pub fn str(&mut self) -> Result<Cow<'a, str>> {
        self.expect(b'"', "a string")?;
        let text = self.text;
        let bytes = text.as_bytes();
        let start = self.pos;
        let mut owned: Option<String> = None;
        let mut run = start;
        loop {
            let Some(&byte) = bytes.get(self.pos) else {
                return self.error(Problem::Expected("the end of the string"));
            };
            match byte {
                b'"' => {
                    let value = match owned {
                        None => Cow::Borrowed(&text[start..self.pos]),
                        Some(mut s) => {
                            s.push_str(&text[run..self.pos]);
                            Cow::Owned(s)
                        }
                    };
                    self.pos += 1;
                    return Ok(value);
                }
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&text[run..self.pos]);
                    self.pos += 1;
                    let escaped = match bytes.get(self.pos) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let c = self.unicode_escape()?;
                            let s = owned.as_mut().expect("created above");
                            s.push(c);
                            run = self.pos;
                            continue;
                        }
                        _ => return self.error(Problem::Expected("an escape")),
                    };
                    s.push(escaped);
                    self.pos += 1;
                    run = self.pos;
                }
                0..=0x1f => return self.error(Problem::Expected("an escaped control character")),
                _ => self.pos += 1,
            }
        }
    }

    /// After `\u`: four hex digits, or a surrogate pair of two escapes.
    fn unicode_escape(&mut self) -> Result<char> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if !self.text.as_bytes()[self.pos..].starts_with(b"\\u") {
                return self.error(Problem::Expected("the second half of a surrogate pair"));
            }
            self.pos += 2;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return self.error(Problem::Expected("the second half of a surrogate pair"));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        match char::from_u32(code) {
            Some(c) => Ok(c),
            None => self.error(Problem::Expected("a character")),
        }
    }

    fn hex4(&mut self) -> Result<u32> {
        let digits = self.text.get(self.pos..self.pos + 4);
        match digits.and_then(|d| {
            d.bytes()
                .all(|b| b.is_ascii_hexdigit())
                .then(|| u32::from_str_radix(d, 16).ok())
                .flatten()
        }) {
            Some(value) => {
                self.pos += 4;
                Ok(value)
            }
            None => self.error(Problem::Expected("four hex digits")),
        }
    }

    /// Reads an object, handing each key to `each`, which must read (or
    /// [`skip`](Self::skip)) the value.
    pub fn object(&mut self, each: &mut dyn FnMut(&mut Self, &str) -> Result<()>) -> Result<()> {
        self.expect(b'{', "an object")?;
        if self.eat(b'}') {
            return Ok(());
        }
        loop {
            let key = self.str()?;
            self.expect(b':', "a colon")?;
            each(self, &key)?;
            if self.eat(b'}') {
                return Ok(());
            }
            self.expect(b',', "a comma or the end of the object")?;
        }
    }

    /// Reads an array, calling `each` to read every element.
    pub fn array(&mut self, each: &mut dyn FnMut(&mut Self) -> Result<()>) -> Result<()> {
        self.expect(b'[', "an array")?;
        if self.eat(b']') {
            return Ok(());
        }
        loop {
            each(self)?;
            if self.eat(b']') {
                return Ok(());
            }
            self.expect(b',', "a comma or the end of the array")?;
        }
    }

    /// An enum in serde's external tagging: `"Unit"` or
    /// `{"Variant":{...}}`. `read` gets the variant's name and a reader at
    /// its body; for the string form the body is empty, so a variant that
    /// needs fields is refused there.
    pub fn variant<T>(
        &mut self,
        read: impl FnOnce(&mut Reader<'_>, &str) -> Result<T>,
    ) -> Result<T> {
        if self.peek() == Some(b'"') {
            let name = self.str()?;
            let mut empty = Reader::new("");
            return read(&mut empty, &name).map_err(|e| JsonError {
                at: self.pos,
                problem: e.problem,
            });
        }
        self.expect(b'{', "a variant")?;
        let name = self.str()?;
        self.expect(b':', "a colon")?;
        let value = read(self, &name)?;
        self.expect(b'}', "the end of the variant")?;
        Ok(value)
    }

    /// Steps over one value of any shape, without recursion.
    pub fn skip(&mut self) -> Result<()> {
        let mut depth = 0usize;
        loop {
            match self.peek() {
                Some(b'{' | b'[') => {
                    self.pos += 1;
                    depth += 1;
                    continue;
                }
                Some(b'}' | b']') if depth > 0 => {
                    self.pos += 1;
                    depth -= 1;
                }
                Some(b'"') => {
                    self.str()?;
                }
                Some(b't' | b'f') => {
                    self.bool()?;
                }
                Some(b'n') if self.null() => {}
                Some(b'-' | b'0'..=b'9') => self.number()?,
                _ => return self.error(Problem::Expected("a value")),
            }
            if depth == 0 {
                return Ok(());
            }
            // Inside a container: a separator, or the key of the next pair.
            if self.eat(b',') || self.eat(b':') {
                continue;
            }
            if !matches!(self.peek(), Some(b'}' | b']')) {
                return self.error(Problem::Expected("a comma"));
            }
        }
    }

    /// Any JSON number (skipped values may have fractions).
    fn number(&mut self) -> Result<()> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let length = bytes[start..]
            .iter()
            .take_while(|b| matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
            .count();
        self.pos += length;
        let number = &self.text[start..self.pos];
        let valid = number
            .strip_prefix('-')
            .unwrap_or(number)
            .starts_with(|c: char| c.is_ascii_digit());
        if valid {
            Ok(())
        } else {
            self.error(Problem::Expected("a number"))
        }
    }

    /// Only whitespace may follow the value.
    pub fn finish(&mut self) -> Result<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => self.error(Problem::Expected("the end of the text")),
        }
    }
}

/// A stored type that can be read back.
pub trait Decode: Sized {
    fn decode(r: &mut Reader<'_>) -> Result<Self>;

    /// The value when a struct's field is not in the text; `None` makes the
    /// field required. `Option` fields are `None` when missing, as with serde.
    fn absent() -> Option<Self> {
        None
    }
}

/// Reads a whole text as one `T`.
pub fn from_str<T: Decode>(text: &str) -> Result<T> {
    let mut reader = Reader::new(text);
    let value = T::decode(&mut reader)?;
    reader.finish()?;
    Ok(value)
}

/// A field's value once its object is read: what was there, else the
/// type's [`Decode::absent`] value, else a "missing field" error.
pub fn field<T: Decode>(read: Option<T>, name: &'static str, r: &Reader<'_>) -> Result<T> {
    match read.or_else(T::absent) {
        Some(value) => Ok(value),
        None => r.error(Problem::Missing(name)),
    }
}

/// Reads an object into a struct (or a struct variant) with the given
/// fields; fields after `default:` take `Default::default()` when missing
/// (serde's `#[serde(default)]`). Unknown keys are skipped.
#[macro_export]
macro_rules! decode_fields {
    ($r:expr, $path:path { $($field:ident),* $(,)? $(; default: $($default:ident),* $(,)?)?
        $(; skip: $($skip:ident),* $(,)?)? }) => {{
        let r: &mut $crate::json::Reader<'_> = $r;
        $(let mut $field = None;)*
        $($(let mut $default = None;)*)?
        r.object(&mut |r, key| {
            match key {
                $(stringify!($field) => $field = Some($crate::json::Decode::decode(r)?),)*
                $($(stringify!($default) => $default = Some($crate::json::Decode::decode(r)?),)*)?
                _ => r.skip()?,
            }
            Ok(())
        })?;
        $path {
            $($field: $crate::json::field($field, stringify!($field), r)?,)*
            $($($default: $default.unwrap_or_default(),)*)?
            $($($skip: Default::default(),)*)?
        }
    }};
}

/// [`Decode`] and [`Encode`] for a struct stored as an object of the
/// listed fields, written in the order listed (serde's: declaration order).
/// Fields after `default:` are `Default::default()` when missing; fields
/// after `read:` are read when present (older schemas) but never written;
/// fields after `skip:` are neither read nor written (kept elsewhere).
#[macro_export]
macro_rules! json_struct {
    ($ty:ident { $($field:ident),* $(,)?
        $(; default: $($default:ident),* $(,)?)?
        $(; read: $($read:ident),* $(,)?)?
        $(; skip: $($skip:ident),* $(,)?)? }) => {
        impl $crate::json::Decode for $ty {
            fn decode(r: &mut $crate::json::Reader<'_>) -> $crate::json::Result<Self> {
                Ok($crate::decode_fields!(r, $ty {
                    $($field),* ; default: $($($default,)*)? $($($read,)*)?
                    ; skip: $($($skip,)*)?
                }))
            }
        }

        impl $crate::json::Encode for $ty {
            fn encode(&self, out: &mut String) {
                let mut object = $crate::json::Object::new(out);
                $(object.field(stringify!($field), &self.$field);)*
                $($(object.field(stringify!($default), &self.$default);)*)?
                object.end();
            }
        }
    };
}

/// [`Decode`] and [`Encode`] for an enum in serde's external tagging: unit
/// variants as their name, struct variants as `{"Variant":{fields}}`.
#[macro_export]
macro_rules! json_enum {
    ($ty:ident { $($variant:ident $({ $($field:ident),* $(,)? })?),* $(,)? }) => {
        impl $crate::json::Decode for $ty {
            fn decode(r: &mut $crate::json::Reader<'_>) -> $crate::json::Result<Self> {
                r.variant(|r, name| {
                    Ok(match name {
                        $(stringify!($variant) => $crate::json_enum!(@read r, $ty, $variant $({ $($field),* })?),)*
                        _ => return r.error($crate::json::Problem::Invalid(stringify!($ty))),
                    })
                })
            }
        }

        impl $crate::json::Encode for $ty {
            fn encode(&self, out: &mut String) {
                match self {
                    $($ty::$variant $({ $($field),* })? => {
                        $crate::json_enum!(@write out, $variant $({ $($field),* })?)
                    })*
                }
            }
        }
    };
    (@read $r:ident, $ty:ident, $variant:ident) => { $ty::$variant };
    (@read $r:ident, $ty:ident, $variant:ident { $($field:ident),* }) => {
        $crate::decode_fields!($r, $ty::$variant { $($field),* })
    };
    (@write $out:ident, $variant:ident) => { $crate::json::write_str($out, stringify!($variant)) };
    (@write $out:ident, $variant:ident { $($field:ident),* }) => {{
        let mut outer = $crate::json::Object::new($out);
        outer.key(stringify!($variant));
        let mut object = $crate::json::Object::new(outer.out());
        $(object.field(stringify!($field), $field);)*
        object.end();
        outer.end();
    }};
}

/// [`Decode`] and [`Encode`] for one-field structs stored as their field
/// (serde's `transparent`).
#[macro_export]
macro_rules! json_transparent {
    ($($ty:ident),* $(,)?) => {$(
        impl $crate::json::Decode for $ty {
            fn decode(r: &mut $crate::json::Reader<'_>) -> $crate::json::Result<Self> {
                $crate::json::Decode::decode(r).map($ty)
            }
        }

        impl $crate::json::Encode for $ty {
            fn encode(&self, out: &mut String) {
                self.0.encode(out)
            }
        }
    )*};
}

impl Decode for bool {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        r.bool()
    }
}

impl Decode for String {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        r.str().map(Cow::into_owned)
    }
}

macro_rules! decode_integer {
    ($read:ident: $($ty:ty),*) => {$(
        impl Decode for $ty {
            fn decode(r: &mut Reader<'_>) -> Result<Self> {
                let at = r.position();
                let value = r.$read()?;
                <$ty>::try_from(value).map_err(|_| JsonError { at, problem: Problem::OutOfRange })
            }
        }
    )*};
}
decode_integer!(unsigned: u16, u32, u64, usize);
decode_integer!(signed: i32, i64);

impl<T: Decode> Decode for Option<T> {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        if r.null() {
            Ok(None)
        } else {
            T::decode(r).map(Some)
        }
    }

    fn absent() -> Option<Self> {
        Some(None)
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        let mut out = Vec::new();
        r.array(&mut |r| {
            out.push(T::decode(r)?);
            Ok(())
        })?;
        Ok(out)
    }
}

/// A pair, stored as a two-element array.
impl<A: Decode, B: Decode> Decode for (A, B) {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        r.expect(b'[', "an array")?;
        let a = A::decode(r)?;
        r.expect(b',', "a comma")?;
        let b = B::decode(r)?;
        r.expect(b']', "the end of the pair")?;
        Ok((a, b))
    }
}

/// A value the portal stores, written as serde_json writes it.
pub trait Encode {
    fn encode(&self, out: &mut String);
}

/// The JSON text of `value`.
pub fn to_string<T: Encode + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.encode(&mut out);
    out
}

/// Writes `text` as a JSON string, escaped as serde_json escapes it.
pub fn write_str(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut run = 0;
    for (i, byte) in text.bytes().enumerate() {
        let escape: &str = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[run..i]);
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        } else {
            out.push_str(escape);
        }
        run = i + 1;
    }
    out.push_str(&text[run..]);
    out.push('"');
}

/// Writes an object field by field.
pub struct Object<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Object<'a> {
    pub fn new(out: &'a mut String) -> Self {
        out.push('{');
        Object { out, first: true }
    }

    /// Goes on with the object that ends `out` (its closing brace is
    /// taken off): how a record adds fields to a type's own.
    pub fn reopen(out: &'a mut String) -> Self {
        let closed = out.pop();
        debug_assert_eq!(closed, Some('}'));
        let first = out.ends_with('{');
        Object { out, first }
    }

    /// Starts the next pair; its value is written to [`out`](Self::out).
    pub fn key(&mut self, name: &str) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(self.out, name);
        self.out.push(':');
    }

    pub fn out(&mut self) -> &mut String {
        self.out
    }

    pub fn field(&mut self, name: &str, value: &dyn Encode) {
        self.key(name);
        value.encode(self.out);
    }

    pub fn end(self) {
        self.out.push('}');
    }
}

impl<T: Encode + ?Sized> Encode for &T {
    fn encode(&self, out: &mut String) {
        (**self).encode(out)
    }
}

impl Encode for str {
    fn encode(&self, out: &mut String) {
        write_str(out, self)
    }
}

impl Encode for String {
    fn encode(&self, out: &mut String) {
        write_str(out, self)
    }
}

impl Encode for bool {
    fn encode(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" })
    }
}

macro_rules! encode_integer {
    ($($ty:ty),*) => {$(
        impl Encode for $ty {
            fn encode(&self, out: &mut String) {
                use std::fmt::Write;
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
encode_integer!(u16, u32, u64, usize, i32, i64);

impl<T: Encode> Encode for Option<T> {
    fn encode(&self, out: &mut String) {
        match self {
            Some(value) => value.encode(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: Encode> Encode for [T] {
    fn encode(&self, out: &mut String) {
        out.push('[');
        for (i, value) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            value.encode(out);
        }
        out.push(']');
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, out: &mut String) {
        self.as_slice().encode(out)
    }
}

impl<A: Encode, B: Encode> Encode for (A, B) {
    fn encode(&self, out: &mut String) {
        out.push('[');
        self.0.encode(out);
        out.push(',');
        self.1.encode(out);
        out.push(']');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, PartialEq, serde::Serialize)]
    struct Sample {
        name: String,
        count: u32,
        note: Option<String>,
        list: Vec<i64>,
        flag: bool,
    }

    crate::json_struct!(Sample {
        name,
        count,
        note,
        list,
        flag
    });

    #[test]
    fn reads_what_serde_writes() {
        let sample = Sample {
            name: "Quarterly \"Town\" Hall\n\u{1F600} ÅÄÖ \\ /".into(),
            count: 7,
            note: None,
            list: vec![-3, 0, i64::MAX, i64::MIN],
            flag: true,
        };
        let text = serde_json::to_string(&sample).unwrap();
        assert_eq!(to_string(&sample), text);
        assert_eq!(from_str::<Sample>(&text).unwrap(), sample);
    }

    #[test]
    fn strings_are_escaped_as_serde_escapes_them() {
        let every_ascii: String = (0u8..128).map(char::from).collect();
        for text in [every_ascii.as_str(), "", "\u{2028}ÅÄÖ \u{1F600}", "\"\\/"] {
            assert_eq!(to_string(text), serde_json::to_string(text).unwrap());
            assert_eq!(from_str::<String>(&to_string(text)).unwrap(), text);
        }
    }

    #[test]
    fn keys_in_any_order_unknown_keys_skipped_missing_options_none() {
        let text = r#" { "flag" : false, "extra": {"a":[1,2.5e3,{"b":null}],"c":"}"},
            "list": [], "count": 3, "name": "x" } "#;
        let sample = from_str::<Sample>(text).unwrap();
        assert_eq!(sample.note, None);
        assert_eq!(sample.count, 3);
        assert!(!sample.flag);
    }

    #[test]
    fn refusals_say_what_and_where() {
        let missing = from_str::<Sample>(r#"{"name":"x"}"#).unwrap_err();
        assert_eq!(missing.problem, Problem::Missing("count"));
        assert_eq!(
            from_str::<u32>("4294967296").unwrap_err().problem,
            Problem::OutOfRange
        );
        assert_eq!(
            from_str::<u32>("-1").unwrap_err().problem,
            Problem::OutOfRange
        );
        assert!(from_str::<u32>("1.5").is_err());
        assert!(from_str::<u32>("1e3").is_err());
        assert!(from_str::<u32>("01").is_err());
        assert!(from_str::<u32>("1 2").is_err());
        assert!(from_str::<String>("\"a\u{1}\"").is_err());
        assert!(from_str::<String>(r#""\ud800""#).is_err());
        assert!(from_str::<String>(r#""\uZZZZ""#).is_err());
        assert!(from_str::<Vec<u32>>("[1,]").is_err());
        assert!(from_str::<Vec<u32>>("[1").is_err());
        let error = from_str::<Vec<u32>>("[1, \"a\"]").unwrap_err();
        assert_eq!(error.at, 4);
        assert_eq!(error.to_string(), "expected a whole number at byte 4");
    }

    #[test]
    fn deep_nesting_in_skipped_values_does_not_overflow() {
        let deep = format!(
            r#"{{"name":"x","count":1,"list":[],"flag":true,"junk":{}{}}}"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(from_str::<Sample>(&deep).is_ok());
        let unbalanced = format!(r#"{{"junk":{}}}"#, "[".repeat(100_000));
        assert!(from_str::<Sample>(&unbalanced).is_err());
    }

    proptest! {
        #[test]
        fn any_value_serde_writes_is_read_back(
            name in any::<String>(),
            count in any::<u32>(),
            note in proptest::option::of(any::<String>()),
            list in proptest::collection::vec(any::<i64>(), 0..8),
            flag in any::<bool>(),
        ) {
            let sample = Sample { name, count, note, list, flag };
            let text = serde_json::to_string(&sample).unwrap();
            prop_assert_eq!(&to_string(&sample), &text);
            prop_assert_eq!(from_str::<Sample>(&text).unwrap(), sample);
        }

        #[test]
        fn arbitrary_text_is_read_or_refused_never_a_panic(text in any::<String>()) {
            let _ = from_str::<Sample>(&text);
            let _ = from_str::<Vec<Option<String>>>(&text);
            let mut reader = Reader::new(&text);
            let _ = reader.skip();
        }

        #[test]
        fn skip_agrees_with_serde_on_what_is_one_value(text in r#"[\[\]{}",:0-9a-z\\ -]{0,24}"#) {
            let serde_says = serde_json::from_str::<serde_json::Value>(&text).is_ok();
            let mut reader = Reader::new(&text);
            let skip_says = reader.skip().and_then(|()| reader.finish()).is_ok();
            if serde_says {
                prop_assert!(skip_says, "serde reads {:?}", text);
            }
        }
    }
}
