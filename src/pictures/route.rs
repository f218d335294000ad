//! The app routes a picture links to, written in one place so that every
//! mark and every table cell leads where the app's router expects
//! (`app/src/route.rs` reads the same forms).

/// Where a mark of a picture leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route<'a> {
    /// `#/i/{id}`: an instrument.
    Instrument(&'a str),
    /// `#/p/{id}`: a clause, shown in its instrument.
    Clause(&'a str),
    /// `#/align?a={id}&b={id}`: two instruments aligned.
    Align(&'a str, &'a str),
    /// `#/compare?a={id}&b={id}`: two clauses side by side.
    Compare(&'a str, &'a str),
}

impl Route<'_> {
    /// The location hash, ids percent-encoded (the corpus's ids are
    /// URL-safe already, so this only guards against a foreign id). Not
    /// escaped for XML: the SVG writer does that.
    ///
    /// ```
    /// use clause_explorer::pictures::Route;
    /// assert_eq!(Route::Clause("ccpcj-res-33-1-op-7").href(), "#/p/ccpcj-res-33-1-op-7");
    /// assert_eq!(Route::Align("ga-res-78-228", "ga-res-80-228").href(),
    ///            "#/align?a=ga-res-78-228&b=ga-res-80-228");
    /// ```
    pub fn href(&self) -> String {
        match *self {
            Route::Instrument(id) => format!("#/i/{}", encode(id)),
            Route::Clause(id) => format!("#/p/{}", encode(id)),
            Route::Align(a, b) => format!("#/align?a={}&b={}", encode(a), encode(b)),
            Route::Compare(a, b) => format!("#/compare?a={}&b={}", encode(a), encode(b)),
        }
    }
}

/// Percent-encodes every byte but the unreserved ones of RFC 3986.
fn encode(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_foreign_id_cannot_leave_its_route() {
        assert_eq!(
            Route::Instrument("../x?a=1&b=<2>").href(),
            "#/i/..%2Fx%3Fa%3D1%26b%3D%3C2%3E"
        );
        assert_eq!(
            Route::Compare("a b", "é").href(),
            "#/compare?a=a%20b&b=%C3%A9"
        );
    }
}
