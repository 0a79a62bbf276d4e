/** Shared inputs of the TypeScript and Python cross-checks: every golden case with its files and its cfn-json template. */

import { buildIr } from '../ir/buildIr'
import type { DesignDocument } from '../../model/types'
import { generate, goldenCases } from './goldenSupport'

export interface CrossCase {
  name: string
  document: DesignDocument
  stackClass: string
  stackName: string
  template: Record<string, unknown>
  tsStack: string
  pyStack: string
  tsSnippets: string[]
  pySnippets: string[]
}

export function crossCases(): CrossCase[] {
  return goldenCases().map(({ name, document }) => {
    const ir = buildIr(document.design)
    const ts = generate(document, { target: 'cdk-ts', shape: 'project' })
    const py = generate(document, { target: 'cdk-py', shape: 'project' })
    const routes = Object.keys(document.design.routes)
    const snippets = (target: 'cdk-ts' | 'cdk-py') => [
      generate(document, { target })[0].contents,
      ...routes.map((routeId) => generate(document, { target, routeId })[0].contents),
    ]
    return {
      name,
      document,
      stackClass: ir.stackClass,
      stackName: ir.stackName,
      template: JSON.parse(generate(document, { target: 'cfn-json' })[0].contents),
      tsStack: ts.find((f) => f.path.startsWith('lib/'))!.contents,
      pyStack: py.find((f) => f.path.endsWith('_stack.py'))!.contents,
      tsSnippets: snippets('cdk-ts'),
      pySnippets: snippets('cdk-py'),
    }
  })
}
