/** `AWS::ApiGatewayV2::Model` → `design.models`. */

import type { Design, Json } from '../model/types'
import type { ImportContext, ResourceEntry } from './context'
import { isIntrinsic, isObject } from './intrinsics'
import { assignDefined, Props } from './props'

export function mapModel(ctx: ImportContext, entry: ResourceEntry): void {
  const p = new Props(entry.logicalId, entry.props)
  p.take('ApiId')
  const name = p.required('Name', entry.logicalId)
  const id = ctx.newId(name)
  const schemaValue = p.raw('Schema')
  let schema: Json = {}
  if (isObject(schemaValue) && !isIntrinsic(schemaValue)) {
    schema = schemaValue
    p.take('Schema')
  } else if (typeof schemaValue === 'string') {
    try {
      schema = JSON.parse(schemaValue) as Json
      if (JSON.stringify(schema) === schemaValue) p.take('Schema')
    } catch {
      /* kept verbatim */
    }
  }
  const model: Design['models'][string] = { name, contentType: p.str('ContentType') ?? 'application/json', schema }
  assignDefined(model, { description: p.str('Description') })
  ctx.keepExtra(model, p, id)
  ctx.design.models[id] = model
  ctx.claim(entry.logicalId, id, 'model')
}
