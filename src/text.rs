//! Small text helpers shared by the site model and the rules: edit
//! distance, Go's `path.Clean`/`path.Join`, percent-decoding.

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Go's `path.Clean`.
pub fn path_clean(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let rooted = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for seg in p.split('/') {
        match seg {
            "" | "." => {}
            ".." => match parts.last() {
                Some(&last) if last != ".." => {
                    parts.pop();
                }
                _ if rooted => {}
                _ => parts.push(".."),
            },
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

/// Go's `path.Join`: the non-empty elements joined by `/`, cleaned; `` when
/// all are empty.
pub fn path_join(elems: &[&str]) -> String {
    let parts: Vec<&str> = elems.iter().copied().filter(|e| !e.is_empty()).collect();
    if parts.is_empty() {
        return String::new();
    }
    path_clean(&parts.join("/"))
}

/// Decode `%XX` escapes (Go's `url.PathUnescape` without its errors):
/// malformed escapes are kept as written, and bytes that do not decode to
/// UTF-8 become U+FFFD (Go keeps them, and no page or file name matches
/// them either way).
pub fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A relative path, `/`-separated.
pub fn slashed(rel: &std::path::Path) -> String {
    let parts: Vec<_> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("é", "e"), 1);
        assert_eq!(edit_distance("same", "same"), 0);
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("/posts/a/", "/posts/a/"), 0);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("/post/a/", "/posts/a/"), 1);
        assert_eq!(edit_distance("/tags/café/", "/tags/cafe/"), 1);
    }

    #[test]
    fn clean_and_join() {
        assert_eq!(path_clean("/a/../../x"), "/x");
        assert_eq!(path_clean("../x/.."), "..");
        assert_eq!(path_clean("a//b/./c/"), "a/b/c");
        assert_eq!(path_clean(""), ".");
        assert_eq!(path_join(&["", ".."]), "..");
        assert_eq!(path_join(&["..", "x"]), "../x");
        assert_eq!(path_join(&["", ""]), "");
        // `path.Join("/", dir, rel)`: never above the root.
        assert_eq!(path_join(&["/", "/posts", "../../../x.md"]), "/x.md");
        assert_eq!(path_join(&["/", "", ""]), "/");
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("/caf%C3%A9/a%20b"), "/café/a b");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%zz%41"), "%zzA");
        // Bytes that are not UTF-8 match no page or file name.
        assert_eq!(percent_decode("/a%FF"), "/a\u{FFFD}");
        assert_eq!(percent_decode("plain+text"), "plain+text");
    }
}
