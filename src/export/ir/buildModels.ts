/** Request models: `CfnModel` (no L2 for WebSocket models). */

import type { JsonObject, Model } from '../../model/types'
import { construct, lit, member, props, str, THIS, v } from './code'
import { cfnValue } from './cfnValue'
import type { IrContext } from './context'
import { deepMerge } from './context'
import { pascalCase } from './names'

export function buildModel(ctx: IrContext, id: string, m: Model): { variable: string; path: string[] } {
  const constructId = ctx.stackChildId(pascalCase(id))
  const variable = ctx.declareVar(id, `${id} model`, 'model')
  ctx.emitConst(
    id,
    variable,
    construct('apigwv2', 'CfnModel', [THIS, lit(constructId)], props([
      ['apiId', member(v(ctx.api!.variable), 'apiId')],
      ['name', lit(m.name)],
      ['contentType', lit(m.contentType)],
      ['schema', { k: 'json', value: m.schema }],
      ['description', m.description !== undefined ? str(ctx.text(m.description, id, 'description')) : undefined],
    ])),
  )
  for (const [k, value] of Object.entries(m.cfnExtra ?? {})) {
    ctx.emit(id, { k: 'expr', value: { k: 'call', target: v(variable), method: 'addPropertyOverride', args: [lit(k), { k: 'json', value }] } })
  }
  let cfn: JsonObject = { ApiId: ctx.apiRef(), ContentType: m.contentType, Name: m.name, Schema: m.schema }
  if (m.description !== undefined) cfn.Description = cfnValue(ctx.text(m.description, id, 'description'))
  cfn = deepMerge(cfn, m.cfnExtra ?? {})
  ctx.addResource(id, [constructId], 'AWS::ApiGatewayV2::Model', cfn)
  return { variable, path: [constructId] }
}
