/**
 * Editor assistance as pure functions, so the Monaco providers stay thin: completions after `$`, `#`,
 * `$context.`, `$input.`, `$util.`, `$stageVariables.` and hover text for references, all from the tables in
 * variables.ts (the same tables the validator checks against).
 */

import { scanReferences } from './references'
import { CONTEXT_VARIABLES, INPUT_MEMBERS, REST_ONLY_CONTEXT, NOT_TEMPLATE_CONTEXT, ROOT_VARIABLES, UTIL_MEMBERS, classifyContextName, type VariableDoc } from './variables'

export type CompletionKind = 'variable' | 'property' | 'function' | 'keyword'

export interface CompletionItem {
  label: string
  kind: CompletionKind
  /** Text to insert; may be a snippet with `${1:…}` placeholders when `snippet` is true. */
  insertText: string
  snippet: boolean
  detail?: string
  documentation: string
}

export interface Completions {
  /** Offset where the word being completed starts (replace from here to the cursor). */
  from: number
  items: CompletionItem[]
}

export interface AssistOptions {
  stageVariableNames?: readonly string[]
}

const DIRECTIVES: [string, string, string][] = [
  ['if', 'if(${1:condition})\n\t$0\n#end', 'Conditional block, closed by #end.'],
  ['elseif', 'elseif(${1:condition})', 'Alternative condition inside #if.'],
  ['else', 'else', 'Fallback branch inside #if.'],
  ['end', 'end', 'Closes #if, #foreach, #macro, #define.'],
  ['foreach', 'foreach($${1:item} in ${2:$input.path(\'$.items\')})\n\t$0\n#end', 'Loop (API Gateway stops after 1 000 iterations). $foreach.hasNext, $foreach.index.'],
  ['set', 'set($${1:name} = ${2:value})', 'Assign a variable.'],
  ['break', 'break', 'Leave the current #foreach.'],
  ['stop', 'stop', 'Stop rendering the template.'],
  ['macro', 'macro(${1:name} $${2:arg})\n\t$0\n#end', 'Define a macro.'],
  ['define', 'define($${1:name})\n\t$0\n#end', 'Define a reusable block.'],
]

function childNames(prefix: string, docs: readonly VariableDoc[]): VariableDoc[] {
  const seen = new Map<string, VariableDoc>()
  for (const d of docs) {
    if (!d.name.startsWith(prefix)) continue
    const rest = d.name.slice(prefix.length)
    const seg = rest.split('.')[0]
    if (!seg || seg === '*' || seen.has(seg)) continue
    const isLeaf = !rest.includes('.')
    seen.set(seg, isLeaf ? { ...d, name: seg } : { name: seg, doc: `\`$${prefix}${seg}.*\`` })
  }
  return [...seen.values()]
}

export function completionsAt(text: string, offset: number, opts: AssistOptions = {}): Completions {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1
  const before = text.slice(lineStart, offset)
  const directive = /#\{?([A-Za-z]*)$/.exec(before)
  if (directive && !/\$[^\s]*$/.test(before.slice(0, directive.index + 1))) {
    const from = offset - directive[1].length
    return {
      from,
      items: DIRECTIVES.filter(([n]) => n.startsWith(directive[1])).map(([n, snip, doc]) => ({ label: `#${n}`, kind: 'keyword', insertText: snip, snippet: true, documentation: doc })),
    }
  }
  const ref = /\$!?\{?([A-Za-z][\w-]*(?:\.[A-Za-z_][\w-]*)*\.?)?$/.exec(before)
  if (!ref) return { from: offset, items: [] }
  const typed = ref[1] ?? ''
  const lastDot = typed.lastIndexOf('.')
  const dot = lastDot >= 0
  const path = dot ? typed.slice(0, lastDot) : typed
  const partial = dot ? typed.slice(lastDot + 1) : ''
  const from = offset - (dot ? partial.length : path.length)
  if (!dot) {
    return {
      from,
      items: ROOT_VARIABLES.filter((r) => r.name.startsWith(path)).map((r) => ({ label: r.name, kind: 'variable', insertText: r.name, snippet: false, documentation: r.doc })),
    }
  }
  const filter = (items: CompletionItem[]) => ({ from, items: items.filter((i) => i.label.startsWith(partial)) })
  if (path === 'context' || path.startsWith('context.')) {
    const prefix = `${path}.`
    return filter(childNames(prefix, CONTEXT_VARIABLES).map((d) => ({ label: d.name, kind: 'property', insertText: d.name, snippet: false, detail: `$${prefix}${d.name}`, documentation: d.doc })))
  }
  if (path === 'input')
    return filter(INPUT_MEMBERS.map((d) => ({ label: d.name.slice(6), kind: d.signature ? 'function' : 'property', insertText: d.signature ?? d.name.slice(6), snippet: !!d.signature, documentation: d.doc })))
  if (path === 'util')
    return filter(UTIL_MEMBERS.map((d) => ({ label: d.name.slice(5), kind: 'function', insertText: d.signature ?? d.name.slice(5), snippet: !!d.signature, documentation: d.doc })))
  if (path === 'stageVariables')
    return filter((opts.stageVariableNames ?? []).map((n) => ({ label: n, kind: 'property', insertText: n, snippet: false, documentation: `Stage variable \`${n}\`.` })))
  return { from, items: [] }
}

export interface Hover {
  start: number
  end: number
  markdown: string
}

/** Documentation for the reference under `offset`, or undefined. */
export function hoverAt(text: string, offset: number): Hover | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1
  const lineEnd = text.indexOf('\n', offset)
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd)
  // The innermost reference wins (`$util.urlEncode($input.body)` hovering `$input`).
  const refs = scanReferences(line)
    .filter((r) => offset >= lineStart + r.start && offset <= lineStart + r.end)
    .sort((a, b) => b.start - a.start)
  for (const r of refs) {
    const at = offset - lineStart
    if (r.root === 'context') {
      let name = 'context'
      let end = r.rootEnd
      for (const s of r.segments) {
        if (s.kind !== 'prop') break
        if (s.start > at) break
        name += `.${s.name}`
        end = s.end
      }
      const v = classifyContextName(name)
      const doc = CONTEXT_VARIABLES.find((d) => d.name === name)?.doc ?? (name.startsWith('context.authorizer.') ? CONTEXT_VARIABLES.find((d) => d.name === 'context.authorizer.*')?.doc : undefined)
      const why = v.kind === 'rest-only' ? REST_ONLY_CONTEXT.find((x) => name === x.prefix || name.startsWith(`${x.prefix}.`))?.why : v.kind === 'not-template' ? NOT_TEMPLATE_CONTEXT.find((x) => name === x.prefix || name.startsWith(`${x.prefix}.`))?.why : undefined
      const text2 =
        v.kind === 'ok'
          ? (doc ?? ROOT_VARIABLES[0].doc)
          : v.kind === 'unknown'
            ? '**Not a WebSocket context variable.**'
            : `**${v.kind === 'rest-only' ? 'REST only' : 'Not a template variable'}:** ${why ?? ''}`
      return { start: lineStart + r.start, end: lineStart + end, markdown: `\`$${name}\`\n\n${text2}` }
    }
    const first = r.segments[0]
    const table = r.root === 'input' ? INPUT_MEMBERS : r.root === 'util' ? UTIL_MEMBERS : undefined
    if (table && first) {
      const d = table.find((x) => x.name === `${r.root}.${first.name}`)
      return { start: lineStart + r.start, end: lineStart + first.end, markdown: `\`$${r.root}.${first.name}\`\n\n${d?.doc ?? '**Not an API Gateway member.**'}` }
    }
    const root = ROOT_VARIABLES.find((x) => x.name === r.root)
    if (root) return { start: lineStart + r.start, end: lineStart + r.rootEnd, markdown: `\`$${root.name}\`\n\n${root.doc}` }
    return undefined
  }
  return undefined
}
