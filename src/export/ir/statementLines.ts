import type { OwnedStmt } from './types'

/**
 * Prints statements in order, with a blank line wherever the owning entity changes, so each construct's
 * statements stay together. Shared by the CDK printers; `print` spells one statement in the target language.
 */
export function statementLines(statements: readonly OwnedStmt[], print: (stmt: OwnedStmt['stmt']) => string): string[] {
  const lines: string[] = []
  let previousOwner: string | undefined
  for (const { owner, stmt } of statements) {
    if (previousOwner !== undefined && owner !== previousOwner) lines.push('')
    previousOwner = owner
    lines.push(print(stmt))
  }
  return lines
}
