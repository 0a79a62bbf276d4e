/**
 * Monaco 0.57, slim: the editor API, the Monarch grammars the export pane needs (YAML, Python, TypeScript), the JSON
 * language (export JSON, rendered output), and local workers bundled by Vite (no CDN). Imported only through
 * `loadMonaco()`, so Monaco stays out of the initial bundle.
 */
import * as monaco from 'monaco-editor/editor/editor.api.js'
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

export { monaco }
