/**
 * The one table of CloudFormation types the designer models, with what `Ref` and `Fn::GetAtt` return as
 * design attributes (`@{table.arn}`) and which CDK L2 property reads the same value. Import uses it to turn
 * intrinsics into design references; export uses it to resolve design references to `Ref` / `Fn::GetAtt` and
 * to the L2 attribute (`table.tableArn`, `queue.queue_url`); the model uses it for the attributes an entity
 * offers. Values from the CloudFormation resource reference ("Return values" of each type) and aws-cdk-lib 2.276.
 */

import type { ResourceType } from './types'

export interface CfnAttribute {
  /** The `Fn::GetAtt` attribute that returns it; absent when `Ref` returns it. */
  getAtt?: string
  /** The L2 construct's property for it (TypeScript spelling; Python is its snake_case). */
  cdk: string
}

export interface CfnTypeInfo {
  cfnType: string
  /** Design attribute → how CloudFormation and the CDK L2 return it. */
  attributes: Record<string, CfnAttribute>
  /** Further `Fn::GetAtt` attributes that return the same value as a design attribute (import only). */
  getAttAliases?: Record<string, string>
}

type ModelledResource = Exclude<ResourceType, 'existing'>

/** Design resource types. */
export const RESOURCE_CFN_TYPES: Record<ModelledResource, CfnTypeInfo> = {
  'dynamodb-table': {
    cfnType: 'AWS::DynamoDB::Table',
    attributes: { name: { cdk: 'tableName' }, arn: { getAtt: 'Arn', cdk: 'tableArn' } },
  },
  'sqs-queue': {
    cfnType: 'AWS::SQS::Queue',
    attributes: { url: { cdk: 'queueUrl' }, name: { getAtt: 'QueueName', cdk: 'queueName' }, arn: { getAtt: 'Arn', cdk: 'queueArn' } },
    getAttAliases: { QueueUrl: 'url' },
  },
  'sns-topic': {
    cfnType: 'AWS::SNS::Topic',
    attributes: { arn: { cdk: 'topicArn' }, name: { getAtt: 'TopicName', cdk: 'topicName' } },
    getAttAliases: { TopicArn: 'arn' },
  },
  'kinesis-stream': {
    cfnType: 'AWS::Kinesis::Stream',
    attributes: { name: { cdk: 'streamName' }, arn: { getAtt: 'Arn', cdk: 'streamArn' } },
  },
  'eventbridge-bus': {
    cfnType: 'AWS::Events::EventBus',
    attributes: { name: { cdk: 'eventBusName' }, arn: { getAtt: 'Arn', cdk: 'eventBusArn' } },
    getAttAliases: { Name: 'name' },
  },
  'state-machine': {
    cfnType: 'AWS::StepFunctions::StateMachine',
    attributes: { arn: { cdk: 'stateMachineArn' }, name: { getAtt: 'Name', cdk: 'stateMachineName' } },
  },
  'lambda-function': {
    cfnType: 'AWS::Lambda::Function',
    attributes: { name: { cdk: 'functionName' }, arn: { getAtt: 'Arn', cdk: 'functionArn' } },
  },
  'iam-role': {
    cfnType: 'AWS::IAM::Role',
    attributes: { name: { cdk: 'roleName' }, arn: { getAtt: 'Arn', cdk: 'roleArn' } },
  },
  'log-group': {
    cfnType: 'AWS::Logs::LogGroup',
    attributes: { name: { cdk: 'logGroupName' }, arn: { getAtt: 'Arn', cdk: 'logGroupArn' } },
  },
}

/** The API Gateway entities (the design's `api`, `stages`, `domains`, …). */
export const APIGW_CFN_TYPES = {
  api: { cfnType: 'AWS::ApiGatewayV2::Api', attributes: { id: { cdk: 'apiId' }, endpoint: { getAtt: 'ApiEndpoint', cdk: 'apiEndpoint' } }, getAttAliases: { ApiId: 'id' } },
  stage: { cfnType: 'AWS::ApiGatewayV2::Stage', attributes: { name: { cdk: 'stageName' } } },
  domain: {
    cfnType: 'AWS::ApiGatewayV2::DomainName',
    attributes: { name: { cdk: 'name' }, regionalDomainName: { getAtt: 'RegionalDomainName', cdk: 'regionalDomainName' } },
  },
  route: { cfnType: 'AWS::ApiGatewayV2::Route', attributes: {} },
  integration: { cfnType: 'AWS::ApiGatewayV2::Integration', attributes: {} },
  authorizer: { cfnType: 'AWS::ApiGatewayV2::Authorizer', attributes: {} },
  model: { cfnType: 'AWS::ApiGatewayV2::Model', attributes: {} },
} satisfies Record<string, CfnTypeInfo>

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k)

const BY_CFN_TYPE: ReadonlyMap<string, CfnTypeInfo> = new Map(
  [...Object.values(RESOURCE_CFN_TYPES), ...Object.values(APIGW_CFN_TYPES)].map((t) => [t.cfnType, t as CfnTypeInfo]),
)

const RESOURCE_OF_CFN: ReadonlyMap<string, ModelledResource> = new Map(
  (Object.entries(RESOURCE_CFN_TYPES) as [ModelledResource, CfnTypeInfo][]).map(([k, t]) => [t.cfnType, k]),
)

/** The design resource type a CloudFormation type becomes, if the designer models it. */
export function resourceTypeOfCfn(cfnType: string): ModelledResource | undefined {
  return RESOURCE_OF_CFN.get(cfnType)
}

/** The design attribute `Ref` returns for a CloudFormation type, or undefined. */
export function refAttributeOf(cfnType: string): string | undefined {
  const info = BY_CFN_TYPE.get(cfnType)
  if (!info) return undefined
  return Object.entries(info.attributes).find(([, a]) => a.getAtt === undefined)?.[0]
}

/** The design attribute `Fn::GetAtt <cfnType>.<attribute>` returns, or undefined. */
export function getAttAttributeOf(cfnType: string, attribute: string): string | undefined {
  const info = BY_CFN_TYPE.get(cfnType)
  if (!info) return undefined
  const direct = Object.entries(info.attributes).find(([, a]) => a.getAtt === attribute)?.[0]
  if (direct) return direct
  return info.getAttAliases && hasOwn(info.getAttAliases, attribute) ? info.getAttAliases[attribute] : undefined
}

/** The design attributes a resource type offers to `@{entity.attribute}` references. */
export function resourceAttributes(type: ModelledResource): string[] {
  return Object.keys(RESOURCE_CFN_TYPES[type].attributes)
}
