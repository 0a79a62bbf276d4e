/**
 * Every import diagnostic code: its severity, what it says, and why it has that severity. Codes are stable: never
 * renumber, only add. docs/diagnostics.md is generated from this table, and a test finds every `IMP…` code the
 * source writes here (src/checks/docs.test.ts), so the docs cannot drift. An import error means nothing is
 * imported and the open design is untouched; a warning means the import went ahead and something is left out or
 * kept as it was.
 */

import type { Severity } from '../model/diagnostics'

export interface CodeDoc {
  severity: Severity
  title: string
  why: string
}

export const IMPORT_CODES: Record<string, CodeDoc> = {
  IMP001: { severity: 'error', title: 'Not valid YAML or JSON (line, column), the file cannot be read, or it is over 10 MB', why: 'Nothing in the file can be read as a template, so there is nothing to import; CloudFormation would refuse it too.' },
  IMP002: { severity: 'error', title: 'Not a CloudFormation template (empty, not a mapping, no Resources)', why: 'Without a Resources mapping there is nothing to import; CloudFormation requires it.' },
  IMP003: { severity: 'error', title: 'Too deep, too many aliases, or expands past the node budget', why: 'A file like this is refused before it can exhaust memory or the stack; nothing is imported.' },
  IMP004: { severity: 'error', title: 'Unknown intrinsic function or YAML tag (a warning, with the resource left out, when it sits inside one resource)', why: 'CloudFormation refuses a template with an unknown intrinsic or tag; inside one resource only that resource is left out, and said so.' },
  IMP005: { severity: 'warning', title: 'A resource refers to something the template does not define; that resource is left out', why: 'The rest imports, and the message names what is left out; CloudFormation would refuse the reference, so the resource cannot come across as it is.' },
  IMP006: { severity: 'warning', title: 'A value of the wrong type or shape; the resource is left out (an error when it is the chosen API)', why: 'CloudFormation or API Gateway would refuse the value, so the resource cannot be modelled; the rest imports and the message names it. Without its API nothing imports, so there it is an error.' },
  IMP007: { severity: 'error', title: 'The template has no WebSocket API', why: 'Without an AWS::ApiGatewayV2::Api of protocol WEBSOCKET there is no design to import.' },
  IMP008: { severity: 'error', title: 'The template has more than one WebSocket API; choose one (--api)', why: 'A design holds one API; nothing is imported until one is chosen.' },
  IMP009: { severity: 'error', title: 'The chosen WebSocket API does not exist or cannot be imported', why: 'The API that was asked for cannot be imported, so there is nothing to import.' },
  IMP010: { severity: 'warning', title: 'A resource refers to a resource that was left out; it is left out too', why: 'The rest imports; the message names the chain, so nothing is dropped without a word.' },
  IMP011: { severity: 'warning', title: 'Logical id is not alphanumeric; the resource is left out', why: 'CloudFormation refuses such a logical id; the rest imports and the message names the resource.' },
  IMP020: { severity: 'info', title: 'Properties the design does not model are kept verbatim (cfnExtra)', why: 'Nothing is wrong: the properties come across unchanged in every export target.' },
  IMP021: { severity: 'info', title: 'A resource of a type the design does not model is kept verbatim', why: 'Nothing is wrong: the resource comes across unchanged in every export target.' },
  IMP022: { severity: 'warning', title: 'A route target or authorizer outside the template; kept verbatim', why: 'The route imports and the reference is kept as written, but the designer cannot draw or check the link.' },
  IMP023: { severity: 'warning', title: 'A verbatim part refers to a modelled resource whose logical id the export may change', why: 'It imports; the export rewrites the reference, but one written inside a string may need a look before it deploys.' },
  IMP024: { severity: 'warning', title: 'A resource attribute is not kept (UpdatePolicy, CreationPolicy, attributes of an entity part, a DependsOn naming nothing)', why: 'The rest of the resource imports; the attribute is named so it can be added back by hand.' },
  IMP030: { severity: 'warning', title: 'Auto-layout failed; arrange the canvas by hand', why: 'The design imports whole; only the node positions are missing.' },
  IMP099: { severity: 'error', title: 'The importer failed unexpectedly (a bug)', why: 'The import stopped, so nothing is imported and the open design is untouched.' },
}
