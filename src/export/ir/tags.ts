/** Tags on a construct, written the one way CDK's tag manager writes them (API, stages and resources alike). */

import type { Json, JsonObject } from '../../model/types'
import { call, lit, sym, type Code } from './code'
import type { IrContext } from './context'

/**
 * `Tags.of(x).add(k, v)`, and the tags CDK's tag manager writes: sorted by key, as a plain map for API Gateway v2
 * resources (`map`) or as a Key/Value list for the others (`list`).
 */
export function applyTags(ctx: IrContext, owner: string, target: Code, cfn: JsonObject, tags: Record<string, string> | undefined, shape: 'map' | 'list' = 'map'): JsonObject {
  if (!tags || !Object.keys(tags).length) return cfn
  for (const [key, value] of Object.entries(tags)) {
    ctx.emit(owner, { k: 'expr', value: call(call(sym('core', 'Tags'), 'of', [target]), 'add', [lit(key), lit(value)]) })
  }
  const sorted = Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return { ...cfn, Tags: shape === 'map' ? (Object.fromEntries(sorted) as { [k: string]: Json }) : sorted.map(([Key, Value]) => ({ Key, Value })) }
}
