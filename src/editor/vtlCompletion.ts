/**
 * Completion and hover lookups for VTL references, over a flat table of documented variables. No Monaco here (pure
 * functions over strings), so it is unit-tested in node; `registerVtl.ts` turns the results into Monaco items.
 */

export interface VariableEntry {
  /** Dotted path without `$`: `context.connectionId`, `util.escapeJavaScript`, `stageVariables.env`. A last segment `*`
   * is a free-form tail (`context.authorizer.*`): used for hover, never offered as a completion. */
  path: string
  /** Markdown description. */
  doc: string
  /** Method call snippet in Monaco snippet syntax, e.g. `json('$.${1:field}')`; present means "method". */
  signature?: string
  /** A reference that is valid VTL but not in a WebSocket template (REST-only, access-log only…). */
  warning?: string
}

export interface CompletionContext {
  /** Path segments before the one being typed (`['context', 'authorizer']`); empty at `$`. */
  parent: string[]
  /** The segment being typed (may be empty). */
  partial: string
  /** 1-based column where `partial` starts. */
  partialStartColumn: number
  braced: boolean
}

/** Reference being typed at the end of `linePrefix` (text of the line before the cursor), if any. */
export function completionContextAt(linePrefix: string): CompletionContext | undefined {
  const match = /\$!?(\{)?((?:[A-Za-z_][\w-]*\.)*)([A-Za-z_][\w-]*)?$/.exec(linePrefix)
  if (!match) return undefined
  // `$$` or an escaped `\$` is not a reference.
  if (match.index > 0 && linePrefix[match.index - 1] === '\\') return undefined
  const parentText = match[2] ?? ''
  const partial = match[3] ?? ''
  const parent = parentText ? parentText.slice(0, -1).split('.') : []
  return { parent, partial, partialStartColumn: linePrefix.length - partial.length + 1, braced: match[1] === '{' }
}

export interface CompletionCandidate {
  label: string
  kind: 'object' | 'property' | 'method'
  insertText: string
  /** Insert as a snippet (`$0` placeholders). */
  snippet: boolean
  detail: string
  doc: string
  warning?: string
}

/** Children of `parent` among the known variables, filtered by the typed prefix (case-insensitive). */
export function completionCandidates(entries: readonly VariableEntry[], context: CompletionContext): CompletionCandidate[] {
  const prefix = context.parent.length ? `${context.parent.join('.')}.` : ''
  const depth = context.parent.length
  const seen = new Map<string, CompletionCandidate>()
  const partial = context.partial.toLowerCase()
  for (const entry of entries) {
    if (!entry.path.startsWith(prefix)) continue
    const segments = entry.path.split('.')
    if (segments.length <= depth) continue
    const name = segments[depth]
    if (name === '*' || !name.toLowerCase().startsWith(partial)) continue
    const isLeaf = segments.length === depth + 1
    const existing = seen.get(name)
    if (existing && !isLeaf) continue
    if (isLeaf) {
      const isMethod = entry.signature !== undefined
      seen.set(name, {
        label: name,
        kind: isMethod ? 'method' : 'property',
        insertText: entry.signature ?? name,
        snippet: isMethod,
        detail: `$${entry.path.split('.').slice(0, -1).concat(isMethod ? snippetDisplay(entry.signature ?? name) : name).join('.')}`,
        doc: entry.doc,
        warning: entry.warning,
      })
    } else if (!existing) {
      seen.set(name, {
        label: name,
        kind: 'object',
        insertText: name,
        snippet: false,
        detail: `$${[...segments.slice(0, depth + 1)].join('.')}`,
        doc: entries.find((e) => e.path === segments.slice(0, depth + 1).join('.'))?.doc ?? '',
      })
    }
  }
  return [...seen.values()].sort((a, b) => Number(!!a.warning) - Number(!!b.warning) || a.label.localeCompare(b.label))
}

/** `json('$.${1:field}')` → `json('$.field')` for display. */
export function snippetDisplay(snippet: string): string {
  return snippet.replace(/\$\{\d+:?([^}]*)\}/g, '$1').replace(/\$\d+/g, '')
}

export interface HoverTarget {
  entry: VariableEntry
  /** 1-based columns of the hovered reference part (from `$` to the end of the matched path). */
  startColumn: number
  endColumn: number
}

/** The documented variable under `column` (1-based) on `line`, preferring the deepest documented path. */
export function hoverTargetAt(entries: readonly VariableEntry[], line: string, column: number): HoverTarget | undefined {
  const byPath = new Map(entries.map((e) => [e.path, e]))
  const re = /\$!?\{?([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)/g
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const start = m.index + 1
    const end = m.index + m[0].length + 1
    if (column < start || column > end) continue
    const segments = m[1].split('.')
    const pathStart = m.index + m[0].length - m[1].length + 1
    // Only the segments up to the hovered one count.
    let offset = pathStart
    let upTo = segments.length
    for (let i = 0; i < segments.length; i++) {
      const segEnd = offset + segments[i].length
      if (column <= segEnd) {
        upTo = i + 1
        break
      }
      offset = segEnd + 1
    }
    for (let n = upTo; n >= 1; n--) {
      const path = segments.slice(0, n).join('.')
      const entry = byPath.get(path) ?? wildcard(byPath, segments, n)
      if (entry) {
        const endColumn = pathStart + path.length
        return { entry, startColumn: start, endColumn }
      }
    }
    return undefined
  }
  return undefined
}

/** `context.authorizer.userId` matches `context.authorizer.*`. */
function wildcard(byPath: Map<string, VariableEntry>, segments: string[], n: number): VariableEntry | undefined {
  if (n < 2) return undefined
  return byPath.get([...segments.slice(0, n - 1), '*'].join('.'))
}

export interface DirectiveInfo {
  name: string
  /** Monaco snippet inserted after `#`. */
  snippet: string
  doc: string
}

export const DIRECTIVES: readonly DirectiveInfo[] = [
  { name: 'set', snippet: 'set(\\$${1:name} = ${2:value})', doc: 'Assigns a variable: `#set($name = value)`.' },
  { name: 'if', snippet: 'if(${1:condition})\n\t$0\n#end', doc: 'Conditional block, closed by `#end`.' },
  { name: 'elseif', snippet: 'elseif(${1:condition})', doc: 'Another branch of an `#if`.' },
  { name: 'else', snippet: 'else', doc: 'Last branch of an `#if`.' },
  { name: 'end', snippet: 'end', doc: 'Closes `#if`, `#foreach`, `#macro` and `#define`.' },
  { name: 'foreach', snippet: 'foreach(\\$${1:item} in ${2:\\$list})\n\t$0\n#if(\\$foreach.hasNext),#end\n#end', doc: 'Loops over a list (at most 1 000 iterations in API Gateway); `$foreach.hasNext` helps with commas.' },
  { name: 'break', snippet: 'break', doc: 'Leaves the innermost `#foreach`.' },
  { name: 'stop', snippet: 'stop', doc: 'Stops rendering.' },
  { name: 'macro', snippet: 'macro(${1:name} \\$${2:arg})\n\t$0\n#end', doc: 'Defines a macro, closed by `#end`.' },
  { name: 'define', snippet: 'define(\\$${1:block})\n\t$0\n#end', doc: 'Assigns a block of template text to a reference, closed by `#end`.' },
]

/** A directive being typed at the end of `linePrefix` (`#fo`, `#{fo`), not inside a `##` comment. */
export function directiveContextAt(linePrefix: string): { partial: string; partialStartColumn: number; braced: boolean } | undefined {
  const match = /(^|[^#\\])#(\{)?([a-z]*)$/.exec(linePrefix)
  if (!match) return undefined
  if (linePrefix.slice(0, match.index + match[1].length).includes('##')) return undefined
  const partial = match[3]
  return { partial, partialStartColumn: linePrefix.length - partial.length + 1, braced: match[2] === '{' }
}
