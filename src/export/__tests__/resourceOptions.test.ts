/**
 * Resource options (DeletionPolicy, UpdateReplacePolicy, Condition, Metadata, DependsOn; issue 9 items 10 and 15):
 * imported from a hand-written template onto the entities, and written back by every target.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importTemplateSync } from '../../import'
import { exportDesign } from '../index'

const text = readFileSync(join(__dirname, '../../import/__fixtures__/resource-options.yaml'), 'utf8')

function imported() {
  const r = importTemplateSync(text)
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r
}

describe('resource options', () => {
  it('import keeps them on the entities, with no IMP024 warning', () => {
    const r = imported()
    const d = r.document.design
    expect(d.api.resourceOptions).toEqual({ deletionPolicy: 'Retain', updateReplacePolicy: 'Retain', metadata: { Owner: 'chat-team' } })
    expect(d.stages.prod.resourceOptions).toEqual({
      deletionPolicy: 'Retain',
      condition: 'IsProd',
      metadata: { Purpose: 'execution logs need the account role first' },
      dependsOn: ['Account'],
    })
    expect(r.diagnostics.filter((x) => x.code === 'IMP024')).toEqual([])
  })

  it('cfn-json writes them on the exported resources', () => {
    const out = exportDesign(imported().document, { target: 'cfn-json' })
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics))
    const t = JSON.parse(out.files.find((f) => f.path === out.mainFile)!.contents) as { Resources: Record<string, Record<string, unknown>> }
    const api = Object.values(t.Resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Api')!
    expect(api).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Metadata: { Owner: 'chat-team' } })
    const stage = Object.values(t.Resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Stage')!
    expect(stage).toMatchObject({ DeletionPolicy: 'Retain', Condition: 'IsProd', DependsOn: ['Account'] })
    expect(stage.UpdateReplacePolicy).toBeUndefined()
  })

  it('cdk-ts and cdk-py use applyRemovalPolicy, cfnOptions, addMetadata and node.addDependency', () => {
    const ts = exportDesign(imported().document, { target: 'cdk-ts', shape: 'project' })
    const py = exportDesign(imported().document, { target: 'cdk-py', shape: 'project' })
    if (!ts.ok || !py.ok) throw new Error('export refused')
    const tsCode = ts.files.map((f) => f.contents).join('\n')
    const pyCode = py.files.map((f) => f.contents).join('\n')
    expect(tsCode).toContain('.applyRemovalPolicy(RemovalPolicy.RETAIN)')
    expect(tsCode).toContain('.cfnOptions.deletionPolicy = CfnDeletionPolicy.RETAIN')
    expect(tsCode).toContain('.cfnOptions.condition = isProdCondition')
    expect(tsCode).toContain(".node.addDependency(this.node.findChild('Account'))")
    expect(tsCode).toContain(".addMetadata('Owner', 'chat-team')")
    expect(pyCode).toContain('.apply_removal_policy(')
    expect(pyCode).toContain('.cfn_options.condition = is_prod_condition')
    expect(pyCode).toMatch(/\.node\.add_dependency\(self\.node\.find_child\("Account"\)\)/)
  })

  it('a condition or dependency that names nothing is refused (EXP001)', () => {
    const doc = imported().document
    const design = { ...doc.design, api: { ...doc.design.api, resourceOptions: { condition: 'Nope', dependsOn: ['Missing'] } } }
    const out = exportDesign({ ...doc, design }, { target: 'cfn-json', force: true })
    expect(out.ok).toBe(false)
    expect(out.diagnostics.filter((d) => d.code === 'EXP001').map((d) => d.field).sort()).toEqual(['resourceOptions.condition', 'resourceOptions.dependsOn'])
  })
})
