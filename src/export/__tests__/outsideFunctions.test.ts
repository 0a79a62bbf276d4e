/**
 * Functions outside the design, named by CloudFormation the import kept (issue 9, item 11): a Lambda
 * integration whose URI names a SAM `AWS::Serverless::Function`, an authorizer whose URI takes its function
 * from a parameter or `Fn::ImportValue`. They validate with warnings and export in every target, as L1
 * constructs whose URI is a CDK expression, with no generated permission (the template's own permission or
 * the credentials role's own policy allows the call). Synthesized proof: corpus cases `sam-websocket.yaml`
 * and `imported-arns.yaml`.
 */

import { describe, expect, it } from 'vitest'
import { checkDesign } from '../../checks/checkDesign'
import { emptyDesign } from '../../model/builders'
import type { JsonObject } from '../../model/types'
import { exportDesign } from '..'

const URI: JsonObject = { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${OnConnect.Arn}/invocations' }
const AUTH_URI: JsonObject = { 'Fn::Join': ['', ['arn:aws:apigateway:', { Ref: 'AWS::Region' }, ':lambda:path/2015-03-31/functions/', { 'Fn::ImportValue': 'auth-arn' }, '/invocations']] }

function design() {
  const d = emptyDesign('outside')
  d.integrations.connect = { type: 'lambda-proxy', constructId: 'ConnectInteg', cfnExtra: { IntegrationUri: URI } }
  d.resources.authRole = { type: 'iam-role', cfnExtra: { Policies: [{ PolicyName: 'invoke', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: { 'Fn::ImportValue': 'auth-arn' } }] } }] } }
  d.authorizers.auth = { type: 'lambda', credentials: { role: 'authRole' }, cfnExtra: { AuthorizerUri: AUTH_URI } }
  d.routes.connectRoute = { key: '$connect', integration: 'connect', authorizer: 'auth' }
  d.stages.dev = { name: 'dev', autoDeploy: true }
  // The SAM function the URI names, kept verbatim (export checks that every name the template uses exists).
  d.cloudformation = {
    Transform: 'AWS::Serverless-2016-10-31',
    Resources: { OnConnect: { Type: 'AWS::Serverless::Function', Properties: { Runtime: 'nodejs20.x', Handler: 'index.handler', InlineCode: 'exports.handler = async () => ({ statusCode: 200 })' } } },
  }
  return { design: d, layout: {} }
}

type Res = { Type: string; Properties: Record<string, unknown> }

describe('functions outside the design', () => {
  it('validates with MDL014 and MDL036 warnings, no errors', () => {
    const diagnostics = checkDesign(design())
    expect(diagnostics.filter((x) => x.severity === 'error')).toEqual([])
    expect(diagnostics.filter((x) => x.code === 'MDL014' || x.code === 'MDL036').map((x) => [x.code, x.severity])).toEqual([
      ['MDL014', 'warning'],
      ['MDL036', 'warning'],
    ])
  })

  it('keeps both URIs and the role policy in the template, names the authorizer on the route, adds no permission', () => {
    const r = exportDesign(design(), { target: 'cfn-json' })
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics))
    const resources = Object.values(JSON.parse(r.files[0].contents).Resources as Record<string, Res>)
    expect(resources.find((x) => x.Type === 'AWS::ApiGatewayV2::Integration')?.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', IntegrationUri: URI })
    expect(resources.find((x) => x.Type === 'AWS::ApiGatewayV2::Authorizer')?.Properties).toMatchObject({ AuthorizerUri: AUTH_URI })
    expect(resources.find((x) => x.Type === 'AWS::ApiGatewayV2::Route')?.Properties).toMatchObject({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: expect.any(String) } })
    expect(resources.find((x) => x.Type === 'AWS::IAM::Role')?.Properties.Policies).toHaveLength(1)
    expect(resources.filter((x) => x.Type === 'AWS::Lambda::Permission')).toEqual([])
  })

  it.each([
    ['cdk-ts', /integrationUri: Fn\.sub\(\s*'arn:aws:apigateway:\$\{AWS::Region\}:lambda:path\/2015-03-31\/functions\/\$\{OnConnect\.Arn\}\/invocations',?\s*\)/, "Fn.importValue('auth-arn')"],
    ['cdk-py', /integration_uri=Fn\.sub\(\s*"arn:aws:apigateway:\$\{AWS::Region\}:lambda:path\/2015-03-31\/functions\/\$\{OnConnect\.Arn\}\/invocations",?\s*\)/, 'Fn.import_value("auth-arn")'],
  ] as const)('%s writes L1 constructs with CDK expressions, no raw intrinsic', (target, uri, imported) => {
    const r = exportDesign(design(), { target })
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics))
    const text = r.files[0].contents
    expect(text).toMatch(uri)
    expect(text).toContain(imported)
    expect(text).toMatch(/CfnAuthorizer\(/)
    expect(text).not.toMatch(/'Fn::|"Fn::/)
  })
})
