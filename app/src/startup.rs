//! What the page says when it cannot open its corpus: what is wrong,
//! which file, and what to do. Pure, so that every case is tested
//! natively; the view shows the [`Notice`] as it is.

use clause_explorer::bundle::{BundleError, FILE_NAME};

/// Where the corpus was to come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// `corpus.bin` beside the served page.
    Served,
    /// The data block inside the single file.
    SingleFile,
    /// A page opened from `file://` that has no data block: the served
    /// folder's `index.html` opened from disk.
    LocalFolder,
}

/// Why the corpus could not be had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// Occurs when the request for `corpus.bin` fails before any answer
    /// (no server, a blocked request).
    Unreachable(String),
    /// Occurs when the server answers with an HTTP error status.
    Http(u16),
    /// Occurs when the single file's data block is not base64.
    Block(String),
    /// Occurs when the bytes are not a corpus this shell reads.
    Bundle(BundleError),
}

/// The message the page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub problem: String,
    pub file: String,
    pub remedy: String,
}

const REPUBLISH: &str = "clause-explorer publish --out DIR PATH…";

/// The notice for a failure at a place.
pub fn notice(place: Place, failure: &Failure) -> Notice {
    let file = match place {
        Place::Served | Place::LocalFolder => format!("{FILE_NAME} (beside index.html)"),
        Place::SingleFile => "the corpus block inside this page (clause-explorer.html)".to_owned(),
    };
    let (problem, remedy) = match (place, failure) {
        (Place::LocalFolder, _) => (
            format!("This page was opened from a file, and browsers do not let such a page read {FILE_NAME} beside it."),
            "Open clause-explorer.html from the same folder instead (it holds the whole explorer), or serve the folder from a web server.".to_owned(),
        ),
        (_, Failure::Unreachable(detail)) => (
            format!("{FILE_NAME} could not be requested ({detail})."),
            "Check that the server is running and serves this folder, then reload.".to_owned(),
        ),
        (_, Failure::Http(404)) => (
            format!("{FILE_NAME} was not found beside this page (HTTP 404)."),
            format!("Copy {FILE_NAME} into the folder that holds index.html, or publish the site again: {REPUBLISH}."),
        ),
        (_, Failure::Http(status)) => (
            format!("The server answered HTTP {status} for {FILE_NAME}."),
            "Check the server's settings for this folder (the file must be served as it is), then reload.".to_owned(),
        ),
        (_, Failure::Block(detail)) => (
            format!("The corpus inside this page is damaged: {detail}."),
            "The file was changed after it was published. Download or copy clause-explorer.html again, or publish it again.".to_owned(),
        ),
        (_, Failure::Bundle(e)) => (sentence(&e.to_string()), bundle_remedy(place, e)),
    };
    Notice {
        problem,
        file,
        remedy,
    }
}

fn bundle_remedy(place: Place, e: &BundleError) -> String {
    match e {
        BundleError::Format { .. } => format!(
            "The corpus and this explorer come from different versions of Clause Explorer. \
             Publish the corpus again with this explorer: {REPUBLISH} --from <this explorer's folder or clause-explorer.html>."
        ),
        BundleError::Truncated { .. } | BundleError::Empty => match place {
            Place::SingleFile => "The file was cut short, probably while it was copied or downloaded. Copy it again, or publish it again.".to_owned(),
            _ => format!("{FILE_NAME} was cut short, probably while it was copied or uploaded. Copy it again from where it was published, or publish again: {REPUBLISH}."),
        },
        BundleError::NotABundle { .. } => format!(
            "The server sent another file in its place (often an error page). Check that {FILE_NAME} is in the folder and is served unchanged."
        ),
        BundleError::Corrupt(_) => format!(
            "Publish the corpus again: {REPUBLISH}. If this happens again, check that nothing between the server and the browser alters the file."
        ),
    }
}

/// Capitalised, with a final full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_corpus_names_the_file_and_how_to_put_it_back() {
        let got = notice(Place::Served, &Failure::Http(404));
        assert_eq!(
            got.problem,
            "corpus.bin was not found beside this page (HTTP 404)."
        );
        assert_eq!(got.file, "corpus.bin (beside index.html)");
        assert!(
            got.remedy.contains("clause-explorer publish"),
            "{}",
            got.remedy
        );
    }

    #[test]
    fn a_corpus_of_another_format_says_both_formats_and_to_publish_again() {
        let got = notice(
            Place::Served,
            &Failure::Bundle(BundleError::Format { found: 3 }),
        );
        assert_eq!(
            got.problem,
            "The corpus was written in format 3, and this explorer reads format 9."
        );
        assert!(got
            .remedy
            .starts_with("The corpus and this explorer come from different versions"));
    }

    #[test]
    fn a_cut_short_single_file_says_to_copy_it_again() {
        let failure = Failure::Bundle(BundleError::Truncated {
            have: 10,
            expected: Some(20),
        });
        let got = notice(Place::SingleFile, &failure);
        assert_eq!(
            got.problem,
            "The corpus file is incomplete: it ends after 10 bytes of its 20."
        );
        assert_eq!(
            got.file,
            "the corpus block inside this page (clause-explorer.html)"
        );
        assert!(got.remedy.contains("Copy it again"));
    }

    #[test]
    fn the_served_folder_opened_from_disk_points_to_the_single_file() {
        let got = notice(
            Place::LocalFolder,
            &Failure::Unreachable("TypeError".into()),
        );
        assert!(
            got.remedy.starts_with("Open clause-explorer.html"),
            "{}",
            got.remedy
        );
    }

    #[test]
    fn an_error_page_in_place_of_the_corpus_is_named_as_such() {
        let failure = Failure::Bundle(BundleError::NotABundle {
            starts: "<!doctype html>".into(),
        });
        let got = notice(Place::Served, &failure);
        assert!(got
            .problem
            .starts_with("The file is not a Clause Explorer corpus"));
        assert!(got.remedy.contains("error page"));
    }
}
