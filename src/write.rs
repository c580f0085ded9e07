//! Writing fixed files: atomically, through symlinks, keeping permissions,
//! and never over a file that changed since it was read.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Replace the file at `path`, whose content was `original` when read, by
/// `new`. Writes a temporary file in the target's directory and renames it
/// over the target, so a crash leaves either the old or the new file. A
/// symlink is written through to its target. Nothing is written when `new`
/// equals `original`; an error is returned when the file on disk no longer
/// holds `original`.
pub fn write_fixed(path: &Path, original: &[u8], new: &[u8]) -> io::Result<bool> {
    if original == new {
        return Ok(false);
    }
    let target = fs::canonicalize(path)?;
    let on_disk = fs::read(&target)?;
    if on_disk != original {
        return Err(io::Error::other(
            "the file changed on disk since bloglint read it; not overwritten",
        ));
    }
    let permissions = fs::metadata(&target)?.permissions();
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".bloglint-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(new)?;
    tmp.as_file().sync_all()?;
    fs::set_permissions(tmp.path(), permissions)?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_atomically_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        fs::write(&p, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        }
        assert!(write_fixed(&p, b"old", b"new").unwrap());
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&p).unwrap().permissions().mode() & 0o777,
                0o640
            );
        }
        // No temporary file left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn unchanged_text_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        fs::write(&p, "same").unwrap();
        let before = fs::metadata(&p).unwrap().modified().unwrap();
        assert!(!write_fixed(&p, b"same", b"same").unwrap());
        assert_eq!(fs::metadata(&p).unwrap().modified().unwrap(), before);
    }

    #[test]
    fn a_file_changed_since_read_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        fs::write(&p, "edited meanwhile").unwrap();
        assert!(write_fixed(&p, b"old", b"new").is_err());
        assert_eq!(fs::read_to_string(&p).unwrap(), "edited meanwhile");
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        let link = dir.path().join("link.md");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert!(write_fixed(&link, b"old", b"new").unwrap());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
}
