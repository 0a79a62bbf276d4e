/**
 * The import proofs (issue 6). For every CDK fixture app and the hand-written YAML:
 * 1. import → export `cfn-json` is semantically equal to the original (logical ids mapped; verbatim parts identical);
 * 2. import → export `cdk-ts` → synthesize is equal to the original for the API Gateway resources and the
 *    resources integrations point at (and, here, for the whole template);
 * 3. import → export `cdk-py` passes the export module's Python checks (ast, mypy, synth) and synthesizes to
 *    the original too.
 * Equality rules: see __fixtures__/roundTrip.ts.
 */

import { beforeAll, describe, expect, it } from 'vitest'
import { exportDesign } from '../export'
import { checkPython, type PyCheckResult } from '../export/__tests__/synthPy'
import { pythonAvailable } from '../export/__tests__/checkDirs'
import type { DesignDocument } from '../model/types'
import { importTemplateSync } from './importTemplate'
import { fixtureDir, fixtureTemplate, handwrittenTemplate } from './__fixtures__/fixtures'
import { compareRoundTrip, isApiOrTargetType, loadTemplate } from './__fixtures__/roundTrip'
import { synthExportedTs } from './__fixtures__/synthExported'

interface Case {
  name: string
  text: () => string
  api?: string
  /** CDK stack id to synthesize the exported code under (the original's, so ids embedding it match). */
  stackName: string
}

const CASES: Case[] = [
  { name: 'AwsStack (AWS, Mock, HTTP, HTTP_PROXY, two-way, integration response)', text: () => fixtureTemplate('AwsStack'), stackName: 'AwsStack' },
  { name: 'ChatStack (Lambda, shared integration, grantManageConnections, two stages, deployment)', text: () => fixtureTemplate('ChatStack'), stackName: 'ChatStack' },
  { name: 'AuthStack/Api (Lambda authorizer, API key, custom domain, access logs, usage plan)', text: () => fixtureTemplate('AuthStack'), api: 'ApiF70053CD', stackName: 'AuthStack' },
  { name: 'AuthStack/IamApi (IAM authorizer)', text: () => fixtureTemplate('AuthStack'), api: 'IamApi23076CC5', stackName: 'AuthStack' },
  { name: 'ServicesStack (Kinesis, EventBridge, Step Functions, Lambda non-proxy)', text: () => fixtureTemplate('ServicesStack'), stackName: 'ServicesStack' },
  { name: 'cli/ChatStack (CDK CLI style: path metadata, CDKMetadata resource and condition)', text: () => fixtureTemplate('cli/ChatStack'), stackName: 'ChatStack' },
  { name: 'LargeStack (150 Lambda routes)', text: () => fixtureTemplate('LargeStack'), stackName: 'LargeStack' },
  { name: 'handwritten-plain.yaml (short tags, hand-written logical ids)', text: () => handwrittenTemplate('handwritten-plain.yaml'), stackName: 'PlainStack' },
  { name: 'handwritten-auth.yaml (Lambda authorizer, models, route response models, domain, deployment, access logs)', text: () => handwrittenTemplate('handwritten-auth.yaml'), stackName: 'AuthYamlStack' },
  { name: 'handwritten.yaml (Parameters, Conditions, Mappings, Outputs)', text: () => handwrittenTemplate('handwritten.yaml'), stackName: 'HandStack' },
]

const imported = new Map<string, DesignDocument>()
let tsTemplates: ReturnType<typeof synthExportedTs>['templates'] = {}
let tsOutput = ''
let python: PyCheckResult | undefined

function exportMain(doc: DesignDocument, target: 'cfn-json' | 'cdk-ts' | 'cdk-py'): string {
  const e = exportDesign(doc, { target, shape: target === 'cfn-json' ? undefined : 'project', force: true })
  if (!e.ok) throw new Error(`export ${target} failed: ${JSON.stringify(e.diagnostics.filter((d) => d.severity === 'error'))}`)
  return e.files.find((f) => f.path === e.mainFile)!.contents
}

beforeAll(() => {
  fixtureDir()
  for (const c of CASES) {
    const r = importTemplateSync(c.text(), { api: c.api })
    if (!r.ok) throw new Error(`${c.name}: ${JSON.stringify(r.errors)}`)
    imported.set(c.name, r.document)
  }
  const ts = synthExportedTs(CASES.map((c) => {
    const stackFile = exportMain(imported.get(c.name)!, 'cdk-ts')
    return { name: c.name, stackFile, stackClass: /export class (\w+)/.exec(stackFile)![1], stackName: c.stackName }
  }))
  tsTemplates = ts.templates
  tsOutput = ts.output
  const available = pythonAvailable()
  if (!available.ok) throw new Error(`the Python checks cannot run: ${available.reason}`)
  python = checkPython(CASES.filter((c) => !c.name.startsWith('LargeStack')).map((c) => {
    const stackFile = exportMain(imported.get(c.name)!, 'cdk-py')
    return { name: c.name, stackFile, stackClass: /^class (\w+)\(Stack\)/m.exec(stackFile)![1], stackName: c.stackName }
  }))
}, 240_000)

describe('proof 1: import → cfn-json equals the original', () => {
  it.each(CASES)('$name', (c) => {
    const report = compareRoundTrip(loadTemplate(c.text()), JSON.parse(exportMain(imported.get(c.name)!, 'cfn-json')))
    expect(report.differences).toEqual([])
  })

  it('handwritten.yaml: verbatim Outputs follow the API to its exported id; the function keeps its own role', () => {
    const doc = imported.get(CASES.find((x) => x.name.startsWith('handwritten.yaml'))!.name)!
    expect(doc.design.cloudformation?.logicalIds).toEqual({ ChatApi: 'api' })
    const template = JSON.parse(exportMain(doc, 'cfn-json'))
    expect(template.Outputs.Endpoint.Value).toEqual({ 'Fn::GetAtt': ['ChatApiD29796E1', 'ApiEndpoint'] })
    expect(template.Outputs.Url.Value).toEqual({ 'Fn::Sub': 'wss://${ChatApiD29796E1}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${StageName}' })
    expect(Object.keys(template.Resources).filter((id) => id.includes('ServiceRole'))).toEqual([])
    expect(template.Resources.Handler886CB40B.Properties.Role).toEqual({ 'Fn::GetAtt': ['HandlerRole', 'Arn'] })
  })
})

describe('proof 2: import → cdk-ts → synth equals the original', () => {
  it.each(CASES)('$name', (c) => {
    const synthesized = tsTemplates[c.name]
    expect(synthesized?.error, tsOutput).toBeUndefined()
    const original = loadTemplate(c.text())
    expect(compareRoundTrip(original, synthesized!.template as never, isApiOrTargetType).differences).toEqual([])
    expect(compareRoundTrip(original, synthesized!.template as never).differences).toEqual([])
  })
})

describe('proof 3: import → cdk-py passes the Python checks and synthesizes to the original', () => {
  it('ast and mypy pass for every case', () => {
    expect(python!.astErrors).toEqual([])
    expect(python!.mypyStatus, python!.mypyOutput).toBe(0)
    expect(python!.status, python!.output).toBe(0)
  })

  it.each(CASES.filter((c) => !c.name.startsWith('LargeStack')))('$name', (c) => {
    const synthesized = python!.templates[c.name]
    expect(synthesized?.error).toBeUndefined()
    expect(compareRoundTrip(loadTemplate(c.text()), synthesized!.template as never).differences).toEqual([])
  })
})
