/**
 * The conformance corpus (node-only test helper): every case with its source, synthesized once (CDK apps, one
 * tsx process, cached like the fixtures) or read from `templates/`. See README.md.
 */

import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Design } from '../../model/types'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../../..')

export interface CorpusCase {
  name: string
  source: string
  text: () => string
  api?: string
  /** Stack id the exported CDK code is synthesized under (the original's, so ids embedding it match). */
  stackName: string
  /** Edited after import: the edit, and what the exported templates must show for it. */
  edit?: { apply: (d: Design) => void; check: (template: Record<string, unknown>) => string | undefined }
}

/** Directory of `<Stack>.template.json` for every corpus app, synthesized on first use. */
export function corpusDir(stacks: string[]): string {
  const hash = createHash('md5')
  for (const f of ['apps.ts', 'synth.ts']) hash.update(readFileSync(join(here, f)))
  hash.update(readFileSync(join(root, 'src/model/presets/catalog.ts')))
  hash.update(readFileSync(join(root, 'src/model/presets/templates.ts')))
  const dir = join(root, 'node_modules', '.cache', 'socket-studio-import-corpus', hash.digest('hex').slice(0, 12))
  const complete = () => stacks.every((s) => existsSync(join(dir, `${s}.template.json`)))
  if (!complete()) {
    const parent = dirname(dir)
    if (existsSync(parent)) for (const old of readdirSync(parent)) if (!old.startsWith(basename(dir))) rmSync(join(parent, old), { recursive: true, force: true })
    const scratch = `${dir}.tmp-${process.pid}`
    mkdirSync(scratch, { recursive: true })
    execFileSync(join(root, 'node_modules', '.bin', 'tsx'), [join(here, 'synth.ts'), scratch], {
      cwd: root,
      env: { ...process.env, CDK_VALIDATION: 'false' },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    if (existsSync(dir) && !complete()) rmSync(dir, { recursive: true, force: true })
    try {
      renameSync(scratch, dir)
    } catch {
      rmSync(scratch, { recursive: true, force: true })
    }
  }
  return dir
}

export function corpusTemplate(name: string): string {
  return readFileSync(join(here, 'templates', name), 'utf8')
}
