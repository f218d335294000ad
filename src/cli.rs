//! The command-line tool `clause-explorer`.
//!
//! ```text
//! clause-explorer parse FILE...     JSON of the parsed files on stdout
//! clause-explorer check FILE...     a short human summary per file, with warnings
//! clause-explorer outline FILE...   the readable outline used by the golden tests
//! clause-explorer synth --paragraphs N [--seed S] [--from DIR] --out DIR
//!                                   write a synthetic corpus for measuring at scale
//! clause-explorer publish --out DIR [--title T] [--description D] [--from SHELL] PATH...
//!                                   write an explorer of the corpus folders or files
//! ```
//!
//! A manifest (`manifest.toml`) next to the files is applied. Files that
//! cannot be read get a one-line error naming them and a non-zero exit;
//! the other files are still processed.

mod json;
mod publish;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::corpus::{self, Loaded};

const USAGE: &str = "\
usage: clause-explorer <command> FILE...

commands:
  parse FILE...     print the parsed files as JSON
  check FILE...     summarise each file: instruments, paragraphs, footnotes, warnings
  outline FILE...   print a readable outline of each file
  synth --paragraphs N [--seed S] [--from DIR] --out DIR
                    write a deterministic synthetic corpus of N paragraphs,
                    recombined from the corpus in DIR (default: corpus)
  publish --out DIR [--title TEXT] [--description TEXT] [--from SHELL] PATH...
                    write an explorer of the corpus folders or files PATH:
                    DIR/index.html with DIR/corpus.bin (serve the folder from
                    anywhere) and DIR/clause-explorer.html (one file). The
                    app shell comes from SHELL: a built explorer folder or any
                    explorer's clause-explorer.html (default: dist/, built by
                    scripts/serve.sh). Needs no wasm toolchain.

FILE is a resolution text (.txt, .md) or the UN's Akoma Ntoso XML (.xml).
A manifest.toml next to the files supplies metadata the texts do not carry.";

/// Runs the tool with the process arguments.
pub fn main() -> ExitCode {
    match run(std::env::args_os().skip(1).collect()) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("clause-explorer: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<OsString>) -> Result<ExitCode, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut command: Option<String> = None;
    let mut files: Vec<PathBuf> = Vec::new();
    let mut options = Options::default();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            Long("paragraphs") => options.paragraphs = Some(number(&mut parser)?),
            Long("seed") => options.seed = number(&mut parser)?,
            Long("from") => options.from = Some(PathBuf::from(value(&mut parser)?)),
            Long("out") => options.out = Some(PathBuf::from(value(&mut parser)?)),
            Long("title") => options.title = Some(text(&mut parser)?),
            Long("description") => options.description = Some(text(&mut parser)?),
            Value(v) if command.is_none() => {
                command = Some(v.string().map_err(|e| e.to_string())?);
            }
            Value(v) => files.push(PathBuf::from(v)),
            _ => return Err(format!("{}\n\n{USAGE}", arg.unexpected())),
        }
    }
    let Some(command) = command else {
        return Err(format!("no command given\n\n{USAGE}"));
    };
    if command == "synth" {
        return write_synth(&options);
    }
    if command == "publish" {
        return publish::run(&options, &files);
    }
    if files.is_empty() {
        return Err(format!("{command}: no files given\n\n{USAGE}"));
    }
    let loaded = load(&files);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match command.as_str() {
        "parse" => json::write(&mut out, &loaded.corpus),
        "check" => crate::report::write(&mut out, &loaded.corpus, &loaded.recovered),
        "outline" => loaded
            .corpus
            .documents
            .iter()
            .try_for_each(|d| writeln!(out, "{}", crate::outline::outline(d))),
        other => return Err(format!("unknown command {other:?}\n\n{USAGE}")),
    };
    written.map_err(|e| format!("cannot write output: {e}"))?;
    for error in &loaded.errors {
        eprintln!("clause-explorer: {error}");
    }
    Ok(if loaded.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The options of every command; each command reads those it takes
/// (`--from` is the seed corpus of `synth` and the shell of `publish`).
#[derive(Default)]
pub struct Options {
    paragraphs: Option<u64>,
    seed: u64,
    from: Option<PathBuf>,
    out: Option<PathBuf>,
    title: Option<String>,
    description: Option<String>,
}

fn value(parser: &mut lexopt::Parser) -> Result<OsString, String> {
    parser.value().map_err(|e| e.to_string())
}

fn text(parser: &mut lexopt::Parser) -> Result<String, String> {
    value(parser)?
        .into_string()
        .map_err(|v| format!("expected text, got {v:?}"))
}

fn number(parser: &mut lexopt::Parser) -> Result<u64, String> {
    let v = value(parser)?;
    let s = v.to_string_lossy();
    s.replace('_', "")
        .parse()
        .map_err(|_| format!("expected a number, got {s:?}"))
}

/// `synth`: writes the synthetic corpus files into the output folder.
fn write_synth(args: &Options) -> Result<ExitCode, String> {
    let (Some(paragraphs), Some(out)) = (args.paragraphs, &args.out) else {
        return Err(format!(
            "synth needs --paragraphs N and --out DIR\n\n{USAGE}"
        ));
    };
    let from = args.from.clone().unwrap_or_else(|| PathBuf::from("corpus"));
    let loaded = corpus::load_dir(&from).map_err(|e| e.to_string())?;
    let options = crate::synth::Options {
        paragraphs: usize::try_from(paragraphs).map_err(|e| e.to_string())?,
        seed: args.seed,
    };
    let files = crate::synth::synthesize(&loaded.corpus, &options);
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    for f in &files {
        let path = out.join(&f.name);
        std::fs::write(&path, &f.text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    eprintln!(
        "clause-explorer: wrote {} files with {paragraphs} paragraphs to {}",
        files.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Loads the files, applying the manifest found next to each.
fn load(files: &[PathBuf]) -> Loaded {
    corpus::load_paths(files).0
}
