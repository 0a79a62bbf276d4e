/**
 * TypeScript literal spelling. Every function returns source text that evaluates to exactly the input
 * string: quotes, backslashes, `${`, control characters, U+2028/U+2029 and lone surrogates are escaped;
 * other non-ASCII characters (including astral ones) are kept as they are.
 */

function escapeChar(code: number): string | undefined {
  switch (code) {
    case 0x5c:
      return '\\\\'
    case 0x0a:
      return '\\n'
    case 0x0d:
      return '\\r'
    case 0x09:
      return '\\t'
    case 0x08:
      return '\\b'
    case 0x0c:
      return '\\f'
    case 0x0b:
      return '\\v'
  }
  if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) return `\\u${code.toString(16).padStart(4, '0')}`
  return undefined
}

/** Walks code points; unpaired surrogates come out as `\uXXXX`. */
function escapeWith(text: string, extra: (ch: string, next: string) => string | undefined): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        out += text[i] + text[i + 1]
        i++
        continue
      }
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      out += `\\u${code.toString(16)}`
      continue
    }
    const special = extra(text[i], text[i + 1] ?? '') ?? escapeChar(code)
    out += special ?? text[i]
  }
  return out
}

/** `'…'` literal. */
export function tsString(text: string): string {
  return `'${escapeWith(text, (ch) => (ch === "'" ? "\\'" : undefined))}'`
}

/** The inside of a template literal (between backticks, outside `${…}`); `keepNewlines` writes `\n` as a real line break. */
export function tsTemplatePart(text: string, keepNewlines = false): string {
  return escapeWith(text, (ch, next) => {
    if (ch === '`') return '\\`'
    if (ch === '$' && next === '{') return '\\$'
    if (ch === '\n' && keepNewlines) return '\n'
    return undefined
  })
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/**
 * An object-literal key: bare when it is an identifier, quoted otherwise. `__proto__` is computed, because
 * `{ __proto__: x }` and `{ '__proto__': x }` set the object's prototype instead of making a key.
 */
export function tsKey(key: string): string {
  if (key === '__proto__') return `[${tsString(key)}]`
  return IDENTIFIER.test(key) ? key : tsString(key)
}

export function tsNumber(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n)
}
