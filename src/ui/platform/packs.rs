//! A pack hosted as static files (`?corpus=URL/`): its head fetched whole, every other piece by an HTTP range request when a view first needs it.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::engine::pack::reader::{PackError, Prefetched, Request};
use crate::engine::pack::PackReader;
use crate::ui::platform::sharing::fetch_response_with;

/// An opened pack: the reader over the pieces fetched so far, and what fetching cost.
pub struct PackSession {
    /// The pack's folder, absolute, ending with a slash.
    pub base: String,
    pub reader: PackReader<Prefetched>,
    pub requests: Cell<u64>,
    pub bytes: Cell<u64>,
}

/// Whether a `corpus` parameter names a pack: a folder (its address ends with a slash).
pub fn is_pack_address(url: &str) -> bool {
    url.ends_with('/')
}

/// Goes to the pack page (`pack/` beside the app) for the pack at `url` (relative to
/// this page), keeping the view state in the fragment.
pub fn open_pack_page(url: &str) {
    let location = window().location();
    let page = location.href().unwrap_or_default();
    let Ok(pack) = web_sys::Url::new_with_base(url, &page) else {
        return;
    };
    let Ok(pack_page) = web_sys::Url::new_with_base("pack/", &page) else {
        return;
    };
    let corpus = String::from(js_sys::encode_uri_component(&pack.href()));
    let hash = location.hash().unwrap_or_default();
    let _ = location.replace(&format!("{}?corpus={corpus}{hash}", pack_page.href()));
}

/// Fetches a whole file, or bytes `offset..offset + len` of it with a `Range` header.
/// A server that ignores the header sends the whole file: the range is cut from it.
async fn fetch_bytes(url: &str, range: Option<(u64, u64)>) -> Result<Vec<u8>, String> {
    let init = web_sys::RequestInit::new();
    if let Some((offset, len)) = range {
        let headers = web_sys::Headers::new().map_err(|_| "no headers".to_string())?;
        let value = format!("bytes={offset}-{}", offset + len.max(1) - 1);
        headers
            .set("Range", &value)
            .map_err(|_| "no Range header".to_string())?;
        init.set_headers(&headers);
    }
    let response = fetch_response_with(url, &init).await?;
    let buffer = response
        .array_buffer()
        .map_err(|_| "could not be read".to_string())?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| "could not be read".to_string())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    match range {
        Some((offset, len)) if response.status() == 200 => {
            let (from, to) = (offset as usize, (offset + len) as usize);
            bytes
                .get(from..to)
                .map(<[u8]>::to_vec)
                .ok_or_else(|| "is shorter than its head says".to_string())
        }
        _ => Ok(bytes),
    }
}

/// Opens the pack in folder `url` (relative to the page): fetches its head.
pub async fn open_pack(url: &str) -> Result<Rc<PackSession>, String> {
    let page = window().location().href().unwrap_or_default();
    let base = web_sys::Url::new_with_base(url, &page)
        .map_err(|_| "is not a valid address".to_string())?
        .href();
    let bytes = fetch_bytes(&format!("{base}head.json"), None).await?;
    let head = PackReader::<Prefetched>::parse_head(&bytes).map_err(|e| e.to_string())?;
    Ok(Rc::new(PackSession {
        base,
        reader: PackReader::with_head(Prefetched::default(), head),
        requests: Cell::new(1),
        bytes: Cell::new(bytes.len() as u64),
    }))
}

/// Runs `read` over the pack, fetching each piece it is missing and running it again,
/// until it has everything (a read asks for one piece at a time; each is fetched once).
pub async fn with_pieces<T>(
    session: &PackSession,
    read: impl Fn(&PackReader<Prefetched>) -> Result<T, PackError>,
) -> Result<T, String> {
    loop {
        match read(&session.reader) {
            Err(PackError::NotFetched(request)) => {
                let Request { file, range } = request.clone();
                let bytes = fetch_bytes(&format!("{}{file}", session.base), range)
                    .await
                    .map_err(|why| format!("{file} {why}"))?;
                session.requests.set(session.requests.get() + 1);
                session.bytes.set(session.bytes.get() + bytes.len() as u64);
                session.reader.source().insert(request, bytes);
            }
            other => return other.map_err(|e| format!("The pack {e}")),
        }
    }
}
