/**
 * /builder.html: choices on the left, the real element (with `preview`) and the snippet on the right.
 * The state lives in the query string, so a builder link can be sent to the broker.
 */
import { html, render } from 'lit';
import '../../src/index.ts';
import { type Change, renderChoices, resetPendingChoices } from './choices.ts';
import { fromQuery, generateSnippet, meaningfulAttributes, parseSnippet, type Snippet, toQuery } from './snippet.ts';
import { TEXTS, type UiLang } from './texts.ts';

const restored = fromQuery(location.search);
let snippet: Snippet = restored.snippet;
let lang: UiLang = restored.uiLang;
let copyStatus = '';
let importStatus: { text: string; unknown: string[] } = { text: '', unknown: [] };

const change: Change = (changes) => {
  const attributes = { ...snippet.attributes };
  for (const [name, value] of Object.entries(changes) as [keyof typeof attributes, string | true | undefined][]) {
    if (value === undefined) delete attributes[name];
    else attributes[name] = value;
  }
  snippet = { ...snippet, attributes };
  copyStatus = '';
  update();
};

function setScriptSrc(value: string): void {
  snippet = { ...snippet, scriptSrc: value };
  copyStatus = '';
  update();
}

/** The real element, built again from the attributes on every change, with `preview`: it sends nothing. */
function updatePreview(): void {
  const host = document.querySelector('#preview')!;
  const element = document.createElement('vitec-lead-form');
  for (const [name, value] of meaningfulAttributes(snippet)) element.setAttribute(name, value === true ? '' : value);
  element.setAttribute('preview', '');
  host.replaceChildren(element);
}

async function copy(): Promise<void> {
  const box = document.querySelector<HTMLTextAreaElement>('#snippet')!;
  try {
    await navigator.clipboard.writeText(box.value);
    copyStatus = TEXTS[lang].copied;
  } catch {
    // No clipboard (an older browser, or no permission): the text is selected for Ctrl+C instead.
    box.focus();
    box.select();
    copyStatus = TEXTS[lang].selected;
  }
  update();
}

function readPasted(): void {
  const pasted = document.querySelector<HTMLTextAreaElement>('#import-text')!.value;
  const parsed = parseSnippet(pasted);
  if (!parsed.found) {
    importStatus = { text: TEXTS[lang].importNotFound, unknown: [] };
  } else {
    snippet = parsed.snippet;
    resetPendingChoices();
    importStatus = { text: TEXTS[lang].imported, unknown: parsed.unknown };
  }
  update();
}

function switchLanguage(): void {
  lang = lang === 'sv' ? 'en' : 'sv';
  copyStatus = '';
  importStatus = { text: '', unknown: [] };
  update();
}

function update(): void {
  const t = TEXTS[lang];
  document.documentElement.lang = lang;
  document.title = t.pageTitle;
  const query = toQuery(snippet, lang);
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
  const code = generateSnippet(snippet);
  const controlled = new Set([
    'fields',
    'required',
    'lead-source-name',
    'lead-type',
    'lang',
    'consent-required',
    'privacy-policy-url',
  ]);
  const kept = meaningfulAttributes(snippet)
    .map(([name]) => name)
    .filter(
      (name) =>
        !controlled.has(name) &&
        !document.querySelector(`#choice-${name}`) &&
        !/^(agent|user-group|office|success|redirect)/.test(name),
    );
  render(
    html`<header class="site-header">
        <a class="logo" href="./">Mäklarhuset Söder</a>
        <nav aria-label=${t.builder}>
          <a href="./">${t.demo}</a>
          <a href="./builder.html" aria-current="page">${t.builder}</a>
        </nav>
        <button type="button" class="lang-switch" lang=${lang === 'sv' ? 'en' : 'sv'} aria-label=${t.switchLangName} @click=${switchLanguage}>${t.switchLang}</button>
      </header>
      <main class="builder">
        <div class="intro">
          <h1>${t.title}</h1>
          <p>${t.intro}</p>
          <p class="hint">${t.share}</p>
        </div>
        <form class="choices" aria-label=${t.title} @submit=${(event: Event) => event.preventDefault()}>
          ${renderChoices(snippet, change, setScriptSrc, t, lang)}
          ${kept.length ? html`<p class="hint">${t.kept} ${kept.map((name) => html`<code>${name}</code> `)}</p>` : ''}
        </form>
        <div class="results">
          <section aria-labelledby="preview-heading">
            <h2 id="preview-heading">${t.preview}</h2>
            <p class="hint">${t.previewHint}</p>
            <div id="preview" class="preview"></div>
          </section>
          <section aria-labelledby="snippet-heading">
            <h2 id="snippet-heading">${t.snippet}</h2>
            <p class="hint" id="snippet-hint">${t.snippetHint}</p>
            <textarea id="snippet" readonly rows="12" spellcheck="false" aria-labelledby="snippet-heading" aria-describedby="snippet-hint" .value=${code}></textarea>
            <div class="actions">
              <button type="button" id="copy" @click=${copy}>${t.copy}</button>
              <p id="copy-status" role="status">${copyStatus}</p>
            </div>
          </section>
          <section aria-labelledby="import-heading">
            <h2 id="import-heading">${t.import}</h2>
            <label for="import-text">${t.importLabel}</label>
            <textarea id="import-text" rows="5" spellcheck="false"></textarea>
            <div class="actions">
              <button type="button" id="import" @click=${readPasted}>${t.importButton}</button>
              <div id="import-status" role="status">
                ${importStatus.text}
                ${
                  importStatus.unknown.length
                    ? html`<p>${t.importUnknown}</p>
                      <ul>
                        ${importStatus.unknown.map((attribute) => html`<li><code>${attribute}</code></li>`)}
                      </ul>`
                    : ''
                }
              </div>
            </div>
          </section>
        </div>
      </main>`,
    document.body,
  );
  updatePreview();
}

update();
