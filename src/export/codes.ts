/**
 * Every export diagnostic code: its severity, what it says, and why it has that severity. Codes are stable: never
 * renumber, only add (EXP002 and EXP009 are retired). docs/diagnostics.md is generated from this table, and a test
 * finds every `EXP…` code the source writes here (src/checks/docs.test.ts). As in the check pipeline, an error is
 * what CloudFormation or CDK would reject (export stops unless `--force`); a warning deploys but needs a look.
 */

import type { CodeDoc } from '../import/codes'

export const EXPORT_CODES: Record<string, CodeDoc> = {
  EXP001: { severity: 'error', title: 'A template placeholder @{entity.attribute}, condition or dependency names nothing the export holds', why: 'The exported template would reference an undefined resource, attribute or condition, which CloudFormation rejects.' },
  EXP003: { severity: 'warning', title: 'An integration no route uses is not exported', why: 'It deploys; CDK creates an integration only when a route binds it, so the unused one is left out, and said so.' },
  EXP004: { severity: 'error', title: 'No least-privilege policy can be generated for a role', why: 'Without the policy the integration is refused at run time, and a guessed one could grant too much.' },
  EXP005: { severity: 'error', title: 'An extra policy statement is not an object', why: 'IAM rejects a policy whose statement is not an object, so the stack fails.' },
  EXP006: { severity: 'error', title: 'A Lambda integration has no target function', why: 'An integration without a URI is rejected by API Gateway.' },
  EXP007: { severity: 'error', title: 'An AWS integration has no URI, service action or path', why: 'An integration without a URI is rejected by API Gateway.' },
  EXP008: { severity: 'error', title: 'One Lambda authorizer serves an HTTP-integrated route and another route', why: 'The exporter writes an authorizer once, as the L2 construct or as the L1 that HTTP-integrated routes need; one cannot serve both, and two would not be the design.' },
  EXP010: { severity: 'error', title: 'A verbatim resource has the logical id of an exported resource', why: 'Two resources under one logical id: one would overwrite the other, so the export refuses rather than lose one.' },
  EXP011: { severity: 'error', title: 'A verbatim resource has a key or section the CDK L1 constructs would write differently (CDK targets)', why: 'The CDK app would synthesize something other than the template; the CloudFormation targets keep it as written.' },
  EXP012: { severity: 'error', title: "The export has more resources than CloudFormation's 500 per stack", why: 'CloudFormation rejects a stack over its resource limit.' },
  EXP013: { severity: 'error', title: 'No route with the given id (a one-route export)', why: 'There is nothing to export.' },
  EXP014: { severity: 'error', title: 'Snapshot removal policy on a type that has no snapshots', why: 'CloudFormation rejects DeletionPolicy: Snapshot on this type.' },
  EXP015: { severity: 'error', title: 'Log retention that CloudWatch Logs does not offer', why: 'CloudWatch Logs rejects the retention, so the stack fails.' },
  EXP016: { severity: 'error', title: 'A function with its own role cannot get a generated statement (the ManageConnections grant, the X-Ray tracing permissions)', why: 'Without the statement every postToConnection call (or trace upload) is denied; it must go on the function\'s role by hand.' },
  EXP017: { severity: 'error', title: 'Grants on an existing role (existingArn)', why: 'The stack does not own that role\'s policy, so the grant cannot be written and the integration would be denied.' },
  EXP018: { severity: 'error', title: 'Two design entities map to one logical id', why: 'Exporting both would lose one resource; the export fails loudly instead.' },
  EXP019: { severity: 'error', title: "A map key a CDK snippet cannot carry (__proto__, a token look-alike, constructor in an override)", why: "CDK would synthesize without the key, silently. The CDK project writes it under a stand-in that its stack's synthesizer restores; a snippet goes into the user's own stack, which has no such synthesizer." },
  EXP020: { severity: 'warning', title: 'Resource options on an entity that creates no CloudFormation resource', why: 'It deploys; the options have nothing to apply to, and are named so nothing is dropped without a word.' },
  EXP021: { severity: 'error', title: 'The exported template names a resource, parameter or condition it does not define (a warning under a Transform)', why: 'CloudFormation rejects an undefined reference; under a Transform the transform may create it, so it is a warning there.' },
  EXP022: { severity: 'warning', title: 'Function code is a local folder: package the template before deploying', why: 'It deploys once packaged (aws cloudformation package uploads the folder); as written the Code property is a local path.' },
  EXP999: { severity: 'error', title: 'The exporter failed unexpectedly (a bug)', why: 'No files were written, so nothing half-exported can be deployed.' },
}
