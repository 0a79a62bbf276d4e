/**
 * Monaco 0.57, slim: the editor API, the Monarch grammars the export pane needs (YAML, Python, TypeScript), the JSON
 * language (export JSON, rendered output), and local workers bundled by Vite (no CDN). Imported only through
 * `loadMonaco()`, so Monaco stays out of the initial bundle.
 */
import * as monaco from 'monaco-editor/editor/editor.api.js'
// editor.api.js is the bare editor: the contributions below give it completion, hover (incl. marker messages),
// snippets, find, folding, comment toggling, marker navigation (F8) and the usual editing commands.
import 'monaco-editor/editor/browser/coreCommands.js'
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching.js'
import 'monaco-editor/editor/contrib/caretOperations/browser/caretOperations.js'
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard.js'
import 'monaco-editor/editor/contrib/comment/browser/comment.js'
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu.js'
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo.js'
import 'monaco-editor/editor/contrib/dropOrPasteInto/browser/copyPasteContribution.js'
import 'monaco-editor/features/find/register.js'
import 'monaco-editor/editor/contrib/find/browser/findController.js'
import 'monaco-editor/editor/contrib/folding/browser/folding.js'
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError.js'
import 'monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus.js'
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution.js'
import 'monaco-editor/editor/contrib/indentation/browser/indentation.js'
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations.js'
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor.js'
import 'monaco-editor/editor/contrib/readOnlyMessage/browser/contribution.js'
import 'monaco-editor/editor/contrib/smartSelect/browser/smartSelect.js'
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2.js'
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js'
import 'monaco-editor/editor/contrib/tokenization/browser/tokenization.js'
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter.js'
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations.js'
import 'monaco-editor/editor/common/standaloneStrings.js'
// The JSON language's worker client (languages/features/json/jsonMode.js → internal/common/workers.js) loads every
// editor contribution the first time a JSON model appears; code lens and tree drag-and-drop then ask for services the
// editor services were started without, and each later editor throws "depends on UNKNOWN service". Registering the
// two services up front (they are tiny) keeps later editors (several schema editors, export pane) error-free.
import 'monaco-editor/editor/contrib/codelens/browser/codeLensCache.js'
import 'monaco-editor/editor/common/services/treeViewsDndService.js'
import 'monaco-editor/languages/definitions/yaml/register.js'
import 'monaco-editor/languages/definitions/python/register.js'
import 'monaco-editor/languages/definitions/typescript/register.js'
import 'monaco-editor/language/json/monaco.contribution.js'
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker'
import JsonWorker from 'monaco-editor/language/json/json.worker.js?worker'
import { registerVtl } from './registerVtl'

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    if (label === 'json') return new JsonWorker()
    if (label === 'editorWorkerService') return new EditorWorker()
    throw new Error(`Unknown Monaco worker label: ${label}`)
  },
}

registerVtl(monaco)

/**
 * Monaco's own dark theme draws a few tokens below 4.5:1 on its #1e1e1e background (axe-core colour-contrast):
 * `variable.predefined` (VTL's `$context`, `$input`) at 2.9:1, comments at 4.1:1, regular expressions at 4.0:1. The
 * dark theme here is vs-dark with those three lightened to the colours VS Code's Dark+ uses; the light theme is vs.
 */
const DARK_THEME = 'socket-studio-dark'
monaco.editor.defineTheme(DARK_THEME, {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'variable.predefined', foreground: '4FC1FF' },
    { token: 'comment', foreground: '6A9955' },
    { token: 'regexp', foreground: 'D16969' },
  ],
  colors: {},
})

/** Monaco's theme follows the app's light/dark theme (`data-theme` on <html>). */
function followAppTheme(): void {
  const apply = () => monaco.editor.setTheme(document.documentElement.dataset.theme === 'dark' ? DARK_THEME : 'vs')
  apply()
  new MutationObserver(apply).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
}
followAppTheme()

export { monaco }
