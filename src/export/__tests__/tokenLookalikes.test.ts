/**
 * User text that looks like a CDK token (issue 9, item 4). The Sub body must hold no marker CDK scans for
 * and must evaluate to exactly the text; the printers use it wherever CDK resolves a string, and the
 * template Description goes through `literalText`. The synthesized proof (TypeScript and Python) is the
 * corpus case `hostile.yaml` (src/import/__corpus__).
 */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { emptyDesign } from '../../model/builders'
import { exportDesign } from '..'
import { literalSub, looksLikeToken } from '../ir/tokenLookalikes'

/** What CloudFormation's Fn::Sub makes of a body whose only references are the given variables. */
function evaluateSub(body: string, variables: Record<string, string> = {}): string {
  return body.replace(/\$\{([^}]*)\}/g, (_, name: string) => {
    if (!(name in variables)) throw new Error(`unknown Sub variable ${name}`)
    return variables[name]
  })
}

const pieces = fc.constantFrom('${Token[TOKEN.3]}', '#{Token[Foo.42]}', '-1.8881545897087626e+289', '${', '${!x}', '#{', 'Token[', ']}', '#', '+', 'e+289', '$', '{', '}', 'a', ' ', '😀')
const text = fc.array(pieces, { maxLength: 12 }).map((p) => p.join(''))

describe('token look-alikes', () => {
  it('recognises the three shapes CDK encodes tokens in, and nothing else', () => {
    expect(looksLikeToken('${Token[TOKEN.3]} is not a token')).toBe(true)
    expect(looksLikeToken('#{Token[Foo.42]}')).toBe(true)
    expect(looksLikeToken('x -1.8881545897087626e+289')).toBe(true)
    expect(looksLikeToken('${Token[with space]}')).toBe(false)
    expect(looksLikeToken('${AWS::Region} and #{not} Token[x]')).toBe(false)
  })

  it('writes an Fn::Sub that evaluates to the text and holds no look-alike', () => {
    fc.assert(
      fc.property(text, (t) => {
        const sub = literalSub(t)
        expect(looksLikeToken(sub.body)).toBe(false)
        // CDK also scans any string holding `Token[` or `e+289`; only the markers themselves must be gone.
        expect(evaluateSub(sub.body, sub.variables)).toBe(t)
        for (const v of Object.values(sub.variables)) expect(looksLikeToken(v)).toBe(false)
      }),
      { numRuns: 500 },
    )
  })

  it('takes the characters of the markers from Sub variables, only the ones it uses', () => {
    expect(literalSub('${Token[TOKEN.3]} x')).toEqual({ body: '${Dollar}{Token[TOKEN.3]} x', variables: { Dollar: '$' } })
    expect(literalSub('${#{Token[A]}')).toEqual({ body: '${Dollar}{${Hash}{Token[A]}', variables: { Dollar: '$', Hash: '#' } })
  })

  it('prints Fn.sub in both CDK languages, Fn.join around references, literalText for the template description', () => {
    const d = emptyDesign('tokens')
    d.api.description = '${Token[TOKEN.3]} api'
    d.resources.table = { type: 'dynamodb-table', partitionKey: { name: 'id', type: 'S' } }
    d.stages.dev = { name: 'dev', autoDeploy: true, stageVariables: { plain: 'a', mixed: '#{Token[X]} @{table.name}' } }
    d.cloudformation = { Description: 'template ${Token[TOKEN.1]}' }
    const ts = exportDesign({ design: d, layout: {} }, { target: 'cdk-ts', shape: 'project' })
    const py = exportDesign({ design: d, layout: {} }, { target: 'cdk-py', shape: 'project' })
    const cfn = exportDesign({ design: d, layout: {} }, { target: 'cfn-json' })
    if (!ts.ok || !py.ok || !cfn.ok) throw new Error('export failed')
    const tsText = ts.files.find((f) => f.path === ts.mainFile)!.contents
    const pyText = py.files.find((f) => f.path === py.mainFile)!.contents
    expect(tsText).toContain("description: Fn.sub('${Dollar}{Token[TOKEN.3]} api', { Dollar: '$' })")
    expect(tsText).toContain("mixed: Fn.join('', [Fn.sub('${Hash}{Token[X]} ', { Hash: '#' }), table.tableName])")
    expect(tsText).toContain("this.templateOptions.description = literalText('template ${Token[TOKEN.1]}');")
    expect(tsText).toContain('function literalText(text: string): string {')
    expect(pyText).toContain('description=Fn.sub("${Dollar}{Token[TOKEN.3]} api", {"Dollar": "$"})')
    expect(pyText).toContain('"mixed": Fn.join("", [Fn.sub("${Hash}{Token[X]} ", {"Hash": "#"}), table.table_name])')
    expect(pyText).toContain('self.template_options.description = literal_text("template ${Token[TOKEN.1]}")')
    // CloudFormation targets keep the text as it is.
    const template = JSON.parse(cfn.files[0].contents) as { Description: string }
    expect(template.Description).toBe('template ${Token[TOKEN.1]}')
  })
})

describe('map keys CDK cannot write', () => {
  it('refuses a __proto__ key in the CDK targets (EXP019) and keeps it in CloudFormation', () => {
    const d = emptyDesign('proto')
    d.stages.dev = { name: 'dev', autoDeploy: true, stageVariables: JSON.parse('{"__proto__": "b", "plain": "c"}') }
    for (const target of ['cdk-ts', 'cdk-py'] as const) {
      const r = exportDesign({ design: d, layout: {} }, { target })
      expect(r.ok).toBe(false)
      expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'EXP019', severity: 'error', entity: 'dev' }))
    }
    const cfn = exportDesign({ design: d, layout: {} }, { target: 'cfn-json' })
    if (!cfn.ok) throw new Error('export failed')
    const stage = Object.values((JSON.parse(cfn.files[0].contents) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> }).Resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Stage')!
    expect(Object.keys(stage.Properties.StageVariables as object)).toEqual(['__proto__', 'plain'])
  })

  it('refuses constructor and prototype keys inside a property override, which CDK merges without them', () => {
    const d = emptyDesign('ctor')
    d.stages.dev = { name: 'dev', autoDeploy: true, cfnExtra: { Description: 'x', AccessLogSettings: { constructor: 'y' } } }
    const r = exportDesign({ design: d, layout: {} }, { target: 'cdk-ts' })
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'EXP019', message: expect.stringContaining('"constructor"') }))
  })

  it('writes route settings keyed by constructor on the L1 property, where CDK keeps them', () => {
    const d = emptyDesign('ctor')
    d.integrations.mock = { type: 'mock' }
    d.routes.r = { key: 'constructor', integration: 'mock' }
    d.stages.dev = { name: 'dev', autoDeploy: true, routeSettings: { constructor: { throttlingRateLimit: 5 } } }
    const ts = exportDesign({ design: d, layout: {} }, { target: 'cdk-ts' })
    if (!ts.ok) throw new Error(JSON.stringify(ts.diagnostics))
    expect(ts.files[0].contents).toMatch(/cfnDevStage\.routeSettings = \{ constructor: \{ ThrottlingRateLimit: 5 \} \};/)
  })
})
