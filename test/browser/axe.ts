/** axe-core with the WCAG 2.0–2.2 A and AA rule tags, over an element and its shadow root. */
interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown; html: string }[] }[];
}
declare global {
  interface Window {
    axe?: { run(context: Element, options: object): Promise<AxeResult> };
  }
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function axeViolations(element: Element): Promise<string[]> {
  // @ts-expect-error: axe.min.js is a script that registers window.axe.
  if (!window.axe) await import('axe-core/axe.min.js');
  const result = await window.axe!.run(element, {
    runOnly: { type: 'tag', values: WCAG_TAGS },
    resultTypes: ['violations'],
  });
  return result.violations.map(
    (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
}
