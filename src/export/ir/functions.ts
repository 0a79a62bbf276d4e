/** A Lambda function as CDK code (`IFunction`) and as an ARN, for integrations and authorizers. */

import { call, lit, props, str, sym, THIS, v, bool, type Code } from './code'
import type { IrContext } from './context'
import type { Expr } from './expr'
import { pascalCase } from './names'

export interface FunctionRef {
  code: Code
  arn: Expr
  /** The function construct's id under the stack (children such as permissions hang off it). */
  constructId: string
}

const imported = new WeakMap<IrContext, Map<string, { variable: string; constructId: string }>>()

export function functionRef(ctx: IrContext, resourceId: string, owner: string, field: string): FunctionRef | undefined {
  const resource = ctx.design.resources[resourceId]
  const isFunction = resource && (resource.type === 'lambda-function' || (resource.type === 'existing' && resource.kind === 'lambda-function'))
  if (!isFunction) {
    ctx.error('EXP006', `"${resourceId}" is not a Lambda function.`, owner, field)
    return undefined
  }
  const arn = ctx.text(`@{${resourceId}.arn}`, owner, field)
  if (resource.type === 'lambda-function') {
    const fn = ctx.resources.find((r) => r.owner === resourceId && r.type === 'AWS::Lambda::Function')
    return { code: v(ctx.varOf(resourceId)), arn, constructId: fn?.path[0] ?? resourceId }
  }
  // An existing function: import it once. `sameEnvironment` lets CDK add the invoke permission, which it
  // otherwise skips silently for functions it cannot prove are in the stack's account.
  let names = imported.get(ctx)
  if (!names) imported.set(ctx, (names = new Map()))
  let entry = names.get(resourceId)
  if (!entry) {
    const variable = ctx.declareVar(`${resourceId}#fn`, resourceId, 'function')
    const constructId = ctx.stackChildId(`${pascalCase(resourceId)}Function`)
    entry = { variable, constructId }
    names.set(resourceId, entry)
    ctx.emitConst(
      resourceId,
      variable,
      call(sym('lambda', 'Function'), 'fromFunctionAttributes', [THIS, lit(constructId)], props([
        ['functionArn', str(arn)],
        ['sameEnvironment', bool(true)],
      ])),
    )
  }
  return { code: v(entry.variable), arn, constructId: entry.constructId }
}
