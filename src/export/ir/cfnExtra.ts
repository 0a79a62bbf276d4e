/** `cfnExtra`: the properties an entity keeps verbatim, merged into its resource and written as CDK property overrides. */

import type { JsonObject } from '../../model/types'
import { call, lit, type Code } from './code'
import type { IrContext } from './context'
import { deepMerge } from './context'
import type { L1Class } from './resources/shared'

/** Applies `cfnExtra` to the resource and, in CDK, as property overrides on the construct's default child. */
export function applyCfnExtra(ctx: IrContext, owner: string, cfnProps: JsonObject, extra: JsonObject | undefined, child: Code, castTo: L1Class): JsonObject {
  if (!extra || !Object.keys(extra).length) return cfnProps
  ctx.emit(owner, { k: 'comment', text: 'Properties the designer keeps verbatim (no CDK prop for them).' })
  const defaultChild = ctx.defaultChild(owner, child.k === 'var' ? child.name : owner, child, castTo, child.k === 'var' ? child.name : owner)
  for (const [key, value] of Object.entries(extra)) {
    ctx.emit(owner, { k: 'expr', value: call(defaultChild, 'addPropertyOverride', [lit(key), { k: 'json', value }]) })
  }
  return deepMerge(cfnProps, extra)
}
