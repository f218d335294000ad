//! Writing SVG as a string: escaping, numbers, and the few elements the
//! pictures use.
//!
//! Every picture opens the same way (`role="group"`: its links stay
//! reachable, which `role="img"` would hide; a `viewBox` and
//! `width="100%"`, a `<title>` and `<desc>` that `aria-labelledby` names)
//! and paints only with classes and `currentColor`: colours are the app's
//! stylesheet's business, and the Content-Security-Policy forbids `style`
//! attributes anyway. Presentation attributes (`fill="currentColor"`,
//! `fill-opacity`) are the fallback a stylesheet's class rules override,
//! so that a picture saved on its own still reads.

use std::fmt::Write;

/// Text for XML, in an element or an attribute: `&`, `<`, `>` and both
/// quotes escaped, and the characters XML 1.0 cannot hold at all
/// (control characters other than tab and line breaks) left out, so that
/// no title from a document can break the picture.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A coordinate to one decimal, without a trailing `.0`: short and the
/// same on every platform.
pub(super) fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if !r.is_finite() || r == 0.0 {
        "0".to_owned()
    } else if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// A share as a reader reads it: "42%", "<1%" for a share above nothing
/// that rounds to nothing, ">99%" for one short of all that rounds to all.
pub(super) fn percent(share: f32) -> String {
    let share = if share.is_finite() { share } else { 0.0 };
    let p = (share.clamp(0.0, 1.0) * 100.0).round();
    if share > 0.0 && p < 1.0 {
        "<1%".to_owned()
    } else if share < 1.0 && p >= 100.0 {
        ">99%".to_owned()
    } else {
        format!("{p}%")
    }
}

/// The width `text` takes at `size` in a proportional sans-serif face,
/// roughly: enough to lay out columns without measuring fonts.
pub(super) fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.56
}

/// `text` cut to `max` characters, an ellipsis marking the cut.
pub(super) fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Which end of a text its position is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// The font size of ordinary labels, in viewBox units.
pub(super) const FONT: f64 = 12.0;

/// An SVG document being written.
pub(super) struct Svg {
    out: String,
    prefix: String,
}

impl Svg {
    /// Opens a picture of `kind` (its class `pic-{kind}`; a further class
    /// may follow after a space) about `key` (an id, or anything: it only
    /// makes the element ids unique on a page that shows several
    /// pictures).
    pub fn begin(kind: &str, key: &str, size: (f64, f64), title: &str, desc: &str) -> Svg {
        let prefix = format!("pic-{}", id_safe(&format!("{kind}-{key}")));
        let mut out = String::new();
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pic pic-{kind}\" \
             viewBox=\"0 0 {} {}\" width=\"100%\" role=\"group\" \
             aria-labelledby=\"{prefix}-title {prefix}-desc\" font-size=\"{}\">\
             <title id=\"{prefix}-title\">{}</title><desc id=\"{prefix}-desc\">{}</desc>",
            num(size.0),
            num(size.1),
            num(FONT),
            escape(title),
            escape(desc),
        );
        Svg { out, prefix }
    }

    /// An id unique to this picture (`{prefix}-{name}`).
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.prefix)
    }

    /// A link to an app route around what `body` writes, named `name`
    /// by its `<title>` (its accessible name and its tooltip; an
    /// `aria-label` would hide the visible text inside it).
    pub fn link(&mut self, href: &str, name: &str, body: impl FnOnce(&mut Svg)) {
        let name = escape(name);
        let _ = write!(
            self.out,
            "<a class=\"pic-link\" href=\"{}\"><title>{name}</title>",
            escape(href)
        );
        body(self);
        self.out.push_str("</a>");
    }

    /// A group of class `class` with a tooltip, around what `body` writes.
    pub fn group(&mut self, class: &str, tooltip: &str, body: impl FnOnce(&mut Svg)) {
        let _ = write!(
            self.out,
            "<g class=\"{class}\"><title>{}</title>",
            escape(tooltip)
        );
        body(self);
        self.out.push_str("</g>");
    }

    /// A filled rectangle; `extra` is written as further attributes.
    pub fn rect(&mut self, class: &str, (x, y, w, h): (f64, f64, f64, f64), extra: &str) {
        let _ = write!(
            self.out,
            "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" \
             fill=\"currentColor\"{extra}/>",
            num(x),
            num(y),
            num(w.max(0.0)),
            num(h.max(0.0)),
        );
    }

    /// A line of text at `(x, y)` (its baseline).
    pub fn text(&mut self, class: &str, (x, y): (f64, f64), anchor: Anchor, text: &str) {
        self.text_with(class, (x, y), anchor, text, "");
    }

    /// A line of text with further attributes (`extra`, e.g. a rotation).
    pub fn text_with(
        &mut self,
        class: &str,
        (x, y): (f64, f64),
        anchor: Anchor,
        text: &str,
        extra: &str,
    ) {
        let _ = write!(
            self.out,
            "<text class=\"{class}\" x=\"{}\" y=\"{}\" text-anchor=\"{}\" \
             fill=\"currentColor\"{extra}>{}</text>",
            num(x),
            num(y),
            anchor.as_str(),
            escape(text),
        );
    }

    /// A straight line.
    pub fn line(&mut self, class: &str, from: (f64, f64), to: (f64, f64), extra: &str) {
        let _ = write!(
            self.out,
            "<line class=\"{class}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" \
             stroke=\"currentColor\"{extra}/>",
            num(from.0),
            num(from.1),
            num(to.0),
            num(to.1),
        );
    }

    /// A circle.
    pub fn circle(&mut self, class: &str, (x, y): (f64, f64), r: f64) {
        let _ = write!(
            self.out,
            "<circle class=\"{class}\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"currentColor\"/>",
            num(x),
            num(y),
            num(r),
        );
    }

    /// A path, `d` built from [`num`]bers; `extra` as further attributes.
    pub fn path(&mut self, class: &str, d: &str, extra: &str) {
        let _ = write!(self.out, "<path class=\"{class}\" d=\"{d}\"{extra}/>");
    }

    /// A `<path>` with a tooltip of its own (a mark that is not a link).
    pub fn path_titled(&mut self, class: &str, d: &str, extra: &str, tooltip: &str) {
        let _ = write!(
            self.out,
            "<path class=\"{class}\" d=\"{d}\"{extra}><title>{}</title></path>",
            escape(tooltip)
        );
    }

    /// Writes markup made by the pictures themselves (definitions such as
    /// an arrowhead marker); never document text.
    pub fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

/// `key` with anything but ASCII letters, digits and hyphens replaced by
/// a hyphen, for element ids.
fn id_safe(key: &str) -> String {
    key.chars()
        .take(120)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_and_quotes_are_escaped_and_control_characters_dropped() {
        let src = "<script>alert('x')</script> & \"q\"\u{0}\u{1b}";
        let expected = "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot;";
        assert_eq!(escape(src), expected);
    }

    #[test]
    fn numbers_have_one_decimal_at_most_and_no_negative_zero() {
        let got: Vec<String> = [0.0, -0.01, 1.0, 2.25, 7.4444, f64::NAN]
            .into_iter()
            .map(num)
            .collect();
        assert_eq!(got, ["0", "0", "1", "2.3", "7.4", "0"]);
    }

    #[test]
    fn a_share_never_rounds_to_nothing_or_to_all() {
        let got: Vec<String> = [0.0, 0.001, 0.424, 0.999, 1.0]
            .into_iter()
            .map(percent)
            .collect();
        assert_eq!(got, ["0%", "<1%", "42%", ">99%", "100%"]);
    }

    #[test]
    fn a_long_label_is_cut_with_an_ellipsis() {
        assert_eq!(clip("A/RES/78/228", 20), "A/RES/78/228");
        assert_eq!(clip("Improving the protection", 10), "Improving…");
    }
}
