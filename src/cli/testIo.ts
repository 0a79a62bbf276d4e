import { readdirSync, readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { CliIo } from './command'

/** An in-memory CliIo for tests: reads real files (relative to the repo) unless overridden, captures output. */
export function testIo(files: Record<string, string> = {}, cwd = resolve(__dirname, '../..')) {
  const out: string[] = []
  const err: string[] = []
  const written: Record<string, string> = {}
  const io: CliIo = {
    cwd,
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: (p) => (p in files ? files[p] : p in written ? written[p] : readFileSync(resolve(cwd, p), 'utf8')),
    writeFile: (p, c) => void (written[p] = c),
    exists: (p) => p in files || p in written,
    listDir: (p) => (statSync(resolve(cwd, p), { throwIfNoEntry: false })?.isDirectory() ? readdirSync(resolve(cwd, p)).sort() : undefined),
    mkdirp: () => {},
  }
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), written }
}
