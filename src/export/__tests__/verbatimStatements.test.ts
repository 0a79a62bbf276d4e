/**
 * Statements a role keeps verbatim (a grant the import could not name, a hand-written policy): the CDK targets
 * hand them to `PolicyStatement.fromJson` with string tokens in the fields it takes only as strings, and no
 * target adds a least-privilege statement that one of them already allows. Synthesized proof: corpus app
 * GrantOnOverriddenIndex.
 */
import { describe, expect, it } from 'vitest'
import { exportDesign } from '..'
import { seedDocument } from '../../model/seed'
import type { Json } from '../../model/types'

function seedWithStatement(statement: Json) {
  const doc = structuredClone(seedDocument())
  const role = doc.design.resources.apiRole
  if (role.type !== 'iam-role') throw new Error('seed role')
  role.extraStatements = [statement]
  return doc
}

// The seed table's logical id in every export.
const TABLE_ARN = { 'Fn::GetAtt': ['TableCD117FA1', 'Arn'] }

function policyStatements(doc: ReturnType<typeof seedDocument>): Json[] {
  const r = exportDesign(doc, { target: 'cfn-json' })
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics))
  const resources = (JSON.parse(r.files[0].contents) as { Resources: Record<string, { Type: string; Properties: { PolicyDocument: { Statement: Json[] } } }> }).Resources
  return Object.values(resources).find((x) => x.Type === 'AWS::IAM::Policy')!.Properties.PolicyDocument.Statement
}

describe('verbatim policy statements', () => {
  it('writes intrinsics in Action and Resource as string tokens for PolicyStatement.fromJson', () => {
    const doc = seedWithStatement({ Action: 'dynamodb:Query', Effect: 'Allow', Resource: [TABLE_ARN, { 'Fn::Join': ['', [TABLE_ARN, '/index/*']] }] })
    const ts = exportDesign(doc, { target: 'cdk-ts' })
    const py = exportDesign(doc, { target: 'cdk-py' })
    if (!ts.ok || !py.ok) throw new Error('export failed')
    expect(ts.files[0].contents).toContain("Fn.join('', [Fn.getAtt('TableCD117FA1', 'Arn').toString(), '/index/*'])")
    expect(ts.files[0].contents).toMatch(/Resource: \[\s*Fn\.getAtt\('TableCD117FA1', 'Arn'\)\.toString\(\),/)
    expect(py.files[0].contents).toContain('Fn.get_att("TableCD117FA1", "Arn").to_string()')
  })

  it('adds no least-privilege statement that a verbatim statement already allows', () => {
    const seedActions = policyStatements(seedDocument())
    expect(seedActions).toHaveLength(1)
    const covering = { Action: ['dynamodb:PutItem', 'dynamodb:GetItem'], Effect: 'Allow', Resource: TABLE_ARN }
    expect(policyStatements(seedWithStatement(covering))).toEqual([covering])
    for (const narrower of [
      { ...covering, Action: 'dynamodb:GetItem' },
      { ...covering, Resource: 'arn:aws:dynamodb:eu-west-1:111122223333:table/other' },
      { ...covering, Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } },
      { ...covering, Effect: 'Deny' },
    ]) {
      expect(policyStatements(seedWithStatement(narrower))).toHaveLength(2)
    }
    expect(policyStatements(seedWithStatement({ Action: 'dynamodb:*', Effect: 'Allow', Resource: '*' }))).toHaveLength(1)
  })
})
