//! Writing CSV: the bytes the csv crate's `Writer` writes with its default
//! settings (comma, `"` doubled inside quotes, a field quoted only when it
//! holds a comma, a quote or a line break, `\n` after each record), without
//! that writer. Its quote styles are chosen at run time, so its "quote what
//! is not a number" style keeps a float parser in the wasm (about 10 KB
//! gzip) that the portal never uses. Reading is [`crate::csv_in`] (on
//! csv-core); the tests below hold this writer to the csv crate's output.

/// Records written one after another into a string.
#[derive(Debug, Default)]
pub struct CsvOut {
    text: String,
}

impl CsvOut {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(bytes: usize) -> Self {
        Self {
            text: String::with_capacity(bytes),
        }
    }

    /// Writes one record.
    pub fn record<I, S>(&mut self, fields: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut count = 0;
        let mut only_empty = true;
        for field in fields {
            let field = field.as_ref();
            if count > 0 {
                self.text.push(',');
            }
            count += 1;
            only_empty &= field.is_empty();
            write_field(&mut self.text, field);
        }
        // A record of one empty field is written as "" so that it is not an
        // empty line, which readers skip.
        if count == 1 && only_empty {
            self.text.push_str("\"\"");
        }
        self.text.push('\n');
    }

    pub fn into_string(self) -> String {
        self.text
    }
}

fn write_field(out: &mut String, field: &str) {
    if field
        .bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
    {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn with_csv_crate(records: &[Vec<String>]) -> String {
        let mut writer = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(Vec::new());
        for record in records {
            writer.write_record(record).unwrap();
        }
        String::from_utf8(writer.into_inner().unwrap()).unwrap()
    }

    fn with_csv_out(records: &[Vec<String>]) -> String {
        let mut out = CsvOut::new();
        for record in records {
            out.record(record);
        }
        out.into_string()
    }

    #[test]
    fn quotes_only_what_needs_quoting() {
        let records = vec![
            vec![
                "a".to_string(),
                "b c".into(),
                "1,000".into(),
                "say \"hi\"".into(),
            ],
            vec![
                "line\nbreak".into(),
                "cr\r".into(),
                "".into(),
                "3.14".into(),
            ],
            vec!["".into()],
            vec!["é, ü".into(), "'=SUM(A1)".into()],
        ];
        let written = with_csv_out(&records);
        assert_eq!(
            written,
            concat!(
                "a,b c,\"1,000\",\"say \"\"hi\"\"\"\n",
                "\"line\nbreak\",\"cr\r\",,3.14\n",
                "\"\"\n",
                "\"é, ü\",'=SUM(A1)\n",
            )
        );
        assert_eq!(written, with_csv_crate(&records));
    }

    proptest! {
        #[test]
        fn writes_what_the_csv_crate_writes_and_reads_back(
            records in prop::collection::vec(
                prop::collection::vec("[a-z ,\"\\r\\n0-9.é']{0,8}", 1..5),
                0..6,
            )
        ) {
            let written = with_csv_out(&records);
            prop_assert_eq!(&written, &with_csv_crate(&records));
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(written.as_bytes());
            let read: Vec<Vec<String>> = reader
                .records()
                .map(|r| r.unwrap().iter().map(str::to_string).collect())
                .collect();
            prop_assert_eq!(read, records);
        }
    }
}
