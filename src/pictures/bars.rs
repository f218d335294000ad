//! Horizontal bars, one row each, optionally in labelled runs (the verb
//! profile's strength families): the layout both the verb profile and the
//! "most cited" ranking use.

use super::svg::{clip, text_width, Anchor, Svg, FONT};

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Bar {
    /// The run the bar belongs to, named in the first column on the run's
    /// first bar; bars of one run are consecutive. `None` draws no column.
    pub run: Option<String>,
    pub label: String,
    pub value: u32,
    /// An app route; `None` draws the bar without a link.
    pub href: Option<String>,
    /// The accessible name of the bar's link (or its tooltip): begins
    /// with the visible label, so that speech input finds it.
    pub name: String,
}

/// The width of every picture's viewBox: wide enough for labels at the
/// default font size, scaled down by `width="100%"` on a phone.
pub(super) const WIDTH: f64 = 640.0;
const ROW: f64 = 22.0;
const BAR: f64 = 14.0;
const PAD: f64 = 8.0;
/// Labels longer than this are cut (the full text is in the link's name
/// and the table).
const LABEL_CHARS: usize = 34;

/// The bars, drawn into a picture of their own.
pub(super) fn picture(kind: &str, key: &str, title: &str, desc: &str, bars: &[Bar]) -> String {
    let run_w = bars
        .iter()
        .filter_map(|b| b.run.as_deref())
        .map(|r| text_width(r, FONT) + 16.0)
        .fold(0.0, f64::max);
    let label_w = bars
        .iter()
        .map(|b| text_width(&clip(&b.label, LABEL_CHARS), FONT) + 12.0)
        .fold(0.0, f64::max);
    let x_bar = PAD + run_w + label_w;
    let count_w = 40.0;
    let span = (WIDTH - PAD - count_w - x_bar).max(40.0);
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = 2.0 * PAD + ROW * bars.len() as f64;
    let mut svg = Svg::begin(kind, key, (WIDTH, height), title, desc);
    let mut previous_run: Option<&str> = None;
    for (k, bar) in bars.iter().enumerate() {
        let top = PAD + ROW * k as f64;
        let baseline = top + ROW / 2.0 + FONT * 0.35;
        let run = bar.run.as_deref();
        if run.is_some() && run != previous_run {
            if k > 0 {
                svg.line(
                    "pic-rule",
                    (PAD, top),
                    (WIDTH - PAD, top),
                    " stroke-opacity=\"0.3\"",
                );
            }
            svg.text_with(
                "pic-run",
                (PAD, baseline),
                Anchor::Start,
                run.unwrap_or_default(),
                " font-weight=\"bold\"",
            );
        }
        previous_run = run;
        let length = span * f64::from(bar.value) / f64::from(max);
        let draw = |svg: &mut Svg| {
            svg.rect(
                "pic-hit",
                (PAD + run_w, top, WIDTH - 2.0 * PAD - run_w, ROW),
                " fill-opacity=\"0\"",
            );
            svg.text(
                "pic-label",
                (x_bar - 8.0, baseline),
                Anchor::End,
                &clip(&bar.label, LABEL_CHARS),
            );
            svg.rect(
                "pic-bar",
                (x_bar, top + (ROW - BAR) / 2.0, length.max(1.0), BAR),
                "",
            );
            svg.text(
                "pic-value",
                (x_bar + length.max(1.0) + 6.0, baseline),
                Anchor::Start,
                &bar.value.to_string(),
            );
        };
        match &bar.href {
            Some(href) => svg.link(href, &bar.name, draw),
            None => svg.group("pic-unlinked", &bar.name, draw),
        }
    }
    svg.finish()
}
