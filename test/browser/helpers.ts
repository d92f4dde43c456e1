import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { loadBehaviour } from '../../src/element/behaviour-loader.js';
import { loadVisitRecorder } from '../../src/page/visit.js';
import type { VitecLeadFormElement } from '../../src/element/lead-form.js';
import type { ReceivedLead } from '../../src/server/mock/mock-vitec.js';

// The tests act at once after a form renders; a visitor's browser fetches the behaviour (with the check of the
// attributes) and the visit's recording at the first focus. Waiting for them here keeps each test about one thing;
// test/e2e/drop-in.test.ts sends before they have arrived, and without them, from the built files.
await Promise.all([loadBehaviour(), loadVisitRecorder()]);

/** A mock of Vitec of this test file's own, mounted by test/support/mock-middleware.ts. */
export function mockAt(name: string) {
  const base = `/mock/${name}`;
  const call = async (path: string, method: string, body?: unknown) => {
    const response = await fetch(base + path, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return response.json();
  };
  return {
    endpoint: `${base}/PublicAdvertising/{customerId}/Contact/Person/Lead`,
    leads: async (): Promise<ReceivedLead[]> => (await call('/__mock/leads', 'GET')).leads,
    setMode: (mode: Record<string, unknown>) => call('/__mock/mode', 'PUT', mode),
    reset: async () => {
      await call('/__mock/leads', 'DELETE');
      await call('/__mock/mode', 'DELETE');
    },
  };
}

/** The engine under test: Chromium, Firefox (over WebDriver BiDi) or WebKit (over classic WebDriver). */
export const engine: 'chromium' | 'firefox' | 'webkit' = navigator.userAgent.includes('Firefox')
  ? 'firefox'
  : /Chrom(e|ium)\//.test(navigator.userAgent)
    ? 'chromium'
    : 'webkit';

/**
 * Only Chromium is driven through the DevTools protocol: the few tests that need it (the accessibility tree
 * snapshot, media emulation) skip in Firefox and WebKit, each saying so. The browser can; the driver cannot.
 */
export const driverHasNoCdp = engine !== 'chromium';

/** Sets the page's viewport: @web/test-runner-commands' `setViewport`, or test/support/webkit.js's in WebKit. */
export async function viewport(size: { width: number; height: number }): Promise<void> {
  if (engine === 'webkit') await executeServerCommand('webkit-set-viewport', size);
  else await setViewport(size);
}

export function root(el: VitecLeadFormElement): ShadowRoot {
  return el.shadowRoot!;
}

/**
 * A form set up wrong says so once the check of its attributes is here. A visitor's first focus in the form fetches
 * it (a form in `preview` fetches it when the page is idle), so this focuses the form's first input first.
 */
export async function configError(el: VitecLeadFormElement): Promise<Element> {
  root(el).querySelector<HTMLElement>('input, textarea')?.focus();
  await until(() => root(el).querySelector('.config-error'), 'the configuration error');
  return root(el).querySelector('.config-error')!;
}

export function input(el: VitecLeadFormElement, name: string): HTMLInputElement {
  const found = root(el).querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!found) throw new Error(`no input named ${name}`);
  return found;
}

/**
 * Types a value the way an `input` event reports it, then leaves the input. The form draws in a task of its own after
 * it is upgraded, so its first render is awaited first, as a page script that reaches into it would.
 */
export async function fill(el: VitecLeadFormElement, values: Record<string, string | boolean>): Promise<void> {
  await el.updateComplete;
  for (const [name, value] of Object.entries(values)) {
    const field = input(el, name);
    field.focus();
    if (typeof value === 'boolean') {
      field.checked = value;
      field.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      field.value = value;
      field.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }
    field.blur();
  }
  await el.updateComplete;
}

export function submit(el: VitecLeadFormElement): void {
  root(el).querySelector('form')!.requestSubmit();
}

export function errorOf(el: VitecLeadFormElement, name: string): string | undefined {
  const field = input(el, name);
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.length ? root(el).getElementById(ids[0]!)?.textContent?.replace(/\s+/g, ' ').trim() : undefined;
}

export async function until(check: () => unknown, what: string, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** WCAG relative luminance of an `rgb()`/`rgba()` colour as getComputedStyle gives it. */
function luminance(color: string): number {
  const [r, g, b] = color
    .match(/\d+(\.\d+)?/g)!
    .slice(0, 3)
    .map(Number)
    .map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two computed colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
