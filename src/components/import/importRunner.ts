/**
 * Runs the import off the main thread: a module worker (`import.worker.ts`) per run, so parsing a large
 * template and the auto-layout never block the canvas. Where workers are unavailable (tests, old browsers) or the
 * worker fails, the same pure function runs on the main thread, loaded lazily.
 */

import type { ImportOptions, ImportResult } from '../../import'

export interface ImportWorkerRequest {
  id: number
  text: string
  options: ImportOptions
}

export type ImportWorkerResponse = { id: number; ok: true; result: ImportResult } | { id: number; ok: false; error: string }

const WORKER_TIMEOUT_MS = 30_000
let nextId = 1

async function onMainThread(text: string, options: ImportOptions): Promise<ImportResult> {
  const { importAsyncApiForDialog, looksLikeAsyncApi } = await import('../../asyncapi')
  if (looksLikeAsyncApi(text)) return importAsyncApiForDialog(text)
  const { importTemplate } = await import('../../import')
  return importTemplate(text, options)
}

function inWorker(text: string, options: ImportOptions): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    let worker: Worker
    try {
      worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' })
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)))
      return
    }
    const id = nextId++
    const done = () => {
      clearTimeout(timer)
      worker.terminate()
    }
    const timer = setTimeout(() => {
      done()
      reject(new Error('the import worker did not answer'))
    }, WORKER_TIMEOUT_MS)
    worker.onmessage = (event: MessageEvent<ImportWorkerResponse>) => {
      if (event.data.id !== id) return
      done()
      if (event.data.ok) resolve(event.data.result)
      else reject(new Error(event.data.error))
    }
    worker.onerror = (event) => {
      done()
      reject(new Error(event.message || 'the import worker failed'))
    }
    worker.postMessage({ id, text, options } satisfies ImportWorkerRequest)
  })
}

/** Imports `text`; never rejects (a failure of the machinery is reported as an import error). */
export async function runImport(text: string, options: ImportOptions = {}): Promise<ImportResult> {
  try {
    if (typeof Worker === 'function') {
      try {
        return await inWorker(text, options)
      } catch {
        // Fall through to the main thread.
      }
    }
    return await onMainThread(text, options)
  } catch (e) {
    return { ok: false, errors: [{ code: 'IMP099', severity: 'error', message: `The import failed: ${e instanceof Error ? e.message : String(e)}` }] }
  }
}
