/**
 * Lazy entry point to Monaco. Nothing in the initial bundle imports `monaco-editor` directly: components call
 * `loadMonaco()`, which dynamically imports `monacoSetup.ts` (Monaco API, languages, workers, VTL registration)
 * once and caches the promise. A failed load is not cached, so "Retry" works.
 */
import type * as MonacoApi from 'monaco-editor/editor/editor.api.js'

export type Monaco = typeof MonacoApi

let loading: Promise<Monaco> | undefined

export function loadMonaco(): Promise<Monaco> {
  if (!loading) {
    loading = import('./monacoSetup').then(
      (m) => m.monaco,
      (error: unknown) => {
        loading = undefined
        throw error instanceof Error ? error : new Error(String(error))
      },
    )
  }
  return loading
}
