// Dossier's analysis worker: loads the page's own wasm module (its URL comes in the
// query string) so that the engine runs off the main thread; the module's entry point
// sees it is in a worker and answers messages instead of drawing the page.
const glue = new URL(self.location.href).searchParams.get('glue');

// The PDF reader (src/pdf_reader.rs) is a module of its own, fetched on the first PDF
// so that the page's first paint does not carry it. A reader that traps (a PDF it
// cannot cope with) is dropped and a fresh instance loaded for the next PDF.
let pdfReader = null;
let pdfReaderLoads = 0;
self.dossierReadPdf = async (bytes) => {
  if (!pdfReader) {
    pdfReaderLoads += 1;
    const fresh = `?instance=${pdfReaderLoads}`;
    pdfReader = import(new URL(`./dossier-pdf.js${fresh}`, import.meta.url).href)
      .then(async (reader) => {
        await reader.default({ module_or_path: new URL('./dossier-pdf_bg.wasm', import.meta.url) });
        return reader;
      })
      .catch((error) => {
        pdfReader = null;
        throw Object.assign(new Error(String(error)), { loading: true });
      });
  }
  const reader = await pdfReader;
  try {
    return reader.read_pdf(bytes);
  } catch (error) {
    pdfReader = null;
    throw error;
  }
};

const bindings = await import(glue);
// Trunk names the wasm after its glue file: "app-HASH.js" → "app-HASH_bg.wasm".
await bindings.default({ module_or_path: glue.replace(/\.js$/, '_bg.wasm') });
