/**
 * Message scripts: "connect, send these, expect these replies", stored in the design under `scripts` and replayed
 * by the Live panel (one click) and by `serve --script <name|file>` (exit 1 on a mismatch, so CI can use them).
 * The runner is pure: it drives any client (a real `ws` socket in Node, the in-page session in the designer).
 *
 * ```yaml
 * scripts:
 *   pingPong:
 *     steps:
 *       - connect: {query: {token: letmein}}      # `as: b` names a second connection; default `a`
 *       - send: '{"action":"ping"}'
 *       - expect: {json: {action: pong}}           # subset match; or `text:` (exact) / `contains:`
 *       - close: {}
 * ```
 */

import type { Diagnostic } from '../model/diagnostics'
import type { Json } from '../model/types'

export interface ConnectStep {
  connect: { as?: string; query?: Record<string, string>; headers?: Record<string, string>; apiKey?: string; /** Expect the upgrade to be refused with this status. */ rejected?: number }
}
export interface SendStep {
  send: string
  on?: string
}
export interface ExpectStep {
  expect: { on?: string; json?: Json; text?: string; contains?: string; timeoutMs?: number }
}
export interface CloseStep {
  close: { on?: string }
}
export type ScriptStep = ConnectStep | SendStep | ExpectStep | CloseStep

export interface MessageScript {
  description?: string
  steps: ScriptStep[]
}

export interface ScriptClient {
  connect(name: string, request: { query: Record<string, string>; headers: Record<string, string> }): Promise<{ ok: true } | { ok: false; status: number }>
  send(name: string, data: string): Promise<void> | void
  /** The next frame the named connection receives, or undefined after `timeoutMs`. */
  next(name: string, timeoutMs: number): Promise<string | undefined>
  close(name: string): Promise<void> | void
}

export interface StepResult {
  index: number
  ok: boolean
  summary: string
}

export interface ScriptResult {
  ok: boolean
  steps: StepResult[]
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)

/** Does `actual` contain everything `expected` has (objects by key, arrays element-wise, scalars equal)? */
export function jsonSubset(expected: unknown, actual: unknown): boolean {
  if (isObject(expected)) return isObject(actual) && Object.keys(expected).every((k) => Object.prototype.hasOwnProperty.call(actual, k) && jsonSubset(expected[k], actual[k]))
  if (Array.isArray(expected)) return Array.isArray(actual) && expected.length === actual.length && expected.every((e, i) => jsonSubset(e, actual[i]))
  return expected === actual
}

function stringMap(v: unknown): v is Record<string, string> {
  return isObject(v) && Object.values(v).every((x) => typeof x === 'string')
}

/** Checks the shape of `design.scripts`; returns the scripts it can run and located diagnostics for the rest. */
export function parseScripts(raw: unknown): { scripts: Record<string, MessageScript>; diagnostics: Diagnostic[] } {
  const scripts: Record<string, MessageScript> = Object.create(null) as Record<string, MessageScript>
  const diagnostics: Diagnostic[] = []
  if (raw === undefined) return { scripts, diagnostics }
  const bad = (message: string, field?: string) => diagnostics.push({ code: 'EMU001', severity: 'error', message, ...(field ? { field } : {}) })
  if (!isObject(raw)) {
    bad('scripts must be a mapping of name → {steps: [...]}')
    return { scripts, diagnostics }
  }
  for (const [name, s] of Object.entries(raw)) {
    if (!isObject(s) || !Array.isArray(s.steps)) {
      bad(`script ${name}: needs a steps list`, `scripts.${name}`)
      continue
    }
    const steps: ScriptStep[] = []
    let ok = true
    s.steps.forEach((step: unknown, i: number) => {
      const where = `scripts.${name}.steps.${i}`
      if (!isObject(step)) return (ok = false), bad(`${where}: a step is a mapping (connect, send, expect or close)`, where)
      if ('connect' in step) {
        const c = step.connect ?? {}
        if (!isObject(c) || (c.query !== undefined && !stringMap(c.query)) || (c.headers !== undefined && !stringMap(c.headers))) return (ok = false), bad(`${where}: connect takes {as, query, headers, apiKey, rejected}`, where)
        steps.push({ connect: c as ConnectStep['connect'] })
      } else if ('send' in step) {
        if (typeof step.send !== 'string') return (ok = false), bad(`${where}: send takes the message text`, where)
        steps.push(step as unknown as SendStep)
      } else if ('expect' in step) {
        const e = step.expect
        if (!isObject(e) || (e.json === undefined && e.text === undefined && e.contains === undefined)) return (ok = false), bad(`${where}: expect takes json, text or contains`, where)
        steps.push({ expect: e as ExpectStep['expect'] })
      } else if ('close' in step) steps.push({ close: (isObject(step.close) ? step.close : {}) as CloseStep['close'] })
      else return (ok = false), bad(`${where}: unknown step ${Object.keys(step).join(', ')}`, where)
    })
    if (ok) scripts[name] = { ...(typeof s.description === 'string' ? { description: s.description } : {}), steps }
  }
  return { scripts, diagnostics }
}

/** Runs a script; stops at the first failing step. */
export async function runScript(script: MessageScript, client: ScriptClient, opts: { defaultTimeoutMs?: number } = {}): Promise<ScriptResult> {
  const steps: StepResult[] = []
  const timeout = opts.defaultTimeoutMs ?? 5000
  for (const [index, step] of script.steps.entries()) {
    let result: StepResult
    if ('connect' in step) {
      const c = step.connect
      const headers = { ...(c.headers ?? {}), ...(c.apiKey ? { 'x-api-key': c.apiKey } : {}) }
      const out = await client.connect(c.as ?? 'a', { query: c.query ?? {}, headers })
      if (c.rejected !== undefined) result = { index, ok: !out.ok && out.status === c.rejected, summary: out.ok ? `expected a ${c.rejected} refusal, but connected` : `refused with ${out.status}${out.status === c.rejected ? '' : `, expected ${c.rejected}`}` }
      else result = { index, ok: out.ok, summary: out.ok ? `connected ${c.as ?? 'a'}` : `connection refused with ${out.status}` }
    } else if ('send' in step) {
      await client.send(step.on ?? 'a', step.send)
      result = { index, ok: true, summary: `sent ${step.send.length > 80 ? `${step.send.slice(0, 80)}…` : step.send}` }
    } else if ('expect' in step) {
      const e = step.expect
      const got = await client.next(e.on ?? 'a', e.timeoutMs ?? timeout)
      if (got === undefined) result = { index, ok: false, summary: `no message within ${e.timeoutMs ?? timeout} ms` }
      else {
        let ok: boolean
        if (e.text !== undefined) ok = got === e.text
        else if (e.contains !== undefined) ok = got.includes(e.contains)
        else {
          try {
            ok = jsonSubset(e.json, JSON.parse(got))
          } catch {
            ok = false
          }
        }
        result = { index, ok, summary: ok ? `received ${got}` : `received ${got}, expected ${e.text ?? e.contains ?? JSON.stringify(e.json)}` }
      }
    } else {
      await client.close(step.close.on ?? 'a')
      result = { index, ok: true, summary: `closed ${step.close.on ?? 'a'}` }
    }
    steps.push(result)
    if (!result.ok) return { ok: false, steps }
  }
  return { ok: true, steps }
}
