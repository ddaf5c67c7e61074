// Dossier's analysis worker: loads the page's own wasm module (its URL comes in the
// query string) so that the engine runs off the main thread; the module's entry point
// sees it is in a worker and answers messages instead of drawing the page.
const glue = new URL(self.location.href).searchParams.get('glue');
const bindings = await import(glue);
// Trunk names the wasm after its glue file: "app-HASH.js" → "app-HASH_bg.wasm".
await bindings.default({ module_or_path: glue.replace(/\.js$/, '_bg.wasm') });
