//! Writes each instrument of Akoma Ntoso files as text, the way the
//! real-text test does: `cargo run --example render -- FILE.xml [STYLE]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("an .xml file");
    let style = args
        .next()
        .map_or(0, |s| s.parse().expect("a style number"));
    let src = std::fs::read_to_string(&path).expect("readable");
    let doc = clause_explorer::akn::import(&path, &src).expect("imports");
    for inst in &doc.instruments {
        print!(
            "{}",
            clause_explorer::render::to_text(inst, &clause_explorer::render::Style::varied(style))
        );
    }
}
