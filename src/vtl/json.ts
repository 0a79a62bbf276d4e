/**
 * JSON → Java values, as json-smart gives them to Jayway JsonPath in API Gateway: objects are insertion-ordered
 * `Map`s (json-smart `DefaultMapperOrdered` → `LinkedHashMap`), arrays are JSON-origin lists, integers keep every
 * digit (Integer / Long / BigInteger: a number while exact, a bigint beyond), numbers with a fraction or exponent
 * are Doubles (`JDouble`). Iterative, so a deeply nested payload cannot overflow the stack; nesting is bounded by
 * MAX_JSON_DEPTH (json-smart recurses per level on the JVM's stack; a 128 KB WebSocket message could nest 64 000
 * levels). Strict RFC 8259 syntax; errors are SyntaxErrors with the offset.
 */

import { isJsonOrigin, JDouble, markJson, normInt } from './values'

export const MAX_JSON_DEPTH = 1000

export class JsonSyntaxError extends SyntaxError {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at position ${offset}`)
  }
}

type Frame = { kind: 'array'; value: unknown[] } | { kind: 'object'; value: Map<string, unknown>; key: string | undefined }

const WS = (c: number) => c === 32 || c === 9 || c === 10 || c === 13

export function parseJava(text: string): unknown {
  let i = 0
  const n = text.length
  const stack: Frame[] = []
  const fail = (what: string): never => {
    throw new JsonSyntaxError(i >= n ? 'Unexpected end of JSON input' : `${what} ${JSON.stringify(text[i])}`, i)
  }
  const skip = () => {
    while (i < n && WS(text.charCodeAt(i))) i++
  }
  const readString = (): string => {
    // text[i] is the opening quote.
    let out = ''
    let from = ++i
    for (;;) {
      if (i >= n) fail('Unterminated string')
      const c = text.charCodeAt(i)
      if (c === 34) {
        out += text.slice(from, i++)
        return out
      }
      if (c < 32) fail('Bad control character in string literal')
      if (c === 92) {
        out += text.slice(from, i)
        const e = text[i + 1]
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
        if (e !== undefined && Object.prototype.hasOwnProperty.call(simple, e)) {
          out += simple[e]
          i += 2
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16))
          i += 6
        } else {
          i++
          fail('Bad escaped character')
        }
        from = i
        continue
      }
      i++
    }
  }
  const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y
  const readValue = (): { value: unknown; open?: Frame } => {
    const c = text[i]
    if (c === '{') {
      i++
      return { value: undefined, open: { kind: 'object', value: new Map(), key: undefined } }
    }
    if (c === '[') {
      i++
      return { value: undefined, open: { kind: 'array', value: [] } }
    }
    if (c === '"') return { value: readString() }
    if (text.startsWith('true', i)) {
      i += 4
      return { value: true }
    }
    if (text.startsWith('false', i)) {
      i += 5
      return { value: false }
    }
    if (text.startsWith('null', i)) {
      i += 4
      return { value: null }
    }
    NUMBER.lastIndex = i
    const m = NUMBER.exec(text)
    if (!m) return fail('Unexpected token')
    i = NUMBER.lastIndex
    if (m[1] !== undefined || m[2] !== undefined) return { value: new JDouble(Number(m[0])) }
    return { value: m[0].length < 16 ? Number(m[0]) : normInt(BigInt(m[0])) }
  }

  /** The `,` between members, after the first one. */
  const separator = (hasMembers: boolean) => {
    if (!hasMembers) return
    if (text[i] !== ',') fail('Unexpected token')
    i++
    skip()
  }
  const openChild = (frame: Frame) => {
    if (stack.length >= MAX_JSON_DEPTH) throw new JsonSyntaxError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`, i)
    stack.push(frame)
  }

  skip()
  let result: unknown
  let done = false
  // Each turn reads one value (or closes a container) in the current frame.
  for (;;) {
    const top = stack[stack.length - 1]
    let value: unknown
    let have = false
    if (!top) {
      if (done) break
      const r = readValue()
      if (r.open) {
        stack.push(r.open)
        skip()
        continue
      }
      value = r.value
      have = true
    } else if (top.kind === 'array') {
      skip()
      if (text[i] === ']') {
        i++
        stack.pop()
        value = top.value
        have = true
      } else {
        separator(top.value.length > 0)
        const r = readValue()
        if (r.open) {
          top.value.push(undefined)
          openChild(r.open)
          continue
        }
        top.value.push(r.value)
        continue
      }
    } else {
      skip()
      if (top.key === undefined) {
        if (text[i] === '}') {
          i++
          stack.pop()
          value = top.value
          have = true
        } else {
          separator(top.value.size > 0)
          if (text[i] !== '"') fail('Expected a property name, got')
          const key = readString()
          skip()
          if (text[i] !== ':') fail("Expected ':' after property name, got")
          i++
          skip()
          const r = readValue()
          if (r.open) {
            top.key = key
            // A repeated key keeps its first position, as LinkedHashMap.put does.
            top.value.set(key, undefined)
            openChild(r.open)
            continue
          }
          top.value.set(key, r.value)
          continue
        }
      }
    }
    if (!have) continue
    // A finished value: hand it to the parent frame.
    const parent = stack[stack.length - 1]
    if (!parent) {
      result = value
      done = true
      continue
    }
    if (parent.kind === 'array') parent.value[parent.value.length - 1] = value
    else {
      parent.value.set(parent.key!, value)
      parent.key = undefined
    }
  }
  skip()
  if (i < n) fail('Unexpected non-whitespace character after JSON')
  return markJson(result)
}

/** A plain JavaScript JSON value (from JSON.parse) as the Java values a template sees; Java values pass through. */
export function toJava(value: unknown): unknown {
  if (value instanceof Map || isJsonOrigin(value)) return value
  const convert = (v: unknown, depth: number): unknown => {
    if (depth > MAX_JSON_DEPTH) throw new JsonSyntaxError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`, 0)
    if (typeof v === 'number') return Number.isInteger(v) ? v : new JDouble(v)
    if (Array.isArray(v)) return v.map((x) => convert(x, depth + 1))
    if (v !== null && typeof v === 'object' && !(v instanceof Map) && !(v instanceof JDouble)) {
      const m = new Map<string, unknown>()
      for (const k of Object.keys(v)) m.set(k, convert((v as Record<string, unknown>)[k], depth + 1))
      return m
    }
    return v
  }
  return markJson(convert(value, 0))
}
