//! A file given to the page to load (picked, dropped, or found in a dropped folder), and the name its documents go by.

/// A file to load, and the path it goes by when it came from a dropped folder
/// (`news/a/note.txt`: see `folders`); otherwise its own name, asked only when needed
/// (each ask is a call into the browser).
#[derive(Clone)]
pub struct ToLoad {
    pub file: web_sys::File,
    pub path: Option<String>,
}

impl ToLoad {
    /// The name its documents go by.
    pub fn name(&self) -> String {
        self.path.clone().unwrap_or_else(|| self.file.name())
    }
}

impl From<web_sys::File> for ToLoad {
    fn from(file: web_sys::File) -> ToLoad {
        ToLoad { file, path: None }
    }
}

/// Files of a `FileList` (from a drop or the file picker), to load by their own names.
pub fn file_list(list: Option<web_sys::FileList>) -> Vec<ToLoad> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(ToLoad::from)
        .collect()
}
