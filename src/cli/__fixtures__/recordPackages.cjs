// Preloaded with `node -r` by verbLoading.test.ts: appends the name of every package a CLI process loads from
// node_modules (one per line) to the file in SOCKET_STUDIO_RECORD_PACKAGES. Packages bundled into the CLI's own
// bundle never pass through the module loader, so they do not show here.
const Module = require('node:module')
const { appendFileSync } = require('node:fs')
const out = process.env.SOCKET_STUDIO_RECORD_PACKAGES
const seen = new Set()
const load = Module._load
Module._load = function (request, parent, isMain) {
  const m = /^(?!node:)((?:@[^/]+\/)?[^./][^/]*)/.exec(request)
  if (out && m && !Module.isBuiltin(request) && !seen.has(m[1])) {
    seen.add(m[1])
    appendFileSync(out, `${m[1]}\n`)
  }
  return load.apply(this, arguments)
}
