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

describe('map keys CDK cannot carry', () => {
  const protoDesign = () => {
    const d = emptyDesign('proto')
    d.stages.dev = { name: 'dev', autoDeploy: true, stageVariables: JSON.parse('{"__proto__": "b", "plain": "c", "socket_studio_key_1": "d"}') }
    return d
  }

  it('writes a __proto__ key under a stand-in that the project stack\'s synthesizer restores, never one the design already has', () => {
    const ts = exportDesign({ design: protoDesign(), layout: {} }, { target: 'cdk-ts', shape: 'project' })
    const py = exportDesign({ design: protoDesign(), layout: {} }, { target: 'cdk-py', shape: 'project' })
    if (!ts.ok || !py.ok) throw new Error('export failed')
    const tsText = ts.files.find((f) => f.path === ts.mainFile)!.contents
    const pyText = py.files.find((f) => f.path === py.mainFile)!.contents
    expect(tsText).toContain("stageVariables: { socket_studio_key_2: 'b', plain: 'c', socket_studio_key_1: 'd' }")
    expect(tsText).toContain("  socket_studio_key_2: '__proto__',\n};")
    expect(tsText).toContain('super(scope, id, { ...props, synthesizer: new KeyRestoringSynthesizer() });')
    expect(pyText).toContain('stage_variables={"socket_studio_key_2": "b", "plain": "c", "socket_studio_key_1": "d"}')
    expect(pyText).toContain('    "socket_studio_key_2": "__proto__",\n}')
    expect(pyText).toContain('kwargs["synthesizer"] = KeyRestoringSynthesizer()')
    expect(pyText).toMatch(/^import hashlib\nimport json\nimport os\nimport typing$/m)
  })

  it('refuses such a key in a snippet (EXP019), which goes into a stack with no synthesizer to restore it', () => {
    for (const target of ['cdk-ts', 'cdk-py'] as const) {
      const r = exportDesign({ design: protoDesign(), layout: {} }, { target })
      expect(r.ok).toBe(false)
      expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'EXP019', severity: 'error', entity: 'dev', message: expect.stringContaining('"__proto__"') }))
    }
  })

  it('keeps the CloudFormation targets as they were', () => {
    const cfn = exportDesign({ design: protoDesign(), layout: {} }, { target: 'cfn-json' })
    if (!cfn.ok) throw new Error('export failed')
    const stage = Object.values((JSON.parse(cfn.files[0].contents) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> }).Resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Stage')!
    expect(Object.keys(stage.Properties.StageVariables as object)).toEqual(['__proto__', 'plain', 'socket_studio_key_1'])
  })

  it('writes constructor and prototype keys inside a property override under stand-ins, which CDK\'s merge would skip', () => {
    const d = emptyDesign('ctor')
    d.stages.dev = { name: 'dev', autoDeploy: true, cfnExtra: { Description: 'x', AccessLogSettings: { constructor: 'y' } } }
    const r = exportDesign({ design: d, layout: {} }, { target: 'cdk-ts', shape: 'project' })
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics))
    const text = r.files.find((f) => f.path === r.mainFile)!.contents
    expect(text).toContain("addPropertyOverride('AccessLogSettings', { socket_studio_key_1: 'y' })")
    expect(text).toContain("socket_studio_key_1: 'constructor',")
    const snippet = exportDesign({ design: d, layout: {} }, { target: 'cdk-ts' })
    expect(snippet.diagnostics).toContainEqual(expect.objectContaining({ code: 'EXP019', message: expect.stringContaining('"constructor"') }))
  })

  it('writes a tag key that looks like a CDK token under a stand-in, and keeps a JSON template with such a key as text', () => {
    const d = emptyDesign('tags')
    d.api.tags = { '${Token[TOKEN.7]}': 'v' }
    d.integrations.mock = { type: 'mock', requestTemplates: { $default: '{"${Token[TOKEN.8]}":200}' } }
    d.routes.r = { key: '$default', integration: 'mock' }
    // The template is no valid VTL (`${Token[` is a reference to VTL too); forced, to reach the printers.
    const r = exportDesign({ design: d, layout: {} }, { target: 'cdk-ts', shape: 'project', force: true })
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics))
    const text = r.files.find((f) => f.path === r.mainFile)!.contents
    expect(text).toContain(".add('socket_studio_key_1', 'v');")
    expect(text).toContain("socket_studio_key_1: '${Token[TOKEN.7]}',")
    expect(text).not.toContain('JSON.stringify({')
    expect(text).toContain("Fn.sub('{\"${Dollar}{Token[TOKEN.8]}\":200}', { Dollar: '$' })")
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
