/**
 * `$input` for a WebSocket message: `body` is the raw text (`{}` when empty, AWS-recorded), `json(path)`
 * the JSON text of a JSONPath result, `path(path)` the value itself, `params()` the `$connect` request's
 * header/querystring/path maps and `params(name)` one of them (path, then query string, then header).
 * The payload is read the way API Gateway's json-smart parser reads it (AWS-recorded, ToQoz/api-gateway-
 * mapping-template test/_.md): text that starts like JSON (`{`, `[`, `"`) must be valid JSON or the request fails
 * (400 ParseException); anything else (`a=b`, `a{b`, `null{`) is taken as one plain string.
 */

/** The message as `$input.path('$')` sees it; throws SyntaxError for malformed JSON-looking text. */
export function parsePayload(body: string): unknown {
  const t = body.trimStart()
  if (t.startsWith('{') || t.startsWith('[') || t.startsWith('"')) return parseJsonMarked(body)
  try {
    return parseJsonMarked(body)
  } catch {
    return body
  }
}

import { VtlRuntimeError } from './javaMethods'
import { JsonPathError, query } from './jsonPath'
import { markJson, parseJsonMarked } from './values'

export interface RequestParams {
  header?: Record<string, string>
  querystring?: Record<string, string>
  path?: Record<string, string>
}

export function makeInput(rawBody: string | undefined, params: RequestParams = {}): Record<string, unknown> {
  const body = rawBody === undefined || rawBody === '' ? '{}' : rawBody
  let parsed: { ok: true; value: unknown } | { ok: false; message: string } | undefined
  const root = () => {
    parsed ??= (() => {
      try {
        return { ok: true as const, value: parsePayload(body) }
      } catch (e) {
        return { ok: false as const, message: e instanceof Error ? e.message : String(e) }
      }
    })()
    if (!parsed.ok) throw new VtlRuntimeError(`the message looks like JSON but is not valid JSON, so $input.path/$input.json fail (API Gateway: 400 ParseException; ${parsed.message})`)
    return parsed.value
  }
  const run = (path: unknown) => {
    if (typeof path !== 'string') throw new VtlRuntimeError('$input.path/$input.json need a JSONPath string such as \'$.field\'')
    try {
      return query(path, root())
    } catch (e) {
      if (e instanceof JsonPathError) throw new VtlRuntimeError(e.message)
      throw e
    }
  }
  const all = markJson({
    header: { ...(params.header ?? {}) },
    querystring: { ...(params.querystring ?? {}) },
    path: { ...(params.path ?? {}) },
  })
  return {
    body,
    path: (p: unknown) => {
      const r = run(p)
      return r.found ? (r.value ?? undefined) : undefined
    },
    json: (p: unknown) => {
      const r = run(p)
      return r.found ? (JSON.stringify(r.value) ?? 'null') : 'null'
    },
    params: (name?: unknown) => {
      if (name === undefined) return all
      const key = String(name)
      return params.path?.[key] ?? params.querystring?.[key] ?? params.header?.[key] ?? ''
    },
    toString: () => '{}',
  }
}
