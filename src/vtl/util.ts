/**
 * `$util` for API Gateway templates. Semantics follow the Java libraries API Gateway runs on:
 * - escapeJavaScript: Apache commons-lang `StringEscapeUtils.escapeJavaScript` — `\` `"` `'` `/` escaped,
 *   control characters as `\n` `\t` … or `\u00XX`, and every non-ASCII character as `\uXXXX` (upper-case hex);
 * - urlEncode / urlDecode: `java.net.URLEncoder` / `URLDecoder` with UTF-8 (space ⇄ `+`; AWS-recorded:
 *   `{"some": "value"}` → `%7B%22some%22%3A+%22value%22%7D`);
 * - base64Encode / base64Decode: UTF-8 text, standard alphabet with padding;
 * - parseJson: JSON text → map/list (lists keep printing as JSON).
 * No Buffer/btoa: the same code runs in node, a web worker and the browser.
 */

import { VtlRuntimeError } from './javaMethods'
import { ApiObject } from './interpret'
import { parseJava } from './json'
import { printValue } from './values'

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0')

export function escapeJavaScript(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i)
    if (ch > 0x7f) out += `\\u${hex4(ch)}`
    else if (ch < 32) {
      switch (ch) {
        case 8: out += '\\b'; break
        case 9: out += '\\t'; break
        case 10: out += '\\n'; break
        case 12: out += '\\f'; break
        case 13: out += '\\r'; break
        default: out += `\\u${hex4(ch)}`
      }
    } else {
      const c = s[i]
      if (c === "'" || c === '"' || c === '\\' || c === '/') out += `\\${c}`
      else out += c
    }
  }
  return out
}

const UNRESERVED = /[A-Za-z0-9.\-*_]/

function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s)
}

export function urlEncode(s: string): string {
  let out = ''
  for (const ch of s) {
    if (ch === ' ') out += '+'
    else if (ch.length === 1 && UNRESERVED.test(ch)) out += ch
    else for (const b of utf8(ch)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

export function urlDecode(s: string): string {
  const bytes: number[] = []
  let out = ''
  const flush = () => {
    if (bytes.length) out += new TextDecoder().decode(new Uint8Array(bytes))
    bytes.length = 0
  }
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c === '%') {
      const h = s.slice(i + 1, i + 3)
      if (!/^[0-9A-Fa-f]{2}$/.test(h)) throw new VtlRuntimeError(`URLDecoder: illegal hex characters in escape (%) pattern at ${i}`)
      bytes.push(parseInt(h, 16))
      i += 2
      continue
    }
    flush()
    out += c === '+' ? ' ' : c
  }
  flush()
  return out
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export function base64Encode(s: string): string {
  const b = utf8(s)
  let out = ''
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0)
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63]
    out += i + 1 < b.length ? B64[(n >> 6) & 63] : '='
    out += i + 2 < b.length ? B64[n & 63] : '='
  }
  return out
}

/** Lenient like commons-codec: characters outside the alphabet are skipped. */
export function base64Decode(s: string): string {
  const bytes: number[] = []
  let buf = 0
  let bits = 0
  for (const c of s) {
    const v = c === '-' ? 62 : c === '_' ? 63 : B64.indexOf(c)
    if (v < 0) continue
    buf = (buf << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes.push((buf >> bits) & 0xff)
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes))
}

/** Java would not find a method for a null argument's type; API Gateway then prints nothing. */
const text = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : printValue(v))

/** The `$util` object handed to the template. Printing `$util` alone gives `{}` (AWS-recorded for REST). */
export function makeUtil(): ApiObject {
  return new ApiObject(new Map(Object.entries(utilFunctions())))
}

function utilFunctions(): Record<string, (v: unknown) => unknown> {
  return {
    escapeJavaScript: (v: unknown) => {
      const s = text(v)
      return s === undefined ? undefined : escapeJavaScript(s)
    },
    parseJson: (v: unknown) => {
      const s = text(v)
      if (s === undefined) return undefined
      try {
        return parseJava(s)
      } catch {
        throw new VtlRuntimeError(`$util.parseJson: not valid JSON: ${s.length > 60 ? `${s.slice(0, 60)}…` : s}`)
      }
    },
    urlEncode: (v: unknown) => {
      const s = text(v)
      return s === undefined ? undefined : urlEncode(s)
    },
    urlDecode: (v: unknown) => {
      const s = text(v)
      return s === undefined ? undefined : urlDecode(s)
    },
    base64Encode: (v: unknown) => {
      const s = text(v)
      return s === undefined ? undefined : base64Encode(s)
    },
    base64Decode: (v: unknown) => {
      const s = text(v)
      return s === undefined ? undefined : base64Decode(s)
    },
  }
}

export const UTIL_FUNCTIONS = ['escapeJavaScript', 'parseJson', 'urlEncode', 'urlDecode', 'base64Encode', 'base64Decode'] as const
