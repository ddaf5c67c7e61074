//! A pack's files as they are written: numbered files of each kind, each kept under the file limit, pieces appended back to back.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use crate::engine::pack::format::PieceRef;

/// The files of a pack being written, numbered in the order opened.
pub(crate) struct Pieces {
    pub dir: PathBuf,
    pub names: Vec<String>,
    pub max_file_bytes: u64,
    pub bytes: u64,
    pub largest: u64,
}

/// Appends pieces of one kind (`sets`, `docs` …) to numbered files, opening the next when one is full.
pub(crate) struct Appender {
    prefix: &'static str,
    open: Option<(u32, BufWriter<File>, u64)>,
}

impl Appender {
    pub fn new(prefix: &'static str) -> Appender {
        Appender { prefix, open: None }
    }

    /// Makes sure the next `len` bytes fit in the open file, opening another if not.
    pub fn reserve(&mut self, pieces: &mut Pieces, len: u64) -> io::Result<()> {
        if len > pieces.max_file_bytes {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("a piece of {len} bytes exceeds the file limit"),
            ));
        }
        let full = match &self.open {
            Some((_, _, used)) => used + len > pieces.max_file_bytes,
            None => true,
        };
        if full {
            self.close(pieces)?;
            let kind_count = pieces
                .names
                .iter()
                .filter(|n| n.starts_with(self.prefix))
                .count();
            let name = format!("{}-{kind_count:05}.bin", self.prefix);
            let file = BufWriter::new(File::create(pieces.dir.join(&name))?);
            pieces.names.push(name);
            self.open = Some((pieces.names.len() as u32 - 1, file, 0));
        }
        Ok(())
    }

    pub fn append(&mut self, pieces: &mut Pieces, bytes: &[u8]) -> io::Result<PieceRef> {
        self.reserve(pieces, bytes.len() as u64)?;
        let (file, writer, used) = self.open.as_mut().expect("reserve opened a file");
        writer.write_all(bytes)?;
        let piece = PieceRef {
            file: *file,
            offset: *used as u32,
            len: bytes.len() as u32,
        };
        *used += bytes.len() as u64;
        pieces.bytes += bytes.len() as u64;
        Ok(piece)
    }

    /// Several pieces in one file, back to back: their refs and the block they make
    /// (an empty block if together they exceed a file: then each is read alone).
    pub fn append_block(
        &mut self,
        pieces: &mut Pieces,
        parts: &[Vec<u8>],
    ) -> io::Result<(Vec<PieceRef>, PieceRef)> {
        let total: u64 = parts.iter().map(|p| p.len() as u64).sum();
        if total > pieces.max_file_bytes {
            let refs = parts
                .iter()
                .map(|p| self.append(pieces, p))
                .collect::<io::Result<Vec<_>>>()?;
            return Ok((refs, PieceRef::default()));
        }
        self.reserve(pieces, total)?;
        let refs = parts
            .iter()
            .map(|p| self.append(pieces, p))
            .collect::<io::Result<Vec<_>>>()?;
        let block = match (refs.first(), refs.last()) {
            (Some(first), Some(last)) => PieceRef {
                file: first.file,
                offset: first.offset,
                len: last.offset + last.len - first.offset,
            },
            _ => PieceRef::default(),
        };
        Ok((refs, block))
    }

    pub fn close(&mut self, pieces: &mut Pieces) -> io::Result<()> {
        if let Some((_, mut writer, used)) = self.open.take() {
            writer.flush()?;
            pieces.largest = pieces.largest.max(used);
        }
        Ok(())
    }
}
