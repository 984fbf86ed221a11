/* global document */
/**
 * Drawing the conversation and the panels. Text goes in with textContent only: replies and
 * JSON come from the skill and the council's systems, never trusted as HTML.
 */

function element(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function replace(container, ...children) {
  container.replaceChildren(...children.filter(Boolean));
}

function empty(text) {
  return element('p', { class: 'empty', text });
}

/** A card as the Alexa app shows it: its title, then each line of its text as a line. */
function showCard({ label, title, text }) {
  const lines = String(text ?? '').split(/\r?\n/).filter((line) => line.trim() !== '');
  return element('div', { class: 'card' }, [
    element('p', { class: 'card-title', text: [label, title].filter(Boolean).join(': ') }),
    ...lines.map((line) => element('p', { class: 'card-line', text: line })),
  ]);
}

/** Adds a line to the conversation and keeps it in view. */
export function addTurn(list, { who, text, meta, card, tags = [], kind }) {
  const item = element('li', { class: `turn ${kind}` }, [
    who ? element('span', { class: 'who', text: who }, tags.map((t) => element('span', { class: 'tag', text: t }))) : null,
    element('span', { class: 'words', text }),
    card ? showCard(card) : null,
    meta ? element('p', { class: 'meta', text: meta }) : null,
  ]);
  list.append(item);
  list.scrollTop = list.scrollHeight;
  return item;
}

export function showUnderstanding(container, answer) {
  const { intent, slots, understanding } = answer;
  const percent = Math.round(intent.confidence * 100);
  const meter = element('meter', { min: '0', max: '1', value: String(intent.confidence), 'aria-label': 'Confidence' });
  const parts = [
    element('p', {}, [element('span', { class: 'intent-name', id: 'intent-name', text: intent.name })]),
    element('p', { id: 'intent-confidence' }, [meter, document.createTextNode(` ${percent}% confident`)]),
  ];
  const entries = Object.entries(slots);
  if (entries.length > 0) {
    const rows = entries.map(([name, slot]) => element('tr', {}, [
      element('th', { scope: 'row', text: name }),
      element('td', { text: slot.value }),
      element('td', { text: slot.id ?? '—' }),
    ]));
    parts.push(element('table', { id: 'slots-table' }, [
      element('caption', { class: 'hint', text: 'Slots' }),
      element('thead', {}, [element('tr', {}, [element('th', { scope: 'col', text: 'Slot' }), element('th', { scope: 'col', text: 'Heard' }), element('th', { scope: 'col', text: 'Resolved id' })])]),
      element('tbody', {}, rows),
    ]));
  } else {
    parts.push(element('p', { class: 'empty', text: 'No slots filled.' }));
  }
  if (understanding?.reason?.sample) parts.push(element('p', { class: 'hint', text: `Nearest sample: “${understanding.reason.sample}” (${understanding.reason.how}).` }));
  else if (understanding?.reason?.how) parts.push(element('p', { class: 'hint', text: `How: ${understanding.reason.how}.` }));
  const others = (understanding?.alternatives ?? []).filter((a) => a.confidence > 0);
  if (others.length > 0) {
    parts.push(element('p', { class: 'hint', text: `Also considered: ${others.map((a) => `${a.name} ${Math.round(a.confidence * 100)}%`).join(', ')}.` }));
  }
  replace(container, ...parts);
}

export function showWarnings(container, warnings) {
  if (warnings.length === 0) {
    replace(container, empty('None.'));
    return;
  }
  replace(container, ...warnings.map((w) => element('p', { class: 'warning', 'data-code': w.code, text: w.message })));
}

export function showCalls(container, calls) {
  if (calls.length === 0) {
    replace(container, empty('No council systems were called this turn.'));
    return;
  }
  const rows = calls.map((call) => element('tr', {}, [
    element('td', { text: call.method }),
    element('td', { class: 'address', text: call.url }),
    element('td', { class: `number${call.status >= 400 || call.status === 0 ? ' status-bad' : ''}`, text: call.status === 0 ? 'no answer' : String(call.status) }),
    element('td', { class: 'number', text: `${call.ms} ms` }),
  ]));
  replace(container, element('table', { id: 'calls-table' }, [
    element('thead', {}, [element('tr', {}, ['Method', 'Address', 'Status', 'Time'].map((h) => element('th', { scope: 'col', text: h })))]),
    element('tbody', {}, rows),
  ]));
}

export function showJson(code, value, fallback) {
  code.textContent = value === null || value === undefined ? fallback : JSON.stringify(value, null, 2);
}

/**
 * A preview of the APL screen from the RenderDocument directive's data source: the rows the
 * document draws (date, bin colour, container), not a pixel copy of a real Echo Show.
 */
export function showScreen(container, platformResponse) {
  const directives = platformResponse?.response?.directives ?? [];
  const render = directives.find((d) => d?.type === 'Alexa.Presentation.APL.RenderDocument');
  const data = render?.datasources ? Object.values(render.datasources)[0] : undefined;
  if (!data || !Array.isArray(data.rows)) {
    replace(container, empty('Nothing shown on a screen this turn.'));
    return;
  }
  const rows = data.rows.map((row) => element('li', { class: 'screen-row' }, [
    element('span', { class: 'screen-date', text: row.dateLabel ?? '' }),
    element('span', { class: 'screen-bins' }, (row.bins ?? []).map((bin) => element('span', { class: 'screen-bin' }, [
      element('span', { class: 'swatch', style: `background:${/^#[0-9a-f]{3,8}$/i.test(bin.colour ?? '') ? bin.colour : '#6f777b'}`, 'aria-hidden': 'true' }),
      element('span', { text: bin.container ?? '' }),
    ]))),
  ]));
  replace(container, element('div', { class: 'screen-preview', role: 'img', 'aria-label': data.rows.map((r) => r.spoken).join(' ') }, [
    element('p', { class: 'screen-title', text: data.title ?? '' }),
    element('ol', { id: 'screen-rows' }, rows),
  ]));
}
