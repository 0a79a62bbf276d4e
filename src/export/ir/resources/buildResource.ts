/**
 * Design resources → CDK L2 constructs and the CloudFormation they synthesize to (verified against aws-cdk-lib 2.276).
 * One builder per resource type in this folder decides the construct and its resource; this file does what they
 * share: the attributes `@{id.attribute}` resolves to, tags, L1 overrides, `cfnExtra` and the resource itself.
 */

import { RESOURCE_CFN_TYPES } from '../../../model/cfnTypes'
import type { JsonObject, Resource } from '../../../model/types'
import { applyCfnExtra } from '../cfnExtra'
import { call, lit, v } from '../code'
import type { IrContext } from '../context'
import type { AttrRef, Expr } from '../expr'
import { pascalCase } from '../names'
import { applyTags } from '../tags'
import { buildEventBus } from './eventBus'
import { buildLambdaFunction } from './lambdaFunction'
import { buildLogGroup } from './logGroup'
import { buildQueue } from './queue'
import type { BuildInput, ResourceBuild, ResourceOf } from './shared'
import { buildStateMachine } from './stateMachine'
import { buildStream } from './stream'
import { buildTable } from './table'
import { buildTopic } from './topic'

type Built = Exclude<Resource['type'], 'existing' | 'iam-role'>

const BUILDERS: { [T in Built]: (input: BuildInput<ResourceOf<T>>) => ResourceBuild } = {
  'dynamodb-table': buildTable,
  'sqs-queue': buildQueue,
  'sns-topic': buildTopic,
  'kinesis-stream': buildStream,
  'eventbridge-bus': buildEventBus,
  'state-machine': buildStateMachine,
  'lambda-function': buildLambdaFunction,
  'log-group': buildLogGroup,
}

export function buildResource(ctx: IrContext, id: string, resource: Resource): void {
  if ('removalPolicy' in resource && resource.removalPolicy === 'snapshot') {
    // CDK accepts it, but CloudFormation allows Snapshot only for volumes and databases, none of which the designer models.
    ctx.error('EXP014', `CloudFormation does not support the snapshot removal policy for ${resource.type}; use retain or destroy.`, id, 'removalPolicy')
  }
  if (resource.type === 'existing') {
    // Nothing to create: references resolve to the ARN, name and URL the design gives.
    ctx.defineAttribute(id, 'arn', ctx.text(resource.arn, id, 'arn'))
    if (resource.name !== undefined) ctx.defineAttribute(id, 'name', ctx.text(resource.name, id, 'name'))
    if (resource.url !== undefined) ctx.defineAttribute(id, 'url', ctx.text(resource.url, id, 'url'))
    return
  }
  if (resource.type === 'iam-role') return // roles are built after the integrations that need them are known
  const constructId = ctx.stackChildId(resource.constructId ?? pascalCase(id))
  const variable = ctx.declareVar(id, id, resource.type.split('-').pop() ?? 'resource')
  const path = [constructId, 'Resource']
  const logicalId = ctx.resourceLogicalId(path)
  const input = { ctx, id, resource, constructId, variable, text: (value: string, field: string) => ctx.text(value, id, field) }
  const build = (BUILDERS[resource.type] as (input: BuildInput<Resource>) => ResourceBuild)(input)

  // What `@{id.attribute}` resolves to: the L2 property, synthesized as the resource's `Ref` / `Fn::GetAtt`.
  for (const [name, a] of Object.entries(RESOURCE_CFN_TYPES[resource.type].attributes)) {
    const ref: AttrRef = { kind: 'attr', variable, property: a.cdk, logicalId }
    if (a.getAtt) ref.attribute = a.getAtt
    ctx.defineAttribute(id, name, [ref] as Expr)
  }
  ctx.emitConst(id, variable, build.construction)
  for (const value of build.after ?? []) ctx.emit(id, { k: 'expr', value })
  let cfn: JsonObject = build.cfn
  if ('tags' in resource) {
    cfn = applyTags(ctx, id, v(variable), cfn, resource.tags, 'list')
    // `Tags.of` reaches the role a function or state machine construct creates (not one passed in by ARN).
    const role = cfn.Tags && (resource.type === 'lambda-function' || resource.type === 'state-machine') ? ctx.resources.find((r) => r.owner === id && r.type === 'AWS::IAM::Role') : undefined
    if (role) role.properties = { ...role.properties, Tags: cfn.Tags }
  }
  for (const o of build.overrides ?? []) {
    ctx.emit(id, { k: 'comment', text: o.comment })
    const child = ctx.defaultChild(id, variable, { k: 'var', name: variable }, build.cast, variable)
    ctx.emit(id, { k: 'expr', value: call(child, 'addPropertyOverride', [lit(o.path), o.value]) })
  }
  // A function's given role is already the `role` prop; it needs no override.
  const extra = resource.type === 'lambda-function' && resource.cfnExtra?.Role !== undefined ? withoutKey(resource.cfnExtra, 'Role') : resource.cfnExtra
  cfn = applyCfnExtra(ctx, id, cfn, extra, { k: 'var', name: variable }, build.cast)
  ctx.addResource(id, path, RESOURCE_CFN_TYPES[resource.type].cfnType, cfn, { ...build.policies, ...(build.dependsOn ? { dependsOn: build.dependsOn } : {}) })
}

function withoutKey(o: JsonObject, key: string): JsonObject {
  return Object.fromEntries(Object.entries(o).filter(([k]) => k !== key))
}
