/**
 * Runs generated CDK Python for real, batched: one Python process parses every file with `ast` and
 * synthesizes every stack (jsii start-up costs seconds, so never one process per case), and one mypy run
 * type-checks every file against the installed aws-cdk-lib package.
 */

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { freshDir, removeDir, ROOT, run, VENV_PYTHON } from './checkDirs'

export interface PyCase {
  name: string
  stackFile: string
  stackClass: string
  stackName: string
  snippets?: string[]
}

export interface PyCheckResult {
  status: number
  output: string
  mypyStatus: number
  mypyOutput: string
  templates: Record<string, { template?: Record<string, unknown>; error?: string }>
  astErrors: string[]
}

const MAIN = `
import ast, importlib, json, sys, traceback
import aws_cdk as cdk

spec = json.load(open(sys.argv[1]))
results = {}
ast_errors = []
for path in spec["files"]:
    try:
        ast.parse(open(path, encoding="utf-8").read(), filename=path)
    except SyntaxError as e:
        ast_errors.append(f"{path}: {e}")
for c in spec["cases"]:
    try:
        module = importlib.import_module(c["module"])
        app = cdk.App(outdir=c["outdir"])
        getattr(module, c["cls"])(app, c["stackName"])
        # The file itself, as \`cdk deploy\` reads it (jsii cannot hand a \`__proto__\` key to Python).
        stack = app.synth().get_stack_by_name(c["stackName"])
        results[c["name"]] = {"template": json.load(open(stack.template_full_path, encoding="utf-8"))}
    except Exception:
        results[c["name"]] = {"error": traceback.format_exc()}
json.dump({"templates": results, "astErrors": ast_errors}, open(spec["out"], "w"))
`

/** A snippet (imports + statements using `self`) as a stack class, for mypy. */
function snippetAsStack(snippet: string, className: string): string {
  const lines = snippet.split('\n')
  const importEnd = lines.findIndex((l, i) => i > 0 && l === '' && !lines[i - 1].startsWith('#'))
  const head = lines.slice(0, importEnd).filter((l) => !l.startsWith('#'))
  const body = lines.slice(importEnd + 1)
  const needsApi = snippet.includes('already has `')
  return [
    'import typing',
    'from aws_cdk import Stack, aws_apigatewayv2 as apigwv2',
    ...head,
    'from constructs import Construct',
    '',
    '',
    `class ${className}(Stack):`,
    '    def __init__(self, scope: Construct, construct_id: str, **kwargs: typing.Any) -> None:',
    '        super().__init__(scope, construct_id, **kwargs)',
    ...(needsApi ? ['        web_socket_api = apigwv2.WebSocketApi(self, "Api")'] : []),
    ...body.map((l) => (l ? `        ${l}` : '')),
    '',
  ].join('\n')
}

/** jsii prints a banner about the Node version on stderr; it is noise in test output. */
export const QUIET_JSII = { JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1', JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION: '1', JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '1' }

const MYPY_CACHE = join(ROOT, '.cache', 'mypy')

/**
 * mypy against the installed aws-cdk-lib. Its cache makes warm runs take seconds instead of minutes; a
 * cache written by a concurrent run can be inconsistent (mypy then fails with an internal error), so on an
 * internal error the cache is dropped and the check runs once more from scratch.
 */
export function runMypy(cwd: string, files: string[]): { status: number; output: string } {
  const args = ['-m', 'mypy', '--python-version', '3.11', '--cache-dir', MYPY_CACHE, '--no-color-output', '--explicit-package-bases', ...files]
  const first = run(VENV_PYTHON, args, { cwd, env: { MYPYPATH: cwd } })
  const crashed = /Traceback \(most recent call last\)|INTERNAL ERROR/.test(first.output)
  if (!crashed) return first
  rmSync(MYPY_CACHE, { recursive: true, force: true })
  return run(VENV_PYTHON, args, { cwd, env: { MYPYPATH: cwd } })
}

export function checkPython(cases: PyCase[]): PyCheckResult {
  const dir = freshDir('py')
  const files: string[] = []
  const specCases = cases.map((c, i) => {
    const pkg = join(dir, `case${i}`)
    mkdirSync(pkg)
    writeFileSync(join(pkg, '__init__.py'), '')
    writeFileSync(join(pkg, 'stack.py'), c.stackFile)
    files.push(join(pkg, 'stack.py'))
    c.snippets?.forEach((s, j) => {
      writeFileSync(join(pkg, `snippet${j}.py`), snippetAsStack(s, `Snippet${j}`))
      files.push(join(pkg, `snippet${j}.py`))
    })
    return { name: c.name, module: `case${i}.stack`, cls: c.stackClass, stackName: c.stackName, outdir: join(dir, 'out', `case${i}`) }
  })
  const out = join(dir, 'results.json')
  writeFileSync(join(dir, 'spec.json'), JSON.stringify({ cases: specCases, files, out }))
  writeFileSync(join(dir, 'main.py'), MAIN)
  const synth = run(VENV_PYTHON, [join(dir, 'main.py'), join(dir, 'spec.json')], { cwd: dir, env: { CDK_VALIDATION: 'false', PYTHONPATH: dir, ...QUIET_JSII } })
  const mypy = runMypy(dir, files)
  let parsed: { templates: PyCheckResult['templates']; astErrors: string[] }
  try {
    parsed = JSON.parse(readFileSync(out, 'utf8'))
  } catch {
    parsed = { templates: {}, astErrors: [] }
  }
  removeDir(dir)
  return { status: synth.status, output: synth.output, mypyStatus: mypy.status, mypyOutput: mypy.output, templates: parsed.templates, astErrors: parsed.astErrors }
}
