/**
 * Checks on the rendered output, by what the backend expects: JSON-bodied services must get valid JSON,
 * form-encoded services (SQS, SNS query APIs) `Action=…&k=v` with URL-encoded values, MOCK a `statusCode`.
 */

import type { Diagnostic } from '../model/diagnostics'
import { checkJson, mapOutputToTemplate, outputPosition } from './jsonCheck'
import { diag, type LineIndex } from './positions'

export type OutputKind = 'json' | 'form' | 'none'

const JSON_SERVICES = new Set(['dynamodb', 'kinesis', 'events', 'states', 'lambda', 'firehose', 'logs'])
const FORM_SERVICES = new Set(['sqs', 'sns'])

export interface OutputKindOptions {
  contentType?: string
  integrationType?: string
  service?: string
  formEncoded?: boolean
  /** Request parameters of the integration: a `Content-Type` header mapping decides the body format. */
  requestParameters?: Record<string, string>
}

export function outputKind(o: OutputKindOptions): OutputKind {
  const header = Object.entries(o.requestParameters ?? {}).find(([k]) => k.toLowerCase() === 'integration.request.header.content-type')?.[1]
  const ct = (header ?? o.contentType ?? '').toLowerCase()
  if (o.formEncoded === true || ct.includes('x-www-form-urlencoded')) return 'form'
  if (o.formEncoded === false) return ct.includes('json') ? 'json' : 'none'
  if (ct.includes('json')) return 'json'
  if (o.service && FORM_SERVICES.has(o.service) && !header) return 'form'
  if (o.integrationType === 'mock' || o.integrationType === 'lambda') return 'json'
  if (o.service && JSON_SERVICES.has(o.service)) return 'json'
  return 'none'
}

function excerpt(s: string, at: number): string {
  const a = Math.max(0, at - 20)
  const b = Math.min(s.length, at + 20)
  return `${a > 0 ? '…' : ''}${s.slice(a, b).replace(/\n/g, '⏎')}${b < s.length ? '…' : ''}`
}

export function checkJsonOutput(output: string, template: string, lines: LineIndex): Diagnostic[] {
  const r = checkJson(output)
  if (r.ok) return []
  const at = mapOutputToTemplate(template, output, r.offset)
  const where = outputPosition(output, r.offset)
  return [
    diag(
      'VTL012',
      `rendered output is not valid JSON at output line ${where.line}, column ${where.column}: ${r.message} (near \`${excerpt(output, r.offset)}\`)`,
      lines.range(at, Math.min(template.length, at + 1)),
    ),
  ]
}

/** Characters that are fine in a form value as written (RFC 3986 query characters plus `%XX`). */
const FORM_VALUE = /^(?:[A-Za-z0-9\-._~!$'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/

export function checkFormOutput(output: string, template: string, lines: LineIndex): Diagnostic[] {
  const out: Diagnostic[] = []
  let offset = 0
  let hasAction = false
  let previous: { key: string; at: number } | undefined
  for (const pair of output.split('&')) {
    const eq = pair.indexOf('=')
    const key = eq < 0 ? pair : pair.slice(0, eq)
    const value = eq < 0 ? '' : pair.slice(eq + 1)
    if (key === 'Action' && value) hasAction = true
    const keyAt = template.indexOf(`${key}=`)
    // A key the template does not contain is the tail of the previous value, split by a raw `&` in it.
    const orphan = keyAt < 0 && previous !== undefined
    if (orphan || !FORM_VALUE.test(key) || !FORM_VALUE.test(value)) {
      const at = orphan ? previous!.at : keyAt >= 0 ? keyAt : mapOutputToTemplate(template, output, offset)
      const name = orphan ? previous!.key : key
      const bad = orphan ? '&' : ([...(FORM_VALUE.test(key) ? value : key)].find((c) => !/[A-Za-z0-9\-._~!$'()*+,;=:@/?%]/.test(c)) ?? '%')
      out.push(
        diag(
          'VTL014',
          `form value of \`${name}\` is not URL-encoded (contains ${JSON.stringify(bad)}): \`${excerpt(orphan ? `&${pair}` : pair, 0)}\`; use $util.urlEncode(...)`,
          lines.range(at, Math.min(template.length, at + Math.max(1, name.length))),
        ),
      )
    }
    if (!orphan && keyAt >= 0) previous = { key, at: keyAt }
    offset += pair.length + 1
  }
  if (!hasAction) out.push(diag('VTL015', 'a form-encoded AWS request needs an `Action=<Operation>` parameter (e.g. Action=SendMessage)', lines.range(0, Math.min(1, template.length))))
  return out
}

/**
 * JSON with bare keys (`{statusCode: 200}`), as MOCK integrations read it: AWS accepts that form there (its parser
 * is lenient), so a MOCK request template gets a warning rather than an error for it. Undefined when not readable.
 */
export function parseLenientJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    try {
      return JSON.parse(text.replace(/([{,]\s*)([A-Za-z_$][A-Za-z0-9_$]*)\s*:/g, '$1"$2":'))
    } catch {
      return undefined
    }
  }
}

export function checkMockOutput(output: string, template: string, lines: LineIndex): Diagnostic[] {
  const parsed = parseLenientJson(output)
  if (parsed === undefined) return [] // VTL012 already reports it
  const code = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>).statusCode : undefined
  if (typeof code === 'number' && Number.isInteger(code)) return []
  return [diag('VTL016', 'a MOCK request template must render a JSON object with an integer "statusCode", e.g. {"statusCode": 200}', lines.range(0, Math.min(1, template.length)))]
}
