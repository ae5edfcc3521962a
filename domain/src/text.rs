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

#[cfg(test)]
mod tests {
    use super::*;

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
