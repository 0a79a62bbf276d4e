/**
 * A function's code in every target (issue 9 item 8): S3 (`codeS3`, literal, `@{…}` text and intrinsics kept
 * from import), the asset-folder warning of the CloudFormation targets (EXP022), and the Serverless shape's
 * own invoke permission (item 14). Synthesized proof: the `serverless-websocket.json` corpus case (S3 code from
 * a verbatim deployment bucket, through real TypeScript and Python synth).
 */

import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { exportDesign } from '..'
import { importTemplateSync } from '../../import'
import type { DesignDocument, JsonObject, LambdaFunction } from '../../model/types'
import { GOLDEN_CASES } from './goldenCases'

type Resources = Record<string, { Type: string; Properties: JsonObject; DependsOn?: string[] }>

function chat(edit: (fn: LambdaFunction, doc: DesignDocument) => void): DesignDocument {
  const doc = GOLDEN_CASES['lambda-chat']()
  const fn = doc.design.resources.handler
  if (fn?.type !== 'lambda-function') throw new Error('the lambda-chat case has no function "handler"')
  edit(fn, doc)
  return doc
}

function main(doc: DesignDocument, target: 'cdk-ts' | 'cdk-py' | 'cfn-json' | 'cfn-yaml') {
  const r = exportDesign(doc, { target })
  if (!r.ok) throw new Error(`export ${target} failed: ${JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error'))}`)
  return { text: r.files[0].contents, codes: r.diagnostics.map((d) => d.code) }
}

const resources = (text: string): Resources => (load(text) as { Resources: Resources }).Resources
const functionCode = (text: string) => Object.values(resources(text)).find((r) => r.Type === 'AWS::Lambda::Function')!.Properties.Code

describe('Lambda code from S3', () => {
  it('literal values: Code.fromBucket on an imported bucket, and S3Bucket/S3Key/S3ObjectVersion', () => {
    const doc = chat((fn) => {
      fn.codeS3 = { bucket: 'my-code', key: 'fns/chat.zip', objectVersion: 'v3' }
    })
    const ts = main(doc, 'cdk-ts').text
    expect(ts).toContain("import * as s3 from 'aws-cdk-lib/aws-s3';")
    expect(ts.replace(/\s+/g, ' ')).toContain("lambda.Code.fromBucket( s3.Bucket.fromBucketName(this, 'HandlerCodeBucket', 'my-code'), 'fns/chat.zip', 'v3', )")
    expect(ts).not.toContain('fromInline')
    const py = main(doc, 'cdk-py').text
    expect(py).toContain('aws_s3 as s3,')
    expect(py.replace(/\s+/g, ' ')).toContain('lambda_.Code.from_bucket( s3.Bucket.from_bucket_name(self, "HandlerCodeBucket", "my-code"), "fns/chat.zip", "v3", )')
    for (const target of ['cfn-json', 'cfn-yaml'] as const) {
      expect(functionCode(main(doc, target).text)).toEqual({ S3Bucket: 'my-code', S3Key: 'fns/chat.zip', S3ObjectVersion: 'v3' })
    }
  })

  it('design text with references becomes Fn::Sub / Ref, and template literals in CDK', () => {
    const doc = chat((fn) => {
      fn.codeS3 = { bucket: 'code-@{aws.accountId}-@{aws.region}', key: '@{connections.name}.zip' }
    })
    const cfn = main(doc, 'cfn-json').text
    const table = Object.entries(resources(cfn)).find(([, r]) => r.Type === 'AWS::DynamoDB::Table')![0]
    expect(functionCode(cfn)).toEqual({ S3Bucket: { 'Fn::Sub': 'code-${AWS::AccountId}-${AWS::Region}' }, S3Key: { 'Fn::Sub': `\${${table}}.zip` } })
    expect(main(doc, 'cdk-ts').text).toContain("s3.Bucket.fromBucketName(this, 'HandlerCodeBucket', `code-${this.account}-${this.region}`)")
    expect(main(doc, 'cdk-py').text).toContain('f"{connections.table_name}.zip"')
  })

  it('an intrinsic kept from import is written as it is in CloudFormation and as the Fn call in CDK', () => {
    const doc = chat((fn, d) => {
      fn.codeS3 = { bucket: { Ref: 'CodeBucket' }, key: { 'Fn::Sub': '${CodeBucket}/fn.zip' } }
      d.design.cloudformation = { Parameters: { CodeBucket: { Type: 'String' } } }
    })
    expect(functionCode(main(doc, 'cfn-json').text)).toEqual({ S3Bucket: { Ref: 'CodeBucket' }, S3Key: { 'Fn::Sub': '${CodeBucket}/fn.zip' } })
    const ts = main(doc, 'cdk-ts').text
    expect(ts).toContain("s3.Bucket.fromBucketName(this, 'HandlerCodeBucket', Fn.ref('CodeBucket'))")
    expect(ts).toContain("Fn.sub('${CodeBucket}/fn.zip')")
    expect(main(doc, 'cdk-py').text).toContain('s3.Bucket.from_bucket_name(self, "HandlerCodeBucket", Fn.ref("CodeBucket"))')
  })

  it('an unknown reference in the S3 location is an error on the field (the model check, then EXP001 when forced)', () => {
    const doc = chat((fn) => {
      fn.codeS3 = { bucket: '@{nothing.name}', key: 'k.zip' }
    })
    const r = exportDesign(doc, { target: 'cfn-json' })
    expect(r.ok).toBe(false)
    expect(r.diagnostics.find((d) => d.severity === 'error')).toMatchObject({ entity: 'handler', field: 'codeS3.bucket' })
    const forced = exportDesign(doc, { target: 'cfn-json', force: true })
    expect(forced.ok).toBe(false)
    expect(forced.diagnostics.find((d) => d.code === 'EXP001')).toMatchObject({ entity: 'handler', field: 'codeS3.bucket' })
  })
})

describe('Lambda code from an asset folder', () => {
  it('CDK uploads it (no warning); the CloudFormation targets warn that the template must be packaged (EXP022)', () => {
    const doc = chat((fn) => {
      fn.codeAsset = 'functions/chat'
    })
    for (const target of ['cdk-ts', 'cdk-py'] as const) expect(main(doc, target).codes).not.toContain('EXP022')
    for (const target of ['cfn-json', 'cfn-yaml'] as const) {
      const r = exportDesign(doc, { target })
      expect(r.ok).toBe(true)
      expect(r.diagnostics.find((d) => d.code === 'EXP022')).toMatchObject({ severity: 'warning', entity: 'handler', field: 'codeAsset' })
    }
    expect(main(chat(() => {}), 'cfn-json').codes).not.toContain('EXP022')
  })
})

/** The Serverless Framework's shape: one invoke permission without SourceArn, a hash-named deployment waiting for its routes. */
const SERVERLESS = `
Resources:
  WebsocketsApi:
    Type: AWS::ApiGatewayV2::Api
    Properties: {Name: a, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
  Bucket:
    Type: AWS::S3::Bucket
  ConnectLambdaFunction:
    Type: AWS::Lambda::Function
    Properties: {Runtime: nodejs20.x, Handler: h.connect, Role: arn:aws:iam::123456789012:role/r, Code: {S3Bucket: !Ref Bucket, S3Key: a.zip}}
  ConnectWebsocketsIntegration:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref WebsocketsApi
      IntegrationType: AWS_PROXY
      IntegrationUri: !Sub arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${ConnectLambdaFunction.Arn}/invocations
  ConnectLambdaPermissionWebsockets:
    Type: AWS::Lambda::Permission
    DependsOn: [WebsocketsApi, ConnectLambdaFunction]
    Properties: {FunctionName: !GetAtt ConnectLambdaFunction.Arn, Action: lambda:InvokeFunction, Principal: apigateway.amazonaws.com}
  SconnectWebsocketsRoute:
    Type: AWS::ApiGatewayV2::Route
    Properties: {ApiId: !Ref WebsocketsApi, RouteKey: $connect, Target: !Sub 'integrations/\${ConnectWebsocketsIntegration}'}
  SdefaultWebsocketsRoute:
    Type: AWS::ApiGatewayV2::Route
    Properties: {ApiId: !Ref WebsocketsApi, RouteKey: $default, Target: !Sub 'integrations/\${ConnectWebsocketsIntegration}'}
  WebsocketsDeploymentStage:
    Type: AWS::ApiGatewayV2::Stage
    Properties: {ApiId: !Ref WebsocketsApi, StageName: dev, DeploymentId: !Ref WebsocketsDeploymentAbC123}
  WebsocketsDeploymentAbC123:
    Type: AWS::ApiGatewayV2::Deployment
    DependsOn: [SconnectWebsocketsRoute, SdefaultWebsocketsRoute]
    Properties: {ApiId: !Ref WebsocketsApi, Description: Serverless Websockets}
`

function serverless(): DesignDocument {
  const r = importTemplateSync(SERVERLESS)
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.document
}

describe('the Serverless Framework shape', () => {
  it("its own permission covers every route: the export adds none, in any target (CDK: a CfnIntegration, which binds no permission)", () => {
    const doc = serverless()
    for (const target of ['cfn-json', 'cfn-yaml'] as const) {
      const permissions = Object.entries(resources(main(doc, target).text)).filter(([, r]) => r.Type === 'AWS::Lambda::Permission')
      expect(permissions.map(([id]) => id)).toEqual(['ConnectLambdaPermissionWebsockets'])
    }
    const ts = main(doc, 'cdk-ts').text
    expect(ts).not.toContain('WebSocketLambdaIntegration')
    expect(ts).toContain('new apigwv2.CfnIntegration(')
    expect(main(doc, 'cdk-py').text).toContain('apigwv2.CfnIntegration(')
  })

  it('without that permission (deleted in the designer), the per-route permissions come back', () => {
    const doc = serverless()
    delete doc.design.cloudformation!.Resources!.ConnectLambdaPermissionWebsockets
    const permissions = Object.values(resources(main(doc, 'cfn-json').text)).filter((r) => r.Type === 'AWS::Lambda::Permission')
    expect(permissions.map((p) => p.Properties.SourceArn !== undefined)).toEqual([true, true])
    expect(main(doc, 'cdk-ts').text).toContain('WebSocketLambdaIntegration')
  })

  it('a permission limited by SourceArn, or for another principal, is not taken as covering the routes', () => {
    for (const change of [{ SourceArn: 'arn:aws:execute-api:eu-west-1:123456789012:abc/*/$connect' }, { Principal: 'events.amazonaws.com' }]) {
      const doc = serverless()
      const body = doc.design.cloudformation!.Resources!.ConnectLambdaPermissionWebsockets as { Properties: JsonObject }
      Object.assign(body.Properties, change)
      expect(main(doc, 'cdk-ts').text).toContain('WebSocketLambdaIntegration')
    }
  })

  it('the hash-named deployment survives with its Description, and its DependsOn follows the exported route ids', () => {
    const doc = serverless()
    const out = resources(main(doc, 'cfn-json').text)
    const deployment = out.WebsocketsDeploymentAbC123
    expect(deployment.Properties.Description).toBe('Serverless Websockets')
    const routes = Object.entries(out).filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Route').map(([id]) => id)
    expect(routes).toHaveLength(2)
    expect([...deployment.DependsOn!].sort()).toEqual([...routes].sort())
    const stage = Object.values(out).find((r) => r.Type === 'AWS::ApiGatewayV2::Stage')!
    expect(stage.Properties.DeploymentId).toEqual({ Ref: 'WebsocketsDeploymentAbC123' })
  })
})
