/**
 * renderTemplate: the preview renderer. Runs the balance pass, the safety limits and the parser first (an
 * unbalanced template would render misleading output), then renders against a WebSocket request built from the
 * input: body, `$context` (sample values overridden by the caller's), stage variables and `$connect` parameters.
 * Never throws: every failure comes back as a located Diagnostic.
 */

import type { Diagnostic } from '../model/diagnostics'
import { analyse } from './analysis'
import { checkBalance } from './balance'
import { mergeContext, sampleContext, toJavaMap } from './context'
import { makeInput, stringMap, type RequestParams } from './input'
import { FOREACH_LIMIT, Interpreter, RenderFailure, type Pos } from './interpret'
import { checkLimits } from './limits'
import { parseTemplate, type VtlAst } from './parse'
import { diag, LineIndex } from './positions'
import { scanReferences } from './references'
import { scanTemplate } from './scan'
import { makeUtil } from './util'

export { RenderFailure } from './interpret'

/** API Gateway's WebSocket message payload quota (frames are 32 KB; a message at most 128 KB). */
export const MAX_MESSAGE_BYTES = 128 * 1024

export interface RenderInput {
  /** The client message as sent (empty for `$connect` / `$disconnect`). */
  body?: string
  /** `$context` values; merged over realistic sample values (nested objects or dotted keys). */
  context?: Record<string, unknown>
  stageVariables?: Record<string, string>
  /** `$connect` request parameters for `$input.params()`. */
  params?: RequestParams
  /** Route key for the sample context (`eventType`, `routeKey`); `context.routeKey` wins. */
  routeKey?: string
  /** Render under the open null-handling hypothesis (interpret.ts `nullAsEmpty`; README.md "Null handling"). */
  nullAsEmpty?: boolean
}

export type RenderResult = { ok: true; output: string; warnings: Diagnostic[] } | { ok: false; error: Diagnostic }

/** Builds the `$context` object a render sees. */
export function buildContext(input: RenderInput): Record<string, unknown> {
  const routeKey = typeof input.context?.routeKey === 'string' ? input.context.routeKey : input.routeKey
  const stage = typeof input.context?.stage === 'string' ? input.context.stage : undefined
  const ctx = mergeContext(sampleContext({ routeKey, stage }), input.context)
  // Authorizer context values always reach templates as strings (`1` → "1", `true` → "true").
  // A new object: the authorizer may be the caller's own (mergeContext shares what it does not write), and the
  // emulator passes the same one to every message of a connection.
  const auth = ctx.authorizer
  if (auth && typeof auth === 'object' && !Array.isArray(auth))
    ctx.authorizer = Object.fromEntries(Object.entries(auth).map(([k, v]) => [k, v !== null && v !== undefined && typeof v !== 'object' ? String(v) : v]))
  return ctx
}

const at1 = { line: 1, column: 1, endLine: 1, endColumn: 1 }

export function renderTemplate(text: string, input: RenderInput = {}): RenderResult {
  try {
    return renderUnsafe(text, input)
  } catch (e) {
    return { ok: false, error: { code: 'VTL011', severity: 'error', message: `rendering fails: ${e instanceof Error ? e.message : String(e)}`, range: at1 } }
  }
}

function renderUnsafe(text: string, input: RenderInput): RenderResult {
  const { lines, scan, refs, balance, limits } = analyse(text)
  if (balance.length) return { ok: false, error: balance[0] }
  if (limits.length) return { ok: false, error: limits[0] }
  const parsed = parseTemplate(text, scan, lines, refs)
  if (!parsed.ok) return { ok: false, error: parsed.error }
  return renderParsed(parsed.ast, lines, input, scan.stops)
}

/** Parses a string met while rendering (`#evaluate`, an interpolated "…$x…" literal); throws RenderFailure. */
function parseNested(text: string): VtlAst {
  const lines = new LineIndex(text)
  const scan = scanTemplate(text)
  const problem = checkBalance(scan, lines)[0] ?? checkLimits(scan, scanReferences(scan.masked), lines)[0]
  if (problem) throw new RenderFailure(problem.message, undefined)
  const parsed = parseTemplate(text, scan, lines)
  if (!parsed.ok) throw new RenderFailure(parsed.error.message, undefined)
  if (scan.stops.length) throw new RenderFailure('#stop inside an evaluated string is not supported by this preview', undefined)
  return parsed.ast
}

/** Renders an already balanced and parsed template (validateTemplate reuses its parse). Never throws. */
export function renderParsed(ast: VtlAst, lines: LineIndex, input: RenderInput, stopOffsets: readonly number[] = []): RenderResult {
  const text = lines.text
  const offsetOf = (p: Pos) => lines.lineStart(p.first_line) + p.first_column
  const bytes = input.body ? new TextEncoder().encode(input.body).length : 0
  if (bytes > MAX_MESSAGE_BYTES)
    return { ok: false, error: diag('VTL011', `the message is ${(bytes / 1024).toFixed(0)} KB: API Gateway accepts WebSocket messages up to 128 KB and closes the connection (1009) on larger ones`, lines.range(0, Math.min(1, text.length))) }
  const stops = new Set(stopOffsets.map((o) => {
    const p = lines.position(o)
    return `${p.line}:${p.column - 1}`
  }))
  try {
    const globals = new Map<string, unknown>([
      ['context', toJavaMap(buildContext(input))],
      ['input', makeInput(input.body, input.params)],
      ['util', makeUtil()],
      ['stageVariables', stringMap(input.stageVariables)],
    ])
    const sourceText = (p: Pos) => {
      const start = offsetOf(p)
      const end = p.last_line !== undefined && p.last_column !== undefined ? lines.lineStart(p.last_line) + p.last_column : start
      return text.slice(start, Math.max(start, end))
    }
    const interpreter = new Interpreter(ast, globals, { sourceText, stops, parse: parseNested, nullAsEmpty: input.nullAsEmpty })
    const output = interpreter.render()
    const warnings = interpreter.truncatedLoops.map((p) => {
      const start = offsetOf(p)
      return diag('VTL019', `#foreach stopped after ${FOREACH_LIMIT} iterations (API Gateway's limit per loop)`, lines.range(start, start + 8))
    })
    return { ok: true, output, warnings }
  } catch (e) {
    const pos = e instanceof RenderFailure ? e.pos : undefined
    const start = pos ? offsetOf(pos) : 0
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0].trim()
    return { ok: false, error: diag('VTL011', `rendering fails: ${message}`, lines.range(start, Math.min(text.length, start + 1))) }
  }
}
