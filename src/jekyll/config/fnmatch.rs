//! Ruby's `File.fnmatch` (Ruby 3.1, as Jekyll 4.3.1 calls it), and the
//! component-wise matching of `Dir.glob`.

/// `File.fnmatch(pattern, path)` with no flags, as Jekyll 4.3.1's
/// `EntryFilter` calls it: `*` and `?` also match `/`, `**` is `*`, `[…]`
/// classes (`!`/`^` negate, `a-z` ranges), `\` escapes, braces are literal,
/// case matters, and a wildcard does not match a `.` that starts `path`.
pub fn fnmatch(pattern: &str, path: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let s: Vec<char> = path.chars().collect();
    helper(&p, &s)
}

/// One name against one component of a `Dir.glob` pattern (Ruby matches
/// each with `FNM_PATHNAME`): as [`fnmatch`], whose leading-`.` rule then
/// applies to every name.
pub(super) fn component(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let s: Vec<char> = name.chars().collect();
    helper(&p, &s)
}

/// Ruby's `fnmatch_helper` without `FNM_PATHNAME`, `FNM_CASEFOLD`,
/// `FNM_NOESCAPE` or `FNM_DOTMATCH`.
fn helper(p: &[char], s: &[char]) -> bool {
    let at = |v: &[char], i: usize| v.get(i).copied();
    let unescape = |i: usize| {
        if at(p, i) == Some('\\') && i < p.len() {
            i + 1
        } else {
            i
        }
    };
    let (mut pi, mut si) = (0usize, 0usize);
    // The leading period: a wildcard never matches it.
    if at(s, 0) == Some('.') && at(p, unescape(0)) != Some('.') {
        return false;
    }
    let mut backtrack: Option<(usize, usize)> = None;
    loop {
        let mut failed = false;
        match at(p, pi) {
            Some('*') => {
                while at(p, pi) == Some('*') {
                    pi += 1;
                }
                if unescape(pi) >= p.len() {
                    return true;
                }
                if si >= s.len() {
                    return false;
                }
                backtrack = Some((pi, si));
                continue;
            }
            Some('?') => {
                if si >= s.len() {
                    return false;
                }
                pi += 1;
                si += 1;
                continue;
            }
            Some('[') => {
                if si >= s.len() {
                    return false;
                }
                match bracket(p, pi + 1, s[si]) {
                    Some(next) => {
                        pi = next;
                        si += 1;
                        continue;
                    }
                    None => failed = true,
                }
            }
            _ => {}
        }
        if !failed {
            let pu = unescape(pi);
            if si >= s.len() {
                return pu >= p.len();
            }
            if pu >= p.len() {
                failed = true;
            } else if p[pu] == s[si] {
                pi = pu + 1;
                si += 1;
                continue;
            } else {
                failed = true;
            }
        }
        debug_assert!(failed);
        match backtrack {
            Some((bp, bs)) => {
                pi = bp;
                si = bs + 1;
                backtrack = Some((bp, si));
                if si > s.len() {
                    return false;
                }
            }
            None => return false,
        }
    }
}

/// Ruby's `bracket`: `p[start..]` follows a `[`. The index after the closing
/// `]` when `c` is in the class, `None` when it is not or the class is
/// unterminated.
fn bracket(p: &[char], start: usize, c: char) -> Option<usize> {
    let at = |i: usize| p.get(i).copied();
    let mut i = start;
    if i >= p.len() {
        return None;
    }
    let mut negated = false;
    if matches!(at(i), Some('!' | '^')) {
        negated = true;
        i += 1;
    }
    let mut ok = false;
    while at(i) != Some(']') {
        let mut t1 = i;
        if at(t1) == Some('\\') {
            t1 += 1;
        }
        let first = at(t1)?;
        i = t1 + 1;
        if i >= p.len() {
            return None;
        }
        if at(i) == Some('-') && at(i + 1) != Some(']') {
            let mut t2 = i + 1;
            if at(t2) == Some('\\') {
                t2 += 1;
            }
            let last = at(t2)?;
            i = t2 + 1;
            if ok {
                continue;
            }
            if first == c || last == c || (first <= c && c <= last) {
                ok = true;
            }
        } else if first == c {
            ok = true;
        }
    }
    if ok == negated { None } else { Some(i + 1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Each expectation checked with Ruby 3.1.2's `File.fnmatch` (Jekyll 4.3.1).
    #[test]
    fn ruby_fnmatch_without_flags() {
        let cases = [
            ("*", "dave/.profile", true),
            ("*", ".profile", false),
            ("/S/*", "/S/.p", true),
            ("[", "[", false),
            ("a\\", "a", true),
            ("a\\", "a\\", false),
            ("*.md", "a/b.md", true),
            ("**/x", "x", false),
            ("{a,b}", "a", false),
            ("{a,b}", "{a,b}", true),
            ("[a-c]x", "bx", true),
            ("[!a-c]x", "bx", false),
            ("[^a-c]x", "dx", true),
            ("[]", "]", false),
            ("A", "a", false),
            ("é?", "éü", true),
            ("", "", true),
            ("", "a", false),
        ];
        for (pattern, path, want) in cases {
            assert_eq!(fnmatch(pattern, path), want, "{pattern:?} vs {path:?}");
        }
    }
}
