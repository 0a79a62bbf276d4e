/**
 * One Monaco model per template, addressed by URI, kept for the whole session so that switching templates or
 * routes (or closing and reopening the panel) keeps each template's undo history. Models of templates that no
 * longer exist in the design are disposed (and their markers cleared by the validation attachment).
 */
import type { Monaco } from './loadMonaco'
import type * as MonacoApi from 'monaco-editor/editor/editor.api.js'

type TextModel = MonacoApi.editor.ITextModel

export const TEMPLATE_URI_SCHEME = 'inmemory'
export const TEMPLATE_URI_AUTHORITY = 'designer'

export function templateUri(monaco: Monaco, path: string): MonacoApi.Uri {
  return monaco.Uri.from({ scheme: TEMPLATE_URI_SCHEME, authority: TEMPLATE_URI_AUTHORITY, path })
}

export interface ModelHooks {
  /** Called once when a model is created (attach validation here); the returned disposer runs when it is disposed. */
  onCreate(model: TextModel): { dispose(): void }
}

const attachments = new Map<string, { dispose(): void }>()

export function getOrCreateTemplateModel(monaco: Monaco, path: string, text: string, languageId: string, hooks: ModelHooks): TextModel {
  const uri = templateUri(monaco, path)
  const existing = monaco.editor.getModel(uri)
  if (existing && !existing.isDisposed()) return existing
  const model = monaco.editor.createModel(text, languageId, uri)
  // Templates are stored with \n; keep the model's EOL stable whatever the platform.
  model.setEOL(monaco.editor.EndOfLineSequence.LF)
  attachments.set(uri.toString(), hooks.onCreate(model))
  model.onWillDispose(() => {
    const key = uri.toString()
    attachments.get(key)?.dispose()
    attachments.delete(key)
  })
  return model
}

/**
 * Brings a model in line with the design when the text changed outside the editor (undo in the app, inspector, import),
 * as an undoable edit so the model's own history stays intact. Returns true if it changed the model.
 */
export function syncModelText(model: TextModel, text: string): boolean {
  if (model.getValue() === text) return false
  model.pushStackElement()
  model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null)
  model.pushStackElement()
  return true
}

/** Disposes template models under `/integrations/` whose path is not in `livePaths`. */
export function disposeStaleTemplateModels(monaco: Monaco, livePaths: ReadonlySet<string>): void {
  for (const model of monaco.editor.getModels()) {
    const uri = model.uri
    if (uri.scheme !== TEMPLATE_URI_SCHEME || uri.authority !== TEMPLATE_URI_AUTHORITY) continue
    if (!uri.path.startsWith('/integrations/')) continue
    if (!livePaths.has(uri.path)) model.dispose()
  }
}
