import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { CliIo } from './command'

/** How long one write may keep meeting a full non-blocking pipe (EAGAIN) before it gives up. */
const FULL_PIPE_WAIT_MS = 30_000

/**
 * Writes `text` to a file descriptor synchronously, all of it. The CLI writes through the descriptor instead of
 * process.stdout/stderr: those streams are built on first use, and for a pipe or a terminal that loads node's
 * net and stream modules, 2-4 ms of a short verb's run (measured on `export` of the 150-route design, whose two
 * warnings were the first thing written to stderr). On Linux node's own writes to pipes, terminals and files are
 * synchronous as well, so ordering and completeness are what they were; the process can exit as soon as the
 * verb returns. A reader that went away (EPIPE, as in `… | head`) ends the writing quietly, as it does for any
 * command-line tool.
 */
export function writeAll(fd: number, text: string, state: { closed: boolean }): void {
  if (state.closed || !text) return
  const bytes = Buffer.from(text, 'utf8')
  let offset = 0
  let waitedSince: number | undefined
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset)
      waitedSince = undefined
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'EPIPE') {
        state.closed = true
        return
      }
      // A descriptor another process left non-blocking: wait for the reader, in 1 ms sleeps, within a bound.
      if (code !== 'EAGAIN') throw e
      waitedSince ??= Date.now()
      if (Date.now() - waitedSince > FULL_PIPE_WAIT_MS) throw e
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1)
    }
  }
}

export function nodeIo(): CliIo {
  const out = { closed: false }
  const err = { closed: false }
  const cwd = process.cwd()
  return {
    cwd,
    stdout: (t) => writeAll(1, t, out),
    stderr: (t) => writeAll(2, t, err),
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
