//! Writing fixed files: atomically, through symlinks, keeping permissions,
//! and never over a file that changed since it was read.
//!
//! What a write promises (docs/guarantees.md):
//!
//! - The file holds its old bytes or its new bytes, never a mix: the new
//!   text goes to a temporary file in the same folder (`.bloglint-*.tmp`,
//!   hidden, so never linted), flushed to disk, then renamed over the file.
//!   A failure at any step (a full disk, no permission) leaves the original
//!   as it was and the temporary file removed; a crash before the rename
//!   leaves the original and, at worst, a stray temporary file.
//! - A file that no longer holds the text bloglint read is not overwritten;
//!   one that already holds the fixed text is left alone. Both are checked
//!   under an advisory lock (`flock`) that other bloglint runs take too
//!   (waiting for it at most 5 seconds), so two `--fix` runs on one site
//!   write each file at most once; the file's
//!   identity, size and modification time are checked again just before the
//!   rename, against an editor that saved meanwhile.
//! - A read-only file is not rewritten, even by root.
//! - Permissions (and, where allowed, owner and group) are kept; a symlink
//!   is written through, to its target.

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

/// The steps of a write that can fail, as a trait so that tests can inject
/// faults: a full disk, a crash before the rename, a file edited meanwhile.
/// [`Disk`] is the real thing.
pub trait Writer {
    /// Write `data` into the (empty) temporary file and flush it to disk.
    fn write_temp(&self, file: &mut File, data: &[u8]) -> io::Result<()> {
        file.write_all(data)?;
        file.sync_all()
    }

    /// Called just before the temporary file `temp` replaces `target`.
    fn before_rename(&self, _temp: &Path, _target: &Path) -> io::Result<()> {
        Ok(())
    }
}

/// Writes to the file system, with no fault injected.
pub struct Disk;

impl Writer for Disk {}

/// Replace the file at `path`, whose content was `original` when read, by
/// `new`. Returns whether the file was written: not when `new` equals
/// `original`, nor when the file already holds `new` (another run fixed it).
/// An error, with the file untouched, when it is read-only, when it no
/// longer holds `original`, or when a step of the write fails.
pub fn write_fixed(path: &Path, original: &[u8], new: &[u8]) -> io::Result<bool> {
    write_fixed_with(&Disk, path, original, new)
}

/// [`write_fixed`], with the steps that can fail done by `writer`.
pub fn write_fixed_with(
    writer: &dyn Writer,
    path: &Path,
    original: &[u8],
    new: &[u8],
) -> io::Result<bool> {
    if original == new {
        return Ok(false);
    }
    let target = fs::canonicalize(path)?;
    // Held until the rename is done: another bloglint waits here.
    let (mut file, before) = open_locked(&target)?;
    if before.permissions().readonly() {
        return Err(read_only());
    }
    let mut on_disk = Vec::with_capacity(original.len());
    file.read_to_end(&mut on_disk)?;
    if on_disk == new {
        return Ok(false);
    }
    if on_disk != original {
        return Err(changed());
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".bloglint-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    writer.write_temp(tmp.as_file_mut(), new)?;
    keep_owner(tmp.as_file(), &before);
    fs::set_permissions(tmp.path(), before.permissions())?;
    writer.before_rename(tmp.path(), &target)?;
    if !same_state(&before, &fs::metadata(&target)?) {
        return Err(changed());
    }
    tmp.persist(&target).map_err(|e| e.error)?;
    // Make the rename itself durable; a file system that cannot sync a
    // folder still has the file renamed.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    drop(file);
    Ok(true)
}

/// Open `target` for reading and writing, and take its advisory lock. When
/// the file was replaced while this waited for the lock (another run
/// renamed its fixed text over it), lock the new file instead.
fn open_locked(target: &Path) -> io::Result<(File, Metadata)> {
    for _ in 0..100 {
        // Opening for writing fails on a file we may not write (not root).
        let file = match OpenOptions::new().read(true).write(true).open(target) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => return Err(read_only()),
            Err(e) => return Err(e),
        };
        lock(&file)?;
        let meta = file.metadata()?;
        if same_file(&meta, &fs::metadata(target)?) {
            return Ok((file, meta));
        }
    }
    Err(io::Error::other(
        "the file keeps being replaced by another program; not overwritten",
    ))
}

/// Take the file's advisory lock, waiting at most a few seconds for the run
/// that holds it (a write takes milliseconds). A file system without locks
/// still gets every other check.
fn lock(file: &File) -> io::Result<()> {
    for _ in 0..500 {
        match file.try_lock() {
            Ok(()) => return Ok(()),
            Err(std::fs::TryLockError::WouldBlock) => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(std::fs::TryLockError::Error(_)) => return Ok(()),
        }
    }
    Err(io::Error::other(
        "another program holds the file's lock; not overwritten",
    ))
}

fn read_only() -> io::Error {
    io::Error::new(
        io::ErrorKind::PermissionDenied,
        "the file is read-only; not overwritten",
    )
}

fn changed() -> io::Error {
    io::Error::other("the file changed on disk since bloglint read it; not overwritten")
}

/// Whether two metadata are of the same file (not a new one renamed over).
#[cfg(unix)]
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(_: &Metadata, _: &Metadata) -> bool {
    true
}

/// The same file, with the same size and modification time: nothing wrote
/// to it in between.
fn same_state(a: &Metadata, b: &Metadata) -> bool {
    same_file(a, b) && a.len() == b.len() && a.modified().ok() == b.modified().ok()
}

/// Give the new file the old one's owner and group, where allowed (root;
/// or a group of ours). Otherwise it is ours, as any program's new file.
#[cfg(unix)]
fn keep_owner(file: &File, meta: &Metadata) {
    use std::os::unix::fs::MetadataExt;
    if std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())).is_err() {
        let _ = std::os::unix::fs::fchown(file, None, Some(meta.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_: &File, _: &Metadata) {}

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

    #[test]
    fn a_file_already_fixed_is_not_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        fs::write(&p, "new").unwrap();
        let before = fs::metadata(&p).unwrap().modified().unwrap();
        assert!(!write_fixed(&p, b"old", b"new").unwrap());
        assert_eq!(fs::metadata(&p).unwrap().modified().unwrap(), before);
    }

    #[test]
    fn a_file_locked_by_another_program_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        fs::write(&p, "old").unwrap();
        let holder = File::open(&p).unwrap();
        holder.lock().unwrap();
        let e = write_fixed(&p, b"old", b"new").unwrap_err();
        assert!(e.to_string().contains("holds the file's lock"), "{e}");
        assert_eq!(fs::read_to_string(&p).unwrap(), "old");
        drop(holder);
        assert!(write_fixed(&p, b"old", b"new").unwrap());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
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
