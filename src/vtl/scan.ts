/**
 * A lexical pre-pass over a template, own code because velocityjs keeps its token list private.
 *
 * It finds directives (`#if`, `#{if}`, `#end`, …) with their positions, skipping `## …` line comments,
 * `#* … *#` block comments, `#[[ … ]]#` unparsed blocks, escaped `\#` / `\$`, and string literals inside
 * directive arguments. It also produces two same-length variants of the text:
 * - `masked`: comments, unparsed blocks, escapes and single-quoted directive strings blanked out, so later
 *   regex scans (unknown `$context` variables, unencoded form values) only see live code and keep offsets;
 * - `normalized`: braced openers rewritten for velocityjs, which only understands `#{else}` and `#{end}`:
 *   `#{if}(` becomes `#if  (` (same length, so parser positions still match the user's text).
 */

import { scanReferences } from './references'

export interface DirectiveToken {
  /** Directive name without `#`, braces or `@` (`if`, `end`, a macro name, …). */
  name: string
  /** Offset of the `#`. */
  start: number
  /** Offset just after the name (after `}` for braced forms). */
  nameEnd: number
  braced: boolean
  /** `#@name(...)`: a macro call with a body, closed by `#end`. */
  bodyCall: boolean
  /** Offsets of `(` and of the matching `)` (or the text end when unclosed). */
  args?: { open: number; close: number; closed: boolean }
}

export interface ScanProblem {
  start: number
  end: number
  what: 'comment' | 'raw'
}

export interface ScanResult {
  directives: DirectiveToken[]
  /** `[start, end)` of comments and unparsed blocks. */
  skipped: [number, number][]
  masked: string
  normalized: string
  problems: ScanProblem[]
  /**
   * Offsets of `#stop` directives, rewritten in `normalized` as `#st()`, a call velocityjs parses: velocityjs 2.1.7
   * prints `#stop` as text (/work/shared/reference/vtl.md says it supports `#stop`; it does not).
   */
  stops: number[]
}

/** Directives that take a parenthesised argument list. */
const WITH_ARGS = new Set(['if', 'elseif', 'foreach', 'set', 'macro', 'define', 'parse', 'include', 'evaluate'])
/** Directives without arguments. */
const BARE = new Set(['else', 'end', 'break', 'stop'])
/** Braced openers velocityjs does not parse; rewritten in `normalized`. */
const REWRITE_BRACED = new Set(['if', 'elseif', 'foreach', 'set', 'macro', 'define'])

const NAME = /[A-Za-z][A-Za-z0-9_]*/y
const BRACED_NAME = /\{([A-Za-z][A-Za-z0-9_]*)\}/y

function blank(chars: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' '
}

/**
 * Velocity 1.7 reads a doubled quote inside a string literal (`"a""b"`, `'it''s'`) as one quote character.
 * velocityjs does not, so the scanner replaces the pair, in `normalized`, by two private-use characters that the
 * renderer turns back into the quote (same length, so positions hold).
 */
export const DOUBLED_QUOTE: Record<string, string> = { '"': '\uE000', "'": '\uE001' }

/** Stands for each character of an empty comment `#**#` in `normalized` (a private-use character, as above). */
export const EMPTY_COMMENT = '\uE002'

/**
 * Velocity 1.7 builds a map literal as a LinkedHashMap (ASTMap.value, Velocity 1.7 source), so `{"b": 1, "1": 2}`
 * keeps its order; velocityjs stores the literal in a plain object, where integer-like keys move to the front. A
 * key made of digits therefore reaches velocityjs with its first digit replaced by DIGIT_KEY + digit (same
 * length), which no JavaScript engine reorders; the interpreter decodes it (`decodeMapKey`).
 */
export const DIGIT_KEY = 0xe010

/** A string literal `"123"` (quotes at a and b) right after `{` or `,` and before `:`: a map key. */
function isIntegerMapKey(text: string, a: number, b: number): boolean {
  if (b - a < 2) return false
  for (let k = a + 1; k < b; k++) {
    const c = text.charCodeAt(k)
    if (c < 48 || c > 57) return false
  }
  let before = a - 1
  while (before >= 0 && /\s/.test(text[before])) before--
  let after = b + 1
  while (after < text.length && /\s/.test(text[after])) after++
  return (text[before] === '{' || text[before] === ',') && text[after] === ':'
}

/** The map key as written (undoes the DIGIT_KEY encoding). */
export function decodeMapKey(key: string): string {
  const c = key.charCodeAt(0)
  return c >= DIGIT_KEY && c <= DIGIT_KEY + 9 ? String.fromCharCode(48 + c - DIGIT_KEY) + key.slice(1) : key
}

/** The two encodings above as matchParen callbacks, writing into the normalized characters (split on first use). */
function literalEncoders(text: string, chars: () => string[]): { onDoubled: (at: number) => void; onLiteral: (a: number, b: number) => void } {
  return {
    onDoubled: (at) => {
      const c = chars()
      c[at] = c[at + 1] = DOUBLED_QUOTE[text[at]]
    },
    onLiteral: (a, b) => {
      if (isIntegerMapKey(text, a, b)) chars()[a + 1] = String.fromCharCode(DIGIT_KEY + text.charCodeAt(a + 1) - 48)
    },
  }
}

/** Index of the `)` matching the `(` at `open`, skipping string literals; -1 when unclosed. */
function matchParen(text: string, open: number, onSingleQuoted: (from: number, to: number) => void, onDoubled: (at: number) => void, onLiteral: (open: number, close: number) => void): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 40 /* ( */) depth++
    else if (c === 41 /* ) */) {
      if (--depth === 0) return i
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      const q = text[i]
      let end = text.indexOf(q, i + 1)
      while (end >= 0 && text[end + 1] === q) {
        onDoubled(end)
        end = text.indexOf(q, end + 2)
      }
      if (end < 0) return -1
      if (c === 39) onSingleQuoted(i + 1, end)
      onLiteral(i, end)
      i = end
    }
  }
  return -1
}

export function scanTemplate(text: string): ScanResult {
  const directives: DirectiveToken[] = []
  const stops: number[] = []
  const problems: ScanProblem[] = []
  const skipped: [number, number][] = []
  // Copy-on-write char arrays: most templates need no masking, so only split when something is blanked.
  let masked: string[] | undefined
  let normalized: string[] | undefined
  const mask = (from: number, to: number) => blank((masked ??= text.split('')), from, to)
  const enc = literalEncoders(text, () => (normalized ??= text.split('')))

  let i = 0
  const n = text.length
  // Next `#` and `\` at or after i, recomputed only when passed (keeps the scan linear).
  let hash = -2
  let slash = -2
  while (i < n) {
    if (hash !== -1 && hash < i) hash = text.indexOf('#', i)
    if (slash !== -1 && slash < i) slash = text.indexOf('\\', i)
    const next = hash < 0 ? slash : slash < 0 ? hash : Math.min(hash, slash)
    if (next < 0) break
    i = next
    if (text[i] === '\\') {
      // A run of backslashes escapes the following `#`/`$` when its length is odd.
      let j = i
      while (text[j] === '\\') j++
      if ((j - i) % 2 === 1 && (text[j] === '#' || text[j] === '$')) {
        mask(j - 1, j + 1)
        i = j + 1
      } else i = j
      continue
    }
    const c1 = text[i + 1]
    if (c1 === '#') {
      const eol = text.indexOf('\n', i)
      const end = eol < 0 ? n : eol
      mask(i, end)
      skipped.push([i, end])
      i = end
      continue
    }
    if (c1 === '*') {
      const close = text.indexOf('*#', i + 2)
      if (close < 0) {
        problems.push({ start: i, end: i + 2, what: 'comment' })
        mask(i, n)
        skipped.push([i, n])
        break
      }
      mask(i, close + 2)
      skipped.push([i, close + 2])
      if (close === i + 2) {
        // `#**#`: Velocity 1.7 lexes `#*` then the closing `*#` (Parser.jjt: `#**` starts a formal comment only when
        // no `#` follows), an empty comment; velocityjs's `#\*[\s\S]+?\*#` needs a character between and would run
        // on to the next `*#`. Hand velocityjs four EMPTY_COMMENT characters instead; parse.ts drops them.
        normalized ??= text.split('')
        for (let k = i; k < i + 4; k++) normalized[k] = EMPTY_COMMENT
      }
      i = close + 2
      continue
    }
    if (c1 === '[' && text[i + 2] === '[') {
      const close = text.indexOf(']]#', i + 3)
      if (close < 0) {
        problems.push({ start: i, end: i + 3, what: 'raw' })
        mask(i, n)
        skipped.push([i, n])
        break
      }
      mask(i, close + 3)
      skipped.push([i, close + 3])
      i = close + 3
      continue
    }
    let name: string | undefined
    let nameEnd = i + 1
    let braced = false
    let bodyCall = false
    if (c1 === '{') {
      BRACED_NAME.lastIndex = i + 1
      const m = BRACED_NAME.exec(text)
      if (m) {
        name = m[1]
        nameEnd = BRACED_NAME.lastIndex
        braced = true
      }
    } else {
      let from = i + 1
      if (c1 === '@') {
        bodyCall = true
        from++
      }
      NAME.lastIndex = from
      const m = NAME.exec(text)
      if (m) {
        name = m[0]
        nameEnd = NAME.lastIndex
      }
    }
    if (!name) {
      i++
      continue
    }
    // Spaces or tabs may separate the name from `(` (velocityjs rejects a newline there).
    let p = nameEnd
    while (text[p] === ' ' || text[p] === '\t') p++
    const hasParen = text[p] === '('
    const known = WITH_ARGS.has(name) || BARE.has(name)
    if (BARE.has(name) && !bodyCall) {
      directives.push({ name, start: i, nameEnd, braced, bodyCall })
      if (name === 'stop' && !hasParen) {
        normalized ??= text.split('')
        const replacement = braced ? '#st(  )' : '#st()'
        for (let k = 0; k < replacement.length; k++) normalized[i + k] = replacement[k]
        stops.push(i)
      }
      i = nameEnd
      continue
    }
    if (!hasParen || (bodyCall && known)) {
      // `#if` without arguments, `#foo` text, `# ` … : plain text for velocityjs.
      i = nameEnd
      continue
    }
    const close = matchParen(
      text,
      p,
      (a, b) => mask(a, b),
      enc.onDoubled,
      enc.onLiteral,
    )
    directives.push({
      name,
      start: i,
      nameEnd,
      braced,
      bodyCall,
      args: { open: p, close: close < 0 ? n : close, closed: close >= 0 },
    })
    if (braced && REWRITE_BRACED.has(name)) {
      normalized ??= text.split('')
      const replacement = `#${name}  `
      for (let k = 0; k < replacement.length; k++) normalized[i + k] = replacement[k]
    }
    i = close < 0 ? n : close + 1
  }
  const maskedText = masked ? masked.join('') : text
  normalized = normalizeCallArguments(text, maskedText, normalized)
  normalized = braceRefsBeforeComments(text, maskedText, skipped, normalized)
  return {
    directives,
    skipped,
    problems,
    stops,
    masked: maskedText,
    normalized: normalized ? normalized.join('') : text,
  }
}

/** Doubled quotes (`"a""b"`) and digit-only map keys (`{"1": 2}`): the literals the two encodings above rewrite. */
const NEEDS_LITERAL_ENCODING = /""|''|["']\d+["']\s*:/

/**
 * The doubled-quote and digit-key encodings for string literals in method-call arguments outside directives
 * (`$list.add({"b": 1, "1": 2})`, `$s.concat("a""b")`); the directive loop above covers `#set(…)`, `#if(…)` ….
 * Skipped, with no reference scan, for the templates (nearly all) that have no such literal. Nested calls sit
 * inside their outer call's range, so only outermost ranges are walked: one linear pass.
 */
function normalizeCallArguments(text: string, masked: string, normalized: string[] | undefined): string[] | undefined {
  if (!NEEDS_LITERAL_ENCODING.test(text)) return normalized
  const ranges: [number, number][] = []
  for (const r of scanReferences(masked)) for (const seg of r.segments) if (seg.argsStart >= 0) ranges.push([seg.argsStart - 1, seg.argsEnd])
  ranges.sort((x, y) => x[0] - y[0])
  const enc = literalEncoders(text, () => (normalized ??= text.split('')))
  let reach = -1
  for (const [open] of ranges) {
    if (open <= reach || text[open] !== '(') continue
    const close = matchParen(
      text,
      open,
      () => {},
      enc.onDoubled,
      enc.onLiteral,
    )
    reach = close < 0 ? text.length : close
  }
  return normalized
}

/**
 * velocityjs does not see `#*` as a comment when it directly follows an unbraced reference (`$a#* c *#` prints
 * `#* c *#`, and directives inside the comment get parsed). Velocity does. Rewrite such references to the braced
 * form, paying for the two extra characters with two characters of the comment's own (discarded) text, so the
 * length and every line break stay where they were: `$a.b#* xy *#` → `${a.b}#*xy *#`.
 */
function braceRefsBeforeComments(text: string, masked: string, skipped: [number, number][], normalized: string[] | undefined): string[] | undefined {
  const suspects = skipped.filter(([a, b]) => text.startsWith('#*', a) && b - a > 4 && /[A-Za-z0-9_)\]-]/.test(text[a - 1] ?? ''))
  if (!suspects.length) return normalized
  const ends = new Map(scanReferences(masked).map((r) => [r.end, r]))
  for (const [a, b] of suspects) {
    const ref = ends.get(a)
    if (!ref || text[ref.start + 1] === '{' || text.startsWith('$!{', ref.start)) continue
    const content = text.slice(a + 2, b - 2)
    const drop: number[] = []
    for (let k = 0; k < content.length && drop.length < 2; k++) if (content[k] !== '\n' && content[k] !== '\r') drop.push(k)
    if (drop.length < 2) continue
    const bang = text[ref.start + 1] === '!' ? '!' : ''
    const body = text.slice(ref.start + 1 + bang.length, ref.end)
    const keep = [...content].filter((_, k) => !drop.includes(k)).join('')
    const replacement = `$${bang}{${body}}#*${keep}*#`
    normalized ??= text.split('')
    for (let k = 0; k < replacement.length; k++) normalized[ref.start + k] = replacement[k]
  }
  return normalized
}
