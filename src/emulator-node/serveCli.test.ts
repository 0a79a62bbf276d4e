/** `serve` as the CLI runs it: --script replays a design's script (exit 0 / 1 on mismatch); errors refuse like export. */

import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { runCli } from '../cli/run'
import { testIo } from '../cli/testIo'

const root = resolve(__dirname, '../..')
const ping = readFileSync(resolve(root, 'examples/mock-ping.yaml'), 'utf8')
const withScripts = ping.replace(
  /^layout:/m,
  `  scripts:
    pingPong:
      steps:
        - connect: {}
        - send: '{"action":"ping"}'
        - expect: {json: {action: pong}}
        - send: hello
        - expect: {contains: unknown action}
        - close: {}
    wrong:
      steps:
        - connect: {}
        - send: '{"action":"ping"}'
        - expect: {json: {action: ping}, timeoutMs: 2000}
layout:`,
)

describe('serve --script', () => {
  it('replays a script of the design and exits 0 when every expectation holds', async () => {
    const t = testIo({ 'ping.yaml': withScripts })
    const code = await runCli(['serve', 'ping.yaml', '--port', '0', '--script', 'pingPong'], t.io)
    expect(t.stdout()).toContain('script passed: pingPong')
    expect(code).toBe(0)
  })

  it('exits 1 on a mismatch and says what was received', async () => {
    const t = testIo({ 'ping.yaml': withScripts })
    const code = await runCli(['serve', 'ping.yaml', '--port', '0', '--script', 'wrong'], t.io)
    expect(code).toBe(1)
    expect(t.stdout()).toMatch(/FAIL 3\. received \{"action":"pong".*expected \{"action":"ping"\}/)
  })

  it('the chat example replays its two-client script: a message from a reaches b through the Lambda and @connections', async () => {
    const t = testIo({ 'chat.yaml': readFileSync(resolve(root, 'examples/chat.yaml'), 'utf8') })
    const code = await runCli(['serve', 'chat.yaml', '--port', '0', '--script', 'twoClients'], t.io)
    expect(t.stdout()).toMatch(/ok {3}4\. received \{"from":"[^"]+","message":"hello b"\}/)
    expect(code).toBe(0)
  })

  it('replays a script file', async () => {
    const t = testIo({ 'ping.yaml': ping, 'script.yaml': 'steps:\n  - connect: {}\n  - send: \'{"action":"ping"}\'\n  - expect: {contains: pong}\n' })
    expect(await runCli(['serve', 'ping.yaml', '--port', '0', '--script', 'script.yaml'], t.io)).toBe(0)
  })

  it('refuses a design with errors unless --force, like export', async () => {
    const broken = ping.replace('routeSelectionExpression: $request.body.action', "routeSelectionExpression: ''")
    const t = testIo({ 'broken.yaml': broken })
    expect(await runCli(['serve', 'broken.yaml', '--port', '0'], t.io)).toBe(1)
    expect(t.stderr()).toContain('not served')
  })

  it('as a process: one timeline line per step, --watch reloads keeping the open connection, Ctrl+C (SIGINT) stops cleanly with exit 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-watch-'))
    const design = join(dir, 'ping.yaml')
    writeFileSync(design, ping)
    const child = spawn(process.execPath, [resolve(root, 'scripts/cli.cjs'), 'serve', design, '--port', '0', '--watch'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)))
    const until = async (what: string, ok: () => boolean, ms = 30_000) => {
      const end = Date.now() + ms
      while (!ok()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}; stdout: ${out}; stderr: ${err}`)
        await new Promise((r) => setTimeout(r, 25))
      }
    }
    try {
      await until('serve to start', () => /serving .* at ws:\/\/127\.0\.0\.1:\d+\/dev/.test(err))
      const url = /at (ws:\/\/\S+)/.exec(err)![1]
      const ws = new WebSocket(url)
      const inbox: string[] = []
      ws.on('message', (d: Buffer) => inbox.push(d.toString()))
      await new Promise<void>((res, rej) => {
        ws.once('open', () => res())
        ws.once('error', rej)
      })
      ws.send('{"action":"ping"}')
      await until('the pong', () => inbox.length === 1)
      for (const kind of ['connect', 'connected', 'route', 'template', 'integration', 'response', 'reply']) expect(out).toMatch(new RegExp(`\\s${kind}\\s`))
      writeFileSync(design, ping.replace(/"action": ?"pong"/, '"action":"pong v2"'))
      await until('the reload', () => out.includes('design reloaded; 1 connection(s) kept'))
      ws.send('{"action":"ping"}')
      await until('the second reply', () => inbox.length === 2)
      expect(inbox[1]).toContain('pong v2')
      ws.close()
      await until('$disconnect', () => /\sdisconnect\s/.test(out))
      child.kill('SIGINT')
      expect(await Promise.race([exited, new Promise((res) => setTimeout(() => res('still running'), 10_000))])).toBe(0)
      expect(err).toContain('stopping')
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
