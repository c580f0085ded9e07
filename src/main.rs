fn main() {
    std::process::exit(bloglint::cli::run());
}
