/**
 * Loads behaviour.ts (with the check of the attributes, config-check.ts; and, for a website kind's form,
 * kind-behaviour.ts through it) once, for every form on the page, at the visitor's first focus or input in a form, with
 * the visit's recording (page/visit.ts loads it) for a submit; a failed load is tried again at the next call
 * (load-once.ts).
 */
import { adoptStyles, type CSSResult, type ReactiveController, supportsAdoptingStyleSheets } from 'lit';
import type { LeadSender } from './lead-sender.js';
import type { SubmissionHost } from './submission.js';
import { loadOnce } from '../page/load-once.js';
import { loadedVisitRecorder, loadVisitRecorder, whenIdle } from '../page/visit.js';
import { isWebsiteKind } from '../lead/lead-kinds.js';

export type Behaviour = typeof import('./behaviour.js');
export type KindBehaviour = typeof import('./kind-behaviour.js');

const behaviourPart = loadOnce(() => import('./behaviour.js'));
export const loadBehaviour = behaviourPart.load;
/** The behaviour if it has arrived, without waiting: a form uses it at once, in the same task. */
export const loadedBehaviour = behaviourPart.loaded;

/** The website kinds' part of the behaviour (kind-behaviour.ts), loaded once, by the behaviour. */
const kindPart = {
  load: () => loadBehaviour().then((behaviour) => behaviour.kindBehaviour.load()),
  loaded: () => loadedBehaviour()?.kindBehaviour.loaded(),
};

/**
 * Adds `sheet` to a form's shadow root after its own stylesheet: a constructable sheet where the browser adopts them
 * (not subject to a CSP's style-src), else a `<style>` as Lit itself adds one (with the page's `litNonce`).
 */
export function adoptLater(root: HTMLElement | DocumentFragment, sheet: CSSResult): void {
  if (supportsAdoptingStyleSheets && root instanceof ShadowRoot)
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet.styleSheet!];
  else if (root instanceof ShadowRoot) adoptStyles(root, [sheet]);
}

/**
 * One form's side of it, as a Lit reactive controller: the behaviour, with the check of the attributes, is fetched at
 * the visitor's first focus or input in the form (and the schema built when idle after it); the sending controller is
 * made from it the first time it is there.
 */
export class BehaviourController implements ReactiveController {
  behaviour?: Behaviour;
  sender?: LeadSender;

  constructor(private readonly host: SubmissionHost) {
    host.addController(this);
  }

  hostConnected(): void {
    // A CMS editor's or the snippet builder's preview says what is set up wrong without a click in it: the behaviour,
    // which holds the check, is fetched when the page is idle.
    if (this.host.preview) whenIdle(this.check);
    this.host.addEventListener('focusin', this.warm, { once: true });
    this.host.addEventListener('input', this.warm, { once: true });
  }

  hostDisconnected(): void {
    this.host.removeEventListener('focusin', this.warm);
    this.host.removeEventListener('input', this.warm);
  }

  /**
   * At the visitor's first focus or input in the form, not when the page is idle: a page whose visitor never turns to
   * the form never fetches or runs it, nor the check of its attributes (a form set up wrong says so then, before
   * anything typed could be lost). The schema is built in an idle task of its own after the chunk's evaluation (two
   * shorter tasks), before the first submit can need it.
   */
  private warm = () => {
    void this.check();
    this.ready()
      .then((behaviour) =>
        whenIdle(() => {
          behaviour.getLeadSchema();
          whenIdle(() => behaviour.rehearse(this.host));
        }),
      )
      .catch(() => undefined);
  };

  /**
   * The check of the attributes: a form it finds set up wrong is drawn again, saying so (one not drawn yet says so at
   * its first drawing). The visitor's focus, in an input the error replaces, moves to the error rather than to nowhere.
   */
  private check = () =>
    loadBehaviour().then(
      () => {
        if (!this.host.hasUpdated || !this.configError) return;
        if ((this.host.renderRoot as ShadowRoot).activeElement) this.host.focusAfterUpdate('config-error');
        this.host.requestUpdate();
      },
      () => undefined,
    );

  /** What is wrong with the form's attributes, as the sentence it shows; empty until the check is here. */
  get configError(): string {
    return loadedBehaviour()?.configErrorOf(this.host) ?? '';
  }

  /** For an interest, booking or valuation form: its body and check (kind-behaviour.ts), once here. */
  get kindBehaviour(): KindBehaviour | undefined {
    return kindPart.loaded();
  }

  /** Whether the form is of a website kind, whose behaviour needs its kinds' part too. */
  private get ofKind(): boolean {
    return isWebsiteKind(this.host.kind);
  }

  /**
   * The behaviour if it has arrived (for any form on the page), with the visit's recording and a website kind's part
   * for such a form, without waiting; its states' CSS adopted once.
   */
  now(): Behaviour | undefined {
    if ((this.ofKind && !kindPart.loaded()) || !loadedVisitRecorder()) return undefined;
    const behaviour = (this.behaviour ??= loadedBehaviour());
    if (behaviour && !this.sender) {
      this.sender = new behaviour.LeadSender(this.host);
      adoptLater(this.host.renderRoot, behaviour.statesStyles);
    }
    return behaviour;
  }

  /**
   * The behaviour (with the check of the attributes), loaded once for the page, with the visit's recording (and a
   * website kind's part, for such a form): each a file of its own that no other imports, so that each is tried again
   * after a failed fetch.
   */
  async ready(): Promise<Behaviour> {
    const now = this.now();
    if (now) return now;
    await Promise.all([this.ofKind ? kindPart.load() : loadBehaviour(), loadVisitRecorder()]);
    return this.now()!;
  }
}
