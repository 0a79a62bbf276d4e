/**
 * Proof for the CDK Python target, by running it: every generated stack is parsed with `ast`, type-checked
 * with mypy against the installed aws-cdk-lib package, and synthesized by the real CDK for Python in one
 * process; each template must equal the cfn-json export exactly like the TypeScript one. Without python3
 * these tests say so and skip; with CI=true a missing Python fails them.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { seedDocument } from '../../model/seed'
import { exportDesign } from '..'
import { freshDir, pythonAvailable, removeDir, run, VENV_PYTHON } from './checkDirs'
import { crossCases, type CrossCase } from './crossCheckSupport'
import { checkPython, QUIET_JSII, runMypy, type PyCheckResult } from './synthPy'
import { diffTemplates } from './templateCompare'

const python = pythonAvailable()
if (!python.ok) console.warn(`CDK Python checks skipped: ${python.reason}`)
const inCi = process.env.CI === 'true'

describe('CDK Python environment', () => {
  it('is available when CI=true (elsewhere a missing python3 only skips the checks below)', () => {
    expect(!inCi || python.ok, python.reason).toBe(true)
  })
})

describe.runIf(python.ok)('generated CDK Python', () => {
  let cases: CrossCase[]
  let result: PyCheckResult

  beforeAll(() => {
    cases = crossCases()
    result = checkPython(cases.map((c) => ({ name: c.name, stackFile: c.pyStack, stackClass: c.stackClass, stackName: c.stackName, snippets: c.pySnippets })))
  }, 900_000)

  it('parses with ast (every stack and snippet)', () => {
    expect(result.astErrors).toEqual([])
  })

  it('type-checks with mypy against the installed aws-cdk-lib', () => {
    expect(result.mypyOutput).toMatch(/^Success: no issues found/m)
    expect(result.mypyStatus).toBe(0)
  })

  it.each(crossCases().map((c) => c.name))('%s synthesizes to the cfn-json export', (name) => {
    const c = cases.find((x) => x.name === name)!
    const synth = result.templates[name]
    expect(synth?.error, result.output).toBeUndefined()
    expect(diffTemplates(c.template as never, synth.template as never)).toEqual([])
  })

  it('mypy rejects a wrong kwarg and the HttpMethod enum where integration_method wants a string', () => {
    const dir = freshDir('py-negative')
    writeFileSync(
      join(dir, 'bad.py'),
      [
        'from aws_cdk import Stack, aws_apigatewayv2 as apigwv2',
        'from aws_cdk.aws_apigatewayv2_integrations import WebSocketAwsIntegration',
        'from constructs import Construct',
        '',
        '',
        'class Bad(Stack):',
        '    def __init__(self, scope: Construct, construct_id: str) -> None:',
        '        super().__init__(scope, construct_id)',
        '        WebSocketAwsIntegration("X", integration_uri="u", integration_method=apigwv2.HttpMethod.POST)',
        '        apigwv2.WebSocketStage(self, "S", web_socket_api=apigwv2.WebSocketApi(self, "A"), stageName="dev")',
        '',
      ].join('\n'),
    )
    const r = runMypy(dir, [join(dir, 'bad.py')])
    removeDir(dir)
    expect(r.status).toBe(1)
    expect(r.output).toMatch(/Argument "integration_method" to "WebSocketAwsIntegration" has incompatible type "HttpMethod"; expected "str"/)
    expect(r.output).toMatch(/Unexpected keyword argument "stageName"/)
  }, 900_000)

  it('the seed project runs as `python app.py` and synthesizes to the cfn-json resources', () => {
    const doc = seedDocument()
    const project = exportDesign(doc, { target: 'cdk-py', shape: 'project' })
    const template = exportDesign(doc, { target: 'cfn-json' })
    if (!project.ok || !template.ok) throw new Error('export failed')
    const dir = freshDir('py-project')
    for (const f of project.files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true })
      writeFileSync(join(dir, f.path), f.contents)
    }
    expect(JSON.parse(readFileSync(join(dir, 'cdk.json'), 'utf8')).app).toBe('python3 app.py')
    const out = join(dir, 'cdk.out')
    const r = run(VENV_PYTHON, ['app.py'], { cwd: dir, env: { CDK_OUTDIR: out, CDK_VALIDATION: 'false', ...QUIET_JSII } })
    expect(r.status, r.output).toBe(0)
    const synthesized = JSON.parse(readFileSync(join(out, 'MywsapiStack.template.json'), 'utf8'))
    expect(diffTemplates(JSON.parse(template.files[0].contents), synthesized)).toEqual([])
    removeDir(dir)
  }, 120_000)
})
