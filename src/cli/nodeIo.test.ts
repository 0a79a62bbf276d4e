import { spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeAll } from './nodeIo'

describe('writeAll: the CLI writes synchronously to its descriptors', () => {
  it('writes every byte, multi-byte characters and megabytes included', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ss-io-')), 'out.txt')
    const fd = openSync(file, 'w')
    const text = `é→🙂 ${'x'.repeat(3 * 1024 * 1024)}\nend\n`
    const state = { closed: false }
    writeAll(fd, text, state)
    writeAll(fd, '', state)
    closeSync(fd)
    expect(readFileSync(file, 'utf8')).toBe(text)
    expect(state.closed).toBe(false)
  })

  it('stops quietly when the reader has gone (EPIPE), as `cli … | head` expects', () => {
    // A child writes 8 MB to a pipe whose reader (`head -c 1`) exits after one byte.
    const script = `const { writeAll } = require(${JSON.stringify(require.resolve('./nodeIo.ts'))}); const s = { closed: false }; writeAll(1, 'y'.repeat(8 << 20), s); process.stderr.write(String(s.closed))`
    const run = spawnSync('sh', ['-c', `node --import tsx -e "$SCRIPT" | head -c 1 >/dev/null`], { env: { ...process.env, SCRIPT: script }, encoding: 'utf8', timeout: 30_000 })
    expect(run.status).toBe(0)
    expect(run.stderr).toBe('true')
  })
})
