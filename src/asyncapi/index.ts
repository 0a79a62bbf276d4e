/** AsyncAPI 3.0 export and import of the design's message contract (pure; see README.md and docs/asyncapi.md). */

import type { Design } from '../model/types'
import { exportAsyncApi } from './exportAsyncApi'
import { printAsyncApi, type AsyncApiFormat } from './print'

export { exportAsyncApi, CONNECTION_CHANNEL } from './exportAsyncApi'
export { printAsyncApi, type AsyncApiFormat } from './print'
export { X as ASYNCAPI_EXTENSIONS } from './extensions'

/** The AsyncAPI document of a design as one file, named after the API. */
export function asyncApiFile(design: Design, format: AsyncApiFormat): { path: string; contents: string } {
  const base = (design.api.name || 'api').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'api'
  return { path: `${base}.asyncapi.${format === 'json' ? 'json' : 'yaml'}`, contents: printAsyncApi(exportAsyncApi(design), format) }
}
export { importAsyncApi, AAI } from './importAsyncApi'
export { importAsyncApiForDialog, importAsyncApiText, looksLikeAsyncApi, parseAsyncApiText } from './importText'
