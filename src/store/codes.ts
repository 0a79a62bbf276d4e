/**
 * The designer's own diagnostic codes (not the check pipeline's): severity, what each says, and why. Stable, like
 * every code; docs/diagnostics.md is generated from this table (src/checks/docs.test.ts).
 */

import type { CodeDoc } from '../import/codes'

export const APP_CODES: Record<string, CodeDoc> = {
  APP001: { severity: 'error', title: 'The check pipeline failed to load or to run', why: 'No problem in the design can be shown, so the Problems panel says so instead of showing none; the next edit tries again.' },
}
