/**
 * Registers the `vtl` language with Monaco: the Monarch grammar (pure data from src/vtl), language configuration,
 * completion for `$context.*`, `$input.*`, `$util.*`, `$stageVariables.<names defined on the design's stages>` and
 * directives, and hover docs (both computed by src/vtl/assist.ts). The only file that touches `monaco.languages`
 * for VTL. Runs once, at Monaco load.
 */
import type * as MonacoApi from 'monaco-editor/editor/editor.api.js'
import { VTL_LANGUAGE_CONFIGURATION, VTL_LANGUAGE_ID, VTL_MONARCH } from '../vtl/monarch'
import { completionsAt, hoverAt, type CompletionItem } from '../vtl/assist'
import type { Monaco } from './loadMonaco'
import { stageVariableNames } from './vtlClient'

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

  // Completion and hover come from the pure core (src/vtl/assist.ts); these providers only translate offsets and kinds.
  const kinds: Record<CompletionItem['kind'], MonacoApi.languages.CompletionItemKind> = {
    variable: languages.CompletionItemKind.Variable,
    property: languages.CompletionItemKind.Property,
    function: languages.CompletionItemKind.Method,
    keyword: languages.CompletionItemKind.Keyword,
  }
  languages.registerCompletionItemProvider(VTL_LANGUAGE_ID, {
    triggerCharacters: ['$', '.', '{', '!', '#'],
    provideCompletionItems(model, position) {
      const offset = model.getOffsetAt(position)
      const { from, items } = completionsAt(model.getValue(), offset, { stageVariableNames: stageVariableNames(model.uri.path) })
      const start = model.getPositionAt(from)
      const range = new monaco.Range(start.lineNumber, start.column, position.lineNumber, position.column)
      return {
        suggestions: items.map((item, i) => ({
          label: item.label,
          kind: kinds[item.kind],
          insertText: item.insertText,
          insertTextRules: item.snippet ? languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
          detail: item.detail,
          documentation: { value: item.documentation },
          sortText: String(i).padStart(4, '0'),
          range,
        })),
      }
    },
  })

  languages.registerHoverProvider(VTL_LANGUAGE_ID, {
    provideHover(model, position) {
      const hover = hoverAt(model.getValue(), model.getOffsetAt(position))
      if (!hover) return null
      const start = model.getPositionAt(hover.start)
      const end = model.getPositionAt(hover.end)
      return {
        range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
        contents: [{ value: hover.markdown }],
      }
    },
  })
}
