import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { CliIo } from './command'

export function nodeIo(): CliIo {
  const cwd = process.cwd()
  return {
    cwd,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readFile: (p) => readFileSync(resolve(cwd, p), 'utf8'),
    writeFile: (p, c) => {
      const full = resolve(cwd, p)
      mkdirSync(dirname(full), { recursive: true })
      writeFileSync(full, c)
    },
    exists: (p) => existsSync(resolve(cwd, p)),
    listDir: (p) => (statSync(resolve(cwd, p), { throwIfNoEntry: false })?.isDirectory() ? readdirSync(resolve(cwd, p)).sort() : undefined),
    mkdirp: (p) => void mkdirSync(resolve(cwd, p), { recursive: true }),
  }
}
