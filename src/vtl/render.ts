/**
 * renderTemplate: the preview renderer. Runs the balance pass and the parser first (an unbalanced
 * template would render misleading output), then renders against a WebSocket request built from the input:
 * body, `$context` (sample values overridden by the caller's), stage variables and `$connect` parameters.
 * Never throws: every failure comes back as a located Diagnostic.
 */

import type { Diagnostic } from '../model/diagnostics'
import { checkBalance } from './balance'
import { ApigwCompile, FOREACH_LIMIT, RenderFailure } from './compile'
import { mergeContext, sampleContext } from './context'
import { checkLimits } from './limits'
import { scanReferences } from './references'
import { makeInput, type RequestParams } from './input'
import { parseTemplate, type VtlAst } from './parse'
import { diag, LineIndex } from './positions'
import { scanTemplate } from './scan'
import { makeUtil } from './util'

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
}

export type RenderResult = { ok: true; output: string; warnings: Diagnostic[] } | { ok: false; error: Diagnostic }

/** Builds the `$context` object a render sees. */
export function buildContext(input: RenderInput): Record<string, unknown> {
  const routeKey = typeof input.context?.routeKey === 'string' ? input.context.routeKey : input.routeKey
  const stage = typeof input.context?.stage === 'string' ? input.context.stage : undefined
  const ctx = mergeContext(sampleContext({ routeKey, stage }), input.context)
  // Authorizer context values always reach templates as strings (`1` → "1", `true` → "true").
  const auth = ctx.authorizer
  if (auth && typeof auth === 'object' && !Array.isArray(auth))
    for (const [k, v] of Object.entries(auth)) if (v !== null && v !== undefined && typeof v !== 'object') (auth as Record<string, unknown>)[k] = String(v)
  return ctx
}

export function renderTemplate(text: string, input: RenderInput = {}): RenderResult {
  try {
    return renderUnsafe(text, input)
  } catch (e) {
    return { ok: false, error: { code: 'VTL011', severity: 'error', message: `rendering fails: ${e instanceof Error ? e.message : String(e)}`, range: { line: 1, column: 1, endLine: 1, endColumn: 1 } } }
  }
}

function renderUnsafe(text: string, input: RenderInput): RenderResult {
  const lines = new LineIndex(text)
  const scan = scanTemplate(text)
  const balance = checkBalance(scan, lines)
  if (balance.length) return { ok: false, error: balance[0] }
  const limits = checkLimits(scan, scanReferences(scan.masked), lines)
  if (limits.length) return { ok: false, error: limits[0] }
  const parsed = parseTemplate(text, scan, lines)
  if (!parsed.ok) return { ok: false, error: parsed.error }
  return renderParsed(parsed.ast, lines, input)
}

/** Renders an already balanced and parsed template (validateTemplate reuses its parse). Never throws. */
export function renderParsed(ast: VtlAst, lines: LineIndex, input: RenderInput): RenderResult {
  const text = lines.text
  const compile = new ApigwCompile(ast)
  try {
    const context = {
      context: buildContext(input),
      input: makeInput(input.body, input.params),
      util: makeUtil(),
      stageVariables: { ...(input.stageVariables ?? {}) },
    }
    const output = compile.render(context, undefined, true)
    const warnings = compile.truncatedLoops.map((p) => {
      const start = lines.lineStart(p.first_line) + p.first_column
      return diag('VTL019', `#foreach stopped after ${FOREACH_LIMIT} iterations (API Gateway's limit per loop)`, lines.range(start, start + 8))
    })
    return { ok: true, output, warnings }
  } catch (e) {
    const pos = e instanceof RenderFailure ? e.pos : undefined
    const start = pos ? lines.lineStart(pos.first_line) + pos.first_column : 0
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0].replace(/on \$.* at L\/N .*$/, '').trim()
    return { ok: false, error: diag('VTL011', `rendering fails: ${message}`, lines.range(start, Math.min(text.length, start + 1))) }
  }
}
