// Builds specs from in-memory files, the way the core does from disk: detect, then parse.
import { detectSpecs, parseSpec } from '../../../shared/specs/index';
import type { Spec } from '../../../shared/specs/model';

export function specsFrom(files: Record<string, string>): Spec[] {
  return detectSpecs(Object.keys(files)).map((loc) => parseSpec(loc, (p) => files[p] ?? null));
}

export function onlySpec(files: Record<string, string>): Spec {
  const specs = specsFrom(files);
  if (specs.length !== 1) throw new Error(`expected one spec, found ${specs.map((s) => s.id).join(', ') || 'none'}`);
  return specs[0]!;
}

export const codes = (spec: Spec) => spec.diagnostics.map((d) => d.code);
