/**
 * Live VTL diagnostics for template models (interim: the pure validator in src/vtl is being built; this file gains
 * the worker client, debounce and stale-result guard as soon as it lands).
 */
import type * as MonacoApi from 'monaco-editor/editor/editor.api.js'
import type { Monaco } from './loadMonaco'

export const VTL_EDITOR_LANGUAGE = 'vtl'
export const VTL_MARKER_OWNER = 'vtl'

export type ValidationState = 'idle' | 'validating'

export interface TemplateContext {
  routeKeys: string[]
  stageVariables: string[]
  kind: 'request' | 'response'
}

const contexts = new Map<string, TemplateContext>()

export function setTemplateContext(path: string, context: TemplateContext): void {
  contexts.set(path, context)
}

export function attachVtlValidation(monaco: Monaco, model: MonacoApi.editor.ITextModel): { dispose(): void } {
  return {
    dispose() {
      monaco.editor.setModelMarkers(model, VTL_MARKER_OWNER, [])
    },
  }
}

export function onValidationState(_model: MonacoApi.editor.ITextModel, _listener: (state: ValidationState) => void): { dispose(): void } {
  return { dispose() {} }
}
