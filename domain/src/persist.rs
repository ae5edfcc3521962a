//! The stored form of the portal: a versioned envelope around the data.
//!
//! Pure text in, text out; the browser adapter that reads and writes
//! localStorage lives in the app crate and calls these functions.

use crate::{Portal, Timestamp};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    schema: u32,
    revision: u64,
    saved_at: Timestamp,
    data: &'a Portal,
}

#[derive(Deserialize)]
struct Header {
    schema: u32,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    revision: u64,
    saved_at: Timestamp,
    data: Portal,
}

/// A decoded envelope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    pub portal: Portal,
    /// Incremented by every save; lets a tab notice a newer save by another.
    pub revision: u64,
    pub saved_at: Timestamp,
}

/// Why stored text could not be read. The text itself is never discarded
/// by the caller: it is kept aside so that nothing is lost.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DecodeError {
    #[error("the saved data is damaged ({0})")]
    Malformed(String),
    #[error("the saved data was written by a newer version of the portal (schema {found}, this version reads up to {supported})")]
    NewerSchema { found: u32, supported: u32 },
}

/// Writes the portal into its envelope.
pub fn encode(portal: &Portal, revision: u64, saved_at: Timestamp) -> String {
    let envelope = EnvelopeOut {
        schema: SCHEMA_VERSION,
        revision,
        saved_at,
        data: portal,
    };
    serde_json::to_string(&envelope).expect("the portal state always serializes")
}

/// Reads an envelope written by [`encode`] of this or an earlier version.
pub fn decode(raw: &str) -> Result<Stored, DecodeError> {
    let header: Header =
        serde_json::from_str(raw).map_err(|e| DecodeError::Malformed(e.to_string()))?;
    if header.schema > SCHEMA_VERSION {
        return Err(DecodeError::NewerSchema {
            found: header.schema,
            supported: SCHEMA_VERSION,
        });
    }
    if header.schema == 0 {
        return Err(DecodeError::Malformed(
            "schema version 0 does not exist".into(),
        ));
    }
    let envelope: EnvelopeIn =
        serde_json::from_str(raw).map_err(|e| DecodeError::Malformed(e.to_string()))?;
    Ok(Stored {
        portal: envelope.data,
        revision: envelope.revision,
        saved_at: envelope.saved_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use proptest::prelude::*;

    const T0: Timestamp = Timestamp(1_800_000_000_000);

    #[test]
    fn the_demo_portal_survives_a_round_trip() {
        let portal = demo::portal(T0);
        let text = encode(&portal, 7, T0);
        let stored = decode(&text).unwrap();
        assert_eq!(stored.portal, portal);
        assert_eq!(stored.revision, 7);
        assert_eq!(stored.saved_at, T0);
    }

    #[test]
    fn damaged_text_is_reported_not_replaced() {
        assert!(matches!(decode(""), Err(DecodeError::Malformed(_))));
        assert!(matches!(
            decode("{not json"),
            Err(DecodeError::Malformed(_))
        ));
        assert!(matches!(
            decode(r#"{"schema":1}"#),
            Err(DecodeError::Malformed(_))
        ));
        assert!(matches!(
            decode(r#"{"schema":0,"revision":1,"saved_at":0,"data":{"accounts":[]}}"#),
            Err(DecodeError::Malformed(_))
        ));
    }

    #[test]
    fn a_newer_schema_is_recognised_as_such() {
        let text = r#"{"schema":99,"revision":1,"saved_at":0,"data":"whatever"}"#;
        assert_eq!(
            decode(text),
            Err(DecodeError::NewerSchema {
                found: 99,
                supported: SCHEMA_VERSION
            })
        );
    }

    #[test]
    fn a_stored_plain_text_password_is_refused() {
        let portal = demo::portal(T0);
        let text = encode(&portal, 1, T0);
        let phc = portal.accounts[0].users[0].password.as_phc().to_owned();
        let tampered = text.replacen(&phc, "Demo!2026", 1);
        assert!(matches!(decode(&tampered), Err(DecodeError::Malformed(_))));
    }

    proptest! {
        #[test]
        fn decoding_arbitrary_text_never_panics(text in ".{0,400}") {
            let _ = decode(&text);
        }

        #[test]
        fn decoding_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let text = String::from_utf8_lossy(&bytes);
            let _ = decode(&text);
        }

        #[test]
        fn revisions_and_times_round_trip(revision in any::<u64>(), saved_at in any::<i64>()) {
            let portal = Portal { accounts: vec![] };
            let stored = decode(&encode(&portal, revision, Timestamp(saved_at))).unwrap();
            prop_assert_eq!(stored.revision, revision);
            prop_assert_eq!(stored.saved_at, Timestamp(saved_at));
        }
    }
}
