/** `serve` as the CLI runs it: --script replays a design's script (exit 0 / 1 on mismatch); errors refuse like export. */

import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
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
})
