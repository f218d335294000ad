//! The lead phrases that open the paragraphs of UN resolutions: one table,
//! and the rules for the modifiers that drafters put around them.
//!
//! UN editorial rules open each preambular paragraph with a participle or
//! adjective ("Recalling", "Bearing in mind", "Concerned") and each
//! operative paragraph with a verb in the present tense ("Urges", "Calls
//! upon"). Drafters modify them: an adverb before ("Also reaffirms",
//! "Deeply concerned"), one after ("Recalling also"), a "with" phrase
//! ("Noting with concern", "Taking note with appreciation of"). A lead
//! phrase is therefore
//!
//! ```text
//! lead = [ adverb ] , phrase , { "also" | "further" | "again" | with-phrase } , complement ;
//! with-phrase = "with" , [ intensifier ] , feeling ;      (* "with deep concern" *)
//! ```
//!
//! where `phrase` and `complement` come from [`TABLE`] ("Taking note" and
//! "of"). Paragraphs are grouped by their table entry: "Also calls upon"
//! and "Calls upon" are both in the group "Calls upon".
//!
//! ```
//! use clause_explorer::leads::{match_lead, group_of};
//! use clause_explorer::model::Part;
//! let m = match_lead("Taking note with appreciation of the report", Part::Preambular).unwrap();
//! assert_eq!(m.phrase, "Taking note with appreciation of");
//! assert_eq!(m.group, "Taking note of");
//! assert_eq!(group_of("Also calls upon", Part::Operative), Some("Calls upon"));
//! ```

use crate::model::Part;

/// One known lead phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lead {
    /// The phrase as it opens a paragraph when unmodified.
    pub phrase: &'static str,
    /// A fixed word that follows any modifiers ("of" in "Taking note with
    /// appreciation of"); empty when there is none.
    pub complement: &'static str,
    pub part: Part,
    /// The group used for facets: the phrase and its complement.
    pub group: &'static str,
}

const fn pp(phrase: &'static str) -> Lead {
    Lead {
        phrase,
        complement: "",
        part: Part::Preambular,
        group: phrase,
    }
}

const fn pp_of(phrase: &'static str, complement: &'static str, group: &'static str) -> Lead {
    Lead {
        phrase,
        complement,
        part: Part::Preambular,
        group,
    }
}

const fn op(phrase: &'static str) -> Lead {
    Lead {
        phrase,
        complement: "",
        part: Part::Operative,
        group: phrase,
    }
}

const fn op_of(phrase: &'static str, complement: &'static str, group: &'static str) -> Lead {
    Lead {
        phrase,
        complement,
        part: Part::Operative,
        group,
    }
}

/// The known lead phrases. Longer phrases are tried before shorter ones, so
/// "Noting with concern" need not be listed apart from "Noting": the "with"
/// phrase is a modifier. Add a phrase here when `check` reports a paragraph
/// that "opens without a known lead phrase".
pub const TABLE: &[Lead] = &[
    // Preambular: participles.
    pp("Acknowledging"),
    pp("Acting"),
    pp("Addressing"),
    pp("Adhering"),
    pp("Affirming"),
    pp("Appreciating"),
    pp("Asserting"),
    pp("Bearing in mind"),
    pp("Believing"),
    pp("Calling"),
    pp("Commending"),
    pp("Condemning"),
    pp("Considering"),
    pp("Continuing"),
    pp("Declaring"),
    pp("Deploring"),
    pp("Desiring"),
    pp("Drawing attention"),
    pp("Emphasizing"),
    pp("Emphasising"),
    pp("Encouraging"),
    pp("Endorsing"),
    pp("Expressing"),
    pp("Expressing concern"),
    pp("Expressing its concern"),
    pp("Expressing deep concern"),
    pp("Expressing serious concern"),
    pp("Expressing appreciation"),
    pp("Expressing its appreciation"),
    pp("Guided"),
    pp("Having adopted"),
    pp("Having considered"),
    pp("Having examined"),
    pp("Having heard"),
    pp("Having received"),
    pp("Having reviewed"),
    pp("Having studied"),
    pp("Highlighting"),
    pp("Keeping in mind"),
    pp("Looking forward"),
    pp("Noting"),
    pp("Observing"),
    pp("Pointing out"),
    pp("Reaffirming"),
    pp("Realizing"),
    pp("Recalling"),
    pp("Recognizing"),
    pp("Recognising"),
    pp("Referring"),
    pp("Regretting"),
    pp("Reiterating"),
    pp("Reminding"),
    pp("Renewing"),
    pp("Responding"),
    pp("Seeking"),
    pp("Stressing"),
    pp_of("Taking note", "of", "Taking note of"),
    pp("Taking into account"),
    pp("Taking into consideration"),
    pp("Underlining"),
    pp("Underscoring"),
    pp("Urging"),
    pp("Viewing"),
    pp("Welcoming"),
    // Grown from the leads of the UN's Akoma Ntoso files (GA, ECOSOC,
    // HRC) that the table missed, most frequent first.,
    pp("Having also considered"),
    pp("Having also examined"),
    pp("Having listened"),
    pp("Having noted"),
    pp("Having further considered"),
    pp("Supporting"),
    pp("Confirming"),
    pp("Honouring"),
    pp("Recommitting"),
    pp("Inviting"),
    pp("Re-emphasizing"),
    pp("Remaining"),
    pp("Trusting"),
    pp("Sharing"),
    pp("Commemorating"),
    pp("Reconfirming"),
    pp("Marking"),
    pp("Proceeding"),
    pp("Rejecting"),
    pp("Understanding"),
    pp("Praising"),
    pp("Striving"),
    pp("Ever mindful"),
    pp("Giving due consideration"),
    pp("Being"),
    pp("Solemnly proclaiming"),
    pp("Unequivocally condemning"),
    pp("Committing"),
    pp("Wishing"),
    // Preambular: adjectives and past participles.
    pp("Alarmed"),
    pp("Appalled"),
    pp("Aware"),
    pp("Cognizant"),
    pp("Committed"),
    pp("Concerned"),
    pp("Confident"),
    pp("Conscious"),
    pp("Convinced"),
    pp("Determined"),
    pp("Disturbed"),
    pp("Encouraged"),
    pp("Fully aware"),
    pp("Gratified"),
    pp("Grateful"),
    pp("Inspired"),
    pp("Mindful"),
    pp("Resolved"),
    pp("Satisfied"),
    pp("Shocked"),
    pp("Troubled"),
    pp("Desirous"),
    pp("Disappointed"),
    pp("Seized"),
    // Operative: verbs in the present tense.
    op("Acknowledges"),
    op("Adopts"),
    op("Affirms"),
    op("Agrees"),
    op("Appeals"),
    op("Appreciates"),
    op("Approves"),
    op("Authorizes"),
    op("Calls for"),
    op("Calls on"),
    op("Calls upon"),
    op("Commends"),
    op("Condemns"),
    op("Confirms"),
    op("Considers"),
    op("Decides"),
    op("Declares"),
    op("Demands"),
    op("Deplores"),
    op("Designates"),
    op("Directs"),
    op("Emphasizes"),
    op("Emphasises"),
    op("Encourages"),
    op("Endorses"),
    op("Expresses"),
    op("Expresses concern"),
    op("Expresses its concern"),
    op("Expresses deep concern"),
    op("Expresses its deep concern"),
    op("Expresses its appreciation"),
    op("Expresses its gratitude"),
    op("Highlights"),
    op("Instructs"),
    op("Invites"),
    op("Notes"),
    op("Proclaims"),
    op("Reaffirms"),
    op("Recalls"),
    op("Recognizes"),
    op("Recognises"),
    op("Recommends"),
    op("Regrets"),
    op("Reiterates"),
    op("Reminds"),
    op("Renews"),
    op("Requests"),
    op("Resolves"),
    op("Stresses"),
    op("Strongly condemns"),
    op("Supports"),
    op_of("Takes note", "of", "Takes note of"),
    op("Underlines"),
    op("Underscores"),
    op("Urges"),
    op("Welcomes"),
    // Grown from the UN's Akoma Ntoso files, as above.,
    op("Looks forward"),
    op("Takes into account"),
    op("Appropriates"),
    op("Re-emphasizes"),
    op("Calls once again upon"),
    op("Calls once again for"),
    op("Calls again upon"),
    op("Calls once more upon"),
    op("Recommits"),
    op("Commits"),
    op("Draws the attention"),
    op("Draws"),
    op("Congratulates"),
    op("Remains"),
    op("Rejects"),
    op("Pays tribute"),
    op("Continues"),
    op("Determines"),
    op("Objects"),
    op("Proposes"),
    op("Realizes"),
    op("Reconfirms"),
    op("Respects"),
    op("Anticipates"),
    op("Values"),
    op("Understands"),
    op("Brings to the attention"),
    op("Calls attention"),
    op("Pledges"),
    op("Applauds"),
    op("Denounces"),
    op("Establishes"),
    op("Greets"),
    op("Maintains"),
    op("Raises awareness"),
    op("Refers"),
    op("Revises"),
    op("Strives"),
    op("Suggests"),
    op("Amends"),
    op("Appoints"),
    op("Asserts"),
    op("Bears in mind"),
];

/// Adverbs that may come before a lead phrase ("Also", "Deeply").
const ADVERBS_BEFORE: &[&str] = &[
    "Also",
    "Further",
    "Furthermore",
    "Again",
    "Once again",
    "Deeply",
    "Seriously",
    "Gravely",
    "Strongly",
    "Firmly",
    "Fully",
    "Profoundly",
    "Particularly",
    "Greatly",
    "Keenly",
    "Sincerely",
    "Warmly",
    "Duly",
    "Emphatically",
    "Expressly",
    "Solemnly",
    "Likewise",
    "Urgently",
    "Equally",
    "Highly",
    "Extremely",
    "Especially",
];

/// Capitalised words ending in "-ing" that open sentences in resolutions
/// without being leads (mostly nouns), so a page that starts with one is not
/// taken for a new preambular paragraph.
const NOT_LEADS: &[&str] = &[
    "Trafficking",
    "Building",
    "Funding",
    "Training",
    "Understanding",
    "Meeting",
    "Beijing",
    "Wellbeing",
    "Being",
    "Nothing",
    "Something",
    "Anything",
    "Everything",
    "During",
    "Including",
    "Regarding",
    "Concerning",
    "Notwithstanding",
    "Pending",
    "Following",
    "According",
    "Smuggling",
    "Housing",
    "Offering",
    "Policing",
    "Financing",
    "Reporting",
    "Monitoring",
    "Programming",
    "Sterling",
];

/// Words that may follow a lead phrase and still belong to it.
const ADVERBS_AFTER: &[&str] = &["also", "further", "again", "once again", "moreover"];

/// The "with" phrase: "with concern", "with deep appreciation".
const WITH_INTENSIFIERS: &[&str] = &[
    "deep",
    "grave",
    "great",
    "serious",
    "profound",
    "particular",
    "utmost",
];
const WITH_FEELINGS: &[&str] = &[
    "appreciation",
    "concern",
    "satisfaction",
    "interest",
    "regret",
    "alarm",
    "gratitude",
    "approval",
];

/// A lead phrase found at the start of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LeadMatch<'t> {
    /// The words of the lead as they read in the paragraph.
    pub phrase: &'t str,
    /// The table group ("Calls upon" for "Also calls upon").
    pub group: &'static str,
}

/// Finds the lead phrase of the table that opens `text`, modifiers
/// included. `text` is plain text with single spaces between words.
pub fn match_lead(text: &str, part: Part) -> Option<LeadMatch<'_>> {
    if !text.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    match_at_start(text, part)
}

/// The most bytes of a participial clause before the operative verb.
const CLAUSE_BYTES: usize = 400;

/// An operative paragraph that opens with a participial clause ("Noting
/// the report of the Panel, decides to renew the mandate"): the clause
/// must open with a preambular lead (of the table, or a participle), and
/// the operative verb of the table follow a comma, in lower case, before
/// any ";" or ":". The phrase runs from the start of the paragraph to the
/// end of that verb ("Noting the report of the Panel, decides"), so that
/// it stays a prefix of the text; the group is the verb's ("Decides").
pub fn lead_after_clause(text: &str) -> Option<LeadMatch<'_>> {
    let participial = match_lead(text, Part::Preambular).is_some()
        || lead_like(text).is_some_and(|(_, p)| p == Part::Preambular);
    if !participial {
        return None;
    }
    let mut end = text.len().min(CLAUSE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let clause = &text[..end];
    let clause = &clause[..clause.find([';', ':']).unwrap_or(clause.len())];
    for (at, _) in clause.match_indices(", ") {
        let start = at + 2;
        let rest = &text[start..];
        if !rest.starts_with(|c: char| c.is_lowercase()) {
            continue;
        }
        if let Some(m) = match_at_start(rest, Part::Operative) {
            return Some(LeadMatch {
                phrase: &text[..start + m.phrase.len()],
                group: m.group,
            });
        }
    }
    None
}

/// [`match_lead`] without its test of a capital letter.
fn match_at_start(text: &str, part: Part) -> Option<LeadMatch<'_>> {
    let mut best: Option<LeadMatch<'_>> = None;
    let adverb_end = ADVERBS_BEFORE
        .iter()
        .find_map(|adverb| words_at(text, 0, adverb))
        .map(|end| end + 1);
    for start in std::iter::once(0).chain(adverb_end) {
        let Some(rest) = text.get(start..) else {
            continue;
        };
        // Only entries whose first word is the text's first word can match.
        let first = first_word(rest);
        let candidates = TABLE
            .iter()
            .filter(|l| l.part == part && first_word(l.phrase).eq_ignore_ascii_case(first));
        for lead in candidates {
            let Some(mut end) = words_at(text, start, lead.phrase) else {
                continue;
            };
            end = modifiers_end(text, end);
            if !lead.complement.is_empty() {
                match words_at(text, skip_space(text, end), lead.complement) {
                    Some(e) => end = e,
                    None => continue,
                }
            }
            if best.is_none_or(|b| end > b.phrase.len()) {
                best = Some(LeadMatch {
                    phrase: &text[..end],
                    group: lead.group,
                });
            }
        }
    }
    best
}

fn first_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(text.len());
    &text[..end]
}

/// The group of a lead phrase as stored on a paragraph.
///
/// A lead after a participial clause ("Noting the report, decides") is in
/// its verb's group; a finite verb opening a preambular paragraph
/// ("Recalls") in the operative verb's.
pub fn group_of(lead: &str, part: Part) -> Option<&'static str> {
    let whole = |m: &LeadMatch<'_>| m.phrase.len() == lead.len();
    let other = match part {
        Part::Preambular => Part::Operative,
        Part::Operative => Part::Preambular,
    };
    match_lead(lead, part)
        .filter(whole)
        .or_else(|| match part {
            Part::Operative => lead_after_clause(lead).filter(whole),
            Part::Preambular => match_lead(lead, other).filter(whole),
        })
        .map(|m| m.group)
}

/// Whether `text` opens the way a paragraph of `part` does even though its
/// lead is not in the table: a participle ("Cherishing") for a preambular
/// paragraph, a verb in the third person ("Proposes") for an operative one,
/// possibly after an adverb. Returns the end of that lead word.
pub fn lead_like(text: &str) -> Option<(usize, Part)> {
    let mut start = 0;
    for adverb in ADVERBS_BEFORE {
        if let Some(end) = words_at(text, 0, adverb) {
            start = end + 1;
            break;
        }
    }
    let rest = text.get(start..)?;
    let word_len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let word = &rest[..word_len];
    let first_upper = word.starts_with(|c: char| c.is_uppercase());
    let first_lower = word.starts_with(|c: char| c.is_lowercase());
    let capitalised = (start == 0 && first_upper) || (start > 0 && first_lower);
    let followed_by_space = rest[word_len..].starts_with(' ');
    if !capitalised || !followed_by_space || word.chars().count() < 5 || NOT_LEADS.contains(&word) {
        return None;
    }
    let part = if word.ends_with("ing") {
        Part::Preambular
    } else if word.ends_with('s') && !word.ends_with("ss") {
        Part::Operative
    } else {
        return None;
    };
    Some((start + word_len, part))
}

/// If the words of `phrase` occur in `text` at `at` (case-insensitively,
/// ending at a word boundary), the end offset of the match.
fn words_at(text: &str, at: usize, phrase: &str) -> Option<usize> {
    let candidate = text.get(at..at + phrase.len())?;
    if !candidate.eq_ignore_ascii_case(phrase) {
        return None;
    }
    let end = at + phrase.len();
    let boundary = text[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric() && c != '-');
    boundary.then_some(end)
}

fn skip_space(text: &str, at: usize) -> usize {
    if text[at..].starts_with(' ') {
        at + 1
    } else {
        at
    }
}

/// Extends a lead past "also", "further" and "with (deep) concern".
fn modifiers_end(text: &str, mut end: usize) -> usize {
    loop {
        let at = skip_space(text, end);
        if at == end {
            return end;
        }
        if let Some(e) = ADVERBS_AFTER.iter().find_map(|a| words_at(text, at, a)) {
            end = e;
            continue;
        }
        if let Some(e) = words_at(text, at, "with") {
            let mut at2 = skip_space(text, e);
            if let Some(e2) = WITH_INTENSIFIERS
                .iter()
                .find_map(|w| words_at(text, at2, w))
            {
                at2 = skip_space(text, e2);
            }
            if let Some(e3) = WITH_FEELINGS.iter().find_map(|w| words_at(text, at2, w)) {
                end = e3;
                continue;
            }
        }
        return end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead(text: &str, part: Part) -> Option<&str> {
        match_lead(text, part).map(|m| m.phrase)
    }

    #[test]
    fn a_plain_participle_is_a_preambular_lead() {
        assert_eq!(
            lead("Recalling the 2030 Agenda", Part::Preambular),
            Some("Recalling")
        );
    }

    #[test]
    fn an_adverb_after_the_participle_belongs_to_the_lead() {
        assert_eq!(
            lead("Recalling also the importance", Part::Preambular),
            Some("Recalling also")
        );
        assert_eq!(
            lead("Recalling further the adoption", Part::Preambular),
            Some("Recalling further")
        );
    }

    #[test]
    fn an_adverb_before_the_adjective_belongs_to_the_lead() {
        assert_eq!(
            lead(
                "Seriously concerned that an increasing number",
                Part::Preambular
            ),
            Some("Seriously concerned")
        );
    }

    #[test]
    fn a_with_phrase_sits_inside_a_lead_with_a_complement() {
        let m = match_lead(
            "Taking note with appreciation of the issue papers",
            Part::Preambular,
        )
        .unwrap();
        assert_eq!(m.phrase, "Taking note with appreciation of");
        assert_eq!(m.group, "Taking note of");
    }

    #[test]
    fn operative_verbs_take_adverbs_before_them() {
        assert_eq!(
            lead("Also calls upon Member States", Part::Operative),
            Some("Also calls upon")
        );
        assert_eq!(
            lead("Further encourages Member States", Part::Operative),
            Some("Further encourages")
        );
        assert_eq!(
            group_of("Further encourages", Part::Operative),
            Some("Encourages")
        );
    }

    #[test]
    fn a_word_that_only_begins_like_a_lead_is_not_one() {
        assert_eq!(lead("Notingham", Part::Preambular), None);
        assert_eq!(lead("Urges-like", Part::Operative), None);
    }

    #[test]
    fn a_lowercase_opening_is_never_a_lead() {
        assert_eq!(lead("recalling also", Part::Preambular), None);
    }

    #[test]
    fn the_longest_entry_wins() {
        assert_eq!(
            lead("Noting with concern the criminal misuse", Part::Preambular),
            Some("Noting with concern")
        );
        assert_eq!(
            lead("Taking into account the importance", Part::Preambular),
            Some("Taking into account")
        );
    }

    #[test]
    fn an_operative_verb_after_a_participial_clause_is_the_lead() {
        let m = lead_after_clause("Noting the report of the Panel, decides to renew").unwrap();
        assert_eq!(m.phrase, "Noting the report of the Panel, decides");
        assert_eq!(m.group, "Decides");
        assert_eq!(
            group_of("Noting the report of the Panel, decides", Part::Operative),
            Some("Decides")
        );
        assert_eq!(lead_after_clause("Decides, recalling its resolution"), None);
        assert_eq!(lead_after_clause("Noting the report; decides"), None);
    }

    #[test]
    fn an_unknown_participle_looks_like_a_lead() {
        assert_eq!(
            lead_like("Cherishing the memory"),
            Some((10, Part::Preambular))
        );
        assert_eq!(lead_like("Proposes that"), Some((8, Part::Operative)));
        assert_eq!(lead_like("Trafficking, aimed at"), None);
        assert_eq!(lead_like("Member States"), None);
    }
}
