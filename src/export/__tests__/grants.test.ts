import { describe, expect, it } from 'vitest'
import { exportDesign } from '..'
import { seedDocument } from '../../model/seed'
import type { DesignDocument } from '../../model/types'

function withGrants(grants: Record<string, string[]>, onFunction = false): DesignDocument {
  const doc = structuredClone(seedDocument())
  const role = doc.design.resources.apiRole
  if (role.type === 'iam-role' && !onFunction) role.grants = grants
  if (onFunction) {
    doc.design.resources.handler = { type: 'lambda-function', runtime: 'nodejs20.x', handler: 'index.handler', code: 'exports.handler = async () => ({})', grants }
  }
  return doc
}

function main(doc: DesignDocument, target: 'cdk-ts' | 'cdk-py' | 'cfn-json'): string {
  const r = exportDesign(doc, { target })
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics))
  return r.files.find((f) => f.path === r.mainFile)!.contents
}

describe('grants in every target', () => {
  it('a role grant is the grant call in CDK and its statements in CloudFormation, with no second least-privilege statement', () => {
    const doc = withGrants({ table: ['grantWriteData'] })
    expect(main(doc, 'cdk-ts')).toMatch(/\btable\.grantWriteData\(apiRole\);/)
    expect(main(doc, 'cdk-ts')).not.toContain('addToPolicy')
    expect(main(doc, 'cdk-py')).toMatch(/\btable\.grant_write_data\(api_role\)/)
    const t = JSON.parse(main(doc, 'cfn-json'))
    const policies = Object.values<{ Type: string; Properties: { PolicyDocument: { Statement: unknown[] } } }>(t.Resources).filter((r) => r.Type === 'AWS::IAM::Policy')
    expect(policies).toHaveLength(1)
    expect(policies[0].Properties.PolicyDocument.Statement).toEqual([
      {
        Action: ['dynamodb:BatchWriteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:DescribeTable'],
        Effect: 'Allow',
        Resource: [{ 'Fn::GetAtt': [expect.stringMatching(/^Table/), 'Arn'] }],
      },
    ])
  })

  it('a grant that does not cover the need keeps the least-privilege statement next to it', () => {
    const ts = main(withGrants({ table: ['grantReadData'] }), 'cdk-ts')
    expect(ts).toContain('table.grantReadData(apiRole)')
    expect(ts).toMatch(/addToPolicy\([\s\S]*dynamodb:PutItem/)
  })

  it('a function grant goes to its service role, and the function waits for the policy', () => {
    const doc = withGrants({ table: ['grantReadWriteData'], api: ['grantManageConnections'] }, true)
    expect(main(doc, 'cdk-ts')).toContain('table.grantReadWriteData(handler)')
    expect(main(doc, 'cdk-ts')).toContain('webSocketApi.grantManageConnections(handler)')
    const t = JSON.parse(main(doc, 'cfn-json'))
    const [policyId, policy] = Object.entries<{ Type: string; Properties: { PolicyDocument: { Statement: unknown[] } } }>(t.Resources).find(([id, r]) => r.Type === 'AWS::IAM::Policy' && id.startsWith('HandlerServiceRole'))!
    expect(policy.Properties.PolicyDocument.Statement).toHaveLength(3)
    const fn = Object.values<{ Type: string; DependsOn?: string[] }>(t.Resources).find((r) => r.Type === 'AWS::Lambda::Function')!
    expect(fn.DependsOn).toContain(policyId)
  })

  it('refuses a grant the entity does not have (EXP017) and a grant on an existing role', () => {
    const bad = exportDesign(withGrants({ table: ['grantPublish'] }), { target: 'cfn-json', force: true })
    expect(bad.ok ? bad.diagnostics : bad.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'EXP017' })]))
    const doc = withGrants({ table: ['grantWriteData'] })
    const role = doc.design.resources.apiRole
    if (role.type === 'iam-role') role.existingArn = 'arn:aws:iam::123456789012:role/given'
    const r = exportDesign(doc, { target: 'cdk-ts', force: true })
    expect(r.ok).toBe(false)
  })
})
