//! Which clauses of a corpus cite a key, with their text: for reviewing
//! what the reference detector found.
//!
//! `cargo run --release --example cites_of -- ga-res-10-1 [DIR]`

fn main() {
    let mut args = std::env::args().skip(1);
    let key = args.next().expect("a key, such as ga-res-70-1");
    let dir = args.next().unwrap_or_else(|| "corpus".to_owned());
    let loaded =
        clause_explorer::corpus::load_dir(std::path::Path::new(&dir)).expect("the corpus loads");
    let index = clause_explorer::refs::CitationIndex::build(&loaded.corpus);
    let Some(t) = index.target(&key) else {
        println!("nothing cites {key}");
        return;
    };
    for &p in &t.cited_by {
        let place = &index.places[p as usize];
        println!("{}", place.unit);
    }
}
