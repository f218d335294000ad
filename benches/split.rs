//! Split index figures: what a search fetches from a static host when the
//! index is a head plus shards loaded on demand.
//!
//! ```text
//! cargo bench --bench split                          # 100 k paragraphs
//! cargo bench --bench split -- --sizes 100000,1000000
//! cargo bench --bench split -- --targets 16/16/1/1,64/64/4/1   # KiB: lists/positions/streams/places
//! ```
//!
//! The corpus is `synth::corpus` with seed 1 (what `clause-explorer synth
//! --seed 1` writes, parsed in memory). For each shard target it prints the
//! head and shard sizes, then for each query searched on a freshly loaded
//! head: rounds, shards and bytes fetched by kind, raw and zlib-compressed
//! (what a host would serve), and whether the results equal the whole
//! index's; then the same query typed keystroke by keystroke on one head
//! (shards fetched once are kept), fetching on every keystroke or only
//! once a word is complete. Figures are printed, never asserted.

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use clause_explorer::search::split::{
    search_fetching, ShardId, ShardKind, ShardTargets, SplitIndex,
};
use clause_explorer::search::{search, Query, SearchIndex, Tuning, PAGE};
use clause_explorer::{corpus, synth};

const QUERIES: &[&str] = &[
    "trafficking in persons",
    "\"trafficking in persons\"",
    "victims of trafficing",
    "Member States to strengthen",
    "technology online",
];

const KINDS: [ShardKind; 4] = [
    ShardKind::Lists,
    ShardKind::Positions,
    ShardKind::Streams,
    ShardKind::Places,
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|k| args.get(k + 1))
            .cloned()
    };
    let sizes: Vec<usize> = value("--sizes")
        .unwrap_or_else(|| "100000".into())
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    let targets: Vec<ShardTargets> = value("--targets")
        .unwrap_or_else(|| "16/16/4,64/64/16,256/256/64".into())
        .split(',')
        .filter_map(parse_targets)
        .collect();
    let seed = match corpus::load_dir(Path::new("corpus")) {
        Ok(l) => l.corpus,
        Err(e) => {
            eprintln!("split bench: {e}");
            std::process::exit(2);
        }
    };
    for &paragraphs in &sizes {
        let started = Instant::now();
        let corpus = synth::corpus(
            &seed,
            &synth::Options {
                paragraphs,
                seed: 1,
            },
        );
        let index = SearchIndex::build(&corpus);
        drop(corpus);
        println!(
            "\n## {paragraphs} paragraphs: {} units, {} words (built in {:.1} s)",
            index.units(),
            index.words(),
            started.elapsed().as_secs_f64()
        );
        for t in &targets {
            run(&index, t);
        }
    }
}

/// `64/64/16`: KiB for lists, positions, streams.
fn parse_targets(s: &str) -> Option<ShardTargets> {
    let mut it = s
        .split('/')
        .map(|n| n.trim().parse::<f64>().ok().map(|k| (k * 1024.0) as usize));
    Some(ShardTargets {
        lists: it.next()??,
        positions: it.next()??,
        streams: it.next()??,
        places: it.next().unwrap_or(Some(1024))?,
    })
}

/// One blob as a host serves it.
struct Served {
    raw: usize,
    zlib: usize,
}

fn run(index: &SearchIndex, targets: &ShardTargets) {
    let Ok(split) = index.split(targets) else {
        eprintln!("split bench: the index does not split");
        std::process::exit(2);
    };
    let zhead = zlib(&split.head);
    let started = Instant::now();
    let loaded = SplitIndex::from_head(&split.head);
    let load = started.elapsed();
    let Ok(loaded) = loaded else {
        eprintln!("split bench: the head does not load");
        std::process::exit(2);
    };
    let started = Instant::now();
    let inflated = miniz_oxide::inflate::decompress_to_vec_zlib(&zhead);
    let inflate = started.elapsed();
    std::hint::black_box(inflated.ok());
    println!(
        "\n### targets lists {} / positions {} / streams {} / places {}\n",
        kib(targets.lists),
        kib(targets.positions),
        kib(targets.streams),
        kib(targets.places)
    );
    println!(
        "head: {} raw, {} zlib; native inflate {:.1} ms + decode {:.1} ms",
        kib(split.head.len()),
        kib(zhead.len()),
        inflate.as_secs_f64() * 1e3,
        load.as_secs_f64() * 1e3
    );
    if let Ok(parts) = loaded.head_parts() {
        let parts: Vec<String> = parts
            .iter()
            .map(|(n, b)| format!("{n} {} ({})", kib(b.len()), kib(zlib(b).len())))
            .collect();
        println!("head parts, raw (zlib alone): {}", parts.join(", "));
    }
    let blobs: HashMap<ShardId, &Vec<u8>> = split.shards.iter().map(|(id, b)| (*id, b)).collect();
    for kind in KINDS {
        let mut sizes: Vec<usize> = split
            .shards
            .iter()
            .filter(|(id, _)| id.kind == kind)
            .map(|(_, b)| b.len())
            .collect();
        sizes.sort_unstable();
        let total: usize = sizes.iter().sum();
        println!(
            "{kind:?}: {} shards, {} in all raw; median {}, max {}",
            sizes.len(),
            kib(total),
            kib(sizes.get(sizes.len() / 2).copied().unwrap_or(0)),
            kib(sizes.last().copied().unwrap_or(0)),
        );
    }
    let mut served: HashMap<ShardId, Served> = HashMap::new();
    let mut serve = |id: ShardId| -> Served {
        let s = served.entry(id).or_insert_with(|| {
            let b = blobs.get(&id).map(|b| b.as_slice()).unwrap_or(&[]);
            Served {
                raw: b.len(),
                zlib: zlib(b).len(),
            }
        });
        Served {
            raw: s.raw,
            zlib: s.zlib,
        }
    };
    println!(
        "\n| query | rounds | shards lists/positions/streams/places | raw lists/positions/streams/places | raw total | zlib total | same as whole | typed: keystrokes, shards, zlib | fetching at word ends: shards, zlib |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for q in QUERIES {
        let query = Query::new(q);
        let mut head = loaded.clone();
        let fetched = search_fetching(&mut head, &query, PAGE, |wanted| {
            wanted
                .iter()
                .map(|id| (*id, blobs.get(id).map(|b| b.to_vec()).ok_or("missing")))
                .collect()
        });
        let mut count = [0usize; 4];
        let mut raw = [0usize; 4];
        let mut z = 0;
        for id in &fetched.fetched {
            let k = KINDS.iter().position(|k| *k == id.kind).unwrap_or(0);
            let s = serve(*id);
            count[k] += 1;
            raw[k] += s.raw;
            z += s.zlib;
        }
        let same = fetched.failed.is_empty() && fetched.results == search(index, &query, PAGE);
        // As typed: one head, every prefix searched in turn, fetching on
        // every keystroke, or only once a word is complete (the interface
        // would show the loaded shards' provisional results meanwhile).
        let mut typed = |fetch_at_word_ends: bool| {
            let mut typing = loaded.clone();
            let (mut shards, mut z) = (0, 0);
            for (end, _) in q.char_indices().skip(1).chain([(q.len(), ' ')]) {
                let text = &q[..end];
                let word_end = end == q.len() || q[end..].starts_with(' ');
                if fetch_at_word_ends && !word_end {
                    std::hint::black_box(typing.search(&Query::new(text), PAGE, &Tuning::DEFAULT));
                    continue;
                }
                let f = search_fetching(&mut typing, &Query::new(text), PAGE, |wanted| {
                    wanted
                        .iter()
                        .map(|id| (*id, blobs.get(id).map(|b| b.to_vec()).ok_or("missing")))
                        .collect()
                });
                shards += f.fetched.len();
                z += f.fetched.iter().map(|id| serve(*id).zlib).sum::<usize>();
            }
            (shards, z)
        };
        let keystrokes = q.chars().count();
        let (typed_shards, typed_z) = typed(false);
        let (word_shards, word_z) = typed(true);
        println!(
            "| {q} | {} | {}/{}/{}/{} | {}/{}/{}/{} | {} | {} | {} | {keystrokes}, {typed_shards}, {} | {word_shards}, {} |",
            fetched.rounds,
            count[0],
            count[1],
            count[2],
            count[3],
            kib(raw[0]),
            kib(raw[1]),
            kib(raw[2]),
            kib(raw[3]),
            kib(raw.iter().sum()),
            kib(z),
            if same { "yes" } else { "NO" },
            kib(typed_z),
            kib(word_z),
        );
    }
}

fn zlib(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(bytes, 6)
}

fn kib(bytes: usize) -> String {
    let k = bytes as f64 / 1024.0;
    if k >= 10_240.0 {
        format!("{:.1} MiB", k / 1024.0)
    } else if k >= 100.0 {
        format!("{k:.0} KiB")
    } else {
        format!("{k:.1} KiB")
    }
}
