/**
 * Design entity → construct id / logical id is one-to-one (issue 9, item 2). Route keys `a/b` and `a--b`
 * both make `addRoute` name its construct `a--b-Route`: the later route becomes a WebSocketRoute under the
 * stack, every route keeps its own resource, and a clash the builder cannot avoid is EXP018, never an
 * overwrite. The synthesized proof (TypeScript and Python) is the `colliding-ids` golden case.
 */

import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { emptyDesign } from '../../model/builders'
import { exportDesign } from '..'
import { IrContext } from '../ir/context'
import { GOLDEN_CASES } from './goldenCases'

type Template = { Resources: Record<string, { Type: string; Properties?: { RouteKey?: string } }> }

const routeKeys = (t: Template) =>
  Object.values(t.Resources)
    .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
    .map((r) => r.Properties?.RouteKey)
    .sort()

describe('colliding construct ids', () => {
  const keys = ['a--b', 'a/b', 'c--d', 'c/d', 'x-y', 'xY']

  it.each(['cfn-json', 'cfn-yaml'] as const)('%s keeps every route under its own logical id', (target) => {
    const r = exportDesign(GOLDEN_CASES['colliding-ids'](), { target })
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics))
    const text = r.files[0].contents
    const template = (target === 'cfn-json' ? JSON.parse(text) : load(text)) as Template
    expect(routeKeys(template)).toEqual(keys)
    // One Lambda permission per proxied route, each scoped to its own key.
    expect(Object.values(template.Resources).filter((x) => x.Type === 'AWS::Lambda::Permission')).toHaveLength(2)
  })

  it('keeps the earlier route on addRoute and gives the later one a WebSocketRoute, in both CDK languages', () => {
    const ts = exportDesign(GOLDEN_CASES['colliding-ids'](), { target: 'cdk-ts' })
    const py = exportDesign(GOLDEN_CASES['colliding-ids'](), { target: 'cdk-py' })
    if (!ts.ok || !py.ok) throw new Error('export failed')
    expect(ts.files[0].contents).toContain("addRoute('a/b'")
    expect(ts.files[0].contents).toMatch(/new apigwv2\.WebSocketRoute\(this, 'DashesRoute', \{\s+webSocketApi,\s+routeKey: 'a--b'/)
    expect(py.files[0].contents).toMatch(/apigwv2\.WebSocketRoute\(\s+self,\s+"DashesRoute",[^)]*route_key="a--b"/)
    expect(ts.files[0].contents).toContain("'XYRoute2'")
  })

  it('does not change ids when nothing collides (the later route of a pair is the one renamed)', () => {
    const d = emptyDesign('collide')
    d.integrations.mock = { type: 'mock' }
    d.routes.dashesMock = { key: 'c--d', integration: 'mock' }
    d.stages.dev = { name: 'dev', autoDeploy: true }
    const r = exportDesign({ design: d, layout: {} }, { target: 'cdk-ts' })
    if (!r.ok) throw new Error('export failed')
    expect(r.files[0].contents).toContain("addRoute('c--d'")
  })

  it('reports a logical id that two resources would share as EXP018 instead of overwriting', () => {
    const ctx = new IrContext(emptyDesign('x'), 'XStack')
    ctx.addResource('first', ['Thing', 'Resource'], 'AWS::SQS::Queue', undefined)
    ctx.addResource('second', ['Thing', 'Resource'], 'AWS::SNS::Topic', undefined)
    expect(ctx.diagnostics).toEqual([expect.objectContaining({ code: 'EXP018', severity: 'error', entity: 'second' })])
    expect(ctx.resources).toHaveLength(2)
  })

  it('keeps stack-child construct ids apart in their logical ids too (`a-b` and `ab` are both `ab`)', () => {
    const ctx = new IrContext(emptyDesign('x'), 'XStack')
    expect([ctx.stackChildId('a-b'), ctx.stackChildId('ab'), ctx.stackChildId('a/b')]).toEqual(['a-b', 'ab2', 'a--b3'])
  })
})
