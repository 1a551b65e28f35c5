// ESLint rule: electron/core's folders form a stack, and a folder imports only from folders
// below it (VS Code's `code-layering` idea, applied to core's rooms). Files directly in
// electron/core (the Session) compose the stack and may import any folder; no folder imports them.
// A folder that is not in the order is an error too, so a new room gets a place on purpose.
import path from 'node:path';

const CORE = path.join('electron', 'core');

/** The room of an absolute path inside electron/core: its first folder, or '' for a top-level file. */
function roomOf(coreDir, absolute) {
  const rel = path.relative(coreDir, absolute);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null; // outside core
  const parts = rel.split(path.sep);
  return parts.length === 1 ? '' : parts[0];
}

export const coreFolderOrder = {
  meta: {
    type: 'problem',
    docs: { description: "imports in electron/core follow the order of core's folders" },
    schema: [{ type: 'object', properties: { order: { type: 'array', items: { type: 'string' } } }, required: ['order'], additionalProperties: false }],
  },
  create(context) {
    const order = context.options[0].order;
    const filename = context.filename;
    const coreDir = path.join(context.cwd, CORE);
    const from = roomOf(coreDir, filename);
    if (from === null || from === '') return {}; // not in core, or the composition root
    const stack = `${order.join(' < ')} < the session (electron/core/*.ts)`;
    const check = (node, specifier) => {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const to = roomOf(coreDir, path.resolve(path.dirname(filename), specifier));
      if (to === null || to === from) return;
      if (!order.includes(from)) {
        context.report({ node, message: `electron/core/${from}/ has no place in core's folder order; add it to coreOrder in eslint.config.js (${stack})` });
        return;
      }
      if (to === '') {
        context.report({ node, message: `electron/core/${from}/ may not import the composition root (${specifier}): take the narrow services it needs as parameters (${stack})` });
        return;
      }
      if (!order.includes(to)) {
        context.report({ node, message: `electron/core/${to}/ has no place in core's folder order; add it to coreOrder in eslint.config.js (${stack})` });
        return;
      }
      if (order.indexOf(to) > order.indexOf(from)) {
        context.report({ node, message: `electron/core/${from}/ may not import electron/core/${to}/ (${specifier}): core's folders import only downward (${stack})` });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSImportType: (node) => {
        const literal = node.argument?.literal ?? node.argument;
        if (literal?.type === 'Literal') check(literal, literal.value);
      },
    };
  },
};
