//! The tabular and HTML exports: CSV for spreadsheets, the "precedents"
//! table that pastes into a word processor, and a comparison with
//! `<del>`/`<ins>`.

use super::{ClauseRecord, COLUMNS};
use crate::diff::{SideBySide, Tag};

/// RFC 4180 CSV with a header row, CRLF line ends and a byte-order mark
/// (so that spreadsheet programs read it as UTF-8). A field with a comma,
/// quote or line break is quoted, its quotes doubled. A field that would
/// start a formula in a spreadsheet (`=`, `+`, `@`) gets a leading `'`,
/// which spreadsheets show as text: a clause is never run as a formula.
pub fn csv(records: &[ClauseRecord]) -> String {
    let mut out = String::from("\u{feff}");
    let line = |out: &mut String, fields: &[&str]| {
        for (k, f) in fields.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            csv_field(out, f);
        }
        out.push_str("\r\n");
    };
    line(&mut out, &COLUMNS);
    for r in records {
        line(&mut out, &r.fields());
    }
    out
}

fn csv_field(out: &mut String, field: &str) {
    let guarded = field.starts_with(['=', '+', '@']);
    let quoted = guarded || field.contains([',', '"', '\n', '\r']);
    if quoted {
        out.push('"');
    }
    if guarded {
        out.push('\'');
    }
    for c in field.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quoted {
        out.push('"');
    }
}

/// Text for HTML, in an element or an attribute: `&`, `<`, `>` and quotes
/// escaped. (The published page's own text goes through this too.)
pub fn escape_html(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// Text with its line breaks kept as `<br>`.
fn escape_lines(out: &mut String, text: &str) {
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push_str("<br>");
        }
        escape_html(out, line);
    }
}

fn document(title: &str, body: &str) -> String {
    let mut out = String::from(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
    );
    escape_html(&mut out, title);
    out.push_str("</title>\n</head>\n<body>\n<h1>");
    escape_html(&mut out, title);
    out.push_str("</h1>\n");
    out.push_str(body);
    out.push_str("</body>\n</html>\n");
    out
}

/// A table of precedents, one row per clause (citation, text, instrument,
/// year), as a complete HTML document: opened in a browser and copied, or
/// opened by a word processor, it is a table with the citations. Plain
/// markup (borders by attribute) so that it survives pasting.
pub fn precedents_html(title: &str, records: &[ClauseRecord]) -> String {
    let mut body = String::from(
        "<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n<thead><tr><th>Citation</th><th>Text</th><th>Instrument</th><th>Year</th></tr></thead>\n<tbody>\n",
    );
    for r in records {
        body.push_str("<tr><td>");
        if r.link.is_empty() {
            escape_html(&mut body, &r.citation);
        } else {
            body.push_str("<a href=\"");
            escape_html(&mut body, &r.link);
            body.push_str("\">");
            escape_html(&mut body, &r.citation);
            body.push_str("</a>");
        }
        body.push_str("</td><td>");
        escape_lines(&mut body, &r.text);
        body.push_str("</td><td>");
        escape_html(&mut body, &r.instrument);
        body.push_str("</td><td>");
        escape_html(&mut body, &r.year);
        body.push_str("</td></tr>\n");
    }
    body.push_str("</tbody>\n</table>\n");
    document(title, &body)
}

/// A comparison as an HTML document: a two-column table, the rows of the
/// side-by-side view, removed words in `<del>` and new ones in `<ins>`
/// (struck out and underlined by any browser or word processor, so the
/// change does not rest on colour).
pub fn comparison_html(left: &str, right: &str, diff: &SideBySide) -> String {
    let mut body = String::from("<p>");
    body.push_str(&format!(
        "{:.0}% of the words unchanged.",
        diff.similarity * 100.0
    ));
    body.push_str(
        "</p>\n<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n<thead><tr><th>",
    );
    escape_html(&mut body, left);
    body.push_str("</th><th>");
    escape_html(&mut body, right);
    body.push_str("</th></tr></thead>\n<tbody>\n");
    for row in &diff.rows {
        body.push_str("<tr><td>");
        for s in &row.left {
            segment(&mut body, s.tag, &s.text);
        }
        body.push_str("</td><td>");
        for s in &row.right {
            segment(&mut body, s.tag, &s.text);
        }
        body.push_str("</td></tr>\n");
    }
    body.push_str("</tbody>\n</table>\n");
    document(&format!("{left} compared with {right}"), &body)
}

fn segment(out: &mut String, tag: Tag, text: &str) {
    let (open, close) = match tag {
        Tag::Equal => ("", ""),
        Tag::Delete => ("<del>", "</del>"),
        Tag::Insert => ("<ins>", "</ins>"),
    };
    out.push_str(open);
    escape_html(out, text);
    out.push_str(close);
}
