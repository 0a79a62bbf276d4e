/**
 * Estimates how many CloudFormation resources a design synthesizes to, so the checks can warn before
 * anyone exports a stack CloudFormation will reject (500 resources per stack). The counts follow what the
 * exporters emit (and what the CDK L2 constructs generate): one Lambda permission per route on a Lambda
 * proxy integration, a role and a policy per generated credentials role, a service role per function, …
 */

import { integrationsUsingRole } from './queries'
import type { Design } from './types'

export const CFN_RESOURCE_LIMIT = 500

export interface ResourceEstimate {
  total: number
  byKind: Record<string, number>
}

export function estimateResourceCount(design: Design): ResourceEstimate {
  const byKind: Record<string, number> = {}
  const add = (kind: string, n = 1) => {
    if (n > 0) byKind[kind] = (byKind[kind] ?? 0) + n
  }
  add('AWS::ApiGatewayV2::Api')
  // Routes per integration, counted in one pass (not one pass over the routes per integration).
  const routesOf = new Map<string, number>()
  for (const route of Object.values(design.routes)) {
    add('AWS::ApiGatewayV2::Route')
    if (route.twoWay) add('AWS::ApiGatewayV2::RouteResponse')
    if (route.integration !== undefined) routesOf.set(route.integration, (routesOf.get(route.integration) ?? 0) + 1)
  }
  for (const [id, integ] of Object.entries(design.integrations)) {
    add('AWS::ApiGatewayV2::Integration')
    add('AWS::ApiGatewayV2::IntegrationResponse', Object.keys(integ.responses ?? {}).length)
    const lambdaInvokedByPermission = integ.type === 'lambda-proxy' || (integ.type === 'lambda' && !integ.credentials)
    if (lambdaInvokedByPermission) add('AWS::Lambda::Permission', routesOf.get(id) ?? 0)
  }
  for (const auth of Object.values(design.authorizers)) {
    if (auth.type !== 'lambda') continue
    add('AWS::ApiGatewayV2::Authorizer')
    if (!auth.credentials) add('AWS::Lambda::Permission')
  }
  for (const stage of Object.values(design.stages)) {
    add('AWS::ApiGatewayV2::Stage')
    if (!stage.autoDeploy && stage.deployment !== false) add('AWS::ApiGatewayV2::Deployment')
    if (stage.domainMapping) add('AWS::ApiGatewayV2::ApiMapping')
  }
  add('AWS::ApiGatewayV2::DomainName', Object.keys(design.domains).length)
  add('AWS::ApiGatewayV2::Model', Object.keys(design.models).length)
  for (const [id, res] of Object.entries(design.resources)) {
    switch (res.type) {
      case 'dynamodb-table':
        add('AWS::DynamoDB::Table')
        break
      case 'sqs-queue':
        add('AWS::SQS::Queue')
        break
      case 'sns-topic':
        add('AWS::SNS::Topic')
        break
      case 'kinesis-stream':
        add('AWS::Kinesis::Stream')
        break
      case 'eventbridge-bus':
        add('AWS::Events::EventBus')
        break
      case 'state-machine':
        add('AWS::StepFunctions::StateMachine')
        add('AWS::IAM::Role')
        break
      case 'lambda-function':
        add('AWS::Lambda::Function')
        add('AWS::IAM::Role')
        if (res.manageConnections) add('AWS::IAM::Policy')
        break
      case 'iam-role':
        if (res.existingArn) break
        add('AWS::IAM::Role')
        if (integrationsUsingRole(design, id).length || res.extraStatements?.length) add('AWS::IAM::Policy')
        break
      case 'log-group':
        add('AWS::Logs::LogGroup')
        break
      case 'existing':
        break
    }
  }
  const verbatim = design.cloudformation?.Resources ?? {}
  for (const r of Object.values(verbatim)) {
    const type = typeof r === 'object' && r && !Array.isArray(r) && typeof r.Type === 'string' ? r.Type : 'verbatim'
    add(type)
  }
  const total = Object.values(byKind).reduce((a, b) => a + b, 0)
  return { total, byKind }
}
