/**
 * Checks that read the template text only (no rendering): `$context` names against the WebSocket list,
 * REST-only and access-log names, `$util`/`$input` members, `$input.params` outside `$connect`, stage
 * variables, hyphenated identifiers, and message data written unencoded into form bodies.
 */

import type { Diagnostic } from '../model/diagnostics'
import { diag, type LineIndex } from './positions'
import { Intervals } from './intervals'
import type { RefToken } from './references'
import type { DirectiveToken } from './scan'
import { UTIL_FUNCTIONS } from './util'
import { classifyContextName } from './variables'

export interface StaticCheckOptions {
  routeKey?: string
  /** Names of the stage variables the design defines; undefined skips the check. */
  stageVariableNames?: readonly string[]
  formEncoded?: boolean
}

const KNOWN_ROOTS = new Set(['context', 'input', 'util', 'stageVariables', 'foreach', 'velocityCount', 'bodyContent'])
const INPUT_MEMBERS = new Set(['body', 'json', 'path', 'params'])
const UTIL = new Set<string>(UTIL_FUNCTIONS)
/** Encoders that make message data safe inside a form value. */
const ENCODERS = new Set(['urlEncode', 'base64Encode'])

/** `$context.x` names of one member, by member: the common case, without building a name per reference. */
const oneMember = new Map<string, string>()

function contextName(ref: RefToken): { name: string; end: number } {
  const only = ref.segments.length === 1 ? ref.segments[0] : undefined
  if (only?.kind === 'prop') {
    let name = oneMember.get(only.name)
    if (name === undefined) {
      name = `context.${only.name}`
      if (oneMember.size >= 2000) oneMember.clear()
      oneMember.set(only.name, name)
    }
    return { name, end: only.end }
  }
  let name = 'context'
  let end = ref.rootEnd
  for (const s of ref.segments) {
    if (s.kind === 'prop') {
      name += `.${s.name}`
      end = s.end
    } else if (s.kind === 'index' && !/^\d+$/.test(s.name) && !s.name.includes('$')) {
      name += `.${s.name}`
      end = s.end
    } else break
  }
  return { name, end }
}

export function checkReferences(refs: readonly RefToken[], lines: LineIndex, opts: StaticCheckOptions, assigned: Set<string>): Diagnostic[] {
  const out: Diagnostic[] = []
  let ref: RefToken
  const range = (end: number) => lines.range(ref.start, end)
  for (ref of refs) {
    if (ref.root === 'context' && !assigned.has('context')) {
      const { name, end } = contextName(ref)
      const v = classifyContextName(name)
      if (v.kind === 'unknown') {
        const dash = name.indexOf('-')
        const hint =
          dash > 0 && classifyContextName(name.slice(0, dash)).kind === 'ok'
            ? `; hyphens belong to names in VTL, write \`\${${name.slice(0, dash)}}${name.slice(dash)}\``
            : v.suggestion
              ? `; did you mean \`$${v.suggestion}\`?`
              : ''
        out.push(diag('VTL007', `\`$${name}\` is not a WebSocket context variable${hint}`, range(end)))
      }
      else if (v.kind === 'rest-only') out.push(diag('VTL008', `\`$${name}\` exists only for REST APIs (${v.why})`, range(end)))
      else if (v.kind === 'not-template') out.push(diag('VTL009', `\`$${name}\` is not available in mapping templates (${v.why})`, range(end)))
      if (name === 'context.requestTimeEpoch') {
        const after = lines.text.slice(end, end + 40)
        if (/^\}?\s*[+*]/.test(after))
          out.push(diag('VTL022', '`$context.requestTimeEpoch` is in milliseconds: a TTL computed from it never expires (TTL needs epoch seconds)', range(end)))
      }
    } else if (ref.root === 'input' && !assigned.has('input')) {
      const first = ref.segments[0]
      if (!first) continue
      // `"$input.json('$.text')"`: json() already prints the quotes of a string value, so this renders `""hi""`.
      if (first.name === 'json' && first.kind === 'call' && ref.segments.length === 1 && lines.text[ref.start - 1] === '"' && lines.text[ref.end] === '"')
        out.push(diag('VTL029', '`$input.json(…)` prints JSON, quotes included: inside quotes a string renders as `""hi""`; drop the quotes, or use `$util.escapeJavaScript($input.path(…))` inside them', range(ref.end)))
      if (!INPUT_MEMBERS.has(first.name)) {
        out.push(diag('VTL020', `\`$input.${first.name}\` does not exist; use body, json('$.x'), path('$.x') or params()`, range(first.end)))
        continue
      }
      if (first.name === 'body' && ref.segments[1]?.kind === 'prop') {
        const s = ref.segments[1]
        out.push(diag('VTL020', `\`$input.body\` is a string, so \`.${s.name}\` is always empty; use \`$input.path('$.${s.name}')\``, range(s.end)))
      }
      if (first.name === 'params' && opts.routeKey !== undefined && opts.routeKey !== '$connect')
        out.push(diag('VTL010', `\`$input.params\` is always empty on route \`${opts.routeKey}\`: headers and query strings exist only on \`$connect\``, range(first.end)))
    } else if (ref.root === 'util' && !assigned.has('util')) {
      const first = ref.segments[0]
      if (first && !UTIL.has(first.name))
        out.push(diag('VTL020', `\`$util.${first.name}\` is not an API Gateway function (API Gateway has ${[...UTIL].join(', ')}; \`toJson\`, \`qr\`, … are AppSync only)`, range(first.end)))
    } else if (ref.root === 'stageVariables' && opts.stageVariableNames && !assigned.has('stageVariables')) {
      const first = ref.segments[0]
      if (first && first.kind !== 'call' && !first.name.includes('$') && !opts.stageVariableNames.includes(first.name))
        out.push(diag('VTL018', `stage variable \`${first.name}\` is not defined on any stage${opts.stageVariableNames.length ? ` (defined: ${opts.stageVariableNames.join(', ')})` : ''}`, range(first.end)))
    } else if (ref.root === 'ctx' && !assigned.has('ctx')) {
      out.push(diag('VTL030', '`$ctx` is AppSync’s name for the context; API Gateway has no `$ctx` and renders it empty: write `$context`', range(ref.rootEnd)))
    } else if (ref.root.includes('-') && !KNOWN_ROOTS.has(ref.root) && !assigned.has(ref.root)) {
      const [head, ...rest] = ref.root.split('-')
      out.push(diag('VTL021', `\`$${ref.root}\` is one identifier in VTL (hyphens are allowed in names); write \`\${${head}}-${rest.join('-')}\` if you meant \`$${head}\` followed by text`, range(ref.rootEnd)))
    }
  }
  return out
}

/** Variables the template assigns with `#set($name …)`, so shadowed roots are not checked as API objects. */
export function assignedRoots(text: string, directives: DirectiveToken[]): Set<string> {
  const out = new Set<string>()
  for (const d of directives) {
    if ((d.name !== 'set' && d.name !== 'foreach') || !d.args) continue
    const inner = text.slice(d.args.open + 1, d.args.close)
    const m = d.name === 'set' ? /^\s*\$!?\{?([A-Za-z][A-Za-z0-9_-]*)\s*\}?\s*=/.exec(inner) : /^\s*\$!?\{?([A-Za-z][A-Za-z0-9_-]*)/.exec(inner)
    if (m) out.add(m[1])
  }
  return out
}

/**
 * In a form-encoded body, message data (`$input.body`, `$input.json(…)`, `$input.path(…)`) printed outside
 * an encoder call breaks the body as soon as the message has a space, `&` or `=`. References inside directive
 * arguments (`#set`) are skipped: those values are printed, and checked, where they are used.
 */
export function checkFormEncoding(refs: readonly RefToken[], directives: DirectiveToken[], lines: LineIndex): Diagnostic[] {
  const ranges = new Intervals()
  for (const r of refs)
    for (const s of r.segments) if (s.kind === 'call' && s.argsStart >= 0 && r.root === 'util' && ENCODERS.has(s.name)) ranges.add(s.argsStart, s.argsEnd)
  for (const d of directives) if (d.args) ranges.add(d.args.open, d.args.close)
  const merged = ranges.union()
  // Binary search in the merged ranges: a scan of every range per reference is quadratic on a large template.
  const inside = (at: number) => {
    let lo = 0
    let hi = merged.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (merged.ends[mid] <= at) lo = mid + 1
      else if (merged.starts[mid] > at) hi = mid - 1
      else return true
    }
    return false
  }
  const out: Diagnostic[] = []
  for (const r of refs) {
    if (r.root !== 'input' || !r.segments[0] || inside(r.start)) continue
    const member = r.segments[0].name
    if (member !== 'body' && member !== 'json' && member !== 'path') continue
    // A method on the value (e.g. `.length()`) usually yields a number: not flagged.
    if (r.segments.length > 1 && r.segments[r.segments.length - 1].kind === 'call') continue
    out.push(diag('VTL013', `\`$input.${member}\` is written into a form-encoded body unencoded: wrap it in \`$util.urlEncode(...)\``, lines.range(r.start, r.end)))
  }
  return out
}
