//! A whole lint: up to four posts (NUL bytes separate them) in a site in
//! memory, every rule, every reporter. No panic; every diagnostic and every
//! label points into its file; every fix offered can apply.

#![no_main]

use bloglint_fuzz::{NOW, check_diagnostics, config, render_all, site_of};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let texts: Vec<&[u8]> = data.split(|b| *b == 0).take(4).collect();
    let site = site_of(&texts);
    let diags = bloglint::lint(&site, &config(), NOW, None);
    check_diagnostics(&site, &diags);
    // Every CI format for one input in eight.
    render_all(&site, &diags, data.len().is_multiple_of(8));
});
