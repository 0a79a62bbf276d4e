/** Message scripts: shape checks with located diagnostics, subset matching and the pure runner (driving the in-process session). */

import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../model/document/parse'
import { sessionScriptClient } from './sessionClient'
import { jsonSubset, parseScripts, runScript } from './scripts'
import { EmulatorSession } from './session'
import { RecordingHost } from './recordingHost'

const ping = () => {
  const p = parseDocument(readFileSync(resolve(__dirname, '../../examples/mock-ping.yaml'), 'utf8'))
  if (!p.ok) throw new Error('parse')
  return p.document.design
}

describe('message scripts', () => {
  it('parseScripts reports malformed steps by location and keeps the good scripts', () => {
    const { scripts, diagnostics } = parseScripts({ good: { steps: [{ connect: {} }, { send: 'x' }, { expect: { contains: 'y' } }, { close: {} }] }, bad: { steps: [{ send: 3 }, { dance: 1 }] }, worse: 'x' })
    expect(Object.keys(scripts)).toEqual(['good'])
    expect(diagnostics.map((d) => d.field)).toEqual(['scripts.bad.steps.0', 'scripts.bad.steps.1', 'scripts.worse'])
  })

  it('jsonSubset compares objects by key and arrays element-wise', () => {
    expect(jsonSubset({ a: 1 }, { a: 1, b: 2 })).toBe(true)
    expect(jsonSubset({ a: [1, { b: 2 }] }, { a: [1, { b: 2, c: 3 }] })).toBe(true)
    expect(jsonSubset({ a: 1 }, { a: '1' })).toBe(false)
    expect(jsonSubset({ constructor: 1 }, {})).toBe(false)
  })

  it('runs against the in-process session and stops at the first mismatch', async () => {
    const host = new RecordingHost()
    const session = new EmulatorSession({ design: ping(), host })
    const client = sessionScriptClient(session, host)
    const ok = await runScript({ steps: [{ connect: {} }, { send: '{"action":"ping"}' }, { expect: { json: { action: 'pong' } } }, { close: {} }] }, client.client)
    expect(ok.ok).toBe(true)
    const bad = await runScript({ steps: [{ connect: {} }, { send: 'x' }, { expect: { json: { action: 'pong' }, timeoutMs: 50 } }, { send: 'never' }] }, client.client)
    expect(bad.ok).toBe(false)
    expect(bad.steps).toHaveLength(3)
  })
})
