// Preloaded with `node --import` by verbLoading.test.ts: appends the name of every package a CLI process loads
// from node_modules (one per line) to the file in SOCKET_STUDIO_RECORD_PACKAGES. The CLI bundle loads its external
// packages with require(), so every one passes through Module._load; packages bundled into the CLI's own bundle
// never do, and do not show here.
import Module from 'node:module'
import { appendFileSync } from 'node:fs'

const out = process.env.SOCKET_STUDIO_RECORD_PACKAGES
const seen = new Set()
const load = Module._load
Module._load = function (request, ...rest) {
  const m = /^((?:@[^/]+\/)?[^./][^/]*)/.exec(request)
  if (out && m && !Module.isBuiltin(request) && !seen.has(m[1])) {
    seen.add(m[1])
    appendFileSync(out, `${m[1]}\n`)
  }
  return load.call(this, request, ...rest)
}
