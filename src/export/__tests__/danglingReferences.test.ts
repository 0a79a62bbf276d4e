/**
 * No export may name what it does not define (issue 9 item 9): a `Ref`, `Fn::GetAtt`, `Fn::Sub` name, `DependsOn`
 * or condition left dangling by a rename is refused with EXP021 in every target, instead of a template that
 * CloudFormation rejects at deploy time. And what import keeps verbatim follows every rename the export makes.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importTemplateSync } from '../../import'
import { seedDocument } from '../../model/seed'
import type { DesignDocument, VerbatimCfn } from '../../model/types'
import { exportDesign } from '..'

const TARGETS = ['cfn-json', 'cfn-yaml', 'cdk-ts', 'cdk-py'] as const

const withCfn = (cloudformation: VerbatimCfn): DesignDocument => {
  const doc = seedDocument()
  doc.design.cloudformation = cloudformation
  return doc
}

const dangling = (doc: DesignDocument, target: (typeof TARGETS)[number] = 'cfn-json') =>
  exportDesign(doc, { target, force: true }).diagnostics.filter((d) => d.code === 'EXP021')

describe('EXP021: every name an exported template uses is defined', () => {
  it.each([
    ['a Ref in a verbatim resource', { Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { Ref: 'Gone' } } } } }, '"Gone" in resource Topic'],
    ['a GetAtt', { Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { 'Fn::GetAtt': ['Gone', 'Arn'] } } } } }, '"Gone" in resource Topic'],
    ['an Fn::Sub name (not its own variable)', { Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { 'Fn::Sub': ['${Gone.Arn}-${Mine}', { Mine: 'x' }] } } } } }, '"Gone" in resource Topic'],
    ['a DependsOn', { Resources: { Topic: { Type: 'AWS::SNS::Topic', DependsOn: ['Gone'] } } }, '"Gone" in DependsOn of Topic'],
    ['an output value', { Outputs: { O: { Value: { Ref: 'Gone' } } } }, '"Gone" in output O'],
    ['a condition in Fn::If', { Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { 'Fn::If': ['Nope', 'a', 'b'] } } } } }, 'the condition "Nope" in resource Topic'],
    ['a condition inside a condition', { Conditions: { A: { 'Fn::Not': [{ Condition: 'Nope' }] } } }, 'the condition "Nope" in condition A'],
  ])('refuses %s in every target', (_, cloudformation, where) => {
    const doc = withCfn(cloudformation as VerbatimCfn)
    for (const target of TARGETS) {
      const r = exportDesign(doc, { target })
      expect(r.ok).toBe(false)
      expect(r.diagnostics.filter((d) => d.code === 'EXP021').map((d) => [d.severity, d.message])).toEqual([['error', expect.stringContaining(where)]])
    }
  })

  it('accepts what the template defines: parameters, pseudo parameters, its own conditions, IAM Condition keys, Sub escapes', () => {
    const doc = withCfn({
      Parameters: { Env: { Type: 'String' } },
      Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }, Both: { 'Fn::And': [{ Condition: 'IsProd' }, { Condition: 'IsProd' }] } },
      Resources: {
        Topic: { Type: 'AWS::SNS::Topic', Condition: 'IsProd', Properties: { DisplayName: { 'Fn::Sub': '${Env}-${AWS::Region}-${!Literal}' } } },
        Policy: {
          Type: 'AWS::SNS::TopicPolicy',
          DependsOn: 'Topic',
          Properties: { Topics: [{ Ref: 'Topic' }], PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sns:Publish', Resource: '*', Principal: '*', Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } }] } },
        },
      },
      Outputs: { Arn: { Value: { Ref: 'Topic' }, Condition: 'Both' } },
    })
    for (const target of TARGETS) expect(dangling(doc, target)).toEqual([])
  })

  it('is a warning under a transform, which may create the resource', () => {
    const doc = withCfn({ Transform: 'AWS::Serverless-2016-10-31', Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { Ref: 'OnConnectRole' } } } } })
    expect(dangling(doc).map((d) => d.severity)).toEqual(['warning'])
  })
})

describe('imported templates keep no dangling name after renames', () => {
  const dir = join(__dirname, '../../import/__corpus__/templates')
  const cases = readdirSync(dir).filter((f) => f !== 'proto-keys.yaml')
  const edits: [string, (d: DesignDocument) => void][] = [
    ['as imported', () => {}],
    ['the API renamed (the stack name and the ids that embed it change)', (d) => {
      d.design.api.name = 'renamed-api'
      delete d.design.api.constructId
    }],
    ['every construct id renamed', (d) => {
      for (const c of ['resources', 'integrations', 'routes', 'authorizers', 'stages', 'models'] as const) {
        for (const e of Object.values(d.design[c] as Record<string, { constructId?: string }>)) e.constructId = `${e.constructId ?? 'Entity'}Renamed`
      }
    }],
    ['custom route keys renamed', (d) => {
      for (const r of Object.values(d.design.routes)) if (!r.key.startsWith('$')) r.key = `${r.key}2`
    }],
  ]
  it.each(cases)('%s', (file) => {
    for (const [label, edit] of edits) {
      const r = importTemplateSync(readFileSync(join(dir, file), 'utf8'), file === 'two-apis.yaml' ? { api: 'ChatApi' } : {})
      if (!r.ok) throw new Error(JSON.stringify(r.errors))
      edit(r.document)
      for (const target of TARGETS) expect(dangling(r.document, target).map((d) => `${label}, ${target}: ${d.message}`)).toEqual([])
    }
  })
})
