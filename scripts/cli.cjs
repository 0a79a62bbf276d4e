#!/usr/bin/env node
// `npm run cli` / `node scripts/cli.cjs`: runs src/cli/main.ts as fast as a plain node start allows.
//
// 0. CommonJS. This file is CommonJS rather than an ES module: node reaches the first line of a CommonJS entry
//    sooner, without setting up the ES module loader for it (4-9 ms of every call on this machine, interleaved).
//
// 1. Bundle. esbuild bundles the CLI (with js-yaml and velocityjs) into one CommonJS file in .cache/cli/ (ignored
//    by git). The command modules load the core with `await import()`, which esbuild turns into lazy module
//    initialisers, so a verb runs only its own modules' top-level code and V8 compiles only the functions it calls.
//    The bundle is rebuilt when any of its inputs changed: esbuild's metafile lists every file that went in, and
//    build.json keeps the size and mtime of each; a changed, missing or older-dated (reverted) input rebuilds it.
// 2. V8 code cache. Node 20 has no module compile cache, so the bundle is compiled with vm.Script and the code V8
//    produced during a run (bytecode of every function that verb called) is saved per verb. The next call of that
//    verb skips parsing and compiling. The cache file is named by the bundle's content hash, the node version and
//    the verb, so a cache is only ever offered to the exact bytes it was made from, and V8 re-checks it (source
//    hash and flags) and rejects a mismatch; a rejected cache is rewritten. Measured on a 150-route design it saves
//    about a third of the time above node's own start-up (see bench/cli.bench.ts, `npm run bench cli`).
//    SOCKET_STUDIO_NO_CODE_CACHE=1 turns it off (the bench compares both).
// 3. Compiler tier. A short verb on small inputs runs with V8's baseline compiler only (--max-opt=1): its functions
//    run too few times for the optimising compiler to pay back its compile time, which on 2 cores competes with the
//    run itself. On the 150-route design (40 KB design, 250 KB template) that saved 15-35 ms a call in interleaved A/B
//    runs (6-15 ms in the full `npm run bench cli`, which runs the two tiers one after the other); on a design
//    with a 2 MB template it made export 2-3x slower, so inputs above INPUT_BYTES_FOR_BASELINE keep the full tiers,
//    as do `serve` and the verbs that read folders. The code cache is kept per tier (V8 rejects a cache made under
//    other flags). SOCKET_STUDIO_FULL_JIT=1 turns it off (the bench compares both).
// 4. Phases. With SOCKET_STUDIO_TIMINGS=1 the process prints, at exit, how long each phase took (node's own start,
//    loading the bundle, then the phases the verb marks with src/cli/phases.ts) as one `socket-studio timings`
//    JSON line on stderr; `npm run bench cli` shows it next to each whole-process time.
'use strict'
const startedAt = performance.now()
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs')
const { createRequire } = require('node:module')
const { basename, dirname, join, relative } = require('node:path')
const v8 = require('node:v8')
const vm = require('node:vm')

const root = join(__dirname, '..')
const cacheDir = join(root, '.cache/cli')
const manifestFile = join(cacheDir, 'build.json')
/** Bumped when the build options below change, so older bundles are rebuilt. */
const BUILD_FORMAT = 6
/**
 * Dependencies bundled (and so code-cached) with the CLI; every other package loads from node_modules. These are
 * the ones the design checks, exporters and VTL engine use on every verb (Ajv validates route models inside the
 * check pipeline). Loaded from node_modules, Ajv alone cost about a fifth of a 150-route export's CPU time in
 * module resolution and compilation; bundled, V8's code cache covers it. The servers of `serve` (ws, dynalite,
 * kinesalite) and the AsyncAPI import side stay external: only their verbs load them (src/cli/verbLoading.test.ts).
 */
const BUNDLED_PACKAGES = new Set(['js-yaml', 'velocityjs', 'ajv', 'ajv-draft-04', 'fast-deep-equal', 'fast-uri', 'json-schema-traverse', 'require-from-string'])

function readManifest() {
  try {
    const m = JSON.parse(readFileSync(manifestFile, 'utf8'))
    return m.format === BUILD_FORMAT ? m : undefined
  } catch {
    return undefined
  }
}

function fingerprint(file) {
  const s = statSync(join(root, file), { throwIfNoEntry: false })
  return s ? `${s.size}:${s.mtimeMs}` : 'missing'
}

function upToDate(manifest) {
  if (!manifest || !existsSync(join(cacheDir, manifest.bundle))) return false
  for (const [file, print] of Object.entries(manifest.inputs)) if (fingerprint(file) !== print) return false
  return true
}

/** Writes `contents` to `file` through a temporary file and a rename: concurrent runs never see half a file. */
function writeAtomically(file, contents) {
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, contents)
  renameSync(tmp, file)
}

async function rebuild() {
  // Loaded only when a rebuild is needed: importing esbuild costs more than the rest of a warm start.
  const { build } = require('esbuild')
  const { createHash } = require('node:crypto')
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outfile: join(cacheDir, 'main.cjs'),
    write: false,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Readable stack traces without a source map: names and layout are kept. The map is written next to the
    // bundle for `node --enable-source-maps`, and costs a normal call nothing.
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'error',
    // Modules written as ESM (`createRequire(import.meta.url)`) get the bundle's own URL.
    define: { 'import.meta.url': '__ssImportMetaUrl' },
    banner: { js: "const __ssImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [
      {
        // velocityjs logs through `debug`, which loads tty, util and reads the environment at start (3-8 ms of every
        // verb that checks a template). The CLI never turns that log on, so `debug` is a no-op logger here.
        name: 'silent-debug',
        setup(b) {
          b.onResolve({ filter: /^debug$/ }, () => ({ path: 'debug', namespace: 'silent-debug' }))
          b.onLoad({ filter: /.*/, namespace: 'silent-debug' }, () => ({
            contents: 'const off = () => {}; off.enabled = false; off.extend = () => off; module.exports = () => off;',
            loader: 'js',
          }))
        },
      },
      {
        name: 'external-packages',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0]
            return BUNDLED_PACKAGES.has(name) ? undefined : { path: args.path, external: true }
          })
        },
      },
    ],
  })
  const code = result.outputFiles.find((f) => f.path.endsWith('.cjs'))
  const map = result.outputFiles.find((f) => f.path.endsWith('.map'))
  // The bundle is kept pure ASCII so that every run can read it as latin1, which skips UTF-8 decoding: 2 ms
  // instead of 5-6 ms for the 1.3 MB file. esbuild already escapes non-ASCII characters in strings, template
  // literals, regular expressions and identifiers (its default `charset: 'ascii'`); what is left are the comments
  // it keeps, whose arrows and dashes become \uXXXX text. (That escape would mean the same character in any of
  // the other places too, so the replacement is safe wherever one was missed.)
  // eslint-disable-next-line no-control-regex -- the class is "everything above ASCII", which starts at \x00
  const asciiCode = code.text.replace(/^#!.*\n/, '').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  const hash = createHash('sha256').update(asciiCode).digest('hex').slice(0, 16)
  const bundle = `main-${hash}.cjs`
  // The bundle names its map by file name; keep that link right for the hashed name.
  writeAtomically(join(cacheDir, `${bundle}.map`), map.contents)
  // (The hashbang of main.ts goes: the bundle runs inside a function wrapper.)
  const text = asciiCode.replace(/\/\/# sourceMappingURL=main\.cjs\.map\s*$/, `//# sourceMappingURL=${bundle}.map\n`)
  writeAtomically(join(cacheDir, bundle), text)
  const inputs = {}
  for (const file of [...Object.keys(result.metafile.inputs), 'package.json', 'scripts/cli.cjs']) {
    const rel = relative(root, join(root, file))
    if (!rel.startsWith('node_modules')) inputs[rel] = fingerprint(rel)
  }
  writeAtomically(manifestFile, JSON.stringify({ format: BUILD_FORMAT, bundle, inputs }, null, 1))
  // Bundles and code caches of older builds: removed once a minute old (a run that started on one has finished
  // loading it by then; the code cache is only read at start).
  for (const dir of [cacheDir, join(cacheDir, 'code')]) {
    if (!existsSync(dir)) continue
    for (const old of readdirSync(dir)) {
      if (old === bundle || old === `${bundle}.map` || !/^main-|\.bin$/.test(old)) continue
      const p = join(dir, old)
      if (Date.now() - statSync(p).mtimeMs > 60_000) rmSync(p, { force: true })
    }
  }
  return bundle
}

/** Verbs that run once over their inputs and exit; `serve` runs for as long as it is wanted. */
const SHORT_VERBS = new Set(['import', 'validate', 'export', 'route', 'render', 'validate-template', 'new'])
const INPUT_BYTES_FOR_BASELINE = 512 * 1024

/**
 * 'baseline' when this call is a short verb whose file arguments are small, else 'full'. Every argument that names
 * a file counts (an output that already exists counts too: cheap, and only ever errs toward the full tiers).
 */
function compilerTier() {
  if (process.env.SOCKET_STUDIO_FULL_JIT || !SHORT_VERBS.has(process.argv[2])) return 'full'
  let bytes = 0
  for (const arg of process.argv.slice(3)) {
    if (arg.startsWith('-')) continue
    const s = statSync(arg, { throwIfNoEntry: false })
    if (s?.isDirectory()) return 'full'
    if (s) bytes += s.size
  }
  return bytes <= INPUT_BYTES_FOR_BASELINE ? 'baseline' : 'full'
}

/** Runs the CommonJS bundle in this context, with a V8 code cache per verb. */
function runBundle(file) {
  // latin1: the bundle is pure ASCII (see rebuild), so this is the same string without the UTF-8 decoding.
  const source = readFileSync(file, 'latin1')
  const useCache = !process.env.SOCKET_STUDIO_NO_CODE_CACHE
  const verb = /^[a-z-]{1,32}$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other'
  // The bundle's name carries its content hash (rebuild writes every new content under a new name, and nothing
  // else writes there), so the file is not hashed again on every run: that cost 4-5 ms plus loading node:crypto.
  // The name matters: V8's own check of a code cache compares the source's length and the flags, not its bytes.
  const hash = /^main-([0-9a-f]{16})\.cjs$/.exec(basename(file))?.[1] ?? 'unnamed'
  const tier = compilerTier()
  // Set before the bundle is compiled: V8 reads the flag when it decides what to optimise.
  if (tier === 'baseline') v8.setFlagsFromString('--max-opt=1')
  const cacheFile = join(cacheDir, 'code', `${hash}-${process.version}-${process.arch}-${verb}-${tier}.bin`)
  let cachedData
  if (useCache) {
    try {
      cachedData = readFileSync(cacheFile)
    } catch {
      cachedData = undefined
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  })
  if (useCache && (!cachedData || script.cachedDataRejected)) {
    // Saved at exit, so the cache holds the bytecode of every function this verb compiled, not just the top level.
    process.once('exit', (code) => {
      // Only runs of a real verb (exit 0 or 1) leave a cache: a typo in the verb should not.
      if (code !== 0 && code !== 1) return
      try {
        mkdirSync(dirname(cacheFile), { recursive: true })
        writeAtomically(cacheFile, script.createCachedData())
      } catch {
        // A read-only checkout: run without a cache.
      }
    })
  }
  performance.mark('socket-studio:bundle compile')
  const module = { exports: {} }
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file))
}

/** One line of phase durations (ms) from the User Timing marks: the profile of a single call. */
function printTimings(bundleLoadedAt) {
  const phases = { 'node start': startedAt, 'bundle check': bundleLoadedAt - startedAt }
  let last = bundleLoadedAt
  for (const m of performance.getEntriesByType('mark')) {
    if (!m.name.startsWith('socket-studio:') || m.startTime < last) continue
    phases[m.name.slice('socket-studio:'.length)] = m.startTime - last
    last = m.startTime
  }
  phases.exit = performance.now() - last
  const rounded = Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v * 10) / 10]))
  process.stderr.write(`socket-studio timings ${JSON.stringify(rounded)}\n`)
}

function start(bundle) {
  if (process.env.SOCKET_STUDIO_TIMINGS === '1') {
    const bundleLoadedAt = performance.now()
    process.once('exit', () => printTimings(bundleLoadedAt))
  }
  runBundle(join(cacheDir, bundle))
}

const manifest = readManifest()
if (upToDate(manifest)) start(manifest.bundle)
else {
  mkdirSync(cacheDir, { recursive: true })
  rebuild().then(start, (e) => {
    process.stderr.write(`socket-studio: could not build the CLI: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exit(1)
  })
}
