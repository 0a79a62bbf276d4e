/**
 * Test/bench helper: synthesizes the CDK fixture apps once (one tsx process, CDK_VALIDATION=false) into a
 * cache directory keyed by the fixture sources, and reads templates back.
 */

import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../../..')

export type FixtureStack = 'AwsStack' | 'ChatStack' | 'AuthStack' | 'ServicesStack' | 'LargeStack' | 'cli/ChatStack' | 'assets/AssetStack'
export const FIXTURE_STACK_NAMES: FixtureStack[] = ['AwsStack', 'ChatStack', 'AuthStack', 'ServicesStack', 'LargeStack', 'cli/ChatStack', 'assets/AssetStack']

/** Directory holding `<Stack>.template.json` for every fixture stack (synthesized on first use). */
export function fixtureDir(): string {
  const hash = createHash('md5')
  for (const f of ['apps.ts', 'synth.ts']) hash.update(readFileSync(join(here, f)))
  const dir = join(root, 'node_modules', '.cache', 'socket-studio-import-fixtures', hash.digest('hex').slice(0, 12))
  if (!FIXTURE_STACK_NAMES.every((s) => existsSync(join(dir, `${s}.template.json`)))) {
    // Templates of older fixture sources are not needed any more.
    const parent = dirname(dir)
    if (existsSync(parent)) {
      for (const old of readdirSync(parent)) if (!old.startsWith(basename(dir))) rmSync(join(parent, old), { recursive: true, force: true })
    }
    // Test files run in parallel workers: synthesize into a private directory, then move it into place at once.
    const scratch = `${dir}.tmp-${process.pid}`
    mkdirSync(scratch, { recursive: true })
    execFileSync(join(root, 'node_modules', '.bin', 'tsx'), [join(here, 'synth.ts'), scratch], {
      cwd: root,
      env: { ...process.env, CDK_VALIDATION: 'false' },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    const complete = () => FIXTURE_STACK_NAMES.every((s) => existsSync(join(dir, `${s}.template.json`)))
    if (existsSync(dir) && !complete()) rmSync(dir, { recursive: true, force: true }) // a leftover of an interrupted run
    try {
      renameSync(scratch, dir)
    } catch {
      // Another worker got there first; its templates are the same.
      rmSync(scratch, { recursive: true, force: true })
    }
  }
  return dir
}

export function fixtureTemplate(stack: FixtureStack): string {
  return readFileSync(join(fixtureDir(), `${stack}.template.json`), 'utf8')
}

export function handwrittenTemplate(name = 'handwritten.yaml'): string {
  return readFileSync(join(here, name), 'utf8')
}
