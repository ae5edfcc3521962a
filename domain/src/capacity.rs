//! Large Meetings capacities: 500, 1,000, 3,000 or 5,000 participants, nothing else.

use serde::Serialize;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(try_from = "u32", into = "u32")]
pub enum Capacity {
    P500,
    P1000,
    P3000,
    P5000,
}

/// A number of participants Large Meetings does not come in. People read
/// it worded by the UI (`messages::capacity_error`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CapacityError(pub u32);

/// A developer's code, for logs, tests and the stored data's decode errors:
/// `CapacityError(700)`.
impl fmt::Display for CapacityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

impl std::error::Error for CapacityError {}

impl Capacity {
    pub const ALL: [Capacity; 4] = [
        Capacity::P500,
        Capacity::P1000,
        Capacity::P3000,
        Capacity::P5000,
    ];

    /// Its place in [`Capacity::ALL`], for counts kept per capacity.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// How many participants a meeting admits with this add-on.
    pub const fn participants(self) -> u32 {
        match self {
            Capacity::P500 => 500,
            Capacity::P1000 => 1000,
            Capacity::P3000 => 3000,
            Capacity::P5000 => 5000,
        }
    }

    pub fn from_participants(participants: u32) -> Result<Self, CapacityError> {
        Self::ALL
            .into_iter()
            .find(|c| c.participants() == participants)
            .ok_or(CapacityError(participants))
    }
}

impl TryFrom<u32> for Capacity {
    type Error = CapacityError;
    fn try_from(value: u32) -> Result<Self, Self::Error> {
        Self::from_participants(value)
    }
}

impl From<Capacity> for u32 {
    fn from(value: Capacity) -> u32 {
        value.participants()
    }
}

impl fmt::Display for Capacity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.participants().fmt(f)
    }
}

impl crate::json::Decode for Capacity {
    fn decode(r: &mut crate::json::Reader<'_>) -> crate::json::Result<Self> {
        match Capacity::from_participants(u32::decode(r)?) {
            Ok(value) => Ok(value),
            Err(_) => r.error(crate::json::Problem::Invalid("capacity")),
        }
    }
}

impl crate::json::Encode for Capacity {
    fn encode(&self, out: &mut String) {
        self.participants().encode(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_four_offered_capacities_exist() {
        for c in Capacity::ALL {
            assert_eq!(Capacity::from_participants(c.participants()), Ok(c));
            assert_eq!(Capacity::ALL[c.index()], c);
        }
        for n in [0, 100, 300, 499, 501, 2000, 10_000] {
            assert_eq!(Capacity::from_participants(n), Err(CapacityError(n)));
        }
        assert!(crate::json::from_str::<Capacity>("1000").is_ok());
        assert!(crate::json::from_str::<Capacity>("700").is_err());
        assert_eq!(serde_json::to_string(&Capacity::P3000).unwrap(), "3000");
    }
}
