/**
 * The CLI as the user sees it: every verb as a whole process, on the seed and on the 150-route app, both as
 * `node scripts/cli.cjs …` and as `npm run --silent cli -- …`, next to the aws-cdk-lib synth of the same app as a
 * process in the same run. Plus the check pipeline the designer runs on every edit (model checks + templates) and
 * the column layout, on a 300-route design.
 *
 * The 150-route app is the LargeStack CDK fixture (150 Lambda routes, about 460 resources): `import` reads its
 * synthesized template; the other verbs read the design that import writes. Two synth rows run that same CDK app:
 * bundled with esbuild and run by plain node with CDK_VALIDATION=false (the fastest a synth can be: no TypeScript
 * loader, no validation), and as its CDK project runs it (tsx on the TypeScript entry, validation on: what
 * `cdk synth` starts). The ≥ 4× goal is read against the second, the synth a user replaces; both ratios print.
 * Every process figure is a median of separate runs after one unmeasured warm-up run (which builds the bundle
 * and the verb's code cache, as the first call after a change does); p95 and the number of runs are printed.
 */

import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { exportDesign } from '../src/export'
import { importTemplate } from '../src/import'
import { fixtureTemplate } from '../src/import/__fixtures__/fixtures'
import { columnLayout } from '../src/layout/columnLayout'
import { serializeDocument } from '../src/model/document/serialize'
import { largeDesign } from '../src/model/largeDesign'
import { seedDocument } from '../src/model/seed'
import { checkDesign } from '../src/checks/checkDesign'
import { fmt, measure, percentile, type BenchRow, type BenchSuite } from './lib'

const ROOT = join(import.meta.dirname, '..')
const RUNS = 7
const SYNTH_RUNS = 5
const GOAL = { nodeLarge: 120, npmLarge: 350, synthRatio: 4, nodeSeed: 80 }

interface Sample {
  median: number
  p95: number
  runs: number
  /** Median duration of each phase the process reported (SOCKET_STUDIO_TIMINGS=1, see src/cli/phases.ts). */
  phases?: Record<string, number>
}

function spawnTimes(command: string, args: string[], runs: number, env: NodeJS.ProcessEnv = process.env): Sample {
  const times: number[] = []
  const phases = new Map<string, number[]>()
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 })
    times.push(performance.now() - t0)
    // Exit 1 is a design with errors or warnings-only export refusals; anything else means the row is not real.
    if (r.status !== 0 && r.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 400)}`)
    const line = /^socket-studio timings (\{.*\})$/m.exec(r.stderr)
    if (line) for (const [name, ms] of Object.entries(JSON.parse(line[1]) as Record<string, number>)) phases.set(name, [...(phases.get(name) ?? []), ms])
  }
  times.sort((a, b) => a - b)
  const medians = Object.fromEntries([...phases].map(([name, ms]) => [name, percentile([...ms].sort((a, b) => a - b), 50)]))
  return { median: percentile(times, 50), p95: percentile(times, 95), runs, ...(phases.size ? { phases: medians } : {}) }
}

/** `node start 48 · bundle compile 9 · parsed 61 · …`: the phases of a call, the largest marked with ▲. */
function profile(s: Sample): string {
  if (!s.phases) return ''
  const entries = Object.entries(s.phases).filter(([, ms]) => ms >= 0.5)
  const top = Math.max(...entries.map(([, ms]) => ms))
  return `; phases (median ms): ${entries.map(([name, ms]) => `${ms === top ? '▲' : ''}${name} ${fmt(ms, ms < 10 ? 1 : 0)}`).join(' · ')}`
}

const TIMINGS = { ...process.env, SOCKET_STUDIO_TIMINGS: '1' }

/**
 * The environment without NODE_EXTRA_CA_CERTS, or undefined when it is not set. Node 20 reads and parses that
 * certificate file in its per-process start-up, before any script runs, whether or not the process ever opens a
 * TLS connection (none of the CLI's verbs does); where it is set, the verbs are measured both ways.
 */
function certsFree(): NodeJS.ProcessEnv | undefined {
  if (!process.env.NODE_EXTRA_CA_CERTS) return undefined
  const { NODE_EXTRA_CA_CERTS: _certs, ...rest } = process.env
  return rest
}

const cli = (args: string[], runs: number, env?: NodeJS.ProcessEnv) => spawnTimes(process.execPath, [join(ROOT, 'scripts/cli.cjs'), ...args], runs, env)
const npmCli = (args: string[], runs: number) => spawnTimes('npm', ['run', '--silent', 'cli', '--', ...args], runs)
const stats = (s: Sample) => `p95 ${fmt(s.p95)} ms, n=${s.runs}`

interface Files {
  template: string
  design: string
  message: string
  vtl: string
  routeArgs: string[]
}

function verbs(f: Files): [string, string[]][] {
  return [
    ['import', ['import', f.template]],
    ['validate', ['validate', f.design]],
    ...(['cfn-json', 'cfn-yaml', 'cdk-ts', 'cdk-py'] as const).map((t): [string, string[]] => [`export --target ${t}`, ['export', f.design, '--target', t]]),
    ['route', ['route', f.design, '--message', f.message, ...f.routeArgs]],
    ['render', ['render', f.vtl, '--body', f.message]],
  ]
}

/** The LargeStack CDK app as one JS file run by plain node (no TypeScript loader in the measurement). */
async function synthScript(dir: string): Promise<string> {
  const out = join(dir, 'synth-large.cjs')
  await build({
    stdin: {
      contents: "import { App } from 'aws-cdk-lib'\nimport { largeStack } from './src/import/__fixtures__/apps'\nconst app = new App({ outdir: process.argv[2] })\nlargeStack(app)\napp.synth()\n",
      resolveDir: ROOT,
      loader: 'ts',
    },
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'error',
    // Resolve aws-cdk-lib from the project, not from the scratch directory.
    nodePaths: [join(ROOT, 'node_modules')],
  })
  return out
}

const suite: BenchSuite = {
  title: 'cli',
  async run() {
    const dir = join(ROOT, '.cache', `cli-bench-${process.pid}`)
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    const rows: BenchRow[] = []
    try {
      // The seed: its own CloudFormation export is the template to import.
      const seed = seedDocument()
      const seedExport = exportDesign(seed, { target: 'cfn-json' })
      if (!seedExport.ok) throw new Error('the seed does not export')
      const seedFiles: Files = {
        template: join(dir, 'seed.template.json'),
        design: join(ROOT, 'examples/seed.yaml'),
        message: join(dir, 'seed-message.json'),
        vtl: join(dir, 'seed.vtl'),
        routeArgs: ['--route', '$connect'],
      }
      writeFileSync(seedFiles.template, seedExport.files[0].contents)
      writeFileSync(seedFiles.message, '{"action": "hello"}')
      writeFileSync(seedFiles.vtl, Object.values(seed.design.integrations.putItem.requestTemplates ?? {})[0] ?? '')

      // The 150-route app: its synthesized template, and the design import makes of it.
      const templateText = fixtureTemplate('LargeStack')
      const imported = await importTemplate(templateText)
      if (!imported.ok) throw new Error('the LargeStack template does not import')
      const large = largeDesign(150).design
      const largeFiles: Files = {
        template: join(dir, 'LargeStack.template.json'),
        design: join(dir, 'large.yaml'),
        message: join(dir, 'large-message.json'),
        vtl: join(dir, 'large.vtl'),
        routeArgs: [],
      }
      writeFileSync(largeFiles.template, templateText)
      writeFileSync(largeFiles.design, serializeDocument(imported.document))
      writeFileSync(largeFiles.message, '{"action": "action75", "text": "hello"}')
      writeFileSync(largeFiles.vtl, Object.values(large.integrations.integration0.requestTemplates ?? {})[0] ?? '')

      // What a process costs before any of our code runs.
      const bare = spawnTimes(process.execPath, ['-e', ''], RUNS)
      cli(['--help'], 1)
      const help = cli(['--help'], RUNS)
      const npmHelp = npmCli(['--help'], RUNS)
      rows.push({ name: 'floor: node -e "" (bare node start)', median: bare.median, note: stats(bare) })
      // Node reads and parses every certificate in NODE_EXTRA_CA_CERTS at start-up, before any script runs. Some
      // machines (this sandbox among them) set it for every process; most users' shells do not. Shown apart so the
      // rows below can be read against either floor; the rows themselves run in the environment as it is.
      if (process.env.NODE_EXTRA_CA_CERTS) {
        const plain = spawnTimes(process.execPath, ['-e', ''], RUNS, certsFree())
        rows.push({
          name: 'floor: node -e "" without NODE_EXTRA_CA_CERTS',
          median: plain.median,
          note: `${stats(plain)}; this environment sets NODE_EXTRA_CA_CERTS, which costs every node process ${fmt(bare.median - plain.median)} ms before any code runs`,
        })
      }
      const withoutCerts = certsFree()
      rows.push({ name: 'floor: --help, node / npm run --silent cli', median: help.median, note: `${stats(help)}; npm run: ${fmt(npmHelp.median)} ms (${stats(npmHelp)})` })

      // The synth the CLI stands next to.
      const synth = await synthScript(dir)
      const synthEnv = { ...process.env, CDK_VALIDATION: 'false' }
      spawnTimes(process.execPath, [synth, join(dir, 'cdk.out')], 1, synthEnv)
      const synthed = spawnTimes(process.execPath, [synth, join(dir, 'cdk.out')], SYNTH_RUNS, synthEnv)
      const synthTemplate = JSON.parse(readFileSync(join(dir, 'cdk.out', 'LargeStack.template.json'), 'utf8')) as { Resources: object }
      rows.push({
        name: `aws-cdk-lib synth of the 150-route app, process (${Object.keys(synthTemplate.Resources).length} resources)`,
        median: synthed.median,
        note: `${stats(synthed)}; node on the bundled CDK app, CDK_VALIDATION=false`,
      })

      // The same app as its CDK project synthesizes it: `cdk synth` runs cdk.json's app command, which for the projects
      // the CDK TypeScript export writes (and `cdk init`'s) is a TypeScript loader on bin/<app>.ts. This is how the
      // issue's "synth it replaces" (1.33-1.49 s) was measured, and the ≥ 4× goal is read against it, with CDK's
      // synthesis-time template validation off as there (and as in the row above). aws-cdk-lib 2.276 turns that
      // validation on by default, which nearly triples the synth; that figure is shown too, and not used for the goal.
      // The CDK CLI's own start-up comes on top of both.
      const entry = join(dir, 'large-app.ts')
      writeFileSync(entry, `import { App } from 'aws-cdk-lib'\nimport { largeStack } from ${JSON.stringify(join(ROOT, 'src/import/__fixtures__/apps'))}\nconst app = new App({ outdir: process.argv[2] })\nlargeStack(app)\napp.synth()\n`)
      const tsx = join(ROOT, 'node_modules', '.bin', 'tsx')
      const projectOut = join(dir, 'cdk.out.project')
      spawnTimes(tsx, [entry, projectOut], 1, synthEnv)
      const projectSynth = spawnTimes(tsx, [entry, projectOut], SYNTH_RUNS, synthEnv)
      const validated = spawnTimes(tsx, [entry, projectOut], 3, { ...process.env, CDK_VALIDATION: undefined })
      rows.push({
        name: 'aws-cdk-lib synth of the 150-route app as its project runs it (tsx bin/app.ts)',
        median: projectSynth.median,
        note: `${stats(projectSynth)}; cdk.json's app command, CDK_VALIDATION=false; with aws-cdk-lib's default template validation on: ${fmt(validated.median)} ms (${stats(validated)})`,
      })

      for (const [label, args] of verbs(largeFiles)) {
        cli(args, 1)
        const node = cli(args, RUNS, TIMINGS)
        const npm = npmCli(args, RUNS)
        const ratio = projectSynth.median / npm.median
        rows.push({
          name: `150 routes: ${label} — node scripts/cli.cjs`,
          median: node.median,
          goal: `≤ ${GOAL.nodeLarge} ms`,
          met: node.median <= GOAL.nodeLarge,
          note: `${stats(node)}; ${fmt(node.median - bare.median)} ms above bare node; ${fmt(synthed.median / node.median, 1)}× faster than the bundled synth, ${fmt(projectSynth.median / node.median, 1)}× than the project's${profile(node)}`,
        })
        if (withoutCerts) {
          const plain = cli(args, RUNS, { ...withoutCerts, SOCKET_STUDIO_TIMINGS: '1' })
          rows.push({
            name: `150 routes: ${label} — node scripts/cli.cjs, without NODE_EXTRA_CA_CERTS`,
            median: plain.median,
            goal: `≤ ${GOAL.nodeLarge} ms`,
            met: plain.median <= GOAL.nodeLarge,
            note: `${stats(plain)}; the same call where node starts without reading the extra certificate file${profile(plain)}`,
          })
        }
        rows.push({
          name: `150 routes: ${label} — npm run --silent cli`,
          median: npm.median,
          goal: `≤ ${GOAL.npmLarge} ms, ≥ ${GOAL.synthRatio}× the project's synth`,
          met: npm.median <= GOAL.npmLarge && ratio >= GOAL.synthRatio,
          note: `${stats(npm)}; ${fmt(ratio, 1)}× faster than the project's synth (${fmt(projectSynth.median)} ms), ${fmt(synthed.median / npm.median, 1)}× than the bundled one (${fmt(synthed.median)} ms)`,
        })
      }

      // The V8 code cache of scripts/cli.cjs, kept only because it pays: the same calls without it.
      for (const [label, args] of [verbs(largeFiles)[0], verbs(largeFiles)[2]]) {
        const off = cli(args, RUNS, { ...process.env, SOCKET_STUDIO_NO_CODE_CACHE: '1' })
        const on = cli(args, RUNS)
        rows.push({
          name: `150 routes: ${label} — node, without the code cache`,
          median: off.median,
          note: `${stats(off)}; with the cache ${fmt(on.median)} ms (${stats(on)}): it saves ${fmt(off.median - on.median)} ms`,
        })
      }

      // The baseline compiler tier of scripts/cli.cjs (small inputs skip V8's optimising compiler), kept only
      // because it pays: the same calls with every tier on. Warmed once first, since each tier has its own code cache.
      for (const [label, args] of [verbs(largeFiles)[0], verbs(largeFiles)[2]]) {
        const fullEnv = { ...process.env, SOCKET_STUDIO_FULL_JIT: '1' }
        cli(args, 1, fullEnv)
        const full = cli(args, RUNS, fullEnv)
        const baseline = cli(args, RUNS)
        rows.push({
          name: `150 routes: ${label} — node, with the optimising compiler`,
          median: full.median,
          note: `${stats(full)}; baseline tier only ${fmt(baseline.median)} ms (${stats(baseline)}): it saves ${fmt(full.median - baseline.median)} ms`,
        })
      }

      for (const [label, args] of verbs(seedFiles)) {
        cli(args, 1)
        const node = cli(args, RUNS, TIMINGS)
        rows.push({
          name: `seed: ${label} — node scripts/cli.cjs`,
          median: node.median,
          goal: `≤ ${GOAL.nodeSeed} ms`,
          met: node.median <= GOAL.nodeSeed,
          note: `${stats(node)}; bare node ${fmt(bare.median)} ms${profile(node)}`,
        })
        if (withoutCerts) {
          const plain = cli(args, RUNS, { ...withoutCerts, SOCKET_STUDIO_TIMINGS: '1' })
          rows.push({
            name: `seed: ${label} — node scripts/cli.cjs, without NODE_EXTRA_CA_CERTS`,
            median: plain.median,
            goal: `≤ ${GOAL.nodeSeed} ms`,
            met: plain.median <= GOAL.nodeSeed,
            note: `${stats(plain)}; the same call where node starts without reading the extra certificate file${profile(plain)}`,
          })
        }
      }

      // What the designer runs on every edit, and the layout of a large design, in-process.
      const big = largeDesign(300)
      const copies = Array.from({ length: 30 }, () => structuredClone(big))
      const checks = await measure(() => checkDesign(copies.pop()!), { runs: 21, warmup: 3 })
      rows.push({
        name: 'check pipeline (model checks + templates), 300 routes, in-process',
        median: checks.median,
        goal: '≤ 50 ms',
        met: checks.median <= 50,
        note: `p95 ${fmt(checks.p95)} ms, n=${checks.runs}; checkDesign on a fresh copy each run`,
      })
      const layout = await measure(() => columnLayout(big.design), { runs: 21, warmup: 3 })
      rows.push({
        name: 'column layout (grid of blocks), 300 routes, in-process',
        median: layout.median,
        goal: '≤ 20 ms',
        met: layout.median <= 20,
        note: `p95 ${fmt(layout.p95)} ms, n=${layout.runs}; the import and the designer's Auto-layout of large designs`,
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    return rows
  },
}

export default suite
