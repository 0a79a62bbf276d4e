/**
 * Synthesizes exported CDK TypeScript stacks in one tsx process (node-only test helper), each under the
 * stack name of the template it was imported from, so ids that embed the stack name can match.
 * Uses its own scratch directory (`.cache/import-check/ts`), apart from the export module's checks.
 */

import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

export interface ExportedTsCase {
  name: string
  stackFile: string
  stackClass: string
  stackName: string
}

export function synthExportedTs(cases: ExportedTsCase[], scratch = 'ts'): { templates: Record<string, { template?: Record<string, unknown>; error?: string }>; output: string } {
  const dir = join(ROOT, '.cache', 'import-check', scratch)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), '{"type": "commonjs"}\n')
  const lines = ["import { App } from 'aws-cdk-lib'", "import { writeFileSync } from 'node:fs'", 'const results: Record<string, unknown> = {}']
  cases.forEach((c, i) => {
    mkdirSync(join(dir, `case${i}`))
    writeFileSync(join(dir, `case${i}`, 'stack.ts'), c.stackFile)
    lines.unshift(`import { ${c.stackClass} as Case${i} } from './case${i}/stack'`)
    lines.push(
      'try {',
      `  const app = new App({ outdir: ${JSON.stringify(join(dir, 'out', `case${i}`))} })`,
      `  new Case${i}(app, ${JSON.stringify(c.stackName)})`,
      `  results[${JSON.stringify(c.name)}] = { template: app.synth().getStackByName(${JSON.stringify(c.stackName)}).template }`,
      `} catch (e) { results[${JSON.stringify(c.name)}] = { error: e instanceof Error ? e.message : String(e) } }`,
    )
  })
  lines.push(`writeFileSync(${JSON.stringify(join(dir, 'templates.json'))}, JSON.stringify(results))`)
  writeFileSync(join(dir, 'synth.ts'), lines.join('\n'))
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(dir, 'synth.ts')], {
    cwd: ROOT,
    env: { ...process.env, CDK_VALIDATION: 'false' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  let templates: Record<string, { template?: Record<string, unknown>; error?: string }>
  try {
    templates = JSON.parse(readFileSync(join(dir, 'templates.json'), 'utf8'))
  } catch {
    templates = {}
  }
  return { templates, output: `${r.stdout ?? ''}${r.stderr ?? ''}` }
}
