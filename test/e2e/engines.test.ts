// The built drop-in in every engine a visitor uses: Chromium, Firefox ESR and WebKitGTK (Safari's engine),
// each the system's. A page on one origin loads dist/vitec-lead-form.js with a script tag and sends through
// the real relay, on another origin, to the mock of Vitec.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startRelayStack, type RelayStack } from '../support/relay-stack.ts';
import { ENGINES, openEngine, type EnginePage } from './engines.ts';
import { dropIn, page, serve } from './harness.ts';

const AXE = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url);
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Page-side helpers every script below starts with: the form, its shadow root, and a wait. */
const PRELUDE = `
  const form = document.querySelector('vitec-lead-form');
  const root = form && form.shadowRoot;
  const until = async (check, what, ms = 8000) => {
    const started = Date.now();
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() - started > ms) throw new Error('timed out waiting for ' + what);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const active = () => (root && root.activeElement) || document.activeElement;
  const describe = (node) => node ? (node.getAttribute('name') || node.className || node.tagName).toString() : null;
  const errorOf = (name) => {
    const input = root.querySelector('[name="' + name + '"]');
    const id = (input.getAttribute('aria-describedby') || '').split(' ').find((part) => part.endsWith('-error'));
    const node = id && root.getElementById(id);
    return node ? node.textContent.replace(/\\s+/g, ' ').trim() : null;
  };
  const set = (values) => {
    for (const [name, value] of Object.entries(values)) {
      const input = root.querySelector('[name="' + name + '"]');
      input.focus();
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      input.blur();
    }
  };
`;

for (const engine of ENGINES) {
  describe(`the built drop-in in ${engine}`, () => {
    let stack: RelayStack;
    let site: Awaited<ReturnType<typeof serve>>;
    let tab: EnginePage;
    let axeSource: string;
    /**
     * Lazily loaded files that can be made to fail: while `down`, the file is answered 503, as a flaky network or CDN
     * would answer it; `asked` lists the URLs it was asked for. The behaviour (with the check of the attributes) and the
     * kinds' behaviour, fetched at the first focus; the visit's recording, which a campaign's landing page fetches when
     * it is idle.
     */
    const flaky = {
      behaviour: { down: false, asked: [] as string[] },
      kindBehaviour: { down: false, asked: [] as string[] },
      recording: { down: false, asked: [] as string[] },
    };
    type Flaky = (typeof flaky)[keyof typeof flaky];
    const served = (file: Flaky) => async (req: IncomingMessage, res: ServerResponse) => {
      file.asked.push(req.url ?? '');
      if (file.down) return void res.writeHead(503).end();
      await dropIn()['/vitec-lead-form-*']!(req, res);
    };

    const run = <T>(body: string) => tab.run<T>(PRELUDE + body);
    const open = async (query = '') => {
      await tab.goto(`${site.url}/kontakt${query}`);
      await run(`await until(() => root && root.querySelector('input[name="firstName"]'), 'the form to render');`);
    };
    const axe = () =>
      run<string[]>(`
        if (!window.axe) (0, eval)(${JSON.stringify(axeSource)});
        const result = await window.axe.run(form, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} }, resultTypes: ['violations'] });
        return result.violations.map((v) => v.id + ': ' + v.help + ' at ' + v.nodes.map((n) => JSON.stringify(n.target)).join(', '));
      `);

    before(async () => {
      axeSource = await readFile(AXE, 'utf8');
      // The relay must allow the site's origin, which exists only once the site listens: the page asks the
      // relay at the port it is given in the query.
      let relayUrl = '';
      site = await serve({
        ...dropIn(),
        '/kontakt': (req, res) =>
          page(`<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Kontakta oss</title>
            <script type="module" src="/vitec-lead-form.js"></script></head>
            <body><main><h1>Kontakta oss</h1>
            <vitec-lead-form endpoint="${relayUrl}/PublicAdvertising/{customerId}/Contact/Person/Lead" customer-id="C1"
              lead-source-name="Mäklarhuset" min-fill-time="0"></vitec-lead-form></main></body></html>`)(req, res),
        '/vardera': (req, res) =>
          page(`<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Värdera din bostad</title>
            <script type="module" src="/vitec-lead-form.js"></script></head>
            <body><main><h1>Värdera din bostad</h1>
            <vitec-lead-form kind="valuation" relay="${relayUrl}" customer-id="C1" min-fill-time="0"></vitec-lead-form>
            </main></body></html>`)(req, res),
        '/vitec-lead-form-attribution-*': served(flaky.recording),
        '/vitec-lead-form-behaviour-*': served(flaky.behaviour),
        '/vitec-lead-form-kind-behaviour-*': served(flaky.kindBehaviour),
      });
      stack = await startRelayStack({ relay: { allowedOrigins: [site.url] } });
      relayUrl = stack.relayUrl;
      tab = await openEngine(engine);
    });

    after(async () => {
      await tab?.close();
      await site?.close();
      await stack?.close();
    });

    it('renders from the script tag, in Swedish', async () => {
      await open();
      const labels = await run<string[]>(
        `return [...root.querySelectorAll('label')].map((l) => l.textContent.replace(/\\s+/g, ' ').trim());`,
      );
      assert.ok(labels.includes('Förnamn'), labels.join(' | '));
      assert.ok(labels.includes('Efternamn'), labels.join(' | '));
      assert.deepEqual(await axe(), []);
    });

    it('validates on submit, moves the focus to the error summary and names each error at its field', async () => {
      await open();
      const state = await run<{ focused: string | null; summary: string; firstName: string | null }>(`
        root.querySelector('form').requestSubmit();
        await until(() => root.querySelector('.summary'), 'the error summary');
        await until(() => active() && active().classList.contains('summary'), 'the summary to take the focus');
        return { focused: describe(active()), summary: root.querySelector('.summary').textContent, firstName: errorOf('firstName') };
      `);
      assert.equal(state.focused, 'summary');
      assert.match(state.summary, /Ange ditt förnamn/);
      assert.match(state.firstName ?? '', /förnamn/i);
      assert.deepEqual(await axe(), []);
    });

    it('sends a lead through the relay to Vitec by keyboard alone, with the campaign tags from the URL, and shows its id', async () => {
      const before = stack.mock.leads.length;
      await open('?utm_source=nyhetsbrev&utm_campaign=v%C3%A5r');
      // Tab from the top of the page: the first stop is the first name.
      const stops: (string | null)[] = [];
      for (const text of ['Anna', 'Svensson', 'anna@example.se']) {
        await tab.press('Tab');
        stops.push(await run<string | null>('return describe(active());'));
        await tab.type(text);
      }
      assert.deepEqual(stops, ['firstName', 'lastName', 'email.emailAddress']);
      await tab.press('Enter');
      const shown = await run<string>(`
        const success = await until(() => root.querySelector('.success'), 'the thank-you');
        return success.textContent.replace(/\\s+/g, ' ');
      `);
      assert.equal(stack.mock.leads.length, before + 1);
      const received = stack.mock.leads.at(-1)!;
      assert.ok(shown.includes(received.id), `the thank-you shows the lead id ${received.id}: ${shown}`);
      const lead = received.lead as { person: Record<string, unknown>; marketing?: { utmTags?: unknown } };
      assert.equal(lead.person.firstName, 'Anna');
      assert.equal(lead.person.lastName, 'Svensson');
      assert.deepEqual((lead.person.email as { emailAddress: string }).emailAddress, 'anna@example.se');
      assert.deepEqual(lead.marketing?.utmTags, [
        { name: 'utm_source', value: 'nyhetsbrev' },
        { name: 'utm_campaign', value: 'vår' },
      ]);
      assert.deepEqual(await axe(), []);
    });

    /**
     * Has a valuation sent with `file` answered 503 (the failure shown, nothing sent), then with it served again: the
     * next try sends. Returns the URLs the file was asked for.
     */
    const sendValuationAfterFailure = async (file: Flaky) => {
      const before = stack.mock.leads.length;
      file.down = true;
      file.asked.length = 0;
      await tab.goto(`${site.url}/vardera`);
      await run(`await until(() => root && root.querySelector('input[name="address.streetAddress"]'), 'the form');`);
      const failed = await run<string>(`
        set({ firstName: 'Anna', lastName: 'Svensson', 'email.emailAddress': 'anna@example.se',
          'address.streetAddress': 'Villavägen 12', 'address.zipCode': '18260', 'address.city': 'Djursholm' });
        root.querySelector('form').requestSubmit();
        return (await until(() => root.querySelector('.status-failed'), 'the failure')).textContent;
      `);
      assert.match(failed, /kunde inte laddas klart/);
      assert.equal(stack.mock.leads.length, before, 'nothing sent without it');
      file.down = false;
      await run(`
        root.querySelector('form').requestSubmit();
        await until(() => root.querySelector('.success'), 'the thank-you');
      `);
      assert.equal(stack.mock.leads.length, before + 1);
      assert.equal(stack.mock.leads.at(-1)!.kind, 'valuation');
      return file.asked;
    };

    it('sends a valuation on the next try after its part of the behaviour failed to load once', async () => {
      const asked = await sendValuationAfterFailure(flaky.kindBehaviour);
      // Firefox fails a second import() of a URL whose first failed without asking again: the retry names another.
      assert.equal(asked.length, 2, asked.join(', '));
    });

    it('sends a valuation on the next try after the behaviour failed to load once', async () => {
      // The kinds' part, loaded after the behaviour came under another URL, must not import the failed one: Firefox
      // would fail that import for the page's life.
      const asked = await sendValuationAfterFailure(flaky.behaviour);
      assert.equal(asked.length, 2, asked.join(', '));
    });

    /**
     * Opens the page with `file` answered 503 (the page's idle fetch of it fails), then has the visitor fill the form in
     * and send it, with the file served again: resolves once the thank-you shows.
     */
    const sendAfterIdleFailure = async (file: Flaky, query = '') => {
      file.down = true;
      file.asked.length = 0;
      await open(query);
      for (const started = Date.now(); !file.asked.length; ) {
        if (Date.now() - started > 10_000) throw new Error('the page never asked for the file when idle');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      file.down = false;
      await run(`
        set({ firstName: 'Anna', lastName: 'Svensson', 'email.emailAddress': 'anna@example.se' });
        root.querySelector('form').requestSubmit();
        await until(() => root.querySelector('.success'), 'the thank-you');
      `);
    };

    it("sends a lead with the campaign from the URL after the visit's recording failed to load when the page was idle", async () => {
      const before = stack.mock.leads.length;
      await sendAfterIdleFailure(flaky.recording, '?utm_source=nyhetsbrev&utm_campaign=jul');
      assert.equal(stack.mock.leads.length, before + 1);
      const lead = stack.mock.leads.at(-1)!.lead as { marketing?: { utmTags?: unknown } };
      assert.deepEqual(lead.marketing?.utmTags, [
        { name: 'utm_source', value: 'nyhetsbrev' },
        { name: 'utm_campaign', value: 'jul' },
      ]);
      assert.ok(flaky.recording.asked.length >= 2, flaky.recording.asked.join(', '));
    });

    it("shows Vitec's 400 at its field and keeps what the visitor typed", async () => {
      const before = stack.mock.leads.length;
      await open();
      stack.mock.mode = {
        status: 400,
        times: 1,
        body: {
          Message: 'The request is invalid.',
          ModelState: { 'lead.Person.LastName': ['Efternamnet är spärrat.'] },
        },
      };
      const state = await run<{ lastName: string | null; values: string[] }>(`
        set({ firstName: 'Anna', lastName: 'Svensson', 'email.emailAddress': 'anna@example.se' });
        root.querySelector('form').requestSubmit();
        await until(() => errorOf('lastName'), 'the error at the last name');
        return { lastName: errorOf('lastName'), values: ['firstName', 'lastName', 'email.emailAddress'].map((n) => root.querySelector('[name="' + n + '"]').value) };
      `);
      stack.mock.mode = {};
      assert.match(state.lastName ?? '', /Efternamnet är spärrat/);
      assert.deepEqual(state.values, ['Anna', 'Svensson', 'anna@example.se']);
      assert.equal(stack.mock.leads.length, before, 'nothing stored');
      assert.deepEqual(await axe(), []);
    });
  });
}
