/**
 * A small structural check of an APL document against the data sources it will be sent with:
 * the parts of APL's rules a typo breaks silently on a device (a blank screen, no error).
 * Returns the problems found, each naming where; an empty list means the document passes.
 */

/** Components the check knows; anything else is more likely a typo than a new component. */
const COMPONENTS = new Set(['Container', 'Frame', 'Text', 'Sequence', 'Image', 'TouchWrapper', 'ScrollView', 'GridSequence', 'Pager', 'VectorGraphic']);

/** Names APL itself defines inside `${...}`. */
const BUILT_INS = new Set(['viewport', 'environment', 'Math', 'String', 'Array', 'Time', 'index', 'ordinal', 'length', 'localTime', 'utcTime', 'elapsedTime']);

const RESOURCE_KINDS = ['colors', 'dimensions', 'strings', 'numbers', 'booleans', 'gradients', 'easing'];

type Scope = Record<string, unknown>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every `${...}` expression in a string. */
function expressionsIn(value: string): string[] {
  return [...value.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1] ?? '');
}

/** The dotted names an expression reads (string literals removed first). */
function namesIn(expression: string): string[] {
  const code = expression.replace(/'[^']*'|"[^"]*"/g, '');
  return [...code.matchAll(/[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*/g)].map((m) => m[0]);
}

function resolve(scope: Scope, dotted: string): { known: boolean; value?: unknown } {
  const [root = '', ...rest] = dotted.split('.');
  if (BUILT_INS.has(root)) return { known: true };
  if (!(root in scope)) return { known: false };
  let value: unknown = scope[root];
  for (const key of rest) {
    if (!isObject(value) || !(key in value)) return { known: false };
    value = value[key];
  }
  return { known: true, value };
}

export function checkAplDocument(document: unknown, datasources: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (!isObject(document)) return ['the document is not an object'];
  if (document.type !== 'APL') problems.push(`type is ${String(document.type)}, not APL`);
  if (typeof document.version !== 'string' || !/^(1\.\d+|20\d\d\.\d)$/.test(document.version)) problems.push(`version ${String(document.version)} is not an APL version`);

  const resources = new Set<string>();
  for (const block of Array.isArray(document.resources) ? document.resources : []) {
    if (!isObject(block)) continue;
    for (const kind of RESOURCE_KINDS) if (isObject(block[kind])) for (const name of Object.keys(block[kind])) resources.add(name);
    if (typeof block.when === 'string') checkString(block.when, {}, 'resources.when');
  }

  const main = document.mainTemplate;
  if (!isObject(main)) return [...problems, 'mainTemplate is missing'];
  const parameters = Array.isArray(main.parameters) ? main.parameters.filter((p): p is string => typeof p === 'string') : [];
  const sourceNames = Object.keys(datasources);
  if ([...parameters].sort().join() !== [...sourceNames].sort().join()) {
    problems.push(`mainTemplate.parameters [${parameters.join(', ')}] do not match the data sources [${sourceNames.join(', ')}]`);
  }
  const scope: Scope = Object.fromEntries(parameters.map((name) => [name, datasources[name]]));
  visitChildren(main, scope, 'mainTemplate');
  return [...new Set(problems)];

  function checkString(value: string, where: Scope, path: string): void {
    const resource = /^@(\w+)$/.exec(value)?.[1];
    if (resource && !resources.has(resource)) problems.push(`${path}: resource @${resource} is not defined`);
    for (const expression of expressionsIn(value)) {
      for (const name of namesIn(expression)) {
        const found = resolve(where, name);
        if (!found.known) problems.push(`${path}: \${${expression}} reads ${name}, which the data does not have`);
        else if (found.value === undefined && !BUILT_INS.has(name.split('.')[0] ?? '')) problems.push(`${path}: ${name} is undefined in the data`);
      }
    }
  }

  function childrenOf(node: Record<string, unknown>): unknown[] {
    const children = node.items ?? node.item;
    return children === undefined ? [] : Array.isArray(children) ? children : [children];
  }

  /** The children of `node`, inflated once per data item when the node has `data`. */
  function visitChildren(node: Record<string, unknown>, where: Scope, path: string): void {
    const children = childrenOf(node);
    if (typeof node.data === 'string') {
      const expression = expressionsIn(node.data)[0] ?? '';
      const found = resolve(where, expression.trim());
      if (!found.known || !Array.isArray(found.value)) {
        problems.push(`${path}.data: ${node.data} is not an array in the data`);
        return;
      }
      if (found.value.length === 0) problems.push(`${path}.data: ${node.data} is empty, so its items are never checked`);
      // Every item is checked (an optional field missing from one row shows), each problem reported once.
      found.value.forEach((item, index) => children.forEach((child, i) => visit(child, { ...where, data: item, index }, `${path}.items[${i}]`)));
      return;
    }
    children.forEach((child, i) => visit(child, where, `${path}.items[${i}]`));
  }

  function visit(node: unknown, where: Scope, path: string): void {
    if (!isObject(node)) {
      problems.push(`${path}: a component must be an object`);
      return;
    }
    if (typeof node.type !== 'string' || !COMPONENTS.has(node.type)) problems.push(`${path}: unknown component type ${String(node.type)}`);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'items' || key === 'item' || key === 'data') continue;
      if (typeof value === 'string') checkString(value, where, `${path}.${key}`);
    }
    visitChildren(node, where, path);
  }
}
