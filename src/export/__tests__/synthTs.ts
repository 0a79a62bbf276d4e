/**
 * Type-checks and synthesizes generated CDK TypeScript, batched: one `tsc` over every case and one `tsx`
 * process that synthesizes every stack (one `App` per case, so each keeps its own stack id).
 */

import { writeFileSync, readFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { freshDir, removeDir, ROOT, run } from './checkDirs'

export interface TsCase {
  name: string
  /** Full stack file (`export class <stackClass> extends Stack`). */
  stackFile: string
  stackClass: string
  stackName: string
  /** Snippets to type-check inside a Stack constructor: imports + statements. */
  snippets?: string[]
}

export interface TsCheckResult {
  tscStatus: number
  tscOutput: string
  templates: Record<string, { template?: Record<string, unknown>; error?: string }>
  synthOutput: string
}

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'bundler',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
  },
  include: ['**/*.ts'],
}

/** Wraps a snippet (imports, then statements that use `this`) into a stack class so tsc can check it. */
function snippetAsStack(snippet: string, className: string): string {
  const lines = snippet.split('\n')
  const imports = lines.filter((l) => l.startsWith('import '))
  const body = lines.filter((l) => !l.startsWith('import ') && !l.startsWith('//'))
  const needsApi = snippet.includes('already has `')
  const stackImport = imports.find((l) => l.endsWith("from 'aws-cdk-lib';"))
  const header = stackImport
    ? imports.map((l) => (l === stackImport ? l.replace('{ ', '{ Stack, ') : l))
    : ["import { Stack } from 'aws-cdk-lib';", ...imports]
  if (needsApi && !imports.some((l) => l.includes("* as apigwv2 from"))) header.push("import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2'")
  return [
    ...header,
    "import type { Construct } from 'constructs'",
    `export class ${className} extends Stack {`,
    '  constructor(scope: Construct, id: string) {',
    '    super(scope, id)',
    ...(needsApi ? ["    const webSocketApi = new apigwv2.WebSocketApi(this, 'Api')"] : []),
    ...body.map((l) => `    ${l}`),
    '  }',
    '}',
    '',
  ].join('\n')
}

export function checkTypeScript(cases: TsCase[]): TsCheckResult {
  const dir = freshDir('ts')
  writeFileSync(join(dir, 'package.json'), '{"type": "commonjs"}\n')
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2))
  const synthLines = [
    "import { App } from 'aws-cdk-lib'",
    "import { writeFileSync } from 'node:fs'",
    'const results: Record<string, { template?: unknown; error?: string }> = {}',
  ]
  cases.forEach((c, i) => {
    mkdirSync(join(dir, `case${i}`))
    writeFileSync(join(dir, `case${i}`, 'stack.ts'), c.stackFile)
    c.snippets?.forEach((s, j) => writeFileSync(join(dir, `case${i}`, `snippet${j}.ts`), snippetAsStack(s, `Snippet${j}`)))
    synthLines.unshift(`import { ${c.stackClass} as Case${i} } from './case${i}/stack'`)
    synthLines.push(
      'try {',
      `  const app = new App({ outdir: ${JSON.stringify(join(dir, 'out', `case${i}`))} })`,
      `  new Case${i}(app, ${JSON.stringify(c.stackName)})`,
      `  results[${JSON.stringify(c.name)}] = { template: app.synth().getStackByName(${JSON.stringify(c.stackName)}).template }`,
      `} catch (e) { results[${JSON.stringify(c.name)}] = { error: e instanceof Error ? e.message : String(e) } }`,
    )
  })
  synthLines.push(`writeFileSync(${JSON.stringify(join(dir, 'templates.json'))}, JSON.stringify(results))`)
  writeFileSync(join(dir, 'synth.ts'), synthLines.join('\n'))

  const tsc = run(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(dir, 'tsconfig.json')])
  const synth = run(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(dir, 'synth.ts')], { env: { CDK_VALIDATION: 'false' } })
  let templates: TsCheckResult['templates']
  try {
    templates = JSON.parse(readFileSync(join(dir, 'templates.json'), 'utf8'))
  } catch {
    templates = {}
  }
  removeDir(dir)
  return { tscStatus: tsc.status, tscOutput: tsc.output, templates, synthOutput: synth.output }
}
