/** Scratch directories for the compile/synth checks (node-only; `.cache/` is git-ignored). */

import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

/** A scratch directory of this process (several people may run the checks in one checkout at once). */
export function freshDir(name: string): string {
  const dir = join(ROOT, '.cache', 'export-check', `${name}-${process.pid}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  return dir
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

export function run(cmd: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): { status: number; output: string } {
  const r = spawnSync(cmd, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
  return { status: r.status ?? 1, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` }
}

export const VENV_PYTHON = join(ROOT, '.venv', 'bin', 'python')

/** Whether the Python checks can run; with CI=true a missing environment is an error, not a skip. */
export function pythonAvailable(): { ok: boolean; reason: string } {
  const marker = join(ROOT, '.venv', '.socket-studio-requirements')
  if (existsSync(marker) && existsSync(VENV_PYTHON)) return { ok: true, reason: '' }
  const probe = spawnSync('python3', ['--version'])
  if (probe.status !== 0) return { ok: false, reason: 'python3 is not installed' }
  // python3 exists but the venv is missing: create it (the same script `npm run unit` runs first).
  try {
    execFileSync('node', [join(ROOT, 'scripts', 'ensure-python.mjs')], { stdio: 'inherit' })
  } catch (e) {
    return { ok: false, reason: `creating .venv failed: ${e instanceof Error ? e.message : String(e)}` }
  }
  return existsSync(VENV_PYTHON) ? { ok: true, reason: '' } : { ok: false, reason: '.venv could not be created' }
}
