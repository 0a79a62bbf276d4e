/**
 * `$input` for a WebSocket message: `body` is the raw text (`{}` when empty, AWS-recorded), `json(path)` the JSON
 * text of a JSONPath result, `path(path)` the value itself, `params()` the `$connect` request's
 * header/querystring/path maps and `params(name)` one of them (path, then query string, then header).
 *
 * The payload is read as API Gateway's json-smart parser reads it (AWS-recorded, ToQoz/api-gateway-mapping-template
 * test/_.md): only text that starts with `{` or `[` must be valid JSON, or the request fails (400
 * ParseException); anything else (`a=b`, `a{b`, `null{`, `"unclosed`) is read as one plain string, and valid JSON
 * scalars (`"a=b"`, `42`) as themselves. (/work/shared/reference/vtl.md says non-JSON payloads make `$input.path`
 * fail: only the `{` / `[` case does, per the same recording.)
 * JSONPath follows Jayway: a path without `$` (`'id'`) reads as `$.id`; a definite path that matches nothing is
 * null, and `$input.json` of it prints `""` (AWS-recorded, issue 10's evidence), not `null`.
 */

import { ApiObject } from './interpret'
import { VtlRuntimeError } from './javaMethods'
import { parseJava } from './json'
import { JsonPathError, query } from './jsonPath'
import { jsonText, markJson } from './values'

/** The message as `$input.path('$')` sees it; throws SyntaxError for malformed JSON-looking text. */
export function parsePayload(body: string): unknown {
  const t = body.trimStart()
  if (t.startsWith('{') || t.startsWith('[')) return parseJava(body)
  try {
    return parseJava(body)
  } catch {
    return body
  }
}

export interface RequestParams {
  header?: Record<string, string>
  querystring?: Record<string, string>
  path?: Record<string, string>
}

/** A prototype-free, ordered copy of a string record (user-controlled keys such as `__proto__` are plain keys). */
export function stringMap(record: Record<string, string> | undefined): Map<string, unknown> {
  const m = new Map<string, unknown>()
  if (record) for (const k of Object.keys(record)) m.set(k, record[k])
  return m
}

export function makeInput(rawBody: string | undefined, params: RequestParams = {}): ApiObject {
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
    if (typeof path !== 'string') throw new VtlRuntimeError("$input.path/$input.json need a JSONPath string such as '$.field'")
    try {
      return query(path, root())
    } catch (e) {
      if (e instanceof JsonPathError) throw new VtlRuntimeError(e.message)
      throw e
    }
  }
  const header = stringMap(params.header)
  const querystring = stringMap(params.querystring)
  const pathParams = stringMap(params.path)
  const all = markJson(
    new Map<string, unknown>([
      ['header', header],
      ['querystring', querystring],
      ['path', pathParams],
    ]),
  )
  return new ApiObject(
    new Map<string, unknown>([
      ['body', body],
      [
        'path',
        (p: unknown) => {
          const r = run(p)
          return r.found ? (r.value ?? undefined) : undefined
        },
      ],
      [
        'json',
        (p: unknown) => {
          const r = run(p)
          return r.found ? jsonText(r.value) : '""'
        },
      ],
      [
        'params',
        (name?: unknown) => {
          if (name === undefined) return all
          const key = String(name)
          return pathParams.get(key) ?? querystring.get(key) ?? header.get(key) ?? ''
        },
      ],
    ]),
  )
}
