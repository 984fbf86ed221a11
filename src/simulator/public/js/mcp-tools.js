/* global fetch, document, URL */
/**
 * The MCP tools panel: the tools as an assistant (Gemini, any MCP client) sees them, a form for
 * each built from its input schema, and the result it would get (text, structured data, error).
 * Calls go through /simulator/mcp-api to this server's own /mcp. Kept apart from the voice page.
 */

function mcpUrl(path) {
  return new URL(`mcp-api/${path}`, document.baseURI).toString();
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** One form field per input property: a list for enums, a tick box for booleans, JSON for objects. */
function fieldFor(tool, name, schema, required) {
  const id = `mcp-${tool}-${name}`;
  const label = element('label', { for: id }, `${name}${required ? '' : ' (optional)'}`);
  if (schema.description) label.append(element('span', { class: 'hint', text: ` ${schema.description}` }));
  let input;
  if (Array.isArray(schema.enum)) {
    input = element('select', { id, name });
    if (!required) input.append(element('option', { value: '', text: '—' }));
    for (const value of schema.enum) input.append(element('option', { value, text: value }));
  } else if (schema.type === 'boolean') {
    input = element('input', { id, name, type: 'checkbox' });
    return element('label', { class: 'inline' }, input, ` ${name}${schema.description ? ` — ${schema.description}` : ''}`);
  } else if (schema.type === 'object') {
    input = element('textarea', { id, name, rows: '2', placeholder: '{"code": "answer"}', spellcheck: 'false' });
  } else {
    input = element('input', { id, name, type: 'text', autocomplete: 'off', spellcheck: 'false' });
  }
  input.dataset.kind = schema.type ?? 'string';
  return element('div', { class: 'mcp-field' }, label, input);
}

/** The arguments the form holds: empty fields left out, objects read as JSON. */
function readArguments(form) {
  const args = {};
  for (const input of form.querySelectorAll('input[name], select[name], textarea[name]')) {
    if (input.type === 'checkbox') {
      if (input.checked) args[input.name] = true;
    } else if (input.value.trim() !== '') {
      args[input.name] = input.dataset.kind === 'object' ? JSON.parse(input.value) : input.value.trim();
    }
  }
  return args;
}

function showResult(output, body) {
  output.replaceChildren();
  if (body.error) {
    output.append(element('p', { class: 'warning', text: body.error }));
    return;
  }
  const { result } = body;
  const text = (result.content ?? []).map((part) => part.text ?? '').join(' ');
  const said = element('p', { text });
  if (result.isError) said.append(element('span', { class: 'tag', text: 'isError' }));
  output.append(said);
  if (result.structuredContent) {
    output.append(element('pre', {}, element('code', { text: JSON.stringify(result.structuredContent, null, 2) })));
  }
}

function buildForm(tool, output, token) {
  const properties = tool.inputSchema?.properties ?? {};
  const required = new Set(tool.inputSchema?.required ?? []);
  const form = element('form', { class: 'mcp-form', autocomplete: 'off' });
  if (tool.description) form.append(element('p', { class: 'hint', text: tool.description }));
  for (const [name, schema] of Object.entries(properties)) form.append(fieldFor(tool.name, name, schema, required.has(name)));
  const hint = tool.annotations?.readOnlyHint ? 'read-only' : 'acts on the resident\'s behalf';
  form.append(element('button', { type: 'submit', class: 'button', text: `Call ${tool.name}` }), element('span', { class: 'hint', text: ` (${hint})` }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let args;
    try {
      args = readArguments(form);
    } catch {
      showResult(output, { error: 'An object field is not valid JSON.' });
      return;
    }
    const response = await fetch(mcpUrl('calls'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tool: tool.name, arguments: args, ...(token.value.trim() ? { token: token.value.trim() } : {}) }),
    });
    showResult(output, await response.json().catch(() => ({ error: `The simulator answered ${response.status}.` })));
  });
  return form;
}

async function start() {
  const panels = document.querySelector('.panels');
  if (!panels) return;
  const chooser = element('select', { id: 'mcp-tool' });
  const token = element('input', { id: 'mcp-token', type: 'text', autocomplete: 'off', spellcheck: 'false' });
  const formSlot = element('div');
  const output = element('div', { id: 'mcp-result', role: 'status' }, element('p', { class: 'empty', text: 'No tool called yet.' }));
  const panel = element('section', { class: 'panel', 'aria-labelledby': 'mcp-heading', id: 'mcp-tools' },
    element('h2', { id: 'mcp-heading', text: 'MCP tools ' }, element('span', { class: 'hint', text: '(what Gemini and other assistants get)' })),
    element('label', { for: 'mcp-tool', text: 'Tool' }), chooser,
    element('label', { for: 'mcp-token', text: 'Sign-in token ' }, element('span', { class: 'hint', text: '(only for personal tools)' })), token,
    formSlot, output);
  panels.prepend(panel);
  const response = await fetch(mcpUrl('tools'));
  const body = await response.json().catch(() => ({ error: `The simulator answered ${response.status}.` }));
  if (!response.ok) {
    showResult(output, body);
    return;
  }
  const tools = new Map(body.tools.map((tool) => [tool.name, tool]));
  for (const tool of body.tools) chooser.append(element('option', { value: tool.name, text: tool.title ? `${tool.title} (${tool.name})` : tool.name }));
  const show = () => formSlot.replaceChildren(buildForm(tools.get(chooser.value), output, token));
  chooser.addEventListener('change', show);
  show();
}

start();
