/**
 * Verbatim CloudFormation kept from an import: CDK targets write every section (the synthesized proof is
 * the `verbatim-sections` golden case in the cross-checks); shapes the L1 constructs would change are
 * refused (EXP011); references to renamed modelled resources follow them; a function's own role replaces
 * the generated service role.
 */

import { describe, expect, it } from 'vitest'
import { seedDocument } from '../../model/seed'
import type { DesignDocument, Json, VerbatimCfn } from '../../model/types'
import { exportDesign } from '..'
import { logicalIdRemap, remapRefs, remapResource } from '../ir/remapLogicalIds'
import type { CfnResourceIr } from '../ir/types'

const withCfn = (cloudformation: VerbatimCfn): DesignDocument => {
  const doc = seedDocument()
  doc.design.cloudformation = cloudformation
  return doc
}

function mainFile(doc: DesignDocument, target: 'cfn-json' | 'cfn-yaml' | 'cdk-ts' | 'cdk-py'): string {
  const r = exportDesign(doc, { target })
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics))
  return r.files[0].contents
}

describe('verbatim sections in the CDK targets', () => {
  it('writes Parameters, Mappings, Conditions, Rules, Outputs and Transform as L1 constructs', () => {
    const doc = withCfn({
      Parameters: { Env: { Type: 'String', Default: 'dev' } },
      Mappings: { M: { a: { B: 1 } } },
      Conditions: { IsDev: { 'Fn::Equals': [{ Ref: 'Env' }, 'dev'] } },
      Rules: { R: { Assertions: [{ Assert: { 'Fn::Equals': [{ Ref: 'Env' }, 'dev'] } }] } },
      Outputs: { Url: { Value: { 'Fn::GetAtt': ['mywsapi32E6CE11', 'ApiEndpoint'] }, Condition: 'IsDev' } },
      Transform: 'AWS::Serverless-2016-10-31',
    })
    const ts = mainFile(doc, 'cdk-ts')
    for (const text of ["new CfnParameter(this, 'Env'", "new CfnMapping(this, 'M'", "new CfnCondition(this, 'IsDev'", "new CfnRule(this, 'R'", "new CfnOutput(this, 'Url'", "this.addTransform('AWS::Serverless-2016-10-31')", 'condition: isDevCondition']) {
      expect(ts).toContain(text)
    }
    const py = mainFile(doc, 'cdk-py')
    for (const text of ['CfnParameter(self, "Env"', 'CfnRuleAssertion(', 'assert_=Token.as_any(', 'condition=is_dev_condition', 'self.add_transform(']) expect(py).toContain(text)
  })

  it.each<[string, VerbatimCfn, string]>([
    ['a parameter without Type', { Parameters: { P: { Default: 'x' } } }, 'Parameters.P'],
    ['a parameter key CfnParameter lacks', { Parameters: { P: { Type: 'String', Bogus: 1 } } }, 'Parameters.P'],
    ['a parameter number written as text', { Parameters: { P: { Type: 'String', MaxLength: '5' } } }, 'Parameters.P'],
    ['a one-element Transform list (CDK writes a string)', { Transform: ['AWS::Serverless-2016-10-31'] }, 'Transform'],
    ['a mapping key CfnMapping rejects', { Mappings: { M: { 'us-east-1': { 'ami-id': 'x' } } } }, 'Mappings.M'],
    ['an output key CfnOutput lacks', { Outputs: { O: { Value: 'x', Bogus: 1 } } }, 'Outputs.O'],
    ['a rule without Assertions', { Rules: { R: { RuleCondition: { 'Fn::Equals': ['a', 'a'] } } } }, 'Rules.R'],
    ['a logical id CDK would strip', { Outputs: { 'My-Output': { Value: 'x' } } }, 'Outputs.My-Output'],
  ])('refuses %s in CDK (EXP011) and keeps it in CloudFormation', (_, cloudformation, field) => {
    const doc = withCfn(cloudformation)
    for (const target of ['cdk-ts', 'cdk-py'] as const) {
      const r = exportDesign(doc, { target })
      expect(r.ok).toBe(false)
      expect(r.diagnostics.filter((d) => d.code === 'EXP011').map((d) => d.field)).toEqual([field])
    }
    expect(exportDesign(doc, { target: 'cfn-json' }).ok).toBe(true)
  })

  it('refuses an output condition the template does not hold in every target: CloudFormation rejects it too (EXP021)', () => {
    const doc = withCfn({ Outputs: { O: { Value: 'x', Condition: 'Nope' } } })
    for (const target of ['cdk-ts', 'cdk-py', 'cfn-json', 'cfn-yaml'] as const) {
      const r = exportDesign(doc, { target })
      expect(r.ok).toBe(false)
      expect(r.diagnostics.filter((d) => d.code === 'EXP021').map((d) => d.message)).toEqual([expect.stringContaining('"Nope" in output O')])
    }
  })
})

describe('a verbatim condition an L2 construct adds itself', () => {
  const kinesis = (expression: Json): DesignDocument => {
    const doc = withCfn({ Conditions: { AwsCdkKinesisEncryptedStreamsUnsupportedRegions: expression } })
    doc.design.resources.stream = { type: 'kinesis-stream', constructId: 'Stream' }
    return doc
  }
  const same = { 'Fn::Or': [{ 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'cn-north-1'] }, { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'cn-northwest-1'] }] }

  it('is left to the construct when it is the same, refused when it differs', () => {
    expect(mainFile(kinesis(same), 'cdk-ts')).not.toContain('CfnCondition')
    const r = exportDesign(kinesis({ 'Fn::Equals': ['a', 'b'] }), { target: 'cdk-py' })
    expect(r.ok).toBe(false)
    expect(r.diagnostics.find((d) => d.code === 'EXP011')?.field).toBe('Conditions.AwsCdkKinesisEncryptedStreamsUnsupportedRegions')
  })
})

describe('references from verbatim parts to renamed modelled resources', () => {
  const map = new Map([['Api', 'ApiF70053CD'], ['Fn', 'FnC0FFEE00']])

  it('rewrites Ref, Fn::GetAtt (both forms) and Fn::Sub variables, and leaves the rest alone', () => {
    const value: Json = {
      a: { Ref: 'Api' },
      b: { 'Fn::GetAtt': ['Fn', 'Arn'] },
      c: { 'Fn::GetAtt': 'Api.ApiEndpoint' },
      d: { 'Fn::Sub': '${Api}/${Fn.Arn}/${!Api}/${AWS::Region}/${Other}' },
      e: { 'Fn::Sub': ['${Api}-${Fn}', { Fn: { Ref: 'Api' } }] },
      f: ['Api', { Ref: 'Other' }, { Condition: 'Api' }],
    }
    expect(remapRefs(value, map)).toEqual({
      a: { Ref: 'ApiF70053CD' },
      b: { 'Fn::GetAtt': ['FnC0FFEE00', 'Arn'] },
      c: { 'Fn::GetAtt': 'ApiF70053CD.ApiEndpoint' },
      d: { 'Fn::Sub': '${ApiF70053CD}/${FnC0FFEE00.Arn}/${!Api}/${AWS::Region}/${Other}' },
      // `${Fn}` is the Sub's own variable here, not the resource.
      e: { 'Fn::Sub': ['${ApiF70053CD}-${Fn}', { Fn: { Ref: 'ApiF70053CD' } }] },
      f: ['Api', { Ref: 'Other' }, { Condition: 'Api' }],
    })
  })

  it('rewrites DependsOn of a verbatim resource', () => {
    expect(remapResource({ Type: 'X', DependsOn: 'Api' }, map)).toEqual({ Type: 'X', DependsOn: 'ApiF70053CD' })
    expect(remapResource({ Type: 'X', DependsOn: ['Fn', 'Other'] }, map)).toEqual({ Type: 'X', DependsOn: ['FnC0FFEE00', 'Other'] })
  })

  it('every target refers to the exported ids (design.cloudformation.logicalIds applied)', () => {
    const doc = withCfn({
      Outputs: { Endpoint: { Value: { 'Fn::GetAtt': ['OldApi', 'ApiEndpoint'] } } },
      Resources: { Topic: { Type: 'AWS::SNS::Topic', DependsOn: 'OldTable', Properties: { DisplayName: { 'Fn::Sub': '${OldApi}-${OldTable.Arn}' } } } },
      logicalIds: { OldApi: 'api', OldTable: 'table' },
    })
    const template = JSON.parse(mainFile(doc, 'cfn-json'))
    expect(template.Outputs.Endpoint.Value).toEqual({ 'Fn::GetAtt': ['mywsapi32E6CE11', 'ApiEndpoint'] })
    expect(template.Resources.Topic.DependsOn).toBe('TableCD117FA1')
    expect(template.Resources.Topic.Properties.DisplayName).toEqual({ 'Fn::Sub': '${mywsapi32E6CE11}-${TableCD117FA1.Arn}' })
    expect(template.Resources.TableCD117FA1.Type).toBe('AWS::DynamoDB::Table')
    expect(mainFile(doc, 'cfn-yaml')).toContain('${mywsapi32E6CE11}-${TableCD117FA1.Arn}')
    for (const target of ['cdk-ts', 'cdk-py'] as const) {
      const code = mainFile(doc, target)
      expect(code).toContain('mywsapi32E6CE11')
      expect(code).not.toContain('OldApi')
    }
  })
})

describe('a function with its own role', () => {
  const withRole = (manageConnections: boolean): DesignDocument => {
    const doc = seedDocument()
    doc.design.resources.fn = {
      type: 'lambda-function',
      constructId: 'Fn',
      runtime: 'nodejs20.x',
      handler: 'index.handler',
      code: 'x',
      manageConnections,
      cfnExtra: { Role: 'arn:aws:iam::123456789012:role/own' },
    }
    return doc
  }

  it('gets no generated service role in any target', () => {
    const template = JSON.parse(mainFile(withRole(false), 'cfn-json'))
    expect(Object.keys(template.Resources).filter((id) => id.startsWith('Fn'))).toEqual(['Fn9270CBC0'])
    expect(template.Resources.Fn9270CBC0.Properties.Role).toBe('arn:aws:iam::123456789012:role/own')
    expect(template.Resources.Fn9270CBC0.DependsOn).toBeUndefined()
    expect(mainFile(withRole(false), 'cdk-ts')).toContain("role: iam.Role.fromRoleArn(this, 'FnGivenRole', 'arn:aws:iam::123456789012:role/own')")
    expect(mainFile(withRole(false), 'cdk-py')).toContain('role=iam.Role.from_role_arn(self, "FnGivenRole", "arn:aws:iam::123456789012:role/own")')
  })

  it('refuses the generated ManageConnections grant on a role the design does not own (EXP016)', () => {
    for (const target of ['cfn-json', 'cdk-ts', 'cdk-py'] as const) {
      const r = exportDesign(withRole(true), { target })
      expect(r.ok).toBe(false)
      expect(r.diagnostics.find((d) => d.code === 'EXP016')?.entity).toBe('fn')
    }
  })
})

describe('a verbatim DependsOn on a resource an entity generates', () => {
  const owned = (logicalId: string, type: string, owner: string): CfnResourceIr => ({ logicalId, type, owner, path: [logicalId] })

  it('follows the resource whose id ends the same, when the stack name at its start changed', () => {
    const doc = withCfn({ logicalIds: { OldStackAuthorizerPermission1A2B3C4D: 'auth', StageOldStackDomainNamechatBDC356F3: 'dev' } })
    const map = logicalIdRemap(doc.design, [
      owned('Authorizer5E6F7A8B', 'AWS::ApiGatewayV2::Authorizer', 'auth'),
      owned('NewStackAuthorizerPermission9C0D1E2F', 'AWS::Lambda::Permission', 'auth'),
      owned('Stage3A4B5C6D', 'AWS::ApiGatewayV2::Stage', 'dev'),
      owned('StageNewStackDomainNamechat7E8F9A0B', 'AWS::ApiGatewayV2::ApiMapping', 'dev'),
    ])
    expect(Object.fromEntries(map)).toEqual({
      OldStackAuthorizerPermission1A2B3C4D: 'NewStackAuthorizerPermission9C0D1E2F',
      StageOldStackDomainNamechatBDC356F3: 'StageNewStackDomainNamechat7E8F9A0B',
    })
  })
})
