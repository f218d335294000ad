//! Writing paragraphs in the corpus text format: italics as `*…*`, marks
//! as `<sup>…</sup>`, Word's own markup characters escaped (see the
//! module doc of [`crate::docx`] for the choices).

use crate::parse::to_superscript;

use super::footnotes::Note;
use super::paragraphs::Paragraph;
use super::runs::Piece;

/// The whole text: paragraphs, each followed by a blank line, then the
/// footnotes after a `---` line.
pub(super) fn write(body: &[Paragraph], notes: &[Note]) -> String {
    let mut out = String::new();
    for p in body {
        let text = paragraph(p);
        if !text.is_empty() {
            out.push_str(&text);
            out.push_str("\n\n");
        }
    }
    let notes: Vec<String> = notes.iter().filter_map(note).collect();
    if !notes.is_empty() {
        out.push_str("---\n\n");
        for n in notes {
            out.push_str(&n);
            out.push_str("\n\n");
        }
    }
    let end = out.trim_end().len();
    out.truncate(end);
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// One paragraph: `#`s or its label, then its lines. Empty when it has no
/// text (an empty numbered paragraph shows only its number).
fn paragraph(p: &Paragraph) -> String {
    if p.heading.is_some() {
        let line = line(&tokens(&p.pieces));
        if line.is_empty() {
            return String::new();
        }
        let hashes = "#".repeat(usize::from(p.heading.unwrap_or(1)));
        return match &p.label {
            Some(label) => format!("{hashes} {} {line}", escaped(label)),
            None => format!("{hashes} {line}"),
        };
    }
    let mut lines: Vec<Vec<Token>> = p
        .pieces
        .split(|piece| *piece == Piece::Break)
        .map(|pieces| tokens(pieces))
        .filter(|t| !t.is_empty())
        .collect();
    let Some(first) = lines.first_mut() else {
        return String::new();
    };
    if p.label.is_none() {
        upright_typed_label(first);
    }
    let mut out = String::new();
    if let Some(label) = &p.label {
        out.push_str(&escaped(label));
        out.push(' ');
    }
    for (i, tokens) in lines.iter_mut().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        move_leading_mark(tokens);
        let text = line(tokens);
        if i == 0 && p.label.is_some() {
            out.push_str(&text);
        } else {
            out.push_str(&guard_line_start(text));
        }
    }
    out
}

/// A footnote: `<sup>k</sup> text`, on one line.
fn note(n: &Note) -> Option<String> {
    let text = line(&tokens(&n.pieces));
    (!text.is_empty()).then(|| format!("{} {text}", mark(&n.mark)))
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    /// Characters without whitespace.
    Word {
        text: String,
        italic: bool,
    },
    Space,
    Mark(String),
}

/// The pieces as words, single spaces and marks, without spaces at
/// either end; a line break is a space here (`paragraph` splits lines
/// first where it keeps them).
fn tokens(pieces: &[Piece]) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text { text, italic } | Piece::Super { text, italic } => {
                for c in text.chars() {
                    if c.is_whitespace() {
                        if out.last().is_some_and(|t| *t != Token::Space) {
                            out.push(Token::Space);
                        }
                    } else if let Some(Token::Word { text, italic: i }) = out.last_mut() {
                        if i == italic {
                            text.push(c);
                        } else {
                            out.push(Token::Word {
                                text: c.to_string(),
                                italic: *italic,
                            });
                        }
                    } else {
                        out.push(Token::Word {
                            text: c.to_string(),
                            italic: *italic,
                        });
                    }
                }
            }
            Piece::Mark(m) if !m.is_empty() => out.push(Token::Mark(m.clone())),
            Piece::Mark(_) => {}
            Piece::Break => {
                if out.last().is_some_and(|t| *t != Token::Space) {
                    out.push(Token::Space);
                }
            }
        }
    }
    while out.last() == Some(&Token::Space) {
        out.pop();
    }
    out
}

/// Writes one line's tokens. A run of italic words (with the spaces
/// between them) becomes `*…*` when the stars stand at word boundaries,
/// as the parser requires; italics inside a word ("non*italic*") are
/// written upright rather than as stars the parser would keep as text.
fn line(tokens: &[Token]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Space => out.push(' '),
            Token::Mark(m) => out.push_str(&mark(m)),
            Token::Word {
                text,
                italic: false,
            } => out.push_str(&escaped(text)),
            Token::Word { italic: true, .. } => {
                let mut end = i + 1;
                let mut j = i + 1;
                while let Some(t) = tokens.get(j) {
                    match t {
                        Token::Word { italic: true, .. } => {
                            j += 1;
                            end = j;
                        }
                        Token::Space => j += 1,
                        _ => break,
                    }
                }
                let mut inner = String::new();
                for t in &tokens[i..end] {
                    match t {
                        Token::Word { text, .. } => inner.push_str(&escaped(text)),
                        _ => inner.push(' '),
                    }
                }
                let before_ok = out.chars().next_back().is_none_or(|c| !c.is_alphanumeric());
                let after_ok = match tokens.get(end) {
                    Some(Token::Word { text, .. }) => escaped(text)
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric()),
                    _ => true,
                };
                if before_ok && after_ok {
                    out.push('*');
                    out.push_str(&inner);
                    out.push('*');
                } else {
                    out.push_str(&inner);
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// `<sup>m</sup>`, or the mark as text when it is not one the parser can
/// hold (a custom mark such as "a)").
fn mark(m: &str) -> String {
    let plain = m.chars().all(|c| {
        (c.is_alphanumeric() && !is_superscript_digit(c)) || matches!(c, '*' | '†' | '‡' | '§')
    });
    if plain {
        format!("<sup>{m}</sup>")
    } else {
        escaped(m)
    }
}

/// Word's text with the text format's markup characters escaped.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '*' | '<' | '&' | '[' => {
                out.push('\\');
                out.push(c);
            }
            c if is_superscript_digit(c) => out.push_str(&format!("&#{};", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

fn is_superscript_digit(c: char) -> bool {
    ('0'..='9').any(|d| to_superscript(d) == Some(c))
}

/// A line that would open a heading (`#`) or be a rule (`---`, `___`) in
/// the text format gets a backslash first.
fn guard_line_start(line: String) -> String {
    let mut chars = line.chars().filter(|c| !c.is_whitespace());
    let first = chars.next();
    let rule = matches!(first, Some('-' | '_'))
        && line.chars().filter(|c| !c.is_whitespace()).count() >= 3
        && chars.all(|c| Some(c) == first);
    if line.starts_with('#') || rule {
        format!("\\{line}")
    } else {
        line
    }
}

/// A line starting with a footnote mark would be read as a footnote: the
/// mark goes after the first word.
fn move_leading_mark(tokens: &mut Vec<Token>) {
    let marks = tokens
        .iter()
        .take_while(|t| matches!(t, Token::Mark(_)))
        .count();
    if marks == 0 {
        return;
    }
    let Some(word_start) = tokens.iter().position(|t| matches!(t, Token::Word { .. })) else {
        return;
    };
    let word_end = tokens[word_start..]
        .iter()
        .position(|t| !matches!(t, Token::Word { .. }))
        .map_or(tokens.len(), |k| word_start + k);
    let moved: Vec<Token> = tokens.drain(..marks).collect();
    let at = word_end - marks;
    tokens.splice(at..at, moved);
    // Spaces the marks stood before now lead the line.
    while tokens.first() == Some(&Token::Space) {
        tokens.remove(0);
    }
}

/// A number or label typed at the start of a paragraph ("1.", "(a)")
/// must stay outside the italics, or the parser would not see it.
fn upright_typed_label(tokens: &mut [Token]) {
    let word: String = tokens
        .iter()
        .map_while(|t| match t {
            Token::Word { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let followed_by_space = tokens
        .iter()
        .find(|t| !matches!(t, Token::Word { .. }))
        .is_some_and(|t| *t == Token::Space);
    if !followed_by_space || !is_typed_label(&word) {
        return;
    }
    for t in tokens.iter_mut() {
        match t {
            Token::Word { italic, .. } => *italic = false,
            _ => break,
        }
    }
}

/// "7.", "(a)", "(iv)", "(2)", "a.", "iv.".
fn is_typed_label(word: &str) -> bool {
    let roman = |s: &str| !s.is_empty() && s.len() <= 6 && s.chars().all(|c| "ivxlc".contains(c));
    let letter = |s: &str| s.len() == 1 && s.chars().all(|c| c.is_ascii_lowercase());
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(inner) = word.strip_prefix('(').and_then(|w| w.strip_suffix(')')) {
        let double = inner.len() == 2 && inner.chars().all(|c| c.is_ascii_lowercase());
        return letter(inner) || double || roman(inner) || digits(inner);
    }
    word.strip_suffix('.')
        .is_some_and(|s| digits(s) || letter(s) || roman(s))
}
