#!/usr/bin/env python3
"""Trunk post-build hook: allows Trunk's own inline loader script in the Content-Security-Policy.

Trunk writes a small inline <script type="module"> that loads the wasm. Rather than
allowing every inline script ('unsafe-inline'), this adds the SHA-256 hash of each
inline script in the built index.html to the policy's script-src, so only those run.
Usage: csp_hashes.py [INDEX_HTML]  (default: $TRUNK_STAGING_DIR/index.html)
"""
import base64
import hashlib
import os
import re
import sys

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.environ["TRUNK_STAGING_DIR"], "index.html")
html = open(path, encoding="utf-8").read()
scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
hashes = " ".join("'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() for s in scripts)
policy = re.compile(r"(script-src 'self' 'wasm-unsafe-eval')[^;\"]*")
if not policy.search(html):
    sys.exit("csp_hashes.py: no script-src 'self' 'wasm-unsafe-eval' in the policy of " + path)
html = policy.sub(lambda m: m.group(1) + (" " + hashes if hashes else ""), html, count=1)
open(path, "w", encoding="utf-8").write(html)
print(f"csp_hashes.py: {len(scripts)} inline script(s) allowed by hash")
