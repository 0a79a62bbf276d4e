#!/usr/bin/env node
// `npm run cli`: runs src/cli/main.ts. The TypeScript is bundled once with esbuild into .cache/cli/ and rebuilt only
// when a source file is newer than the bundle, so a CLI call costs a plain node start (~0.1 s) instead of a
// TypeScript loader start (~0.6 s). Dependencies stay external and load from node_modules.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const entry = join(root, 'src/cli/main.ts')
const outfile = join(root, '.cache/cli/main.mjs')

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === '__golden__' || entry.name === '__fixtures__') continue
    const p = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p))
    else if (/\.(ts|tsx|json)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs)
  }
  return newest
}

const stale = !existsSync(outfile) || statSync(outfile).mtimeMs < Math.max(newestMtime(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs)
if (stale) {
  // Loaded only when a rebuild is needed: importing esbuild costs more than the rest of a warm start.
  const { build } = await import('esbuild')
  const result = await build({
    entryPoints: [entry],
    outfile,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
    // Some dependencies are CommonJS; give the ESM bundle a require() for them.
    banner: { js: "import { createRequire as __ssCreateRequire } from 'node:module'; const require = __ssCreateRequire(import.meta.url);" },
  })
  // Write to a temporary file and rename: concurrent CLI runs (parallel tests) never see a half-written bundle.
  mkdirSync(dirname(outfile), { recursive: true })
  const tmp = `${outfile}.${process.pid}.tmp`
  writeFileSync(tmp, result.outputFiles[0].contents)
  renameSync(tmp, outfile)
}
await import(pathToFileURL(outfile).href)
