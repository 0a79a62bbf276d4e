/**
 * Export speed: a 150-route design (about 400 resources; AWS, Lambda and Mock integrations) to each
 * target in-process, all four together, the aws-cdk-lib synth of the generated TypeScript that the export
 * replaces (measured in a child process, library synth with CDK_VALIDATION=false). The whole CLI process, per
 * verb, is in cli.bench.ts.
 */

import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { exportDesign, EXPORT_TARGETS } from '../src/export'
import { buildIr } from '../src/export/ir/buildIr'
import { tsStackFile } from '../src/export/cdkTs/emitCdkTs'
import { largeDesign } from '../src/model/largeDesign'
import { fmt, measure, percentile, type BenchRow, type BenchSuite } from './lib'

const ROOT = join(import.meta.dirname, '..')

function synthScript(dir: string, stackClass: string, stackName: string, runs: number): string {
  return [
    "import { App } from 'aws-cdk-lib'",
    `import { ${stackClass} } from './stack'`,
    'const times: number[] = []',
    `for (let i = 0; i < ${runs}; i++) {`,
    '  const t0 = performance.now()',
    `  const app = new App({ outdir: ${JSON.stringify(join(dir, 'out'))} })`,
    `  new ${stackClass}(app, ${JSON.stringify(stackName)})`,
    '  app.synth()',
    '  times.push(performance.now() - t0)',
    '}',
    'console.log(JSON.stringify(times))',
  ].join('\n')
}

const suite: BenchSuite = {
  title: 'export',
  async run() {
    const doc = largeDesign(150)
    const probe = exportDesign(doc, { target: 'cfn-json' })
    if (!probe.ok) throw new Error(`the benchmark design does not export: ${probe.diagnostics.map((d) => d.message).join('; ')}`)
    const resources = Object.keys((JSON.parse(probe.files[0].contents) as { Resources: object }).Resources).length
    const rows: BenchRow[] = []

    // exportDesign keeps checks and IR per design object; every timed run gets a fresh copy of the design
    // (cloned outside the timing), so each measurement includes the checks and the IR build.
    const copies = (n: number) => Array.from({ length: n }, () => structuredClone(doc))
    for (const { id } of EXPORT_TARGETS) {
      const shape = id.startsWith('cdk') ? 'project' : undefined
      const docs = copies(18)
      const t = await measure(() => exportDesign(docs.pop()!, { target: id, shape }), { runs: 15, warmup: 3 })
      rows.push({ name: `export ${id}${shape ? ' project' : ''}, 150 routes (${resources} resources)`, median: t.median, note: `p95 ${fmt(t.p95)} ms; checks + IR + print` })
    }
    const docs = copies(18)
    const all = await measure(() => {
      const d = docs.pop()!
      for (const { id } of EXPORT_TARGETS) exportDesign(d, { target: id, shape: id.startsWith('cdk') ? 'project' : undefined })
    }, { runs: 15, warmup: 3 })
    rows.push({ name: 'all four targets, 150 routes (checks + IR once, four printers)', median: all.median, goal: '< 100 ms', met: all.median < 100, note: `p95 ${fmt(all.p95)} ms` })

    // What the export replaces: aws-cdk-lib constructing and synthesizing the generated stack.
    const dir = join(ROOT, '.cache', `export-bench-${process.pid}`)
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    try {
      const ir = buildIr(doc.design)
      writeFileSync(join(dir, 'package.json'), '{"type": "commonjs"}\n')
      writeFileSync(join(dir, 'stack.ts'), tsStackFile(ir))
      writeFileSync(join(dir, 'synth.ts'), synthScript(dir, ir.stackClass, ir.stackName, 5))
      // Three fresh processes: the first synth in a process is what `cdk synth` pays (module loading
      // included); the later ones in the same process show the warm cost of construct + synth alone.
      const cold: number[] = []
      const warm: number[] = []
      const processes: number[] = []
      for (let p = 0; p < 3; p++) {
        const t0 = performance.now()
        const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(dir, 'synth.ts')], { cwd: dir, encoding: 'utf8', env: { ...process.env, CDK_VALIDATION: 'false' } })
        processes.push(performance.now() - t0)
        if (r.status !== 0) throw new Error(`synth failed: ${r.stderr}`)
        const times = JSON.parse(r.stdout.trim().split('\n').pop()!) as number[]
        cold.push(times[0])
        warm.push(...times.slice(1))
      }
      for (const list of [cold, warm, processes]) list.sort((a, b) => a - b)
      const synthCold = percentile(cold, 50)
      const synthWarm = percentile(warm, 50)
      const processMs = percentile(processes, 50)
      rows.push({
        name: 'aws-cdk-lib synth of the generated TS (same design), first in process',
        median: synthCold,
        goal: '≥ 20× the four exports',
        met: synthCold / all.median >= 20,
        note: `${fmt(synthCold / all.median, 1)}× the four exports; warm construct+synth ${fmt(synthWarm)} ms (${fmt(synthWarm / all.median, 1)}×); whole tsx process ${fmt(processMs)} ms`,
      })

    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    return rows
  },
}

export default suite
