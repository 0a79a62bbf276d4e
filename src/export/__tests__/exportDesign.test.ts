import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seedDocument } from '../../model/seed'
import { exportDesign, EXPORT_TARGETS } from '..'
import { ROOT } from './checkDirs'
import { GOLDEN_CASES } from './goldenCases'
import { largeDesign } from '../../model/largeDesign'

const codes = (r: ReturnType<typeof exportDesign>) => r.diagnostics.map((d) => d.code)

describe('exportDesign', () => {
  it('lists the four targets', () => {
    expect(EXPORT_TARGETS.map((t) => t.id)).toEqual(['cfn-yaml', 'cfn-json', 'cdk-ts', 'cdk-py', 'asyncapi'])
  })

  it('exports the seed to every target; the main file comes first', () => {
    for (const { id } of EXPORT_TARGETS) {
      const r = exportDesign(seedDocument(), { target: id })
      expect(r.ok).toBe(true)
      if (r.ok) expect(r.mainFile).toBe(r.files[0].path)
    }
  })

  it('writes the conventional `cdk init` layouts', () => {
    const ts = exportDesign(seedDocument(), { target: 'cdk-ts', shape: 'project' })
    const py = exportDesign(seedDocument(), { target: 'cdk-py', shape: 'project' })
    if (!ts.ok || !py.ok) throw new Error('export failed')
    expect(ts.files.map((f) => f.path)).toEqual(['lib/mywsapi-stack.ts', 'bin/mywsapi.ts', 'cdk.json', 'package.json', 'tsconfig.json', '.gitignore'])
    expect(py.files.map((f) => f.path)).toEqual(['mywsapi/mywsapi_stack.py', 'app.py', 'cdk.json', 'requirements.txt', 'mywsapi/__init__.py', '.gitignore'])
    const cdkJson = JSON.parse(ts.files.find((f) => f.path === 'cdk.json')!.contents)
    // No feature flags (they could change what the constructs synthesize) and no CDK metadata resource.
    expect(cdkJson.context).toBeUndefined()
    expect(cdkJson.versionReporting).toBe(false)
  })

  it('refuses a design with check errors, with the diagnostics, unless forced', () => {
    const doc = seedDocument()
    doc.design.integrations.putItem.method = 'GET' // AWS service actions are called with POST: MDL013
    const refused = exportDesign(doc, { target: 'cfn-json' })
    expect(refused.ok).toBe(false)
    expect(codes(refused)).toContain('MDL013')
    const forced = exportDesign(doc, { target: 'cfn-json', force: true })
    expect(forced.ok).toBe(true)
    expect(codes(forced)).toContain('MDL013')
  })

  it('a warning never blocks: a two-way route without an integration response (MDL010) deploys, so it exports', () => {
    const doc = seedDocument()
    doc.design.routes.connect.twoWay = true
    const result = exportDesign(doc, { target: 'cfn-json' })
    expect(result.ok).toBe(true)
    expect(result.diagnostics.find((d) => d.code === 'MDL010')?.severity).toBe('warning')
  })

  it('refuses a reference it cannot resolve, even forced', () => {
    const doc = seedDocument()
    doc.design.integrations.putItem.requestTemplates = { 'application/json': '{"TableName": "@{nowhere.name}"}' }
    const r = exportDesign(doc, { target: 'cdk-ts', force: true })
    expect(r.ok).toBe(false)
    expect(codes(r)).toContain('EXP001')
  })

  it('refuses a design over 500 resources, even forced', () => {
    const r = exportDesign(largeDesign(200), { target: 'cfn-json', force: true })
    expect(r.ok).toBe(false)
    expect(codes(r).some((c) => c === 'MDL031' || c === 'EXP012')).toBe(true)
  })

  it('exports the 150-route benchmark design to about 400 resources', () => {
    const r = exportDesign(largeDesign(150), { target: 'cfn-json' })
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '))
    const count = Object.keys(JSON.parse(r.files[0].contents).Resources).length
    expect(count).toBeGreaterThan(350)
    expect(count).toBeLessThanOrEqual(500)
  })

  it('a route snippet holds that route and what it needs, not the other routes', () => {
    const doc = GOLDEN_CASES['lambda-chat']()
    const r = exportDesign(doc, { target: 'cdk-ts', routeId: 'connect' })
    if (!r.ok) throw new Error('export failed')
    const code = r.files[0].contents
    expect(code).toContain("addRoute('$connect'")
    expect(code).toContain("new lambda.Function(this, 'Handler'")
    expect(code).not.toContain('sendMessage')
    expect(code).not.toContain('new apigwv2.WebSocketApi(')
    expect(code).not.toContain('WebSocketStage')
  })

  it('a function whose code is an asset folder exports lambda.Code.fromAsset and a local Code path (aws cloudformation package)', () => {
    const doc = GOLDEN_CASES['lambda-chat']()
    const fn = Object.values(doc.design.resources).find((r) => r.type === 'lambda-function')
    if (fn?.type !== 'lambda-function') throw new Error('no function')
    fn.codeAsset = 'functions/chat'
    const ts = exportDesign(doc, { target: 'cdk-ts' })
    const py = exportDesign(doc, { target: 'cdk-py' })
    const cfn = exportDesign(doc, { target: 'cfn-json' })
    if (!ts.ok || !py.ok || !cfn.ok) throw new Error('export failed')
    expect(ts.files[0].contents).toContain("lambda.Code.fromAsset('functions/chat')")
    expect(py.files[0].contents).toContain('lambda_.Code.from_asset("functions/chat")')
    const resources = Object.values(JSON.parse(cfn.files[0].contents).Resources as Record<string, { Type: string; Properties: { Code?: unknown } }>)
    expect(resources.find((r) => r.Type === 'AWS::Lambda::Function')?.Properties.Code).toBe('functions/chat')
  })

  it('refuses what CloudFormation would reject at deploy time, even forced', () => {
    const snapshot = seedDocument()
    snapshot.design.resources.table = { type: 'dynamodb-table', partitionKey: { name: 'id', type: 'S' }, removalPolicy: 'snapshot' }
    expect(codes(exportDesign(snapshot, { target: 'cfn-json', force: true }))).toContain('EXP014')
    const retention = seedDocument()
    retention.design.resources.logs = { type: 'log-group', retentionDays: 42 }
    expect(codes(exportDesign(retention, { target: 'cdk-ts', force: true }))).toContain('EXP015')
  })

  it('warns that an integration no route uses is not exported', () => {
    const doc = seedDocument()
    doc.design.integrations.unused = { type: 'mock', requestTemplates: { $default: '{"statusCode":200}' } }
    const r = exportDesign(doc, { target: 'cfn-json', force: true })
    expect(r.ok).toBe(true)
    expect(r.diagnostics.find((d) => d.code === 'EXP003')?.entity).toBe('unused')
  })

  it('reports an unknown route id', () => {
    expect(codes(exportDesign(seedDocument(), { target: 'cdk-py', routeId: 'nope' }))).toContain('EXP013')
    // Names every object inherits are not routes either.
    for (const routeId of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(codes(exportDesign(seedDocument(), { target: 'cdk-ts', routeId }))).toContain('EXP013')
    }
  })

  it('never throws: a broken document comes back as a diagnostic', () => {
    const doc = seedDocument()
    ;(doc.design as unknown as { routes: unknown }).routes = { bad: null }
    const r = exportDesign(doc, { target: 'cfn-yaml', force: true })
    expect(r.ok).toBe(false)
    expect(r.diagnostics.length).toBeGreaterThan(0)
  })

  it('the module is browser-safe: no node: imports outside the tests', () => {
    const dir = join(ROOT, 'src', 'export')
    const offenders: string[] = []
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) {
          if (e.name !== '__tests__' && e.name !== '__golden__') walk(join(d, e.name))
        } else if (e.name.endsWith('.ts') && /from 'node:|require\(/.test(readFileSync(join(d, e.name), 'utf8'))) offenders.push(e.name)
      }
    }
    walk(dir)
    expect(offenders).toEqual([])
  })
})
