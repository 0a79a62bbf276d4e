/// <reference lib="webworker" />
/** Thin worker shell: template text in → the pure importer (with auto-layout) → result out with the request id. */
import { importAsyncApiForDialog, looksLikeAsyncApi } from '../../asyncapi'
import { importTemplate } from '../../import'
import type { ImportWorkerRequest, ImportWorkerResponse } from './importRunner'

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = (event: MessageEvent<ImportWorkerRequest>) => {
  const { id, text, options } = event.data
  ;(looksLikeAsyncApi(text) ? importAsyncApiForDialog(text) : importTemplate(text, options)).then(
    (result) => scope.postMessage({ id, ok: true, result } satisfies ImportWorkerResponse),
    (error: unknown) => scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies ImportWorkerResponse),
  )
}
