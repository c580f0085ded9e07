// bloglint allocates many small strings and vectors from several threads
// (front matter trees, outlines, URLs): mimalloc does that faster than the
// system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(bloglint::cli::run());
}
