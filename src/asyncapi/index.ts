/** AsyncAPI 3.0 export and import of the design's message contract (pure; see README.md and docs/asyncapi.md). */

export { exportAsyncApi, CONNECTION_CHANNEL } from './exportAsyncApi'
export { printAsyncApi, type AsyncApiFormat } from './print'
export { X as ASYNCAPI_EXTENSIONS } from './extensions'

export { asyncApiFile } from './file'
export { importAsyncApi, AAI } from './importAsyncApi'
export { importAsyncApiForDialog, importAsyncApiText, looksLikeAsyncApi, parseAsyncApiText } from './importText'
