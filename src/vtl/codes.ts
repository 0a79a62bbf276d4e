/**
 * The VTL diagnostic codes: one table, stable numbers. Tests assert on codes, never on message text;
 * the editor shows `code` next to each marker and the CLI prints it. Never renumber; retire codes instead.
 * Retired: VTL023 (unescaped `$default` expression), now MDL009 only, so the rule has one owner.
 */

import type { Severity } from '../model/diagnostics'

export interface VtlCodeInfo {
  severity: Severity
  title: string
}

export const VTL_CODES = {
  VTL001: { severity: 'error', title: 'directive is never closed (`#if`, `#foreach`, `#macro`, `#define` need `#end`)' },
  VTL002: { severity: 'error', title: '`#end` without an open directive' },
  VTL003: { severity: 'error', title: '`#else` / `#elseif` outside an `#if`, or after `#else`' },
  VTL004: { severity: 'error', title: 'syntax error reported by the VTL parser' },
  VTL005: { severity: 'error', title: 'unterminated comment `#* *#` or unparsed block `#[[ ]]#`' },
  VTL006: { severity: 'error', title: 'template larger than API Gateway’s 300 KB limit' },
  VTL007: { severity: 'warning', title: 'unknown `$context` variable for WebSocket APIs (AWS renders it empty)' },
  VTL008: { severity: 'warning', title: '`$context` variable that exists only for REST APIs' },
  VTL009: { severity: 'warning', title: 'access-log or authorizer-only variable, not available in mapping templates' },
  VTL010: { severity: 'warning', title: '`$input.params` / headers / query strings exist only on `$connect`' },
  VTL011: { severity: 'error', title: 'the template fails when rendered against the sample message' },
  VTL012: { severity: 'error', title: 'rendered output is not valid JSON' },
  VTL013: { severity: 'warning', title: 'message data written into a form-encoded body without `$util.urlEncode`' },
  VTL014: { severity: 'error', title: 'rendered form-encoded body has a value that is not URL-encoded' },
  VTL015: { severity: 'error', title: 'rendered form-encoded body has no `Action=` parameter' },
  VTL016: { severity: 'error', title: 'MOCK request template does not produce a `statusCode`' },
  VTL017: { severity: 'warning', title: 'template key the template selection expression can never select' },
  VTL018: { severity: 'warning', title: 'stage variable not defined on any stage' },
  VTL019: { severity: 'warning', title: '`#foreach` stopped at API Gateway’s 1 000-iteration limit' },
  VTL020: { severity: 'error', title: 'unknown `$util` / `$input` member (not an API Gateway function)' },
  VTL021: { severity: 'info', title: '`$a-b` is one identifier in VTL; write `${a}-b`' },
  VTL022: { severity: 'warning', title: '`$context.requestTimeEpoch` is milliseconds (TTL attributes need seconds)' },
  VTL024: { severity: 'error', title: 'no route matches the message and the API has no `$default` route (message tester)' },
  VTL025: { severity: 'info', title: 'the selected route has no integration: the message is accepted and dropped (message tester)' },
  VTL026: { severity: 'error', title: 'the design has no route with the given key (message tester)' },
  VTL027: { severity: 'error', title: 'nesting or literal beyond what the parser handles safely (hostile or generated template)' },
  VTL028: { severity: 'warning', title: '`#include` / `#parse` have no resource loader on API Gateway and render nothing' },
  VTL029: { severity: 'warning', title: '`"$input.json(…)"` inside quotes: a JSON string value renders as `""hi""`, invalid JSON' },
  VTL030: { severity: 'warning', title: 'a root API Gateway does not have (AppSync’s `$ctx`): it renders empty' },
  VTL031: { severity: 'info', title: 'the output depends on how API Gateway treats null references, which no AWS recording settles (message tester)' },
} as const satisfies Record<string, VtlCodeInfo>

export type VtlCode = keyof typeof VTL_CODES

export function severityOf(code: VtlCode): Severity {
  return VTL_CODES[code].severity
}
