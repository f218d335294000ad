//! Clauses as JSON: an array of objects with the columns of the tabular
//! exports as keys. Written by hand (a dozen lines) so that the browser's
//! build does not carry serde_json; the tests check it against serde_json.

use super::{ClauseRecord, COLUMNS};

/// `[{"citation": "…", …}, …]`, pretty-printed, one clause per object.
pub fn json(records: &[ClauseRecord]) -> String {
    let mut out = String::from("[");
    for (k, r) in records.iter().enumerate() {
        out.push_str(if k == 0 { "\n  {" } else { ",\n  {" });
        for (j, (name, value)) in COLUMNS.iter().zip(r.fields()).enumerate() {
            out.push_str(if j == 0 { "\n    " } else { ",\n    " });
            string(&mut out, name);
            out.push_str(": ");
            string(&mut out, value);
        }
        out.push_str("\n  }");
    }
    out.push_str(if records.is_empty() { "]\n" } else { "\n]\n" });
    out
}

/// A JSON string: quotes, backslashes and control characters escaped.
fn string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
