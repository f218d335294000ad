fn main() -> std::process::ExitCode {
    clause_explorer::cli::main()
}
