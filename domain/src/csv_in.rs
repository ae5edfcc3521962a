//! Reading CSV: records of byte fields from text held in memory, parsed by
//! csv-core (the csv crate's own parser) with the csv crate's defaults
//! (`"` quotes, doubled inside quotes; `\n`, `\r\n` or `\r` end a record;
//! empty lines skipped; records of any length).
//!
//! The csv crate's `Reader` adds buffering over `std::io::Read`, its error
//! type and std's I/O error texts, none of which text in memory needs
//! (about 2.5 KB of the wasm's gzip). The tests below hold these records to
//! the csv crate's, on the portal's files and on random text.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// The records of `bytes`, one at a time.
pub struct Records {
    parser: Reader,
    bytes: Vec<u8>,
    /// Bytes parsed so far.
    at: usize,
    /// Records read so far.
    count: u64,
}

/// One record: its fields' bytes one after another, and where each ends.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    data: Vec<u8>,
    ends: Vec<usize>,
}

impl Record {
    pub fn new() -> Self {
        Self::default()
    }

    /// How many fields it has.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Field `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&[u8]> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        Some(&self.data[start..end])
    }

    /// The fields in order.
    pub fn iter(&self) -> impl Iterator<Item = &[u8]> {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

impl Records {
    /// Records separated by `delimiter` (`b','` or `b';'`).
    pub fn new(bytes: Vec<u8>, delimiter: u8) -> Self {
        Records {
            parser: ReaderBuilder::new().delimiter(delimiter).build(),
            bytes,
            at: 0,
            count: 0,
        }
    }

    /// Reads the next record into `record`; `false` at the end of the text.
    pub fn read(&mut self, record: &mut Record) -> bool {
        let Record { data, ends } = record;
        data.resize(data.capacity().max(64), 0);
        ends.resize(ends.capacity().max(8), 0);
        let (mut written, mut fields) = (0, 0);
        loop {
            let (result, read, wrote, ended) = self.parser.read_record(
                &self.bytes[self.at..],
                &mut data[written..],
                &mut ends[fields..],
            );
            self.at += read;
            written += wrote;
            fields += ended;
            match result {
                // At the end of the text the parser is handed nothing,
                // which finishes a last record without a line break.
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => data.resize(data.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
                ReadRecordResult::Record => {
                    data.truncate(written);
                    ends.truncate(fields);
                    self.count += 1;
                    return true;
                }
                ReadRecordResult::End => {
                    data.clear();
                    ends.clear();
                    return false;
                }
            }
        }
    }

    /// How many records have been read (the first is record 1).
    pub fn count(&self) -> u64 {
        self.count
    }

    /// How many bytes of the text have been read.
    pub fn position(&self) -> usize {
        self.at
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ours(text: &str, delimiter: u8) -> Vec<Vec<Vec<u8>>> {
        let mut records = Records::new(text.as_bytes().to_vec(), delimiter);
        let mut record = Record::new();
        let mut out = Vec::new();
        while records.read(&mut record) {
            out.push(record.iter().map(<[u8]>::to_vec).collect());
            assert_eq!(records.count(), out.len() as u64);
        }
        assert_eq!(records.position(), text.len());
        // Reading on at the end stays at the end.
        assert!(!records.read(&mut record));
        out
    }

    fn the_csv_crates(text: &str, delimiter: u8) -> Vec<Vec<Vec<u8>>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        reader
            .byte_records()
            .map(|r| r.unwrap().iter().map(<[u8]>::to_vec).collect())
            .collect()
    }

    #[test]
    fn reads_what_the_csv_crate_reads() {
        for text in [
            "",
            "\n\n",
            "Email,First Name\r\na@b.se,\"Åsa, \"\"the\"\" first\"\r\n",
            "a;b;c\n1;2\n\n\"x\ny\";z",
            "no line break at the end",
            "\"unclosed quote, to the end\n,,",
            "a,b\rc,d\r\n",
        ] {
            for delimiter in [b',', b';'] {
                assert_eq!(
                    ours(text, delimiter),
                    the_csv_crates(text, delimiter),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn long_fields_and_many_fields_grow_the_record() {
        let long = "x".repeat(10_000);
        let many = vec!["y"; 500].join(",");
        let text = format!("{long},{long}\n{many}\n");
        assert_eq!(ours(&text, b','), the_csv_crates(&text, b','));
    }

    proptest! {
        #[test]
        fn random_text_reads_as_the_csv_crate_reads_it(
            text in "[a-c,;\"\\r\\n é]{0,60}",
            semicolon in any::<bool>(),
        ) {
            let delimiter = if semicolon { b';' } else { b',' };
            prop_assert_eq!(ours(&text, delimiter), the_csv_crates(&text, delimiter));
        }
    }
}
