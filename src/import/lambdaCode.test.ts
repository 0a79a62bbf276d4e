/** Import of a function's code from S3 (`Code.S3Bucket`/`S3Key`/`S3ObjectVersion`, issue 9 item 8) as `codeS3`. */

import { describe, expect, it } from 'vitest'
import { importTemplateSync } from '.'
import { parseDocument } from '../model/document/parse'
import { serializeDocument } from '../model/document/serialize'
import type { LambdaFunction as LambdaBody, Resource } from '../model/types'

type LambdaFunction = LambdaBody & Resource

/** A template with one Lambda-proxy route whose function has the given `Code` (YAML flow text). */
function template(code: string, extra = ''): string {
  return `
Parameters:
  CodeBucket: {Type: String}
Resources:
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties: {Name: a, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      BillingMode: PAY_PER_REQUEST
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/r
      Environment: {Variables: {TABLE: !Ref Table}}
      Code: ${code}
  Integ:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref Api
      IntegrationType: AWS_PROXY
      IntegrationUri: !Sub arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations
  Route:
    Type: AWS::ApiGatewayV2::Route
    Properties: {ApiId: !Ref Api, RouteKey: $connect, Target: !Sub 'integrations/\${Integ}'}
${extra}`
}

function importedFunction(code: string, extra = ''): { fn: LambdaFunction; text: string } {
  const r = importTemplateSync(template(code, extra))
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  const fn = r.document.design.resources.fn
  if (fn?.type !== 'lambda-function') throw new Error('no function')
  const text = serializeDocument(r.document)
  const parsed = parseDocument(text)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  // The design file reads back to the same function, intrinsic values included.
  expect(parsed.document.design.resources.fn).toEqual(fn)
  return { fn, text }
}

describe('Lambda code in S3', () => {
  it('literal bucket, key and object version become codeS3, and Code is not kept verbatim', () => {
    const { fn } = importedFunction('{S3Bucket: my-code, S3Key: fns/chat.zip, S3ObjectVersion: v3}')
    expect(fn.codeS3).toEqual({ bucket: 'my-code', key: 'fns/chat.zip', objectVersion: 'v3' })
    expect(fn.code).toBe('')
    expect(fn.cfnExtra?.Code).toBeUndefined()
  })

  it('a Ref to a parameter, or to a bucket kept verbatim, stays the intrinsic it is', () => {
    const { fn, text } = importedFunction('{S3Bucket: !Ref CodeBucket, S3Key: fns/chat.zip}')
    expect(fn.codeS3).toEqual({ bucket: { Ref: 'CodeBucket' }, key: 'fns/chat.zip' })
    expect(text).toContain('Ref: CodeBucket')
    const verbatim = importedFunction('{S3Bucket: !Ref Deploy, S3Key: k.zip}', '  Deploy:\n    Type: AWS::S3::Bucket\n')
    expect(verbatim.fn.codeS3).toEqual({ bucket: { Ref: 'Deploy' }, key: 'k.zip' })
  })

  it('Fn::Sub over pseudo parameters and modelled resources becomes design text with @{…} references', () => {
    const { fn } = importedFunction('{S3Bucket: !Sub "code-${AWS::AccountId}-${AWS::Region}", S3Key: !Sub "${Table}/fn.zip"}')
    expect(fn.codeS3).toEqual({ bucket: 'code-@{aws.accountId}-@{aws.region}', key: '@{table.name}/fn.zip' })
  })

  it('a Fn::Sub naming a parameter stays the intrinsic; literal text that looks like a reference is escaped', () => {
    const { fn } = importedFunction('{S3Bucket: !Sub "${CodeBucket}-eu", S3Key: "a@{b.c}.zip"}')
    expect(fn.codeS3).toEqual({ bucket: { 'Fn::Sub': '${CodeBucket}-eu' }, key: 'a@@{b.c}.zip' })
  })

  it('a Code with other keys (an image, or S3 and ZipFile together) stays verbatim', () => {
    const image = importedFunction('{ImageUri: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/fn:1}')
    expect(image.fn.codeS3).toBeUndefined()
    expect(image.fn.cfnExtra?.Code).toEqual({ ImageUri: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/fn:1' })
    const mixed = importedFunction('{S3Bucket: b, S3Key: k, ZipFile: x}')
    expect(mixed.fn.codeS3).toBeUndefined()
    expect(mixed.fn.cfnExtra?.Code).toEqual({ S3Bucket: 'b', S3Key: 'k', ZipFile: 'x' })
  })
})
