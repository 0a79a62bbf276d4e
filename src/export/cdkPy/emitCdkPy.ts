/** CDK Python: a snippet (statements for a Stack's `__init__`) or a `cdk init`-style project. */

import { snakeCase } from '../ir/names'
import type { ExportIr, OwnedStmt } from '../ir/types'
import type { GeneratedFile } from '../types'
import { statementLines } from '../ir/statementLines'
import { GENERATED_HEADER } from '../cdkTs/emitCdkTs'
import { projectFiles } from '../project/projectFiles'
import { PyImports, PyPrinter } from './printPy'
import { pyString } from './escape'


export function pyPackageName(ir: ExportIr): string {
  return snakeCase(ir.projectName.replace(/-/g, '_')).replace(/[^a-z0-9_]/g, '_')
}

export function pyStackFile(ir: ExportIr): string {
  const imports = new PyImports()
  const printer = new PyPrinter(imports)
  const lines = statementLines(ir.statements, (s) => printer.statement(s, 2))
  imports.typing = true
  imports.addNamed('aws_cdk', 'Stack')
  return [
    `# ${GENERATED_HEADER}`,
    ...imports.lines(),
    'from constructs import Construct',
    '',
    '',
    `class ${ir.stackClass}(Stack):`,
    '    def __init__(self, scope: Construct, construct_id: str, **kwargs: typing.Any) -> None:',
    '        super().__init__(scope, construct_id, **kwargs)',
    '',
    ...(lines.length ? lines : ['        pass']),
    '',
  ].join('\n')
}

export function pySnippet(ir: ExportIr, statements: OwnedStmt[], forRoute: boolean): string {
  const imports = new PyImports()
  const printer = new PyPrinter(imports)
  const lines = statementLines(statements, (s) => printer.statement(s, 0))
  const note = forRoute
    ? `# Paste into a Stack's __init__ that already has \`${snakeCase(ir.apiVariable)}\` (an apigwv2.WebSocketApi).`
    : "# Paste into a Stack's __init__ (the code uses `self` as the stack)."
  return [`# ${GENERATED_HEADER}`, note, ...imports.lines(), '', ...lines, ''].join('\n')
}

export function pyProject(ir: ExportIr): GeneratedFile[] {
  const pkg = pyPackageName(ir)
  const app = [
    '#!/usr/bin/env python3',
    `# ${GENERATED_HEADER}`,
    'import aws_cdk as cdk',
    '',
    `from ${pkg}.${pkg}_stack import ${ir.stackClass}`,
    '',
    'app = cdk.App()',
    `${ir.stackClass}(app, ${pyString(ir.stackName)})`,
    'app.synth()',
    '',
  ].join('\n')
  return [
    { path: `${pkg}/${pkg}_stack.py`, contents: pyStackFile(ir) },
    { path: 'app.py', contents: app },
    ...projectFiles.py(pkg),
  ]
}
