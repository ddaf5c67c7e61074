//! The command line's inputs: the files under each input path in name order, and each read no further than its size limit (a file past it is refused by its size, its bytes never filling memory: a 300 MB file was read whole, then refused).

use std::io::Read;
use std::path::{Path, PathBuf};

use dossier::engine::ingest::decode::size_limit;
use dossier::engine::FileError;

/// A file to read and the name its documents go by.
#[derive(Clone, Debug, PartialEq)]
pub struct InputFile {
    pub path: PathBuf,
    /// A file given by itself: its name. A file under a folder given: its path from the
    /// folder's own name (`archive/2019/note.txt`), as a browser names a dropped folder's
    /// files, so that two `note.txt` of different folders stay two sources.
    pub name: String,
}

/// Every file under `input` (itself if it is a file), in name order; an error if it is not there.
pub fn files_under(input: &Path, into: &mut Vec<InputFile>) -> std::io::Result<()> {
    let own_name = |path: &Path| {
        path.file_name()
            .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy())
            .into_owned()
    };
    if !std::fs::metadata(input)?.is_dir() {
        into.push(InputFile {
            path: input.to_path_buf(),
            name: own_name(input),
        });
        return Ok(());
    }
    // "." or "/" have no name of their own: their files are named from inside them.
    let prefix = input
        .file_name()
        .map(|n| format!("{}/", n.to_string_lossy()))
        .unwrap_or_default();
    walk_folder(
        input,
        &mut vec![std::fs::canonicalize(input)?],
        &prefix,
        into,
    )
}

/// Walks `folder`. `walking` holds the folders being walked, each with every link
/// in its path resolved: the outermost first, `folder` last.
fn walk_folder(
    folder: &Path,
    walking: &mut Vec<PathBuf>,
    prefix: &str,
    into: &mut Vec<InputFile>,
) -> std::io::Result<()> {
    // The entry's type comes with the listing: no status call per file (a million
    // files are a million calls). A link is followed to see whether it is a folder.
    let mut entries: Vec<(PathBuf, bool, bool)> = std::fs::read_dir(folder)?
        .filter_map(|e| e.ok())
        .map(|e| {
            let path = e.path();
            let (is_dir, is_link) = match e.file_type() {
                Ok(kind) if !kind.is_symlink() => (kind.is_dir(), false),
                _ => (path.is_dir(), true),
            };
            (path, is_dir, is_link)
        })
        .collect();
    entries.sort();
    for (entry, is_dir, is_link) in entries {
        let own_name = entry.file_name().unwrap_or_default();
        let name = format!("{prefix}{}", own_name.to_string_lossy());
        if !is_dir {
            into.push(InputFile { path: entry, name });
            continue;
        }
        let resolved = match (is_link, walking.last()) {
            (false, Some(parent)) => parent.join(own_name),
            _ => std::fs::canonicalize(&entry)?,
        };
        // A link to a folder being walked, or to one around it, would be walked
        // again and again, each round's files found anew: it is left out.
        if walking.iter().any(|w| w.starts_with(&resolved)) {
            eprintln!("{name} links back to a folder being walked: not walked");
            continue;
        }
        walking.push(resolved);
        walk_folder(&entry, walking, &format!("{name}/"), into)?;
        walking.pop();
    }
    Ok(())
}

/// Reads the file at `path`, named `name`, into `buffer` (emptied first): all of
/// it, or a refusal when it is past the limit for its name or cannot be read.
pub fn read_within_limit(path: &Path, name: &str, buffer: &mut Vec<u8>) -> Result<(), FileError> {
    let limit = size_limit(name);
    let unreadable = |e: std::io::Error| FileError::Unreadable {
        reason: e.to_string(),
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    if !read_up_to(&file, limit, buffer).map_err(unreadable)? {
        // The size is asked only of a file past the limit, for the message (a
        // device's status gives none: then at least what was read).
        let size = file.metadata().map_or(0, |m| m.len() as usize);
        let size = size.max(buffer.len());
        *buffer = Vec::new();
        return Err(FileError::TooLarge { size, limit });
    }
    Ok(())
}

/// Reads `source` into `buffer` (emptied first) while it holds at most `limit`
/// bytes: true if it held no more, false as soon as a byte past the limit is read.
/// No status call per file (a million for a large pack); `take` also keeps
/// read_to_end from asking a file's size to size a buffer that already exists.
fn read_up_to(source: impl Read, limit: usize, buffer: &mut Vec<u8>) -> std::io::Result<bool> {
    buffer.clear();
    source.take(limit as u64 + 1).read_to_end(buffer)?;
    Ok(buffer.len() <= limit)
}

/// [`read_within_limit`] into a buffer of its own.
pub fn read_file(path: &Path, name: &str) -> Result<Vec<u8>, FileError> {
    let mut buffer = Vec::new();
    read_within_limit(path, name, &mut buffer).map(|()| buffer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folders_files_go_by_their_path_from_the_folder_a_file_alone_by_its_name() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/cli-tests/names");
        let _ = std::fs::remove_dir_all(&root);
        for rel in [
            "news/b/note.txt",
            "news/a/note.txt",
            "news/zero.txt",
            "loose.txt",
        ] {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, rel).unwrap();
        }
        let mut found = Vec::new();
        files_under(&root.join("news"), &mut found).unwrap();
        files_under(&root.join("loose.txt"), &mut found).unwrap();
        let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "news/a/note.txt",
                "news/b/note.txt",
                "news/zero.txt",
                "loose.txt"
            ],
            "name order, subfolders at their place, two note.txt apart"
        );
        for file in &found {
            assert!(file.path.ends_with(&file.name), "{file:?}");
        }
        let missing = files_under(&root.join("missing"), &mut found);
        assert!(missing.is_err(), "an input that is not there is an error");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_folder_is_walked_a_link_to_a_file_is_a_file_a_loop_is_cut() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/cli-tests/links");
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("elsewhere")).unwrap();
        std::fs::create_dir_all(root.join("news")).unwrap();
        std::fs::write(root.join("elsewhere/inner.txt"), "inner").unwrap();
        std::fs::write(root.join("own.txt"), "own").unwrap();
        std::os::unix::fs::symlink(root.join("elsewhere"), root.join("news/linked")).unwrap();
        std::os::unix::fs::symlink(root.join("own.txt"), root.join("news/file-link.txt")).unwrap();
        std::os::unix::fs::symlink(&root, root.join("news/up")).unwrap();
        std::os::unix::fs::symlink(root.join("news"), root.join("elsewhere/back")).unwrap();
        let mut found = Vec::new();
        files_under(&root.join("news"), &mut found).unwrap();
        let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            ["news/file-link.txt", "news/linked/inner.txt"],
            "links back to a folder being walked are left out"
        );
    }

    /// A source of a million bytes, counting those it gives.
    struct Long<'a> {
        given: &'a mut usize,
    }

    impl Read for Long<'_> {
        fn read(&mut self, into: &mut [u8]) -> std::io::Result<usize> {
            let n = into.len().min(1_000_000 - *self.given);
            into[..n].fill(b'a');
            *self.given += n;
            Ok(n)
        }
    }

    #[test]
    fn a_long_source_is_read_one_byte_past_the_limit() {
        let mut given = 0;
        let mut buffer = Vec::new();
        let within = read_up_to(Long { given: &mut given }, 1000, &mut buffer).unwrap();
        assert!(!within);
        assert_eq!((given, buffer.len()), (1001, 1001));
        let within = read_up_to(&b"short"[..], 1000, &mut buffer).unwrap();
        assert!(within);
        assert_eq!(buffer, b"short");
    }

    #[test]
    fn files_are_read_whole_or_refused_by_their_size() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/cli-tests/limits");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let limit = size_limit("a.txt");
        let cases: [(&str, usize, Option<FileError>); 3] = [
            ("small.txt", 10, None),
            ("at-the-limit.txt", limit, None),
            (
                "past-the-limit.txt",
                limit + 1000,
                Some(FileError::TooLarge {
                    size: limit + 1000,
                    limit,
                }),
            ),
        ];
        for (name, size, refusal) in cases {
            let path = dir.join(name);
            std::fs::write(&path, vec![b'a'; size]).unwrap();
            let mut buffer = Vec::new();
            let read = read_within_limit(&path, name, &mut buffer);
            assert_eq!(read.err(), refusal, "{name}");
            let expected_len = if refusal.is_none() { size } else { 0 };
            assert_eq!(buffer.len(), expected_len, "{name}");
        }
        let missing = read_file(&dir.join("missing.txt"), "missing.txt");
        assert!(
            matches!(missing, Err(FileError::Unreadable { .. })),
            "{missing:?}"
        );
    }
}
