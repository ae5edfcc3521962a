//! Free text people type: names and meeting topics. It is shown as text
//! everywhere (never as markup), so `<`, `&` and quotes are fine; what is
//! refused is what would hide or reorder text on screen: control characters
//! (line breaks, NUL, escape) and the invisible characters that override
//! the direction of the text around them (U+202A–U+202E, U+2066–U+2069).
//! Letters of right-to-left scripts are welcome.

/// The most characters of a first or last name.
pub const MAX_NAME_CHARS: usize = 64;
/// The most characters of a meeting topic.
pub const MAX_TOPIC_CHARS: usize = 200;

/// Why a text was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    Missing,
    TooLong {
        max: usize,
    },
    /// A control or direction-override character.
    HiddenCharacter,
}

/// Whether `c` hides or reorders text when shown.
pub fn is_hidden_character(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` without surrounding spaces, if it is a usable text of at most
/// `max` characters.
pub fn check(text: &str, max: usize) -> Result<&str, TextProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(TextProblem::Missing);
    }
    if text.chars().any(is_hidden_character) {
        return Err(TextProblem::HiddenCharacter);
    }
    if text.chars().count() > max {
        return Err(TextProblem::TooLong { max });
    }
    Ok(text)
}

/// `text` in lower case, for matching what people type against names,
/// emails and group names regardless of case.
///
/// Letters of the Latin (with Latin-1, Extended-A and Extended Additional),
/// Greek and Cyrillic alphabets are lowered exactly as Unicode lowers them
/// (a test compares every one with `char::to_lowercase`); letters of other
/// scripts are matched as typed. Written here instead of using
/// `str::to_lowercase` because that pulls Unicode's whole case tables into
/// the portal's wasm (10 KB gzip of its first load, measured) for scripts
/// the portal's people write their names in rarely; a capital Σ lowers to
/// σ wherever it stands.
pub fn lowercase(text: &str) -> String {
    // Most emails and names are ASCII: lowered a byte at a time.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars().map(lower).collect()
}

/// One character in lower case, as [`lowercase`] lowers it.
pub fn lower(c: char) -> char {
    let n = c as u32;
    let even = n.is_multiple_of(2);
    let lowered = match n {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => n + 32,
        0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => n + 32,
        0x400..=0x40F => n + 80,
        0x178 => 0xFF,
        0x386 => 0x3AC,
        0x388..=0x38A => n + 37,
        0x38C => 0x3CC,
        0x38E..=0x38F => n + 63,
        0x1E9E => 0xDF,
        0x37F => 0x3F3,
        0x3CF => 0x3D7,
        0x3F4 => 0x3B8,
        0x3F9 => 0x3F2,
        0x3FD..=0x3FF => n - 0x82,
        0x4C0 => 0x4CF,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if even => n + 1,
        0x370..=0x373
        | 0x376
        | 0x3D8..=0x3EF
        | 0x3FA
        | 0x460..=0x481
        | 0x48A..=0x4BF
        | 0x4D0..=0x52F
            if even =>
        {
            n + 1
        }
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if even => n + 1,
        0x139..=0x148 | 0x179..=0x17E | 0x3F7 | 0x4C1..=0x4CE if !even => n + 1,
        _ => n,
    };
    char::from_u32(lowered).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scripts [`lowercase`] covers, lowered as Unicode lowers them.
    const COVERED: [(u32, u32); 4] = [(0, 0x17F), (0x370, 0x3FF), (0x400, 0x52F), (0x1E00, 0x1EFF)];

    #[test]
    fn covered_letters_are_lowered_as_unicode_lowers_them_and_no_other_is_changed_wrongly() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut unicode = c.to_lowercase();
            let (first, more) = (unicode.next(), unicode.next());
            let ours = lower(c);
            let covered = COVERED
                .iter()
                .any(|&(from, to)| (from..=to).contains(&(c as u32)));
            if covered && more.is_none() {
                assert_eq!(Some(ours), first, "{c:?} U+{:04X}", c as u32);
            } else {
                // Elsewhere a character is kept, or lowered as Unicode does.
                assert!(ours == c || Some(ours) == first, "{c:?} U+{:04X}", c as u32);
            }
        }
        assert_eq!(
            lowercase("ÅSA Örjan ÆØÅ ŁÓDŹ ΣΟΦΙΑ ЮЛИЯ Ёж"),
            "åsa örjan æøå łódź σοφια юлия ёж"
        );
        assert_eq!(
            lowercase("İ"),
            "İ",
            "kept: Unicode lowers it to two characters"
        );
    }

    #[test]
    fn markup_and_other_scripts_are_text_but_hidden_characters_are_refused() {
        assert_eq!(
            check("  <b>Bob</b> & \"Eve\" ", 64),
            Ok("<b>Bob</b> & \"Eve\"")
        );
        assert_eq!(check("محمد", 64), Ok("محمد"));
        assert_eq!(check("Zoë 👩‍💻", 64), Ok("Zoë 👩‍💻"), "joiners in emoji stay");
        for bad in [
            "a\u{202E}b",
            "a\u{2066}b",
            "a\nb",
            "a\u{0}b",
            "a\u{1b}[31mb",
            "a\u{85}b",
        ] {
            assert_eq!(check(bad, 64), Err(TextProblem::HiddenCharacter), "{bad:?}");
        }
        assert_eq!(check("   ", 64), Err(TextProblem::Missing));
    }

    #[test]
    fn length_is_counted_in_characters() {
        assert_eq!(check(&"å".repeat(64), 64), Ok("å".repeat(64).as_str()));
        assert_eq!(
            check(&"å".repeat(65), 64),
            Err(TextProblem::TooLong { max: 64 })
        );
        assert_eq!(
            check(&"x".repeat(10_000), 200),
            Err(TextProblem::TooLong { max: 200 })
        );
    }
}
