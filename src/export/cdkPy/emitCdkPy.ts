/** CDK Python: a snippet (statements for a Stack's `__init__`) or a `cdk init`-style project. */

import { snakeCase } from '../ir/names'
import type { ExportIr, OwnedStmt } from '../ir/types'
import type { GeneratedFile } from '../types'
import { statementLines } from '../ir/statementLines'
import { GENERATED_HEADER } from '../cdkTs/emitCdkTs'
import { projectFiles } from '../project/projectFiles'
import { PyImports, PyPrinter } from './printPy'
import { pyString } from './escape'
import { KEY_RESTORING_SYNTHESIZER, pyKeyRestoringSynthesizer } from './keyRestoringSynthesizer'


/** Written once per file when the code calls it (`literalText` in `ir/code.ts`, why in `ir/tokenLookalikes.ts`). */
const LITERAL_TEXT = [
  '@jsii.implements(IResolvable, IPostProcessor)',
  'class _LiteralText:',
  '    """Text that CloudFormation takes only as a literal and that CDK would read as one of its tokens',
  '    (``${Token[…]}``, ``#{Token[…]}``): handed to the template after CDK has scanned it for tokens."""',
  '',
  '    def __init__(self, text: str) -> None:',
  '        self.text = text',
  '        self.creation_stack: typing.List[str] = []',
  '',
  '    def resolve(self, context: IResolveContext) -> typing.Any:',
  '        context.register_post_processor(self)',
  "        return ''",
  '',
  '    def post_process(self, input: typing.Any, context: IResolveContext) -> typing.Any:',
  '        return self.text',
  '',
  '',
  'def literal_text(text: str) -> str:',
  '    return Token.as_string(_LiteralText(text))',
  '',
  '',
]

export function pyPackageName(ir: ExportIr): string {
  return snakeCase(ir.projectName.replace(/-/g, '_')).replace(/[^a-z0-9_]/g, '_')
}

export function pyStackFile(ir: ExportIr): string {
  const imports = new PyImports()
  const printer = new PyPrinter(imports)
  const lines = statementLines(ir.statements, (s) => printer.statement(s, 2))
  imports.typing = true
  imports.addNamed('aws_cdk', 'Stack')
  const restoring = ir.restoredKeys.length ? pyKeyRestoringSynthesizer(ir.restoredKeys, imports) : []
  return [
    `# ${GENERATED_HEADER}`,
    ...imports.lines(),
    'from constructs import Construct',
    '',
    '',
    ...(imports.literalText ? LITERAL_TEXT : []),
    ...restoring,
    `class ${ir.stackClass}(Stack):`,
    '    def __init__(self, scope: Construct, construct_id: str, **kwargs: typing.Any) -> None:',
    ...(restoring.length ? ['        # Some keys are written under stand-in names; this synthesizer restores them.', `        kwargs["synthesizer"] = ${KEY_RESTORING_SYNTHESIZER}()`] : []),
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
  return [`# ${GENERATED_HEADER}`, note, ...imports.lines(), '', ...(imports.literalText ? ['', ...LITERAL_TEXT] : []), ...lines, ''].join('\n')
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
