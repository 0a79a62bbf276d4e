/**
 * Map keys named like JavaScript's own properties (issue 9 item 3): every map the design holds keeps every key
 * through every target. Each case puts `__proto__`, `constructor`, `toString`, `hasOwnProperty` and `valueOf` into
 * one map of the seed design and finds each key, with its value, in the CloudFormation targets' templates and in
 * both CDK programs. The CDK programs write `__proto__` under a stand-in name that their synthesizer restores
 * (`ir/cdkKeys.ts`). The synthesized proof for stage variables, route settings and tags is corpus cases
 * `hostile.yaml` and `proto-keys.yaml`.
 */
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { seedDocument } from '../../model/seed'
import type { Design, DesignDocument } from '../../model/types'
import { exportDesign } from '..'

const KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'] as const
const valueOf = (key: string) => `v-${key}`
const mapOf = <T>(value: (key: string) => T): Record<string, T> => Object.fromEntries(KEYS.map((k) => [k, value(k)]))

type Json = unknown
/** Where a map lands in the template: the resource type, and the path below Properties. */
interface MapCase {
  name: string
  put: (d: Design) => void
  type: string
  path: string[]
  /** The value CloudFormation holds for a key (default: the text put in). */
  expected?: (key: string) => Json
}

const CASES: MapCase[] = [
  { name: 'stage variables', put: (d) => void (d.stages.dev.stageVariables = mapOf(valueOf)), type: 'AWS::ApiGatewayV2::Stage', path: ['StageVariables'] },
  {
    name: 'route settings',
    put: (d) => void (d.stages.dev.routeSettings = mapOf(() => ({ throttlingRateLimit: 5 }))),
    type: 'AWS::ApiGatewayV2::Stage',
    path: ['RouteSettings'],
    expected: () => ({ ThrottlingRateLimit: 5 }),
  },
  { name: 'stage tags', put: (d) => void (d.stages.dev.tags = mapOf(valueOf)), type: 'AWS::ApiGatewayV2::Stage', path: ['Tags'] },
  { name: 'API tags', put: (d) => void (d.api.tags = mapOf(valueOf)), type: 'AWS::ApiGatewayV2::Api', path: ['Tags'] },
  {
    name: 'request templates',
    put: (d) => {
      d.integrations.putItem.requestTemplates = mapOf((k) => `{"TableName":"@{table.name}","Item":{"id":{"S":"${k}"}}}`)
      d.integrations.putItem.templateSelectionExpression = '$request.body.kind'
    },
    type: 'AWS::ApiGatewayV2::Integration',
    path: ['RequestTemplates'],
    // The table name is a reference, so CloudFormation holds an Fn::Sub of the template.
    expected: (k) => ({ 'Fn::Sub': expect.stringContaining(`"Item":{"id":{"S":"${k}"}}}`) }),
  },
  {
    name: 'integration request parameters',
    put: (d) => void (d.integrations.putItem.requestParameters = mapOf((k) => `'${k}'`)),
    type: 'AWS::ApiGatewayV2::Integration',
    path: ['RequestParameters'],
    expected: (k) => `'${k}'`,
  },
  {
    name: 'route request parameters',
    put: (d) => void (d.routes.connect.requestParameters = mapOf(() => ({ required: true }))),
    type: 'AWS::ApiGatewayV2::Route',
    path: ['RequestParameters'],
    expected: () => ({ Required: true }),
  },
  {
    name: 'route request models',
    put: (d) => {
      d.routes.default.requestModels = mapOf(() => 'Message')
    },
    type: 'AWS::ApiGatewayV2::Route',
    path: ['RequestModels'],
    expected: () => 'Message',
  },
  {
    name: 'integration responses and their templates',
    put: (d) => void (d.integrations.putItem.responses = { $default: { templates: mapOf((k) => `{"said":"${k}"}`) } }),
    type: 'AWS::ApiGatewayV2::IntegrationResponse',
    path: ['ResponseTemplates'],
    expected: (k) => `{"said":"${k}"}`,
  },
  {
    name: 'function environment',
    put: (d) => {
      d.resources.fn = { type: 'lambda-function', runtime: 'nodejs20.x', handler: 'index.handler', code: 'exports.handler = async () => ({})', environment: mapOf(valueOf) }
    },
    type: 'AWS::Lambda::Function',
    path: ['Environment', 'Variables'],
  },
  {
    name: 'cfnExtra of a table',
    put: (d) => void (d.resources.table.cfnExtra = { StreamSpecification: { StreamViewType: 'NEW_IMAGE' }, Tags: KEYS.map((k) => ({ Key: k, Value: valueOf(k) })) }),
    type: 'AWS::DynamoDB::Table',
    path: ['Tags'],
  },
]

function mainText(doc: DesignDocument, target: 'cfn-json' | 'cfn-yaml' | 'cdk-ts' | 'cdk-py'): string {
  const r = exportDesign(doc, { target, force: true, shape: 'project' })
  if (!r.ok) throw new Error(`${target}: ${JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error'))}`)
  return r.files.find((f) => f.path === r.mainFile)!.contents
}

function templateOf(doc: DesignDocument, target: 'cfn-json' | 'cfn-yaml'): Record<string, { Type: string; Properties?: Record<string, Json> }> {
  const text = mainText(doc, target)
  return ((target === 'cfn-json' ? JSON.parse(text) : load(text)) as { Resources: Record<string, { Type: string; Properties?: Record<string, Json> }> }).Resources
}

function at(value: Json, path: string[]): Json {
  return path.reduce<Json>((v, k) => (v && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, k) ? (v as Record<string, Json>)[k] : undefined), value)
}

describe('prototype-named map keys survive every target', () => {
  it.each(CASES)('$name', (c) => {
    const doc = seedDocument()
    c.put(doc.design)
    for (const target of ['cfn-json', 'cfn-yaml'] as const) {
      const found = Object.values(templateOf(doc, target)).filter((r) => r.Type === c.type).map((r) => at(r.Properties, c.path))
      const map = found.find((m) => m && typeof m === 'object' && KEYS.some((k) => Object.prototype.hasOwnProperty.call(m, k)))
      if (c.name === 'cfnExtra of a table') {
        expect(map ?? found[0]).toEqual(KEYS.map((k) => ({ Key: k, Value: valueOf(k) })))
        continue
      }
      expect(map, `${target}: ${c.name} not found in ${c.type}`).toBeDefined()
      for (const k of KEYS) {
        expect(Object.prototype.hasOwnProperty.call(map, k), `${target}: ${c.name} lost "${k}"`).toBe(true)
        expect((map as Record<string, Json>)[k]).toEqual((c.expected ?? valueOf)(k))
      }
    }
    for (const target of ['cdk-ts', 'cdk-py'] as const) {
      const code = mainText(doc, target)
      // A key appears as a map key (`constructor: …`, `"constructor": …`), a tag (`add('constructor'`) or a Key field.
      for (const k of KEYS) {
        // `__proto__` is written under its stand-in, which the restore table maps back.
        const standIn = k === '__proto__' ? /(socket_studio_key_\d+)['"]?: ['"]__proto__['"]/.exec(code)?.[1] : undefined
        const written = k === '__proto__' && c.name !== 'cfnExtra of a table' ? standIn : k
        expect(written, `${target}: ${c.name} has no stand-in for "${k}"`).toBeDefined()
        expect(code, `${target}: ${c.name} lost "${k}"`).toMatch(new RegExp(`(^|[\\s{,])['"]?${written}['"]?\\s*:|add\\(['"]${written}['"]|Key['"]?\\s*[:=]\\s*['"]${written}['"]`, 'm'))
      }
    }
  })
})
