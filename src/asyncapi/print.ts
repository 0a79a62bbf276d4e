/** Prints an AsyncAPI document as YAML (the ecosystem's usual form) or JSON. */

import { dump } from 'js-yaml'
import type { JsonObject } from '../model/types'

export type AsyncApiFormat = 'yaml' | 'json'

export function printAsyncApi(doc: JsonObject, format: AsyncApiFormat = 'yaml'): string {
  if (format === 'json') return `${JSON.stringify(doc, null, 2)}\n`
  // noRefs: repeated objects are written out, never as YAML anchors other tools may not follow.
  return dump(doc, { noRefs: true, lineWidth: -1, sortKeys: false })
}
