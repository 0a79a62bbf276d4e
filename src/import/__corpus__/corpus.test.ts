/**
 * The conformance corpus: CDK apps written from the CDK integ tests' patterns (one per grant method, one per
 * integration preset), and templates in the shapes other tools write (Serverless Framework, SAM, console style,
 * two APIs, hostile names). Every case: import → validate → cfn-json, cfn-yaml, cdk-ts (real synth, one tsx
 * process) and cdk-py (real synth, one Python process) → semantic comparison with the original template.
 * `KNOWN` lists what still fails and why; a case that starts passing fails its "still fails" check, so the list
 * stays true. The result table is written to `.cache/import-corpus/results.md`.
 */

import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { load } from 'js-yaml'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportDesign } from '../../export'
import type { ExportTargetId as ExportTarget } from '../../export/types'
import { pythonAvailable } from '../../export/__tests__/checkDirs'
import { checkPython, type PyCheckResult } from '../../export/__tests__/synthPy'
import type { DesignDocument } from '../../model/types'
import { checkDesign } from '../../checks/checkDesign'
import { compareRoundTrip, loadTemplate } from '../__fixtures__/roundTrip'
import { synthExportedTs } from '../__fixtures__/synthExported'
import { importTemplateSync } from '../importTemplate'
import { CORPUS_APPS, GRANT_APPS, PATTERN_APPS, PRESET_APPS } from './apps'
import { corpusDir, corpusTemplate, type CorpusCase } from './corpus'
import { readFileSync } from 'node:fs'

type Obj = Record<string, unknown>
type Step = 'import' | 'validate' | 'cfn-json' | 'cfn-yaml' | 'cdk-ts' | 'cdk-py'
const STEPS: Step[] = ['import', 'validate', 'cfn-json', 'cfn-yaml', 'cdk-ts', 'cdk-py']

let dir = ''
const app = (name: string, source: string): CorpusCase => ({ name, source, stackName: name, text: () => readFileSync(join(dir, `${name}.template.json`), 'utf8') })
const file = (name: string, source: string, stackName: string, api?: string): CorpusCase => ({ name: api ? `${name}#${api}` : name, source, stackName, api, text: () => corpusTemplate(name) })

/** The pattern apps not written after a CDK integ test (README.md says more of each). */
const PATTERN_SOURCES: Record<string, string> = {
  DynamoQueryOnIndex: 'DynamoDB Developer Guide, IAM policy examples for indexes',
  KinesisStreamShapes: 'aws-kinesis Stream props (CDK API reference)',
  DynamoTableOptions: 'aws-dynamodb Table props (CDK API reference); DynamoDB Developer Guide on TTL, PITR, streams',
  SqsQueueOptions: 'aws-sqs Queue props (CDK API reference); SQS CreateQueue attributes (API reference)',
  LambdaFunctionOptions: 'aws-lambda Function props (CDK API reference); Lambda CreateFunction (API reference)',
  DynamoLocalIndexes: 'aws-dynamodb Table addLocalSecondaryIndex and grants (CDK API reference); DynamoDB Developer Guide on local secondary indexes',
  RoleOptions: 'aws-iam Role props and ManagedPolicy.fromAwsManagedPolicyName (CDK API reference)',
  GrantOnOverriddenIndex: 'aws-dynamodb Table grants and addGlobalSecondaryIndex (CDK API reference); CDK escape hatches (addPropertyOverride)',
  SqsDeadLetterQueue: 'aws-sqs Queue deadLetterQueue prop (CDK API reference); SQS Developer Guide, dead-letter queues',
  MessagingOptions: 'aws-sns Topic, aws-events EventBus and aws-logs LogGroup props (CDK API reference)',
  LambdaLoggingAndDeadLetters: 'aws-lambda Function props loggingFormat, applicationLogLevelV2, systemLogLevelV2, logGroup, deadLetterQueue, environmentEncryption, recursiveLoop (CDK API reference); Lambda Developer Guide, log levels and dead-letter queues',
  RoleAndWorkflowOptions: 'aws-iam Role props permissionsBoundary and inlinePolicies, aws-stepfunctions StateMachine props logs and tracingEnabled (CDK API reference)',
  CustomerKeys: 'aws-kms Key.fromKeyArn and the encryption props of Table, Queue, Topic, EventBus and LogGroup (CDK API reference); SQS Developer Guide, high throughput for FIFO queues',
}

const ALL_CASES: CorpusCase[] = [
  ...Object.keys(GRANT_APPS).map((n) => app(n, 'grant method (CDK docs, aws-cdk-lib grant API)')),
  ...Object.keys(PATTERN_APPS).map((n) => app(n, PATTERN_SOURCES[n] ?? 'aws-cdk framework-integ websocket integ test pattern')),
  ...Object.keys(PRESET_APPS).map((n) => app(n, 'integration preset (src/model/presets) written as CDK')),
  file('serverless-websocket.json', 'Serverless Framework `websocket` events shape', 'ServerlessStack'),
  file('sam-websocket.yaml', 'aws-samples simple-websockets-chat-app (SAM) shape', 'SamStack'),
  file('console-style.yaml', 'hand-written, short tags, Conditions, Fn::If, numeric RouteKey', 'ConsoleStack'),
  file('two-apis.yaml', 'two WebSocket APIs in one stack', 'TwoApisStack', 'ChatApi'),
  file('two-apis.yaml', 'two WebSocket APIs in one stack', 'TwoApisStack', 'AdminApi'),
  file('hostile.yaml', 'hostile names: token look-alikes, prototype keys, colliding route keys', 'HostileStack'),
  file('imported-arns.yaml', 'functions and roles from outside the stack (parameter ARN, Fn::ImportValue, !Sub role ARN), custom resource Version', 'ImportedArnsStack'),
  file('proto-keys.yaml', 'keys CDK cannot carry (`__proto__`, `constructor`, a token look-alike) in stage variables, route settings and tags', 'ProtoStack'),
  file('cli-reference.yaml', 'AWS CLI reference apigatewayv2 WebSocket examples, every default spelled out', 'CliReferenceStack'),
  file('kinesis-modes.yaml', 'hand-written Kinesis streams: on-demand with an alias key, retention, a verbatim Fn::If encryption', 'KinesisModesStack'),
  file('log-retention.yaml', 'hand-written access-log groups: one that never expires, one with 3 days and the infrequent-access class', 'LogRetentionStack'),
  {
    ...app('GrantWriteData', 'edited after import: rename the route key, change the table name'),
    name: 'edit:GrantWriteData',
    edit: {
      apply: (d) => {
        const route = Object.values(d.routes).find((r) => r.key === '$connect')!
        route.key = 'join'
        const t = Object.values(d.resources).find((r) => r.type === 'dynamodb-table')!
        if (t.type === 'dynamodb-table') t.tableName = 'renamed-connections'
      },
      check: (t) => {
        const res = Object.values((t.Resources ?? {}) as Record<string, Obj>)
        if (!res.some((r) => r.Type === 'AWS::ApiGatewayV2::Route' && (r.Properties as Obj).RouteKey === 'join')) return 'route key not renamed'
        if (!res.some((r) => r.Type === 'AWS::DynamoDB::Table' && (r.Properties as Obj).TableName === 'renamed-connections')) return 'table name not changed'
        return undefined
      },
    },
  },
  {
    ...app('SqsIntegration', 'edited after import: add a second request template with a template selection expression'),
    name: 'edit:SqsIntegration',
    edit: {
      apply: (d) => {
        const i = Object.values(d.integrations).find((x) => x.type === 'aws')!
        i.templateSelectionExpression = '$request.body.kind'
        i.requestTemplates = { ...(i.requestTemplates ?? {}), urgent: 'Action=SendMessage&MessageBody=$util.urlEncode($input.json(\'$.text\'))' }
      },
      check: (t) => {
        const res = Object.values((t.Resources ?? {}) as Record<string, Obj>)
        const i = res.find((r) => r.Type === 'AWS::ApiGatewayV2::Integration')?.Properties as Obj | undefined
        if (i?.TemplateSelectionExpression !== '$request.body.kind') return 'template selection expression missing'
        if (!(i.RequestTemplates as Obj | undefined)?.urgent) return 'second template missing'
        return undefined
      },
    },
  },
]

/** `CORPUS_ONLY=hostile.yaml,GrantReadData npx vitest run src/import/__corpus__` runs only those cases (while working on them). */
const ONLY = process.env.CORPUS_ONLY?.split(',')
const CASES = ONLY ? ALL_CASES.filter((c) => ONLY.includes(c.name)) : ALL_CASES

/** What still fails, per case and step, with the reason (kept honest by the "still fails" check). */
const KNOWN: Record<string, Partial<Record<Step, string>>> = {}

/**
 * Where refusing is the right answer: the export must fail with exactly this code, never write a template
 * without the data. Shown as `refused` in the table.
 */
const REFUSED: Record<string, Partial<Record<Step, { code: string; why: string }>>> = {}

const imported = new Map<string, DesignDocument>()
const results = new Map<string, Partial<Record<Step, string>>>()
let tsTemplates: ReturnType<typeof synthExportedTs>['templates'] = {}
let tsOutput = ''
let python: PyCheckResult | undefined

/** CloudFormation reads a scalar where a string is expected as its text: compare scalars as text. */
function scalarsAsText(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(scalarsAsText)
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scalarsAsText(x)]))
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : v
}

/** IAM statement order carries no meaning: sort each policy's statements. */
function sortStatements(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortStatements)
  if (!v || typeof v !== 'object') return v
  const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, sortStatements(x)])) as Obj
  if (Array.isArray(o.Statement)) o.Statement = [...o.Statement].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
  return o
}

/** `WebSocketMockIntegration` writes `IntegrationUri: ""`, which for a MOCK integration means no URI. */
function mockUris(t: Obj): Obj {
  const resources = Object.fromEntries(Object.entries((t.Resources ?? {}) as Record<string, Obj>).map(([id, r]) => {
    const p = r.Properties as Obj | undefined
    if (r.Type !== 'AWS::ApiGatewayV2::Integration' || p?.IntegrationType !== 'MOCK' || p.IntegrationUri !== '') return [id, r]
    const { IntegrationUri: _, ...rest } = p
    return [id, { ...r, Properties: rest }]
  }))
  return { ...t, Resources: resources }
}

/**
 * Properties written out at the value CloudFormation assumes when they are absent (AWS::Kinesis::Stream
 * RetentionPeriodHours: "default 24", CloudFormation User Guide): the CDK L2s always write some, and hand-written
 * templates spell others out.
 */
const CFN_DEFAULTS: Record<string, Record<string, unknown>> = {
  'AWS::Kinesis::Stream': { RetentionPeriodHours: 24 },
  // "ApiKeyRequired: … supported only for WebSocket APIs", false unless set (AWS::ApiGatewayV2::Route reference).
  'AWS::ApiGatewayV2::Route': { ApiKeyRequired: false },
}
function withoutDefaults(t: Obj): Obj {
  const resources = Object.fromEntries(Object.entries((t.Resources ?? {}) as Record<string, Obj>).map(([id, r]) => {
    const defaults = CFN_DEFAULTS[r.Type as string]
    const p = r.Properties as Obj | undefined
    if (!defaults || !p) return [id, r]
    return [id, { ...r, Properties: Object.fromEntries(Object.entries(p).filter(([k, v]) => !(k in defaults) || v !== defaults[k])) }]
  }))
  return { ...t, Resources: resources }
}

const normal = (t: Obj): Obj => sortStatements(scalarsAsText(withoutDefaults(mockUris(t)))) as Obj

function differences(c: CorpusCase, exported: Obj): string[] {
  if (c.edit) {
    const problem = c.edit.check(exported)
    return problem ? [problem] : []
  }
  return compareRoundTrip(normal(loadTemplate(c.text())) as never, normal(exported) as never).differences
}

function exportMain(c: CorpusCase, doc: DesignDocument, target: ExportTarget): { text?: string; error?: string } {
  const e = exportDesign(doc, { target, shape: target.startsWith('cdk') ? 'project' : undefined })
  const refusal = REFUSED[c.name]?.[target as Step]
  if (!e.ok) {
    const errors = e.diagnostics.filter((d) => d.severity === 'error')
    if (refusal && errors.every((d) => d.code === refusal.code)) return { error: `refused ${refusal.code}` }
    return { error: errors.map((d) => `${d.code} ${d.message}`).join('; ') }
  }
  if (refusal) return { error: `exported, but should be refused with ${refusal.code}` }
  return { text: e.files.find((f) => f.path === e.mainFile)!.contents }
}

beforeAll(() => {
  dir = corpusDir(Object.keys(CORPUS_APPS))
  const tsCases: Parameters<typeof synthExportedTs>[0] = []
  const pyCases: Parameters<typeof checkPython>[0] = []
  for (const c of CASES) {
    const r: Partial<Record<Step, string>> = {}
    results.set(c.name, r)
    const imp = importTemplateSync(c.text(), { api: c.api })
    if (!imp.ok) {
      r.import = imp.errors.map((e) => `${e.code} ${e.message}`).join('; ')
      continue
    }
    r.import = 'ok'
    const doc = imp.document
    c.edit?.apply(doc.design)
    imported.set(c.name, doc)
    const errors = checkDesign(doc).filter((d) => d.severity === 'error')
    r.validate = errors.length ? errors.map((d) => `${d.code} ${d.message}`).join('; ') : 'ok'
    const json = exportMain(c, doc, 'cfn-json')
    r['cfn-json'] = json.error ?? (differences(c, JSON.parse(json.text!)).join('\n') || 'ok')
    const yaml = exportMain(c, doc, 'cfn-yaml')
    r['cfn-yaml'] = yaml.error ?? (json.text && JSON.stringify(load(yaml.text!)) !== JSON.stringify(JSON.parse(json.text)) ? 'differs from cfn-json' : 'ok')
    const ts = exportMain(c, doc, 'cdk-ts')
    if (ts.error) r['cdk-ts'] = ts.error
    else tsCases.push({ name: c.name, stackFile: ts.text!, stackClass: /export class (\w+)/.exec(ts.text!)![1], stackName: c.stackName })
    const py = exportMain(c, doc, 'cdk-py')
    if (py.error) r['cdk-py'] = py.error
    else pyCases.push({ name: c.name, stackFile: py.text!, stackClass: /^class (\w+)\(Stack\)/m.exec(py.text!)![1], stackName: c.stackName })
  }
  const ts = synthExportedTs(tsCases, 'corpus-ts')
  tsTemplates = ts.templates
  tsOutput = ts.output
  for (const c of tsCases) {
    const t = tsTemplates[c.name]
    const r = results.get(c.name)!
    const cc = CASES.find((x) => x.name === c.name)!
    r['cdk-ts'] = !t ? `synth did not run: ${tsOutput.slice(0, 400)}` : t.error ? `synth: ${t.error}` : differences(cc, t.template as Obj).join('\n') || 'ok'
  }
  const available = pythonAvailable()
  if (!available.ok) throw new Error(`the Python checks cannot run: ${available.reason}`)
  python = checkPython(pyCases)
  for (const c of pyCases) {
    const t = python.templates[c.name]
    const r = results.get(c.name)!
    const cc = CASES.find((x) => x.name === c.name)!
    r['cdk-py'] = !t ? `synth did not run: ${python.output.slice(0, 400)}` : t.error ? `synth: ${t.error}` : differences(cc, t.template as Obj).join('\n') || 'ok'
  }
  const table = ['| Case | Source | ' + STEPS.join(' | ') + ' |', '|---|---|' + STEPS.map(() => '---|').join('')]
  for (const c of CASES) {
    const r = results.get(c.name)!
    table.push(`| ${c.name} | ${c.source} | ${STEPS.map((s) => (r[s] === 'ok' ? 'pass' : r[s] === undefined ? '—' : r[s]!.startsWith('refused ') ? r[s] : 'FAIL')).join(' | ')} |`)
  }
  const out = resolve(__dirname, '../../../.cache/import-corpus')
  mkdirSync(out, { recursive: true })
  writeFileSync(join(out, 'results.md'), `${table.join('\n')}\n\n${CASES.flatMap((c) => STEPS.filter((s) => results.get(c.name)![s] && results.get(c.name)![s] !== 'ok').map((s) => `- ${c.name} ${s}: ${results.get(c.name)![s]}`)).join('\n')}\n`)
}, 600_000)

describe('conformance corpus', () => {
  it('mypy accepts every exported Python stack', () => {
    expect(python!.astErrors).toEqual([])
    expect(python!.mypyStatus, python!.mypyOutput).toBe(0)
  })

  for (const c of CASES) {
    describe(c.name, () => {
      for (const step of STEPS) {
        const known = KNOWN[c.name]?.[step]
        const refusal = REFUSED[c.name]?.[step]
        it(known ? `${step} still fails: ${known}` : refusal ? `${step} is refused: ${refusal.why}` : step, () => {
          const got = results.get(c.name)?.[step] ?? 'not reached'
          if (known) expect(got).not.toBe('ok')
          else expect(got).toBe(refusal ? `refused ${refusal.code}` : 'ok')
        })
      }
    })
  }
})
