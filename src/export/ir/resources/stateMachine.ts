/** A Step Functions state machine: `sfn.StateMachine` and the role the L2 creates for it. */

import { bool, call, construct, lit, props, str, sym, THIS, v, type Code } from '../code'
import { type BuildInput, type L1Class, type ResourceBuild, type ResourceOf, removal } from './shared'
import { cfnValue } from '../cfnValue'
import type { Json, JsonObject } from '../../../model/types'
import { STATE_MACHINE_LOGGING_STATEMENT, STATE_MACHINE_XRAY_STATEMENT } from '../../../model/permissions'
import { ownEntry } from '../../../model/queries'

export function buildStateMachine({ ctx, id, resource, constructId, text }: BuildInput<ResourceOf<'state-machine'>>): ResourceBuild {
  const cfn: JsonObject = {}
  let dependsOn: string[] | undefined
  const rolePath = [constructId, 'Role', 'Resource']
  const roleId = ctx.resourceLogicalId(rolePath)
  const logging = resource.logging
  const substitutions = Object.entries(resource.definitionSubstitutions ?? {}).map(([k, value]) => [k, text(value, `definitionSubstitutions.${k}`)] as const)
  // A destination the design does not hold as a log group is MDL029; nothing to write then.
  const logGroup = logging && ownEntry(ctx.design.resources, logging.destination)?.type === 'log-group' && ctx.hasVar(logging.destination) ? logging.destination : undefined
  const construction = construct('sfn', 'StateMachine', [THIS, lit(constructId)], props([
    ['stateMachineName', resource.stateMachineName !== undefined ? str(text(resource.stateMachineName, 'stateMachineName')) : undefined],
    ['stateMachineType', resource.stateMachineType ? sym('sfn', `StateMachineType.${resource.stateMachineType}`) : undefined],
    ['definitionBody', call(sym('sfn', 'DefinitionBody'), 'fromString', [str(text(resource.definition, 'definition'))])],
    ['definitionSubstitutions', substitutions.length ? { k: 'map', entries: substitutions.map(([k, e]): [string, Code] => [k, str(e)]) } : undefined],
    ['tracingEnabled', resource.tracing !== undefined ? bool(resource.tracing) : undefined],
    ['logs', logging && logGroup ? {
      k: 'struct',
      pyClass: { module: 'sfn', name: 'LogOptions' },
      props: props([
        ['destination', v(ctx.varOf(logGroup))],
        ['level', logging.level ? sym('sfn', `LogLevel.${logging.level}`) : undefined],
        ['includeExecutionData', logging.includeExecutionData !== undefined ? bool(logging.includeExecutionData) : undefined],
      ]),
    } : undefined],
  ]))
  ctx.addResource(id, rolePath, 'AWS::IAM::Role', {
    AssumeRolePolicyDocument: {
      Statement: [
        {
          Action: 'sts:AssumeRole',
          Condition: {
            ArnLike: { 'aws:SourceArn': cfnValue(['arn:', { kind: 'pseudo', name: 'partition' }, ':states:', { kind: 'pseudo', name: 'region' }, ':', { kind: 'pseudo', name: 'accountId' }, ':stateMachine:*']) },
            StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          },
          Effect: 'Allow',
          Principal: { Service: 'states.amazonaws.com' },
        },
      ],
      Version: '2012-10-17',
    },
  })
  cfn.DefinitionString = cfnValue(text(resource.definition, 'definition'))
  if (substitutions.length) cfn.DefinitionSubstitutions = Object.fromEntries(substitutions.map(([k, e]) => [k, cfnValue(e)]))
  cfn.RoleArn = { 'Fn::GetAtt': [roleId, 'Arn'] }
  if (resource.stateMachineName !== undefined) cfn.StateMachineName = cfnValue(text(resource.stateMachineName, 'stateMachineName'))
  if (resource.stateMachineType) cfn.StateMachineType = resource.stateMachineType
  dependsOn = [roleId]
  // The StateMachine L2 gives its role the log delivery permissions, then the X-Ray ones, in a default policy the
  // machine waits for.
  const policyPath = [constructId, 'Role', 'DefaultPolicy', 'Resource']
  if (logging && logGroup) {
    cfn.LoggingConfiguration = {
      Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: cfnValue(text(`@{${logGroup}.arn}`, 'logging.destination')) } }],
      ...(logging.includeExecutionData !== undefined ? { IncludeExecutionData: logging.includeExecutionData } : {}),
      Level: logging.level ?? 'ERROR',
    }
    ctx.defaultPolicyStatements(id, policyPath, roleId).push(structuredClone(STATE_MACHINE_LOGGING_STATEMENT) as unknown as Json)
    dependsOn = [ctx.resourceLogicalId(policyPath), roleId]
  }
  if (resource.tracing !== undefined) cfn.TracingConfiguration = { Enabled: resource.tracing }
  if (resource.tracing) {
    ctx.defaultPolicyStatements(id, policyPath, roleId).push(structuredClone(STATE_MACHINE_XRAY_STATEMENT) as unknown as Json)
    dependsOn = [ctx.resourceLogicalId(policyPath), roleId]
  }
  const policies = removal(resource).cfn
  const cast: L1Class = { module: 'sfn', name: 'CfnStateMachine' }
  return { construction, cfn, cast, policies, dependsOn }
}
