/**
 * ELK for the designer's Auto-layout, running in a Web Worker: a layered layout of a few hundred nodes takes
 * long enough to freeze the page if it ran on the main thread. elkjs ships its engine as a worker script
 * (elk-worker.min.js, served by Vite as a same-origin asset, so a CSP with `worker-src 'self'` allows it) and a
 * small API class (elk-api.js) that talks to it. Both load on the first Auto-layout of a small design; large
 * designs use the column grid and never start the worker. One worker serves every later layout.
 */

import type { ElkLike } from '../../layout/autoLayout'

let elk: Promise<ElkLike> | undefined

export function elkInWorker(): Promise<ElkLike> {
  elk ??= Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]).then(([api, workerUrl]) => {
    const m = api as unknown as { default?: unknown }
    // CommonJS default interop differs between Vite's dev server and the production bundle.
    const Elk = ((m.default as { default?: unknown } | undefined)?.default ?? m.default ?? api) as new (args: { workerFactory: () => Worker }) => ElkLike
    let worker: Worker | undefined
    const inner = new Elk({ workerFactory: () => (worker = new Worker(workerUrl.default, { name: 'elk-layout' })) })
    return {
      // elk-api waits for the worker's answer only; a worker that fails to load or crashes must fail the
      // layout (the store reports it) instead of leaving Auto-layout busy for ever.
      layout: (graph) =>
        new Promise((resolve, reject) => {
          const failed = (e: ErrorEvent | Event) => {
            elk = undefined
            reject(new Error(`the layout worker failed${'message' in e && e.message ? `: ${e.message}` : ''}`))
          }
          const done = inner.layout(graph)
          worker?.addEventListener('error', failed, { once: true })
          done.then(resolve, reject).finally(() => worker?.removeEventListener('error', failed))
        }),
    }
  })
  return elk
}
