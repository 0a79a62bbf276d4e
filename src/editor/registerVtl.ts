/**
 * Registers the `vtl` language with Monaco: the Monarch grammar (pure data from src/vtl), language configuration,
 * completion for `$context.*`, `$input.*`, `$util.*`, `$stageVariables.<names defined on the design's stages>` and
 * directives, and hover docs. The only file that touches `monaco.languages` for VTL. Runs once, at Monaco load.
 */
import { VTL_LANGUAGE_CONFIGURATION, VTL_LANGUAGE_ID, VTL_MONARCH } from '../vtl/monarch'
import { CONTEXT_VARIABLES, INPUT_MEMBERS, NOT_TEMPLATE_CONTEXT, REST_ONLY_CONTEXT, ROOT_VARIABLES, UTIL_MEMBERS } from '../vtl/variables'
import type { Monaco } from './loadMonaco'
import { completionCandidates, completionContextAt, directiveContextAt, DIRECTIVES, hoverTargetAt, type VariableEntry } from './vtlCompletion'
import { stageVariableNames } from './vtlClient'

/** Documented variables, plus hover-only entries for references that are not valid in WebSocket templates. */
const BASE_ENTRIES: VariableEntry[] = [
  ...[...ROOT_VARIABLES, ...CONTEXT_VARIABLES, ...INPUT_MEMBERS, ...UTIL_MEMBERS].map((v) => ({ path: v.name, doc: v.doc, signature: v.signature })),
]
const HOVER_ONLY_ENTRIES: VariableEntry[] = [
  ...REST_ONLY_CONTEXT.map((r) => ({ path: r.prefix, doc: `Not available in WebSocket APIs: ${r.why}.`, warning: 'REST only' })),
  ...NOT_TEMPLATE_CONTEXT.map((r) => ({ path: r.prefix, doc: `Not a mapping-template variable: ${r.why}.`, warning: 'not a template variable' })),
]

export function variableEntries(stageVariables: readonly string[]): VariableEntry[] {
  return [
    ...BASE_ENTRIES,
    ...stageVariables.map((name) => ({ path: `stageVariables.${name}`, doc: `Stage variable \`${name}\`, defined on this design's stages.` })),
  ]
}

/**
 * The grammar as registered. One rule is added in front of the `vtl` state: a braced bare directive glued to text
 * (`#{else}y`, `#{end}z`, the reason the braced form exists) must be one `keyword.directive` token; the shared
 * rule's `(?![A-Za-z0-9_])` lookahead otherwise backtracks to `#{else` + `}`. Covered by vtlTokenizer.test.ts.
 */
const REGISTERED_MONARCH = {
  ...VTL_MONARCH,
  tokenizer: {
    ...VTL_MONARCH.tokenizer,
    vtl: [[/#\{(?:else|end|break|stop)\}/, 'keyword.directive'], ...VTL_MONARCH.tokenizer.vtl],
  },
} satisfies typeof VTL_MONARCH

let registered = false

export function registerVtl(monaco: Monaco): void {
  if (registered) return
  registered = true
  const { languages } = monaco

  languages.register({ id: VTL_LANGUAGE_ID, extensions: ['.vtl', '.vm'], aliases: ['VTL', 'Velocity', 'vtl'] })
  languages.setMonarchTokensProvider(VTL_LANGUAGE_ID, REGISTERED_MONARCH)
  languages.setLanguageConfiguration(VTL_LANGUAGE_ID, {
    ...VTL_LANGUAGE_CONFIGURATION,
    indentationRules: {
      increaseIndentPattern: /^\s*(#\{?(if|elseif|else|foreach|macro|define)\b.*|.*[{[]\s*)$/,
      decreaseIndentPattern: /^\s*(#\{?(end|else|elseif)\b.*|[}\]].*)$/,
    },
  })

  languages.registerCompletionItemProvider(VTL_LANGUAGE_ID, {
    triggerCharacters: ['$', '.', '{', '!', '#'],
    provideCompletionItems(model, position) {
      const linePrefix = model.getLineContent(position.lineNumber).slice(0, position.column - 1)
      const directive = directiveContextAt(linePrefix)
      if (directive) {
        const range = new monaco.Range(position.lineNumber, directive.partialStartColumn, position.lineNumber, position.column)
        return {
          suggestions: DIRECTIVES.filter((d) => d.name.startsWith(directive.partial)).map((d) => ({
            label: `#${d.name}`,
            filterText: d.name,
            kind: languages.CompletionItemKind.Keyword,
            insertText: directive.braced ? d.name : d.snippet,
            insertTextRules: directive.braced ? undefined : languages.CompletionItemInsertTextRule.InsertAsSnippet,
            documentation: { value: d.doc },
            range,
          })),
        }
      }
      const reference = completionContextAt(linePrefix)
      if (!reference) return { suggestions: [] }
      const stageVariables = stageVariableNames(model.uri.path)
      const range = new monaco.Range(position.lineNumber, reference.partialStartColumn, position.lineNumber, position.column)
      const kinds = { method: languages.CompletionItemKind.Method, property: languages.CompletionItemKind.Property, object: languages.CompletionItemKind.Module }
      return {
        suggestions: completionCandidates(variableEntries(stageVariables), reference).map((c, i) => ({
          label: c.label,
          kind: kinds[c.kind],
          insertText: c.insertText,
          insertTextRules: c.snippet ? languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
          detail: c.detail,
          documentation: { value: c.doc },
          sortText: String(i).padStart(4, '0'),
          range,
        })),
      }
    },
  })

  languages.registerHoverProvider(VTL_LANGUAGE_ID, {
    provideHover(model, position) {
      const stageVariables = stageVariableNames(model.uri.path)
      const line = model.getLineContent(position.lineNumber)
      const target = hoverTargetAt([...variableEntries(stageVariables), ...HOVER_ONLY_ENTRIES], line, position.column)
      if (!target) return null
      const { entry } = target
      const title = `\`$${entry.path.replace(/\.\*$/, '.<key>')}\`${entry.warning ? ` — **${entry.warning}**` : ''}`
      return {
        range: new monaco.Range(position.lineNumber, target.startColumn, position.lineNumber, target.endColumn),
        contents: [{ value: title }, { value: entry.doc }],
      }
    },
  })
}
