/**
 * The AsyncAPI document of a design as one export file. Its own module so that exportDesign pulls in only the
 * exporter and printer, never the import side (@asyncapi/converter, the spec validator): a CloudFormation or CDK
 * export from the CLI then loads none of that code (issue 11, per-verb loading).
 */

import type { Design } from '../model/types'
import { exportAsyncApi } from './exportAsyncApi'
import { printAsyncApi, type AsyncApiFormat } from './print'

/** The AsyncAPI document of a design as one file, named after the API. */
export function asyncApiFile(design: Design, format: AsyncApiFormat): { path: string; contents: string } {
  const base = (design.api.name || 'api').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'api'
  return { path: `${base}.asyncapi.${format === 'json' ? 'json' : 'yaml'}`, contents: printAsyncApi(exportAsyncApi(design), format) }
}
