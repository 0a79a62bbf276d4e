/**
 * `$input` for a WebSocket message: `body` is the raw text (`{}` when empty, AWS-recorded), `json(path)`
 * the JSON text of a JSONPath result, `path(path)` the value itself, `params()` the `$connect` request's
 * header/querystring/path maps and `params(name)` one of them (path, then query string, then header).
 * A body that is not JSON makes `path`/`json` fail, as API Gateway fails the request (REST-recorded 400).
 */

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
        return { ok: true as const, value: parseJsonMarked(body) }
      } catch (e) {
        return { ok: false as const, message: e instanceof Error ? e.message : String(e) }
      }
    })()
    if (!parsed.ok) throw new VtlRuntimeError(`the message body is not JSON, so $input.path/$input.json fail (${parsed.message})`)
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
