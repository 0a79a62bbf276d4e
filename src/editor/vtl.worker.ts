/// <reference lib="webworker" />
/** Thin worker shell: request in → the pure validator → diagnostics out with the request id. */
import { validateTemplate } from '../vtl/validate'
import type { VtlWorkerRequest, VtlWorkerResponse } from './vtlProtocol'

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = (event: MessageEvent<VtlWorkerRequest>) => {
  const { id, text, options } = event.data
  let response: VtlWorkerResponse
  try {
    response = { id, ok: true, diagnostics: validateTemplate(text, options) }
  } catch (error) {
    response = { id, ok: false, error: error instanceof Error ? error.message : String(error) }
  }
  scope.postMessage(response)
}
