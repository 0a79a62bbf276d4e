/** A Lambda function as CDK code (`IFunction`) and as an ARN, for integrations and authorizers. */

import { call, lit, props, str, sym, THIS, v, bool, type Code } from './code'
import type { IrContext } from './context'
import type { Expr } from './expr'
import { pascalCase } from './names'

export interface FunctionRef {
  code: Code
  arn: Expr
}

const imported = new WeakMap<IrContext, Map<string, string>>()

export function functionRef(ctx: IrContext, resourceId: string, owner: string, field: string): FunctionRef | undefined {
  const resource = ctx.design.resources[resourceId]
  const isFunction = resource && (resource.type === 'lambda-function' || (resource.type === 'existing' && resource.kind === 'lambda-function'))
  if (!isFunction) {
    ctx.error('EXP006', `"${resourceId}" is not a Lambda function.`, owner, field)
    return undefined
  }
  const arn = ctx.text(`@{${resourceId}.arn}`, owner, field)
  if (resource.type === 'lambda-function') return { code: v(ctx.varOf(resourceId)), arn }
  // An existing function: import it once. `sameEnvironment` lets CDK add the invoke permission, which it
  // otherwise skips silently for functions it cannot prove are in the stack's account.
  let names = imported.get(ctx)
  if (!names) imported.set(ctx, (names = new Map()))
  let variable = names.get(resourceId)
  if (!variable) {
    variable = ctx.declareVar(`${resourceId}#fn`, resourceId, 'function')
    names.set(resourceId, variable)
    const constructId = ctx.stackChildId(`${pascalCase(resourceId)}Function`)
    ctx.emitConst(
      resourceId,
      variable,
      call(sym('lambda', 'Function'), 'fromFunctionAttributes', [THIS, lit(constructId)], props([
        ['functionArn', str(arn)],
        ['sameEnvironment', bool(true)],
      ])),
    )
  }
  return { code: v(variable), arn }
}
