/**
 * A strict JSON syntax check that reports the offset of the first error. JSON.parse messages and positions
 * differ between V8 versions, Firefox and Safari; the preview needs the same answer everywhere.
 */

export type JsonCheck = { ok: true } | { ok: false; offset: number; message: string }

export function checkJson(text: string): JsonCheck {
  let i = 0
  const n = text.length
  const fail = (message: string, at = i): JsonCheck => ({ ok: false, offset: Math.min(at, n), message })
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === 32 || c === 9 || c === 10 || c === 13) i++
      else break
    }
  }
  const show = () => (i >= n ? 'the end of the output' : JSON.stringify(text[i]))

  function value(depth: number): JsonCheck | undefined {
    if (depth > 512) return fail('nesting too deep')
    ws()
    const c = text[i]
    if (c === '{') {
      i++
      ws()
      if (text[i] === '}') {
        i++
        return undefined
      }
      for (;;) {
        ws()
        if (text[i] !== '"') return fail(`expected a property name in double quotes, found ${show()}`)
        const s = string()
        if (s) return s
        ws()
        if (text[i] !== ':') return fail(`expected ':' after the property name, found ${show()}`)
        i++
        const v = value(depth + 1)
        if (v) return v
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === '}') {
          i++
          return undefined
        }
        return fail(`expected ',' or '}' in an object, found ${show()}`)
      }
    }
    if (c === '[') {
      i++
      ws()
      if (text[i] === ']') {
        i++
        return undefined
      }
      for (;;) {
        const v = value(depth + 1)
        if (v) return v
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === ']') {
          i++
          return undefined
        }
        return fail(`expected ',' or ']' in an array, found ${show()}`)
      }
    }
    if (c === '"') return string()
    if (c === '-' || (c >= '0' && c <= '9')) {
      const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
      m.lastIndex = i
      const r = m.exec(text)
      if (!r) return fail('invalid number')
      i += r[0].length
      return undefined
    }
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length
        return undefined
      }
    }
    return fail(`expected a value, found ${show()}`)
  }

  function string(): JsonCheck | undefined {
    const start = i
    i++
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === 34) {
        i++
        return undefined
      }
      if (c === 92) {
        const e = text[i + 1]
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('invalid \\u escape in a string')
          i += 6
          continue
        }
        if (!e || !'"\\/bfnrt'.includes(e)) return fail(`invalid escape \\${e ?? ''} in a string (\\' is not JSON: add .replaceAll("\\\\'","'") after escapeJavaScript)`)
        i += 2
        continue
      }
      if (c < 32) return fail('unescaped control character (a raw newline or tab?) in a string')
      i++
    }
    return fail('unterminated string', start)
  }

  if (!text.trim()) return { ok: false, offset: 0, message: 'the output is empty' }
  const r = value(0)
  if (r) return r
  ws()
  if (i < n) return fail(`unexpected ${show()} after the JSON value`)
  return { ok: true }
}

/** 1-based line/column of an offset in a text (for messages about the rendered output). */
export function outputPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let last = -1
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++
    last = k
  }
  return { line, column: offset - last }
}

/**
 * Best-effort map from an offset in rendered output back to the template: find the literal text just before
 * (or after) the offset in the template, preferring a unique match; else fall back to the same line number.
 */
export function mapOutputToTemplate(template: string, output: string, offset: number): number {
  const lineStart = output.lastIndexOf('\n', offset - 1) + 1
  // Walk back from the error to the nearest literal text that occurs once in the template: the position just
  // after it is where the template produced the text at the error (often a `$reference` that printed it).
  for (let e = offset; e >= Math.max(lineStart, offset - 200); e--) {
    for (let len = Math.min(24, e - lineStart); len >= 4; len--) {
      const needle = output.slice(e - len, e)
      const first = template.indexOf(needle)
      if (first < 0) continue
      if (template.indexOf(needle, first + 1) < 0) return first + len
      break
    }
  }
  const lineEnd = output.indexOf('\n', offset)
  for (let len = Math.min(32, (lineEnd < 0 ? output.length : lineEnd) - offset); len >= 3; len--) {
    const needle = output.slice(offset, offset + len)
    const first = template.indexOf(needle)
    if (first >= 0 && template.indexOf(needle, first + 1) < 0) return first
  }
  const { line } = outputPosition(output, offset)
  let start = 0
  for (let l = 1; l < line; l++) {
    const k = template.indexOf('\n', start)
    if (k < 0) break
    start = k + 1
  }
  return start
}
