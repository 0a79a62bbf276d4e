/**
 * validateTemplate: every check on one request template, as Diagnostic[] (vtl.md §4.5):
 * size → balance → parse → references (static) → trial render against a sample message → output checks
 * → template-key reachability. Pure and synchronous; runs in node, a web worker and the CLI. Never throws.
 */

import { sortDiagnostics, type Diagnostic } from '../model/diagnostics'
import type { Design } from '../model/types'
import { analyse } from './analysis'
import { parseTemplate } from './parse'
import { checkFormOutput, checkJsonOutput, checkMockOutput, outputKind, parseLenientJson } from './outputChecks'
import { diag, SourceMappedLines } from './positions'
import { resolveTemplateRefsMapped } from './refValues'
import { renderParsed, renderTemplate, type RenderInput } from './render'
import { evaluateExpression, unreachableTemplateKeys } from './selection'
import { assignedRoots, checkFormEncoding, checkReferences } from './staticChecks'

export const MAX_TEMPLATE_BYTES = 300 * 1024

/**
 * The message used when the caller gives none (routes other than $connect/$disconnect): a typical chat message
 * whose text has a space, double quotes, an apostrophe and `&`, so templates that skip escaping or URL-encoding
 * fail here rather than on the first real user who types them.
 */
export const DEFAULT_SAMPLE_MESSAGE = '{"action":"sendmessage","type":"chat","id":"42","room":"lobby","message":"hello \\"world\\" & it\'s me"}'

export interface ValidateOptions {
  /**
   * `request` (default): an integration request template. `response`: an integration response template — its
   * output goes to the client, so backend-format checks (JSON/form by service, MOCK statusCode) and the
   * `$connect`-only parameter warning do not apply; a JSON content type still gets the JSON check.
   */
  templateKind?: 'request' | 'response'
  /** Route the template belongs to (`$connect` enables `$input.params`; sets `$context.routeKey`). */
  routeKey?: string
  /** Template key / content type (`application/json`, `application/x-www-form-urlencoded`, `$default`). */
  contentType?: string
  /** Design integration type (`aws`, `lambda`, `mock`, `http`, …). */
  integrationType?: string
  /** AWS service namespace (`dynamodb`, `sqs`, …): decides JSON vs form output checks. */
  service?: string
  action?: string
  /** Force the form-encoded output checks on (true) or off (false). */
  formEncoded?: boolean
  templateSelectionExpression?: string
  /** All template keys of the integration (for VTL017). */
  templateKeys?: readonly string[]
  /** This template's key; with templateKeys, VTL017 is reported only for it. */
  templateKey?: string
  /** Message to trial-render with; default DEFAULT_SAMPLE_MESSAGE (empty on $connect/$disconnect). */
  sampleMessage?: string
  /** Stage variables: names known to the design (checked) and values (used in the trial render). */
  stageVariables?: Record<string, string> | readonly string[]
  /** Integration request parameters (Content-Type header decides the body format; header sources need $connect). */
  requestParameters?: Record<string, string>
  /** `$context` overrides for the trial render. */
  context?: Record<string, unknown>
  /** Resolves `@{entity.attr}` references to preview values before the trial render. */
  design?: Design
}

export function defaultSampleFor(routeKey: string | undefined): string {
  return routeKey === '$connect' || routeKey === '$disconnect' ? '' : DEFAULT_SAMPLE_MESSAGE
}

function utf8Length(s: string): number {
  // One native pass (a JavaScript loop was a tenth of the time on a 10 MB template); TextEncoder is a web API.
  return encoder.encode(s).length
}
const encoder = new TextEncoder()

/** Request parameters that read `$connect`-only sources on another route (VTL010, no text range). */
export function checkRequestParameterSources(requestParameters: Record<string, string> | undefined, routeKey: string | undefined): Diagnostic[] {
  if (!requestParameters || routeKey === undefined || routeKey === '$connect') return []
  return Object.entries(requestParameters)
    .filter(([, src]) => /^route\.request\.(header|querystring|multivalueheader|multivaluequerystring)\./.test(src))
    .map(([dest, src]) => ({
      code: 'VTL010',
      severity: 'warning' as const,
      message: `request parameter ${dest} reads ${src}, which exists only on $connect (route ${routeKey} has no headers or query string)`,
      field: `requestParameters.${dest}`,
      range: { line: 1, column: 1, endLine: 1, endColumn: 1 },
    }))
}

export function validateTemplate(text: string, opts: ValidateOptions = {}): Diagnostic[] {
  try {
    return validateUnsafe(text, opts)
  } catch (e) {
    // Defence in depth: a bug in a check must not take the editor or the CLI down.
    return [{ code: 'VTL004', severity: 'error', message: `the validator failed on this template (${e instanceof Error ? e.message : String(e)})`, range: { line: 1, column: 1, endLine: 1, endColumn: 1 } }]
  }
}

function validateUnsafe(text: string, opts: ValidateOptions): Diagnostic[] {
  const out: Diagnostic[] = []
  const { lines, scan, refs, balance, limits } = analyse(text)
  const bytes = utf8Length(text)
  if (bytes > MAX_TEMPLATE_BYTES)
    out.push(diag('VTL006', `template is ${(bytes / 1024).toFixed(1)} KB; API Gateway allows at most 300 KB per template`, lines.range(0, Math.min(1, text.length))))

  out.push(...balance, ...limits)
  // Velocity 1.7 directives API Gateway gives no resource loader: they render nothing.
  for (const d of scan.directives)
    if ((d.name === 'include' || d.name === 'parse') && !d.braced && !d.bodyCall && d.args)
      out.push(diag('VTL028', `\`#${d.name}\` loads another template file, and API Gateway has no template files to load: it renders nothing`, lines.range(d.start, d.nameEnd)))
  const parsed = balance.length || limits.length ? undefined : parseTemplate(text, scan, lines, refs)
  if (parsed && !parsed.ok) out.push(parsed.error)

  const stageNames = opts.stageVariables ? (Array.isArray(opts.stageVariables) ? opts.stageVariables : Object.keys(opts.stageVariables)) : undefined
  const assigned = assignedRoots(text, scan.directives)
  const response = opts.templateKind === 'response'
  out.push(...checkReferences(refs, lines, { routeKey: response ? undefined : opts.routeKey, stageVariableNames: stageNames }, assigned))
  const kind = response ? (opts.contentType?.toLowerCase().includes('json') ? 'json' : 'none') : outputKind(opts)
  if (kind === 'form') out.push(...checkFormEncoding(refs, scan.directives, lines))
  if (!response) out.push(...checkRequestParameterSources(opts.requestParameters, opts.routeKey))

  if (parsed?.ok) {
    const resolved = opts.design ? resolveTemplateRefsMapped(text, opts.design) : undefined
    const renderText = resolved?.text ?? text
    // Positions in the resolved text are reported where the person wrote them (a preview name is longer than @{…}).
    const renderLines = resolved && renderText !== text ? new SourceMappedLines(renderText, lines, resolved.toSource) : undefined
    const located = (d: Diagnostic): Diagnostic => (renderLines && d.range ? { ...d, range: renderLines.fromDerived(d.range) } : d)
    const input: RenderInput = {
      body: opts.sampleMessage ?? defaultSampleFor(opts.routeKey),
      routeKey: opts.routeKey,
      context: opts.context,
      stageVariables: stageNames && !Array.isArray(opts.stageVariables) ? (opts.stageVariables as Record<string, string>) : undefined,
    }
    // Same text: reuse this parse; with @{…} references resolved it is a different text and is parsed again.
    const rendered = renderText === text ? renderParsed(parsed.ast, lines, input, scan.stops) : renderTemplate(renderText, input)
    if (!rendered.ok) out.push(located(rendered.error))
    else {
      out.push(...rendered.warnings.map(located))
      const mockRequest = opts.integrationType === 'mock' && !response
      if (kind === 'json')
        for (const d of checkJsonOutput(rendered.output, renderText, renderLines ?? lines))
          // MOCK reads `{statusCode: 200}` (bare keys) fine; only a backend that parses JSON rejects it.
          out.push(mockRequest && parseLenientJson(rendered.output) !== undefined ? { ...d, severity: 'warning', message: `${d.message}; a MOCK integration accepts it, a JSON backend would not` } : d)
      if (kind === 'form') out.push(...checkFormOutput(rendered.output, renderText, renderLines ?? lines))
      if (opts.integrationType === 'mock' && !response) out.push(...checkMockOutput(rendered.output, renderText, renderLines ?? lines))
    }
  }

  if (opts.templateKeys?.length) {
    const expression = opts.templateSelectionExpression
    // An unescaped `$default` expression is MDL009's (a field of the integration, src/model/checks): one owner per rule.
    const dead = unreachableTemplateKeys(expression, opts.templateKeys).filter((k) => opts.templateKey === undefined || k === opts.templateKey)
    const selected = expression === undefined ? undefined : evaluateExpression(expression, undefined)
    const target = selected !== undefined && opts.templateKeys.includes(selected) ? selected : '$default'
    for (const k of dead)
      out.push({
        code: 'VTL017',
        severity: 'warning',
        message: `template key ${JSON.stringify(k)} can never be selected: the template selection expression ${JSON.stringify(expression)} always gives ${JSON.stringify(selected)}, so ${JSON.stringify(target)} is used`,
        field: `requestTemplates.${k}`,
        range: lines.range(0, Math.min(1, text.length)),
      })
  }
  return sortDiagnostics(out)
}
