/**
 * Finds `$references` in the masked template text (comments and unparsed blocks already blanked), with
 * their member chains and offsets. A text scan rather than an AST walk because references inside
 * double-quoted strings (`"$context.x"`) are only parsed by velocityjs at render time, and the editor needs
 * exact columns for every one of them.
 */

export interface RefSegment {
  kind: 'prop' | 'call' | 'index'
  name: string
  /** Offset of the segment's first character (after the dot / at the `[`). */
  start: number
  end: number
  /** For `call`: offsets of the argument text (inside the parentheses). */
  args?: { start: number; end: number }
}

export interface RefToken {
  root: string
  /** Offset of `$`. */
  start: number
  /** Offset just after the root identifier. */
  rootEnd: number
  end: number
  segments: RefSegment[]
}

const IDENT = /[A-Za-z][A-Za-z0-9_-]*/y
const MEMBER = /[A-Za-z_][A-Za-z0-9_-]*/y

function closeParen(text: string, open: number): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    const c = text[i]
    if (c === '(') depth++
    else if (c === ')') {
      if (--depth === 0) return i
    } else if (c === '"' || c === "'") {
      const e = text.indexOf(c, i + 1)
      if (e < 0) return -1
      i = e
    }
  }
  return -1
}

export function scanReferences(masked: string): RefToken[] {
  const out: RefToken[] = []
  for (let i = masked.indexOf('$'); i >= 0; i = masked.indexOf('$', i + 1)) {
    let p = i + 1
    if (masked[p] === '!') p++
    const braced = masked[p] === '{'
    if (braced) p++
    IDENT.lastIndex = p
    const m = IDENT.exec(masked)
    if (!m) continue
    // In VTL a hyphen belongs to the identifier, but a trailing one (`$a-`) does not.
    let root = m[0]
    while (root.endsWith('-')) root = root.slice(0, -1)
    const rootEnd = p + root.length
    p = rootEnd
    const segments: RefSegment[] = []
    for (;;) {
      if (masked[p] === '.') {
        MEMBER.lastIndex = p + 1
        const mm = MEMBER.exec(masked)
        if (!mm) break
        let name = mm[0]
        while (name.endsWith('-')) name = name.slice(0, -1)
        const start = p + 1
        let end = start + name.length
        if (masked[end] === '(') {
          const close = closeParen(masked, end)
          if (close < 0) {
            segments.push({ kind: 'call', name, start, end: masked.length, args: { start: end + 1, end: masked.length } })
            p = masked.length
            break
          }
          segments.push({ kind: 'call', name, start, end: close + 1, args: { start: end + 1, end: close } })
          end = close + 1
        } else segments.push({ kind: 'prop', name, start, end })
        p = end
      } else if (masked[p] === '[') {
        const close = masked.indexOf(']', p)
        if (close < 0) break
        const inner = masked.slice(p + 1, close).trim()
        const q = /^(['"])(.*)\1$/.exec(inner)
        segments.push({ kind: 'index', name: q ? q[2] : inner, start: p, end: close + 1 })
        p = close + 1
      } else break
    }
    if (braced && masked[p] === '}') p++
    out.push({ root, start: i, rootEnd, end: p, segments })
  }
  return out
}
