/** What every resource builder in this folder takes and returns, and the helpers more than one of them uses. */

import { intrinsicCode } from '../intrinsicCode'
import { l2RemovalPolicy } from '../../../model/resourceOptions'
import { ownEntry } from '../../../model/queries'
import type { Json, JsonObject, Resource } from '../../../model/types'
import { cfnValue } from '../cfnValue'
import { call, lit, num, str, sym, THIS, type Code } from '../code'
import type { IrContext } from '../context'
import type { Expr } from '../expr'

/** The L1 class a construct's default child is cast to, for property overrides. */
export interface L1Class {
  module: 'apigwv2' | 'dynamodb' | 'sqs' | 'sns' | 'kinesis' | 'events' | 'sfn' | 'lambda' | 'iam' | 'logs'
  name: string
}

export interface BuildInput<R extends Resource> {
  ctx: IrContext
  id: string
  resource: R
  /** The construct's id under the stack. */
  constructId: string
  /** The variable the construct is declared as. */
  variable: string
  /** A design string of one of the resource's fields, as an expression (`@{…}` references resolved). */
  text: (value: string, field: string) => Expr
}

/** One design resource as a CDK L2 construct and the CloudFormation resource it synthesizes to. */
export interface ResourceBuild {
  construction: Code
  /** The properties of the synthesized resource (before tags and cfnExtra). */
  cfn: JsonObject
  cast: L1Class
  policies?: { deletionPolicy?: string; updateReplacePolicy?: string }
  dependsOn?: string[]
  /** Calls on the construct right after it is declared (a table's `addGlobalSecondaryIndex`). */
  after?: Code[]
  /** Property overrides on the L1 where the L2 cannot say a value (a stream's customer key id). */
  overrides?: { comment: string; path: string; value: Code }[]
}

export type ResourceOf<T extends Resource['type']> = Extract<Resource, { type: T }>

const REMOVAL: Record<string, { code: string }> = { destroy: { code: 'DESTROY' }, retain: { code: 'RETAIN' }, snapshot: { code: 'SNAPSHOT' } }

/** The L2's `removalPolicy` prop and the two policies it synthesizes (src/model/resourceOptions.ts knows the defaults). */
export function removal(resource: Resource): { prop?: Code; cfn: { deletionPolicy?: string; updateReplacePolicy?: string } } {
  const chosen = 'removalPolicy' in resource && resource.removalPolicy ? REMOVAL[resource.removalPolicy] : undefined
  const cfn = l2RemovalPolicy(resource)
  return {
    prop: chosen ? sym('core', `RemovalPolicy.${chosen.code}`) : undefined,
    cfn: cfn ? { deletionPolicy: cfn, updateReplacePolicy: cfn } : {},
  }
}

/**
 * A customer-managed KMS key the design names by ARN, as the key construct an L2 takes (`kms.Key.fromKeyArn`,
 * which creates nothing and whose `keyArn` is the ARN itself, so the L2 writes exactly the design's text).
 */
export function keyFromArn({ ctx, constructId, text }: Pick<BuildInput<Resource>, 'ctx' | 'constructId' | 'text'>, arn: string, field: string): { cdk: Code; cfn: Json } {
  const expr = text(arn, field)
  return { cdk: call(sym('kms', 'Key'), 'fromKeyArn', [THIS, lit(ctx.stackChildId(`${constructId}Key`)), str(expr)]), cfn: cfnValue(expr) }
}

/**
 * The queue a reference field names, when the design holds it as a queue with a construct: undefined otherwise
 * (MDL029 reports a reference to nothing or to something else, so there is nothing to write then).
 */
export function designQueue(ctx: IrContext, id: string | undefined): string | undefined {
  return id !== undefined && ownEntry(ctx.design.resources, id)?.type === 'sqs-queue' && ctx.hasVar(id) ? id : undefined
}

export const duration = (seconds: number): Code => call(sym('core', 'Duration'), 'seconds', [num(seconds)])

/** A string prop that may be raw CloudFormation (an intrinsic kept from import): a literal or its CDK expression. */
export function rawString(value: Json): Code {
  return typeof value === 'string' ? lit(value) : intrinsicCode(value, 'string') ?? call(sym('core', 'Token'), 'asString', [{ k: 'json', value }])
}
