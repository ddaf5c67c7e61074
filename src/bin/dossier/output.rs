//! Writing to standard output so that a reader who closes the pipe early (`dossier pack … | head -1`) ends the program quietly, as it ends a C tool, rather than in a panic.

use std::io::Write;

/// Writes `text` to standard output. A closed pipe ends the program with success:
/// the reader has all it asked for. Any other failure (a full disk) ends it with
/// failure and the reason, since what was written is incomplete.
pub fn write_out(text: std::fmt::Arguments, newline: bool) {
    let mut stdout = std::io::stdout().lock();
    let written = stdout.write_fmt(text).and_then(|()| {
        if newline {
            stdout.write_all(b"\n")
        } else {
            Ok(())
        }
    });
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => {
            eprintln!("dossier: cannot write the output: {e}");
            std::process::exit(1);
        }
    }
}

/// `println!` through [`write_out`].
macro_rules! outln {
    ($($text:tt)*) => {
        $crate::output::write_out(format_args!($($text)*), true)
    };
}

/// `print!` through [`write_out`].
macro_rules! out {
    ($($text:tt)*) => {
        $crate::output::write_out(format_args!($($text)*), false)
    };
}

pub(crate) use {out, outln};
