/**
 * Finds `$references` in the masked template text (comments and unparsed blocks already blanked), with
 * their member chains and offsets. A text scan rather than an AST walk because references inside
 * double-quoted strings (`"$context.x"`) are only parsed by velocityjs at render time, and the editor needs
 * exact columns for every one of them.
 */

export interface RefSegment {
  readonly kind: 'prop' | 'call' | 'index'
  readonly name: string
  /** Offset of the segment's first character (after the dot / at the `[`). */
  readonly start: number
  readonly end: number
  /** For `call`: offsets of the argument text (inside the parentheses); -1 otherwise. Hot passes read these. */
  readonly argsStart: number
  readonly argsEnd: number
  /** For `call`: the argument range as an object (made on access). */
  readonly args?: { start: number; end: number }
}

/** One object per segment, the argument range inline: a megabyte template has hundreds of thousands of calls. */
class Segment implements RefSegment {
  constructor(
    readonly kind: 'prop' | 'call' | 'index',
    readonly name: string,
    readonly start: number,
    readonly end: number,
    readonly argsStart = -1,
    readonly argsEnd = -1,
  ) {}
  get args(): { start: number; end: number } | undefined {
    return this.argsStart < 0 ? undefined : { start: this.argsStart, end: this.argsEnd }
  }
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

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
const isNameChar = (c: number) => isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 45

/** End of the `[A-Za-z]` (or `[A-Za-z_]` for members) `[A-Za-z0-9_-]*` name at `p`, or -1 (no regex: hot path). */
function nameEnd(s: string, p: number, member: boolean): number {
  const c = s.charCodeAt(p)
  if (!(isLetter(c) || (member && c === 95))) return -1
  let q = p + 1
  while (q < s.length && isNameChar(s.charCodeAt(q))) q++
  return q
}

/**
 * Index of the `)` matching the `(` at `open` (string literals skipped), or -1 when unclosed. The walk records
 * the match of every inner `(` it passes in `memo`, so the nested calls of `$a.b($c.d($e.f()))` cost one walk,
 * not one per level (the scan stays linear on 100 000 nested calls). An inner `(` reached by the outer walk is
 * outside any string, exactly as a walk started from it would be, so the recorded match is the same.
 */
function closeParen(text: string, open: number, memo: Map<number, number>): number {
  const known = memo.get(open)
  if (known !== undefined) return known
  const stack: number[] = []
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 40 /* ( */) {
      const inner = stack.length ? memo.get(i) : undefined
      if (inner !== undefined) {
        if (inner < 0) break
        i = inner
        continue
      }
      stack.push(i)
    } else if (c === 41 /* ) */) {
      const from = stack.pop()!
      // Only inner parentheses are met again (by the references inside these arguments); the outermost is not.
      if (stack.length === 0) return i
      memo.set(from, i)
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      const e = text.indexOf(text[i], i + 1)
      if (e < 0) break
      i = e
    }
  }
  for (let k = 1; k < stack.length; k++) memo.set(stack[k], -1)
  return -1
}

/**
 * Names seen recently, so a megabyte template's hundreds of thousands of `context` / `path` names share one string
 * each (what survives a scan is what the garbage collector pays for). Bounded: generated names may all differ.
 */
const names = new Map<string, string>()
function intern(s: string): string {
  const known = names.get(s)
  if (known !== undefined) return known
  if (names.size >= 10_000) names.clear()
  names.set(s, s)
  return s
}

const NO_SEGMENTS: RefSegment[] = []

/** Most references have one or two members: an exact-size array, not one grown by push (capacity 17). */
function withSegment(segments: RefSegment[], s: RefSegment): RefSegment[] {
  if (segments === NO_SEGMENTS) return [s]
  segments.push(s)
  return segments
}

export function scanReferences(masked: string): RefToken[] {
  const out: RefToken[] = []
  const memo = new Map<number, number>()
  for (let i = masked.indexOf('$'); i >= 0; i = masked.indexOf('$', i + 1)) {
    let p = i + 1
    if (masked.charCodeAt(p) === 33 /* ! */) p++
    const braced = masked.charCodeAt(p) === 123 /* { */
    if (braced) p++
    let e = nameEnd(masked, p, false)
    if (e < 0) continue
    // In VTL a hyphen belongs to the identifier, but a trailing one (`$a-`) does not.
    while (masked.charCodeAt(e - 1) === 45) e--
    const root = intern(masked.slice(p, e))
    const rootEnd = e
    p = rootEnd
    let segments = NO_SEGMENTS
    for (;;) {
      const c = masked.charCodeAt(p)
      if (c === 46 /* . */) {
        let me = nameEnd(masked, p + 1, true)
        if (me < 0) break
        while (masked.charCodeAt(me - 1) === 45) me--
        const start = p + 1
        const name = intern(masked.slice(start, me))
        let end = me
        if (masked.charCodeAt(end) === 40 /* ( */) {
          const close = closeParen(masked, end, memo)
          if (close < 0) {
            segments = withSegment(segments, new Segment('call', name, start, masked.length, end + 1, masked.length))
            p = masked.length
            break
          }
          segments = withSegment(segments, new Segment('call', name, start, close + 1, end + 1, close))
          end = close + 1
        } else segments = withSegment(segments, new Segment('prop', name, start, end))
        p = end
      } else if (c === 91 /* [ */) {
        const close = masked.indexOf(']', p)
        if (close < 0) break
        const inner = masked.slice(p + 1, close).trim()
        const q = /^(['"])(.*)\1$/.exec(inner)
        segments = withSegment(segments, new Segment('index', q ? q[2] : inner, p, close + 1))
        p = close + 1
      } else break
    }
    if (braced && masked.charCodeAt(p) === 125 /* } */) p++
    out.push({ root, start: i, rootEnd, end: p, segments })
  }
  return out
}
